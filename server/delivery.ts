/**
 * Carrying out what the session machine decided: views sent to rooms (which the Redis adapter
 * carries to sockets on other processes), superseded connections dropped, log lines written;
 * and the take's clock, a timer per session that sends the machine a `tick` when a step is due.
 *   c:<code> everyone · s:<code> students · t:<code> the teacher · p:<code>:<id> one student.
 */
import type { MateView } from '../src/classroom/protocol';
import type { Audience, Effect } from '../src/classroom/session';
import type { ClassroomServer } from './socket';

/** Classmates' moves are sent together at most this often per session (see queueMates). */
const MATES_MS = 250;

export const room = (code: string, to: Audience): string =>
  to === 'all' ? `c:${code}` : to === 'students' ? `s:${code}` : to === 'teacher' ? `t:${code}` : `p:${code}:${to.student}`;

export class Delivery {
  private readonly mates = new Map<string, { batch: Map<string, MateView>; timer: NodeJS.Timeout }>();

  constructor(
    private readonly io: ClassroomServer,
    private readonly log: (line: string) => void,
  ) {}

  carryOut(code: string, effects: readonly Effect[]): void {
    for (const e of effects) {
      if (e.kind === 'send' && e.name === 'class:mates' && e.to === 'students') this.queueMates(code, e.data);
      else if (e.kind === 'send') (this.io.to(room(code, e.to)).emit as (n: string, d: unknown) => boolean)(e.name, e.data);
      else if (e.kind === 'drop') this.io.in(e.conn).disconnectSockets(true);
      else this.log(e.line);
    }
  }

  /**
   * Every move goes to every student: sent one by one, a class of N walking around costs N²
   * messages. Gathered per session (the newest view of each classmate), it costs N per batch.
   */
  private queueMates(code: string, list: readonly MateView[]): void {
    let entry = this.mates.get(code);
    if (!entry) {
      const batch = new Map<string, MateView>();
      const timer = setTimeout(() => {
        this.mates.delete(code);
        this.io.to(room(code, 'students')).emit('class:mates', [...batch.values()]);
      }, MATES_MS);
      this.mates.set(code, (entry = { batch, timer }));
    }
    for (const m of list) if (m.rev >= (entry.batch.get(m.id)?.rev ?? 0)) entry.batch.set(m.id, m);
  }

  close(): void {
    for (const { timer } of this.mates.values()) clearTimeout(timer);
    this.mates.clear();
  }
}

/**
 * The take moves on by itself: one timer per session, set for the machine's next deadline. With
 * several processes each one is told every deadline and keeps its own timer; any may tick (a
 * tick with nothing due changes nothing), so a take goes on when a process dies.
 */
export class TakeClock {
  private readonly timers = new Map<string, { at: number; timer: NodeJS.Timeout }>();

  constructor(
    private readonly io: ClassroomServer,
    private readonly shared: boolean,
    private readonly tick: (code: string) => void,
  ) {
    io.on('classroom:deadline', (code: unknown, at: unknown) => {
      if (typeof code === 'string' && code.length <= 8 && typeof at === 'number' && Number.isFinite(at)) this.schedule(code, at, false);
    });
  }

  schedule(code: string, at: number | null, announce = true): void {
    if (at === null) return;
    const cur = this.timers.get(code);
    if (cur && cur.at <= at) return; // the earlier tick looks again and schedules what is next
    if (cur) clearTimeout(cur.timer);
    const timer = setTimeout(() => {
      this.timers.delete(code);
      this.tick(code);
    }, Math.max(0, at - Date.now()));
    this.timers.set(code, { at, timer });
    if (announce && this.shared) this.io.serverSideEmit('classroom:deadline', code, at);
  }

  close(): void {
    for (const t of this.timers.values()) clearTimeout(t.timer);
    this.timers.clear();
  }
}
