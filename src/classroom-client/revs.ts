/**
 * Views from the server carry `rev`, and messages from different server processes can overtake
 * each other (docs/CLASSROOM.md): keep the highest rev seen per thing and drop anything older.
 * An equal rev is the same state again (a reply and its event), harmless to apply. Pure.
 */
export class Revs {
  private readonly seen = new Map<string, number>();

  /** Whether a view of `key` at `rev` is news (and remembers it if so). */
  accept(key: string, rev: number): boolean {
    const had = this.seen.get(key);
    if (had !== undefined && rev < had) return false;
    this.seen.set(key, rev);
    return true;
  }

  clear(): void {
    this.seen.clear();
  }
}
