/**
 * The kiosk's visitor cycle as a pure state machine (times in milliseconds, from the caller):
 * attract loop → a touch begins a visit → no input for `idleMs` → "Still there?" countdown →
 * a touch carries on (WCAG 2.2.1 Enough Time), or after `countdownMs` a full reset to attract.
 */
export type KioskPhase = 'attract' | 'visit' | 'countdown';
export type IdleEffect = 'none' | 'begin' | 'countdown' | 'dismiss' | 'reset';

export class IdleMachine {
  phase: KioskPhase = 'attract';
  private lastInput = 0;
  private countdownFrom = 0;

  constructor(
    private readonly idleMs: number,
    private readonly countdownMs: number,
  ) {}

  /** Any touch, click, key or pointer movement of a visitor. */
  input(now: number): IdleEffect {
    this.lastInput = now;
    if (this.phase === 'attract') {
      this.phase = 'visit';
      return 'begin';
    }
    if (this.phase === 'countdown') {
      this.phase = 'visit';
      return 'dismiss';
    }
    return 'none';
  }

  /** Called a few times a second. */
  tick(now: number): IdleEffect {
    if (this.phase === 'visit' && now - this.lastInput >= this.idleMs) {
      this.phase = 'countdown';
      this.countdownFrom = now;
      return 'countdown';
    }
    if (this.phase === 'countdown' && now - this.countdownFrom >= this.countdownMs) {
      this.phase = 'attract';
      return 'reset';
    }
    return 'none';
  }

  /** Whole seconds left on the countdown (for its display). */
  secondsLeft(now: number): number {
    return this.phase === 'countdown' ? Math.max(0, Math.ceil((this.countdownMs - (now - this.countdownFrom)) / 1000)) : 0;
  }

  /** Back to the attract loop at once (staff restart, watchdog). */
  reset(): void {
    this.phase = 'attract';
  }
}
