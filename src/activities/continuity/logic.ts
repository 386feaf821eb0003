import { changed, type ItemDef, type ItemKind, type TakeId } from './params';

/**
 * The continuity activity as a pure state machine: which take is on the monitor, which takes the
 * visitor has looked at, and which changes are in the script supervisor's notes (in the order they
 * were found, as the notes are written). No three.js, no words: the view and the texts read it.
 */

export interface ContinuityState {
  readonly take: TakeId;
  /** Whether take 2 has been shown: a change can only be spotted by comparing the two. */
  readonly compared: boolean;
  /** The changes found so far, in the order they were noted. */
  readonly found: readonly ItemKind[];
  /** Picks of things that matched (for the debug view and the bench: how the visitor got there). */
  readonly misses: number;
}

export type PickOutcome =
  /** A real change, now in the notes. */
  | 'found'
  /** Already in the notes. */
  | 'already'
  /** Matches in both takes: try again. */
  | 'matches'
  /** Take 2 has not been looked at yet: compare first. */
  | 'compare-first'
  /** Not one of the candidates (a programming error upstream; nothing changes). */
  | 'unknown';

export class ContinuityLogic {
  private current: ContinuityState;
  private readonly changes: ReadonlySet<ItemKind>;

  constructor(private readonly items: readonly ItemDef[]) {
    this.changes = new Set(items.filter(changed).map((i) => i.id));
    this.current = ContinuityLogic.initial();
  }

  private static initial(): ContinuityState {
    return { take: 'take1', compared: false, found: [], misses: 0 };
  }

  get state(): ContinuityState {
    return this.current;
  }

  /** How many changes there are to find. */
  get total(): number {
    return this.changes.size;
  }

  get done(): boolean {
    return this.current.found.length === this.changes.size;
  }

  isChange(id: ItemKind): boolean {
    return this.changes.has(id);
  }

  isFound(id: ItemKind): boolean {
    return this.current.found.includes(id);
  }

  /** Puts a take on the monitor; false when it was already showing (nothing to redraw). */
  showTake(take: TakeId): boolean {
    if (take === this.current.take) return false;
    this.current = { ...this.current, take, compared: this.current.compared || take === 'take2' };
    return true;
  }

  /** The visitor says this item changed between the takes. */
  pick(id: ItemKind): PickOutcome {
    if (!this.items.some((i) => i.id === id)) return 'unknown';
    if (this.isFound(id)) return 'already';
    if (!this.current.compared) return 'compare-first';
    if (!this.changes.has(id)) {
      this.current = { ...this.current, misses: this.current.misses + 1 };
      return 'matches';
    }
    this.current = { ...this.current, found: [...this.current.found, id] };
    return 'found';
  }

  reset(): void {
    this.current = ContinuityLogic.initial();
  }
}
