/**
 * Everything the classroom server reads from the environment, with its default, in one place.
 * docs/CLASSROOM.md lists the same variables for teachers and technicians.
 */
import { networkInterfaces } from 'node:os';
import { LIMITS } from '../src/classroom/protocol';

export type TlsChoice = { readonly kind: 'off' } | { readonly kind: 'self-signed' } | { readonly kind: 'files'; readonly cert: string; readonly key: string };

export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  readonly tls: TlsChoice;
  readonly redisUrl: string | null;
  /** Students per session. */
  readonly cap: number;
  /** How long a session lives after its last change (open), and after it ended (results). */
  readonly ttlMs: number;
  readonly endedTtlMs: number;
  /** Most open sessions one process holds in memory (a guard against a flood of "open"). */
  readonly maxSessions: number;
  /** Folder of the built app to serve; null serves no files (the socket only). */
  readonly distDir: string | null;
  /** The address students use, when the server sits behind a proxy or a name; else derived. */
  readonly publicUrl: string | null;
  /** Other page origins allowed to open a socket (e.g. the Vite dev server). */
  readonly origins: readonly string[];
  /** Take the client address from X-Forwarded-For (only behind a proxy you run). */
  readonly trustProxy: boolean;
  /** Where the self-signed certificate is kept (gitignored). */
  readonly stateDir: string;
}

export const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || /^127\./.test(host);

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || n > max) throw new Error(`${name}=${raw} is not a number between 0 and ${max}`);
  return n;
}

/**
 * HTTPS unless told otherwise or serving only this machine: WebXR needs a secure context, and
 * http://localhost / 127.0.0.1 already is one. The school's own certificate wins when given.
 */
function tlsChoice(env: NodeJS.ProcessEnv, host: string): TlsChoice {
  const cert = env.TLS_CERT;
  const key = env.TLS_KEY;
  if (cert || key) {
    if (!cert || !key) throw new Error('TLS_CERT and TLS_KEY go together (paths to PEM files)');
    return { kind: 'files', cert, key };
  }
  const https = env.HTTPS;
  if (https === '0' || https === 'false') return { kind: 'off' };
  if (https === '1' || https === 'true') return { kind: 'self-signed' };
  return isLoopback(host) ? { kind: 'off' } : { kind: 'self-signed' };
}

export function configFromEnv(env: NodeJS.ProcessEnv): ServerConfig {
  const host = env.HOST || '0.0.0.0';
  const tls = tlsChoice(env, host);
  return {
    host,
    port: env.PORT === '0' ? 0 : positive(env, 'PORT', tls.kind === 'off' ? 8080 : 8443, 65535), // 0: any free port (tests)
    tls,
    redisUrl: env.REDIS_URL || null,
    cap: positive(env, 'CLASS_CAP', LIMITS.cap, LIMITS.capMax),
    ttlMs: positive(env, 'SESSION_TTL_HOURS', 12) * 3_600_000,
    endedTtlMs: positive(env, 'ENDED_TTL_HOURS', 1) * 3_600_000,
    maxSessions: positive(env, 'MAX_SESSIONS', 500),
    distDir: env.DIST_DIR === '' ? null : (env.DIST_DIR ?? 'dist'),
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : null,
    origins: (env.ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    trustProxy: env.TRUST_PROXY === '1',
    stateDir: env.CLASSROOM_DIR || '.classroom',
  };
}

/** This machine's addresses on the local network (what phones and headsets on the Wi-Fi can reach). */
export function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  // Private ranges first: a school Wi-Fi address is what students need.
  const rank = (ip: string): number => (/^(192\.168|10)\./.test(ip) ? 0 : /^172\.(1[6-9]|2\d|3[01])\./.test(ip) ? 1 : 2);
  return out.sort((a, b) => rank(a) - rank(b));
}

/** The origin students use: PUBLIC_URL, else this machine's LAN address (or the loopback host). */
export function publicOrigin(cfg: ServerConfig, port: number): string {
  if (cfg.publicUrl) return cfg.publicUrl;
  const scheme = cfg.tls.kind === 'off' ? 'http' : 'https';
  const wildcard = cfg.host === '0.0.0.0' || cfg.host === '::';
  const host = wildcard ? (lanAddresses()[0] ?? '127.0.0.1') : cfg.host;
  const shown = host.includes(':') ? `[${host}]` : host;
  return `${scheme}://${shown}:${port}`;
}
