/**
 * Real parts for the integration suite: an in-process server, server child processes (exactly
 * what `npm run classroom` runs), a private redis-server, and a failover TCP proxy.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startClassroom, type Classroom } from '../../server/app';
import { loadCatalog } from '../../server/catalog';
import { configFromEnv } from '../../server/config';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const catalog = loadCatalog(ROOT);

/** A short take (set.json roles): two cues for students, the rest played by the app. */
export const STEPS = [
  { id: 'roll-sound', role: 'assistant-director', cue: false, seconds: 0.3 },
  { id: 'sound-speed', role: 'sound-mixer', cue: true, seconds: 1.5 },
  { id: 'roll-camera', role: 'assistant-director', cue: false, seconds: 0.3 },
  { id: 'rolling', role: 'camera-operator', cue: true, seconds: 1.5 },
  { id: 'action', role: 'director', cue: false, seconds: 0.3 },
];


/** A stand-in dist/ (the real build is the browser suite's business). */
export function fakeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'backlot-dist-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Backlot</title>');
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export async function startInProcess(env: Record<string, string> = {}): Promise<{ server: Classroom; logs: string[] }> {
  const logs: string[] = [];
  const config = configFromEnv({ HOST: '127.0.0.1', PORT: '0', DIST_DIR: fakeDist(), ...env });
  const server = await startClassroom({ config, catalog, tls: null, log: (l) => logs.push(l), origin: (p) => `http://127.0.0.1:${p}` });
  return { server, logs };
}

/** Every process started here ends with this one, however it ends (a crash skips `finally`). */
const started = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of started) if (c.exitCode === null) c.kill('SIGKILL');
});
function track(c: ChildProcess): ChildProcess {
  started.add(c);
  c.once('exit', () => started.delete(c));
  return c;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function waitForPort(port: number, ms: number): Promise<void> {
  const end = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const attempt = (): void => {
      const c = createConnection(port, '127.0.0.1');
      c.once('connect', () => (c.destroy(), resolve()));
      c.once('error', () => (Date.now() > end ? reject(new Error(`nothing listening on ${port} after ${ms} ms`)) : setTimeout(attempt, 50)));
    };
    attempt();
  });
}

/** A private Redis: no disk, a free port, stopped by its pid. Fails with the install line if absent. */
export async function startRedis(): Promise<{ url: string; stop(): void }> {
  const bin = process.env.REDIS_SERVER ?? 'redis-server';
  if (spawnSync(bin, ['--version']).error) throw new Error('redis-server is missing: apt-get install -y redis-server');
  const port = await freePort();
  const child = track(spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' }));
  await waitForPort(port, 5000);
  return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

export interface Child {
  readonly url: string;
  readonly port: number;
  readonly proc: ChildProcess;
  readonly logs: string[];
}

/** One server process, started the way `npm run classroom` starts it. */
export async function spawnServer(env: Record<string, string>): Promise<Child> {
  const port = await freePort();
  // `node --import tsx`, not the tsx binary: that one runs the server in a second process, which a
  // SIGKILL of the first would leave running.
  const proc = track(spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DIST_DIR: fakeDist(), CLASSROOM_NO_BUILD: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  }));
  const logs: string[] = [];
  const keep = (b: Buffer): void => void logs.push(...b.toString().split('\n').filter(Boolean));
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  await waitForPort(port, 20_000);
  return { url: `http://127.0.0.1:${port}`, port, proc, logs };
}

/**
 * What a load balancer with health checks does: each new connection goes to the first backend
 * that accepts it. Clients know one address; a dead process is skipped on their reconnection.
 */
export async function failoverProxy(backends: () => number[]): Promise<{ port: number; close(): Promise<void> }> {
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    client.pause();
    const tryNext = (list: number[]): void => {
      const [port, ...rest] = list;
      if (port === undefined) return void client.destroy();
      const up = createConnection(port, '127.0.0.1');
      up.once('error', () => (up.destroy(), tryNext(rest)));
      up.once('connect', () => {
        open.add(up);
        up.removeAllListeners('error');
        up.on('error', () => client.destroy());
        up.on('close', () => (open.delete(up), client.destroy()));
        client.on('close', () => up.destroy());
        client.pipe(up);
        up.pipe(client);
        client.resume();
      });
    };
    tryNext(backends());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as { port: number }).port,
    close: () => new Promise((r) => {
      for (const s of open) s.destroy();
      server.close(() => r());
    }),
  };
}
