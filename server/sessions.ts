/**
 * Where sessions live. In memory for one server process; with REDIS_URL, in Redis with a
 * time-to-live, so several processes (a museum with many rooms, or a spare for failover) share
 * every session and a process can die without losing one.
 *
 * Both stores offer one operation, `apply`: read the session, let a pure function decide the next
 * state, write it only if nothing else wrote in between. In Redis that is a compare-and-set on the
 * session's revision (a Lua script, atomic in Redis), retried on conflict.
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
interface Job {
  readonly fn: Apply<unknown>;
  readonly resolve: (v: unknown) => void;
  readonly reject: (e: unknown) => void;
}
interface Known {
  readonly v: string;
  readonly s: SessionState;
}
const CACHE_MAX = 1000;

/**
 * Group commit: while one write of a session is in flight, the next events for it wait; then all
 * of them run through the machine in order and go to Redis as one compare-and-set. Forty
 * students resuming at once after a failover cost a few writes, not forty. The last state this
 * process wrote or read is kept, so a write is one round trip; a conflict reads afresh and runs
 * the batch again (the functions are pure), and an answer without a write is checked against
 * the stored revision first (another process may have changed the session).
 */
export class RedisStore implements SessionStore {
  readonly kind = 'redis';
  private readonly pending = new Map<string, Job[]>();
  private readonly busy = new Map<string, Promise<void>>();
  private readonly known = new Map<string, Known>();

  constructor(
    private readonly redis: Redis,
    private readonly ttl: Ttl,
    private readonly prefix = 'backlot:classroom:',
  ) {}

  async create(s: SessionState): Promise<boolean> {
    const r = await this.redis.eval(CREATE, { keys: [this.key(s.code)], arguments: [String(s.rev), JSON.stringify(s), String(ttlOf(s, this.ttl))] });
    if (r === 1) this.remember(s.code, { v: String(s.rev), s });
    return r === 1;
  }

  apply<T>(code: string, fn: Apply<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const jobs = this.pending.get(code) ?? [];
      jobs.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      this.pending.set(code, jobs);
      if (!this.busy.has(code)) this.busy.set(code, this.drain(code));
    });
  }

  size(): number {
    return 0;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.busy.values()]);
  }

  private key(code: string): string {
    return `${this.prefix}s:${code}`;
  }

  private remember(code: string, k: Known | null): void {
    this.known.delete(code);
    if (!k) return;
    if (this.known.size >= CACHE_MAX) this.known.delete(this.known.keys().next().value!);
    this.known.set(code, k);
  }

  private async read(code: string): Promise<Known | null> {
    const [v, json] = await this.redis.hmGet(this.key(code), ['v', 's']);
    const k = v && json ? { v, s: JSON.parse(json) as SessionState } : null;
    this.remember(code, k);
    return k;
  }

  private async drain(code: string): Promise<void> {
    try {
      for (let jobs = this.pending.get(code); jobs?.length; jobs = this.pending.get(code)) {
        this.pending.delete(code);
        try {
          const results = await this.commit(code, jobs.map((j) => j.fn));
          jobs.forEach((j, i) => j.resolve(results[i]));
        } catch (e) {
          for (const j of jobs) j.reject(e);
        }
      }
    } finally {
      this.busy.delete(code);
    }
  }

  private async commit(code: string, fns: readonly Apply<unknown>[]): Promise<unknown[]> {
    let cur = this.known.get(code) ?? null;
    let fresh = false;
    if (!cur) [cur, fresh] = [await this.read(code), true];
    for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
      let s = cur?.s ?? null;
      const results = fns.map((fn) => {
        const { next, result } = fn(s);
        if (next) s = next;
        return result;
      });
      if (!cur || !s) return results; // no such session: nothing to write
      if (s === cur.s) {
        if (fresh || (await this.redis.hGet(this.key(code), 'v')) === cur.v) return results;
      } else {
        const ok = await this.redis.eval(SWAP, { keys: [this.key(code)], arguments: [cur.v, String(s.rev), JSON.stringify(s), String(ttlOf(s, this.ttl))] });
        if (ok === 1) {
          this.remember(code, { v: String(s.rev), s });
          return results;
        }
      }
      // Someone else wrote first (or the cache was stale): read again, run the batch again.
      if (attempt > 2) await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
      [cur, fresh] = [await this.read(code), true];
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
