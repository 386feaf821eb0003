/**
 * One classroom server: the built app's static files and the Socket.IO session endpoint on one
 * HTTP(S) server (one origin, so a device that accepted the certificate for the page also trusts
 * the socket). Started by main.ts and, in-process, by the integration tests and the bench.
 */
import { createServer as createHttp, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-adapter';
import { Server } from 'socket.io';
import { PROTOCOL_VERSION, type Catalog } from '../src/classroom/protocol';
import type { ServerConfig } from './config';
import { KeyedBuckets, RATES } from './limits';
import { connectRedis, MemoryStore, RedisStore, type SessionStore } from './sessions';
import { ClassroomSockets, type ClassroomServer } from './socket';
import { staticFiles } from './static';
import type { Tls } from './tls';

export interface StartOptions {
  readonly config: ServerConfig;
  readonly catalog: Catalog;
  readonly tls: Tls | null;
  readonly log: (line: string) => void;
  /** The address students use (PUBLIC_URL or derived); called once the port is known. */
  readonly origin: (port: number) => string;
  readonly onOpen?: (code: string, joinUrl: string) => void;
}

export interface Classroom {
  readonly port: number;
  /** Where this process listens (for tests); students use `origin`. */
  readonly url: string;
  readonly origin: string;
  readonly store: SessionStore;
  readonly io: ClassroomServer;
  close(): Promise<void>;
}

/** A socket only from a page of our own origin (or one allowed): no other site may drive a class. */
function originAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // not a browser page (tests, tools): the protocol's own checks apply
  try {
    return new URL(origin).host === req.headers.host || allowed.includes(origin);
  } catch {
    return false;
  }
}

const clientAddress = (req: IncomingMessage, trustProxy: boolean): string => {
  const fwd = trustProxy ? req.headers['x-forwarded-for'] : undefined;
  return (typeof fwd === 'string' ? fwd.split(',')[0]!.trim() : req.socket.remoteAddress) ?? '?';
};

export async function startClassroom(o: StartOptions): Promise<Classroom> {
  const { config: cfg, log } = o;
  const files = cfg.distDir ? staticFiles(cfg.distDir) : (_: IncomingMessage, res: ServerResponse) => res.writeHead(404).end();
  const http = o.tls ? createHttps({ cert: o.tls.cert, key: o.tls.key }, files) : createHttp(files);
  const connections = new KeyedBuckets(RATES.connections.burst, RATES.connections.perSecond);
  const io: ClassroomServer = new Server(http, {
    transports: ['websocket'], // no long-polling: no sticky sessions needed between processes
    serveClient: false, // the browser's client is bundled by Vite
    maxHttpBufferSize: 64 * 1024, // hard frame limit; each message has a far smaller one (protocol.ts)
    pingInterval: 10_000, // a dead Wi-Fi link shows on the dashboard within ~15 s
    pingTimeout: 5_000,
    allowRequest: (req, done) => {
      if (!originAllowed(req, cfg.origins)) return done('origin not allowed', false);
      done(null, connections.take(clientAddress(req, cfg.trustProxy), Date.now()));
    },
  });
  io.use((socket, next) => {
    const v = (socket.handshake.auth as { v?: unknown } | undefined)?.v;
    next(v === PROTOCOL_VERSION ? undefined : new Error(`protocol version ${PROTOCOL_VERSION} required`));
  });

  let store: SessionStore;
  let redis: Awaited<ReturnType<typeof connectRedis>> | null = null;
  if (cfg.redisUrl) {
    redis = await connectRedis(cfg.redisUrl, log);
    io.adapter(createAdapter(redis.pub, redis.sub, { key: 'backlot:classroom:io' }));
    store = new RedisStore(redis.data, cfg);
  } else {
    store = new MemoryStore(cfg);
  }

  let origin = '';
  const classroom = new ClassroomSockets(io, {
    store,
    catalog: o.catalog,
    log,
    cap: cfg.cap,
    maxSessions: cfg.maxSessions,
    joinUrl: (code) => `${origin}/?session=${code}`,
    shared: redis !== null,
    address: (socket) => clientAddress(socket.request, cfg.trustProxy),
    ...(o.onOpen ? { onOpen: (code: string) => o.onOpen!(code, `${origin}/?session=${code}`) } : {}),
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(cfg.port, cfg.host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  origin = o.origin(port);
  const shownHost = cfg.host === '0.0.0.0' || cfg.host === '::' ? '127.0.0.1' : cfg.host;
  return {
    port,
    url: `${o.tls ? 'https' : 'http'}://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`,
    origin,
    store,
    io,
    async close() {
      classroom.close();
      await new Promise<void>((resolve) => void io.close(() => resolve())); // closes the HTTP server too
      await store.close();
      await redis?.close();
    },
  };
}
