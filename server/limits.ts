/**
 * Token buckets: each message costs one token, tokens come back at a steady rate up to a burst.
 * Per socket for messages; per client address for new connections and new sessions (a fresh socket
 * must not be a way around the per-socket limit).
 */

export class Bucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = burst;
    this.at = now;
  }

  take(now: number, cost = 1): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }

  /** Whether a token is there, without taking it. */
  available(now: number): boolean {
    return this.tokens + ((now - this.at) / 1000) * this.perSecond >= 1;
  }

  /** Full again: nothing to remember. */
  idle(now: number): boolean {
    return this.tokens + ((now - this.at) / 1000) * this.perSecond >= this.burst;
  }
}

export class KeyedBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private sweptAt = 0;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
  ) {}

  take(key: string, now: number): boolean {
    if (now - this.sweptAt > 60_000) this.sweep(now);
    let b = this.buckets.get(key);
    if (!b) this.buckets.set(key, (b = new Bucket(this.burst, this.perSecond, now)));
    return b.take(now);
  }

  /** True when this key has used up its burst (a key never seen is not blocked). */
  blocked(key: string, now: number): boolean {
    const b = this.buckets.get(key);
    return b !== undefined && !b.available(now);
  }

  /** Forgets full buckets, so the map only holds addresses that are busy right now. */
  private sweep(now: number): void {
    this.sweptAt = now;
    for (const [k, b] of this.buckets) if (b.idle(now)) this.buckets.delete(k);
  }
}

/** Message rates per socket: a student's device reports now and then; a teacher clicks faster. */
export const RATES = {
  student: { burst: 20, perSecond: 10 },
  teacher: { burst: 40, perSecond: 20 },
  /** Drops after which a socket is disconnected (a client stuck in a loop, or a hostile one). */
  dropsBeforeDisconnect: 200,
  /** New connections per client address (a class behind one NAT reconnecting at once fits). */
  connections: { burst: 200, perSecond: 5 },
  /**
   * Failed joins and resumes (unknown code, wrong token) per client address: typing mistakes fit,
   * guessing codes from fresh sockets does not.
   */
  misses: { burst: 30, perSecond: 0.5 },
  /** New sessions per client address. */
  opens: { burst: 10, perSecond: 1 / 60 },
} as const;
