import type { ClassView, MateView } from '../classroom/protocol';

/** Where the teacher's last class view sends this student, and the gather call now handled. */
export interface Move {
  /** The station to walk to now (null: stay). */
  readonly go: string | null;
  /** Whether the move is a gather (said on screen) rather than following. */
  readonly gathered: boolean;
  /** The newest gather `seq` handled (0: none yet); kept with the token so a reload does not gather again. */
  readonly gatherSeq: number;
}

/**
 * What a new class view asks of a student (docs/CLASSROOM.md, "How the browser reacts"): on
 * follow, go to the teacher's station, now and whenever it changes; on a gather `seq` newer than
 * the last one handled, go to the gather station. `handled` null means this page has not seen the
 * class yet: the gather standing then is history (the student just joined), not a call. Pure.
 */
export function moveFor(prev: ClassView | null, next: ClassView, handled: number | null, here: string | null): Move {
  // Gather seqs start at 1: 0 is "seen the class, no gather yet", unlike null ("not seen it").
  const baseline = handled ?? next.gather?.seq ?? 0;
  if (next.status !== 'open') return { go: null, gathered: false, gatherSeq: baseline };
  if (next.gather && handled !== null && next.gather.seq > handled) {
    return { go: next.gather.station === here ? null : next.gather.station, gathered: true, gatherSeq: next.gather.seq };
  }
  const target = next.follow ? next.teacherStation : null;
  const changed = !prev?.follow || prev.teacherStation !== target;
  if (target !== null && changed && target !== here) return { go: target, gathered: false, gatherSeq: baseline };
  return { go: null, gathered: false, gatherSeq: baseline };
}

/** Classmates by station for the floor plan: connected ones only, names sorted, oneself left out. */
export function matesByStation(mates: Iterable<MateView>, self: string | null): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of mates) {
    if (m.gone || m.station === null || m.id === self) continue;
    const list = out.get(m.station) ?? [];
    list.push(m.nickname);
    out.set(m.station, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.localeCompare(b));
  return out;
}
