/**
 * Where sessions live. In memory for one server process; with REDIS_URL, in Redis with a
 * time-to-live, so several processes (a museum with many rooms, or a spare for failover) share
 * every session and a process can die without losing one.
 *
 * Both stores offer one operation, `apply`: read the session, let a pure function decide the next
 * state, write it only if nothing else wrote in between. In Redis that is a compare-and-set on the
 * session's revision (a Lua script, atomic in Redis), retried on conflict; within one process the
 * updates of one session are queued first so its own messages do not fight each other.
 */
import { createClient, type RedisClientType } from 'redis';
import type { SessionState } from '../src/classroom/session';

export type Apply<T> = (s: SessionState | null) => { readonly next: SessionState | null; readonly result: T };

export interface SessionStore {
  readonly kind: 'memory' | 'redis';
  /** Stores a new session; false when the code is already in use. */
  create(s: SessionState): Promise<boolean>;
  /** `next: null` writes nothing. Resolves with the `result` of the run that counted. */
  apply<T>(code: string, fn: Apply<T>): Promise<T>;
  /** Open sessions held (memory only; Redis keeps its own count through TTLs). */
  size(): number;
  close(): Promise<void>;
}

export interface Ttl {
  readonly ttlMs: number;
  readonly endedTtlMs: number;
}
const ttlOf = (s: SessionState, t: Ttl): number => (s.status === 'ended' ? t.endedTtlMs : t.ttlMs);

export class MemoryStore implements SessionStore {
  readonly kind = 'memory';
  private readonly sessions = new Map<string, { s: SessionState; expires: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly ttl: Ttl) {
    this.sweeper = setInterval(() => this.sweep(Date.now()), 60_000);
    this.sweeper.unref();
  }

  create(s: SessionState): Promise<boolean> {
    if (this.get(s.code)) return Promise.resolve(false);
    this.sessions.set(s.code, { s, expires: Date.now() + ttlOf(s, this.ttl) });
    return Promise.resolve(true);
  }

  /** Synchronous inside: nothing can run between the read and the write. */
  apply<T>(code: string, fn: Apply<T>): Promise<T> {
    const { next, result } = fn(this.get(code));
    if (next) this.sessions.set(code, { s: next, expires: Date.now() + ttlOf(next, this.ttl) });
    return Promise.resolve(result);
  }

  size(): number {
    let n = 0;
    for (const { s } of this.sessions.values()) if (s.status === 'open') n++;
    return n;
  }

  close(): Promise<void> {
    clearInterval(this.sweeper);
    this.sessions.clear();
    return Promise.resolve();
  }

  private get(code: string): SessionState | null {
    const e = this.sessions.get(code);
    if (!e) return null;
    if (e.expires > Date.now()) return e.s;
    this.sessions.delete(code);
    return null;
  }

  private sweep(now: number): void {
    for (const [code, e] of this.sessions) if (e.expires <= now) this.sessions.delete(code);
  }
}

// KEYS[1] session hash {v: revision, s: JSON}; ARGV: revision, JSON, ttl ms.
const CREATE = `if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'v', ARGV[1], 's', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;
// ARGV: expected revision, new revision, JSON, ttl ms. 0 when someone else wrote (or it expired).
const SWAP = `if redis.call('HGET', KEYS[1], 'v') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'v', ARGV[2], 's', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1`;
const MAX_TRIES = 50;

export type Redis = RedisClientType;

export class RedisStore implements SessionStore {
  readonly kind = 'redis';
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly redis: Redis,
    private readonly ttl: Ttl,
    private readonly prefix = 'backlot:classroom:',
  ) {}

  async create(s: SessionState): Promise<boolean> {
    const r = await this.redis.eval(CREATE, { keys: [this.key(s.code)], arguments: [String(s.rev), JSON.stringify(s), String(ttlOf(s, this.ttl))] });
    return r === 1;
  }

  apply<T>(code: string, fn: Apply<T>): Promise<T> {
    const prev = this.queues.get(code) ?? Promise.resolve();
    const run = prev.then(() => this.swap(code, fn), () => this.swap(code, fn));
    const tail = run.catch(() => undefined);
    this.queues.set(code, tail);
    void tail.then(() => {
      if (this.queues.get(code) === tail) this.queues.delete(code);
    });
    return run;
  }

  size(): number {
    return 0;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.queues.values()]);
  }

  private key(code: string): string {
    return `${this.prefix}s:${code}`;
  }

  private async swap<T>(code: string, fn: Apply<T>): Promise<T> {
    const key = this.key(code);
    for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
      const [v, json] = await this.redis.hmGet(key, ['v', 's']);
      const s = json ? (JSON.parse(json) as SessionState) : null;
      const { next, result } = fn(s);
      if (!next || !s) return result;
      const ok = await this.redis.eval(SWAP, { keys: [key], arguments: [v ?? '', String(next.rev), JSON.stringify(next), String(ttlOf(next, this.ttl))] });
      if (ok === 1) return result;
      // Another process wrote first: read again. Back off a little after a few clashes.
      if (attempt > 2) await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
    }
    throw new Error(`session ${code}: too many concurrent writers`);
  }
}

/** Three connections: commands, and the adapter's publish and subscribe (a subscriber can do nothing else). */
export async function connectRedis(url: string, log: (line: string) => void): Promise<{ data: Redis; pub: Redis; sub: Redis; close(): Promise<void> }> {
  let lastLog = 0;
  const onError = (err: Error): void => {
    // node-redis reconnects by itself; without a listener an error event would end the process.
    if (Date.now() - lastLog > 5000) log(`redis: ${err.message}`);
    lastLog = Date.now();
  };
  const data = createClient({ url }) as Redis;
  const pub = data.duplicate();
  const sub = data.duplicate();
  for (const c of [data, pub, sub]) c.on('error', onError);
  await Promise.all([data.connect(), pub.connect(), sub.connect()]);
  return {
    data,
    pub,
    sub,
    close: async () => {
      await Promise.allSettled([data, pub, sub].map((c) => (c.isOpen ? c.close() : Promise.resolve())));
    },
  };
}
