import type { Content } from '../content/types';
import type { ClassView, GoneRow, StudentRow, TeacherView } from '../classroom/protocol';
import { format } from '../ui/dom';
import { Revs } from './revs';
import { deviceWord } from './words';

/** One dashboard line as text (every cell is text: a nickname is never markup). */
export interface RowCells {
  readonly id: string;
  readonly nickname: string;
  readonly device: string;
  readonly station: string;
  readonly activities: string;
  readonly quiz: string;
  readonly online: string;
  readonly connected: boolean;
}

/**
 * The teacher's picture of the class, built from the open/resume view and then from each
 * `teacher:student` and `class:state` event, keeping the newest rev of each row (events from
 * another server process can arrive late). Pure: the dashboard renders `cells()`.
 */
export class Roster {
  private readonly rows = new Map<string, StudentRow>();
  private readonly revs = new Revs();
  cls: ClassView | null = null;
  cap = 0;

  /** A whole view (after open or resume): replaces everything older than it. */
  applyView(view: TeacherView): void {
    this.cap = view.cap;
    this.applyClass(view.class);
    const present = new Set(view.students.map((r) => r.id));
    // A row missing from a newer view has left (its gone event may have been missed while away).
    for (const id of [...this.rows.keys()]) if (!present.has(id) && this.revs.accept(`row:${id}`, view.rev)) this.rows.delete(id);
    for (const row of view.students) this.applyRow(row);
  }

  applyClass(cls: ClassView): boolean {
    if (!this.revs.accept('class', cls.rev)) return false;
    this.cls = cls;
    return true;
  }

  applyRow(row: StudentRow | GoneRow): boolean {
    if (!this.revs.accept(`row:${row.id}`, row.rev)) return false;
    if ('gone' in row) this.rows.delete(row.id);
    else this.rows.set(row.id, row);
    return true;
  }

  get size(): number {
    return this.rows.size;
  }

  list(): StudentRow[] {
    return [...this.rows.values()].sort((a, b) => a.nickname.localeCompare(b.nickname));
  }

  /** The rows as the dashboard shows them, in the teacher's language, sorted by nickname. */
  cells(content: Content): RowCells[] {
    const { ui, stations } = content.locale;
    return this.list().map((r) => ({
      id: r.id,
      nickname: r.nickname,
      device: deviceWord(ui, r.device),
      station: r.station === null ? ui.classAtStart : (stations[r.station]?.title ?? r.station),
      activities: String(r.activities.length),
      quiz: r.answered === 0 ? '–' : format(ui.classQuizScore, { score: r.score, answered: r.answered }),
      online: r.connected ? ui.classYes : ui.classNo,
      connected: r.connected,
    }));
  }
}
