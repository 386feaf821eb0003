/**
 * The one ordered per-frame update, in named phases instead of the order hooks happened to be
 * registered in (Hubs' lesson: one ordered update calling plain functions). A feature says which
 * phase its frame work belongs to; within a phase, work runs in the order it was added.
 *
 * - input:    read what the visitor is doing (keys held, pointers)
 * - travel:   move the visitor (glides, fades, keyboard walking)
 * - xr:       headset and AR: head placement on the first tracked frame, rays, the AR model
 * - activity: timelines on the set (a take, hands-on activities)
 * - audio:    narration clock and the listener (after the head is placed this frame)
 * - overlays: role tags, focus ring, anything laid out over the set
 * - hud:      the DOM over the view (floor plan, analytics of the XR mode)
 * - commit:   uploads that must come after every writer has run (the shared line batch)
 */
export const PHASES = ['input', 'travel', 'xr', 'activity', 'audio', 'overlays', 'hud', 'commit'] as const;
export type Phase = (typeof PHASES)[number];

/** Frame work: `dt` in seconds (clamped, see FramePhases.run). */
export type FrameWork = (dt: number) => void;

interface Entry {
  readonly work: FrameWork;
  readonly name: string;
  failed: boolean;
}

export class FramePhases {
  private readonly lists = new Map<Phase, Entry[]>(PHASES.map((p) => [p, []]));

  /** Adds frame work to a phase; returns its remover. `name` says whose work it is in an error. */
  add(phase: Phase, name: string, work: FrameWork): () => void {
    const entry: Entry = { work, name, failed: false };
    this.lists.get(phase)!.push(entry);
    return () => {
      const list = this.lists.get(phase)!;
      const i = list.indexOf(entry);
      if (i >= 0) list.splice(i, 1);
    };
  }

  /**
   * Runs every phase in order. One feature's error is logged once (not every frame) and does not
   * stop the others, nor the render loop: A-Frame's loop stops for good on an uncaught throw.
   */
  run(dt: number): void {
    for (const phase of PHASES) {
      for (const entry of this.lists.get(phase)!) {
        try {
          entry.work(dt);
        } catch (err) {
          if (entry.failed) continue;
          entry.failed = true;
          console.error(`Backlot: frame work "${entry.name}" (${phase} phase) failed; it keeps running, this is reported once.`, err);
        }
      }
    }
  }

  /** How much work each phase holds (tests read this after a teardown). */
  counts(): Record<Phase, number> {
    return Object.fromEntries(PHASES.map((p) => [p, this.lists.get(p)!.length])) as Record<Phase, number>;
  }
}
