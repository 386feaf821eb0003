import type { TourAction } from '../tour/state';

/** The tour actions that move the visitor somewhere (a click, Next, the floor plan, Enter on the ring). */
const MOVES: ReadonlySet<TourAction['type']> = new Set(['go', 'next', 'previous', 'activateFocus']);

/**
 * Whether the visitor may walk on their own. A teacher's "Lock navigation" and "Pause all" hold it
 * shut; the classroom's own moves (follow me, gather) still pass through `steer`. Kept apart from
 * the tour system so every way of moving (tour actions, keyboard walking, VR teleport and stick)
 * asks the same one question. Pure: no DOM, no timers.
 */
export class NavGate {
  /** Each hold, with whoever wants to hear of a refused move (a pause behind its screen need not). */
  private readonly holds = new Map<object, (() => void) | undefined>();
  private steering = false;

  get locked(): boolean {
    return this.holds.size > 0;
  }

  /** Holds navigation shut until the returned release is called; `onRefused` hears of each refused move. */
  lock(onRefused?: () => void): () => void {
    const token = {};
    this.holds.set(token, onRefused);
    return () => void this.holds.delete(token);
  }

  /** Runs `move` with the gate open: a move the visitor did not ask for (the teacher's). */
  steer(move: () => void): void {
    this.steering = true;
    try {
      move();
    } finally {
      this.steering = false;
    }
  }

  /** Whether `action` may run now; a refused move is reported once to whoever locked. */
  allows(action: TourAction): boolean {
    if (this.steering || !this.locked || !MOVES.has(action.type)) return true;
    this.refuse();
    return false;
  }

  /** A move outside tour actions (teleport, walking keys) was refused: tell whoever locked. */
  refuse(): void {
    const said = [...this.holds.values()].filter((f) => f !== undefined);
    said[said.length - 1]?.();
  }
}
