import { readItem, writeItem } from '../storage';

/** Wrong PINs in a row before the PIN dialog locks, and how long the first lock-out lasts. */
export const PIN_TRIES = 5;
const LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;
const KEY = 'backlot:kiosk-pin-lock';

interface LockState {
  /** Wrong PINs in a row since the last right one or the last lock-out. */
  wrong: number;
  /** Lock-outs in a row (each lasts twice as long as the one before). */
  lockouts: number;
  /** Epoch ms until which no PIN is accepted (0: not locked). */
  until: number;
}

/**
 * The staff PIN's guard against guessing: after five wrong PINs in a row the dialog refuses every
 * PIN for 30 s, then 60 s, 120 s… (at most 15 minutes), until a right one. Kept in the browser, so a
 * reload does not reset it. A pure state kept with an injectable clock, so it is unit-tested.
 */
export class PinLock {
  private state: LockState;

  constructor(
    private readonly now: () => number = () => Date.now(),
    private readonly load: () => string | null = () => readItem(KEY),
    private readonly save: (text: string) => void = (text) => void writeItem(KEY, text),
  ) {
    this.state = parse(this.load(), this.now());
  }

  /** Seconds left of a lock-out (0: PINs are accepted). */
  secondsLeft(): number {
    return Math.max(0, Math.ceil((this.state.until - this.now()) / 1000));
  }

  /** A PIN was tried: its verdict, and the length of a lock-out it started (seconds) if any. */
  tried(right: boolean): { readonly lockedFor: number } {
    if (right) {
      this.state = { wrong: 0, lockouts: 0, until: 0 };
      this.store();
      return { lockedFor: 0 };
    }
    const wrong = this.state.wrong + 1;
    if (wrong < PIN_TRIES) {
      this.state = { ...this.state, wrong };
      this.store();
      return { lockedFor: 0 };
    }
    const ms = Math.min(MAX_LOCK_MS, LOCK_MS * 2 ** this.state.lockouts);
    this.state = { wrong: 0, lockouts: this.state.lockouts + 1, until: this.now() + ms };
    this.store();
    return { lockedFor: ms / 1000 };
  }

  private store(): void {
    this.save(JSON.stringify(this.state));
  }
}

/** A stored state, or a fresh one if it is missing or tampered with. */
function parse(text: string | null, now: number): LockState {
  try {
    const raw = JSON.parse(text ?? 'null') as Partial<LockState> | null;
    const num = (v: unknown, max: number): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.min(v, max) : 0);
    return { wrong: num(raw?.wrong, PIN_TRIES), lockouts: num(raw?.lockouts, 30), until: num(raw?.until, now + MAX_LOCK_MS) };
  } catch {
    return { wrong: 0, lockouts: 0, until: 0 };
  }
}
