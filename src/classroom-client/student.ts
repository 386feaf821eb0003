import type { AppContext } from '../app/context';
import { Disposables, type Disposer } from '../app/disposables';
import { cleanNickname, LIMITS, normaliseCode, type ClassView, type MateView, type Reply, type StudentReply, type YouView } from '../classroom/protocol';
import { format } from '../ui/dom';
import { ClassBar } from './class-bar';
import { thisDevice } from './device';
import { JoinScreen, type JoinRequest } from './join-screen';
import { Link } from './link';
import { MatesLayer } from './mates-layer';
import { forgetPlace, keepPlace, readPlace, STUDENT_PLACE, type Place } from './memory';
import { matesByStation, moveFor } from './moves';
import { PauseScreen } from './pause-screen';
import { Reports } from './reports';
import { Revs } from './revs';
import { joinError } from './words';

/** Joining, in the class, or on one's own (chose to, or the class ended): the tour works in all three. */
type Phase = 'joining' | 'in' | 'alone';

/** Resume answers after which the stored token is worth nothing: forget it, show the join screen. */
const LOST = new Set(['bad-token', 'session-ended', 'unknown-session']);

/**
 * A student's page (`?session=<code>`): asks for a nickname, joins, then lets the class steer the
 * tour: follow and gather walk the student there (through the navigation gate's `steer`), lock
 * holds the gate shut, pause shows "Eyes on your teacher". Reports go back through Reports;
 * classmates are drawn on the floor plan. After a drop Socket.IO reconnects by itself and the page
 * resumes with its token.
 */
export function installStudent(ctx: AppContext): Disposer {
  const student = new StudentClient(ctx);
  return () => student.dispose();
}

class StudentClient {
  private readonly d = new Disposables();
  private readonly ui: AppContext['content']['locale']['ui'];
  private readonly revs = new Revs();
  private readonly mates = new Map<string, MateView>();
  private readonly link: Link;
  private readonly screen: JoinScreen;
  private readonly bar: ClassBar;
  private readonly layer: MatesLayer;
  private readonly pause: PauseScreen;
  private readonly reports: Reports;
  private phase: Phase = 'joining';
  private place: Place | null;
  private you: YouView | null = null;
  private cls: ClassView | null = null;
  private unlock: (() => void) | null = null;
  private unpause: (() => void) | null = null;

  constructor(private readonly ctx: AppContext) {
    this.ui = ctx.content.locale.ui;
    const typed = ctx.params.session ?? '';
    const code = normaliseCode(typed);
    const stored = readPlace(STUDENT_PLACE);
    // A stored place counts for the class in the link (or for a bare ?session=, the last one).
    this.place = stored && (code === null ? typed === '' : stored.code === code) ? stored : null;
    if (stored && !this.place) forgetPlace(STUDENT_PLACE);
    this.screen = new JoinScreen(ctx.content, code ?? typed, { onJoin: (r) => void this.join(r), onAlone: () => this.alone() });
    this.bar = new ClassBar(ctx.content);
    this.d.append(ctx.hud.root, this.screen.dialog);
    this.d.append(ctx.hud.slots.aboveFooter, this.bar.el);
    this.layer = new MatesLayer(ctx);
    this.pause = new PauseScreen(ctx);
    this.reports = new Reports(ctx, (r) => this.phase === 'in' && this.link.connected && (void this.link.request('student:report', r), true));
    this.link = new Link({ onConnect: () => void this.connected(), onDrop: () => this.render(), onUnreachable: () => this.unreachable() });
    this.listen();
    if (!this.place) this.screen.open();
    ctx.services.classroom = { role: 'student', debug: () => this.debug(), dropLink: () => this.link.simulateDrop() };
  }

  private listen(): void {
    this.link.on('class:state', (c) => this.applyClass(c));
    this.link.on('you:state', (y) => this.applyYou(y));
    this.link.on('class:mates', (list) => this.applyMates(list));
    this.link.on('session:ended', ({ reason }) => this.ended(reason === 'removed' ? this.ui.classRemoved : this.ui.classEnded));
  }

  /** Every (re)connection: a student with a place resumes it; one still joining just waits. */
  private async connected(): Promise<void> {
    this.render();
    const place = this.place;
    if (!place || this.phase === 'alone') return;
    const r = await this.link.request('student:resume', { code: place.code, token: place.token });
    if (this.place !== place) return; // left or ended meanwhile
    if (r.ok && 'you' in r) return this.enter(r);
    if (!r.ok && LOST.has(r.error)) {
      this.place = null;
      forgetPlace(STUDENT_PLACE);
      this.phase = 'joining';
      this.screen.open();
      this.screen.say(r.error === 'session-ended' ? this.ui.classErrEnded : null, true);
      return this.render();
    }
    // Busy or briefly unavailable: try again shortly, while still connected.
    this.d.timeout(() => void (this.link.connected && this.connected()), 3000);
  }

  private unreachable(): void {
    if (this.phase === 'joining') this.screen.say(joinError(this.ui, 'unreachable', ''));
    else this.ctx.hud.showNotice(this.ui.classErrUnreachable);
  }

  private async join(req: JoinRequest): Promise<void> {
    const code = normaliseCode(req.code);
    const nickname = cleanNickname(req.nickname);
    let problem: Parameters<typeof joinError>[1] | null = null;
    if (!code) problem = 'bad-code';
    else if (nickname.length === 0) problem = 'nickname-empty';
    else if ([...nickname].length > LIMITS.nickname) problem = 'nickname-too-long';
    else if (!this.link.connected) problem = 'unreachable';
    if (problem || !code) return this.screen.say(joinError(this.ui, problem ?? 'bad-code', req.code.trim()), problem === 'bad-code');
    this.screen.busy(true);
    const r: Reply = await this.link.request('student:join', { code, nickname, device: thisDevice(this.ctx.xr.mode) });
    if (this.phase === 'alone') return;
    if (!r.ok) return this.screen.say(joinError(this.ui, r.error, code), ['unknown-session', 'session-ended', 'session-full'].includes(r.error));
    if (!('you' in r) || !r.token) return this.screen.say(this.ui.classErrOther);
    this.place = { code, token: r.token, gather: null };
    keepPlace(STUDENT_PLACE, this.place);
    this.enter(r);
  }

  /** A join or resume answered: take its snapshot and catch the server up on what it missed. */
  private enter(r: StudentReply): void {
    this.phase = 'in';
    this.screen.close();
    this.applyYou(r.you);
    this.applyMates(r.mates);
    this.applyClass(r.class);
    this.reports.sync(r.you);
    this.render();
  }

  private applyYou(you: YouView): void {
    if (!this.revs.accept('you', you.rev)) return;
    this.you = you;
    this.render();
  }

  private applyMates(list: readonly MateView[]): void {
    for (const m of list) {
      if (!this.revs.accept(`mate:${m.id}`, m.rev)) continue;
      if (m.gone) this.mates.delete(m.id);
      else this.mates.set(m.id, m);
    }
    this.layer.render(matesByStation(this.mates.values(), this.you?.id ?? null));
  }

  private applyClass(cls: ClassView): void {
    if (this.phase !== 'in' || !this.place || !this.revs.accept('class', cls.rev)) return;
    const prev = this.cls;
    this.cls = cls;
    if (cls.status === 'ended') return this.ended(this.ui.classEnded);
    this.hold(cls.locked, cls.paused);
    this.pause.set(cls.paused);
    const { tour } = this.ctx;
    const move = moveFor(prev, cls, this.place.gather, tour.state?.station ?? null);
    if (move.gatherSeq !== this.place.gather) {
      this.place = { ...this.place, gather: move.gatherSeq };
      keepPlace(STUDENT_PLACE, this.place);
    }
    if (move.go) {
      const station = move.go;
      tour.gate.steer(() => tour.dispatch({ type: 'go', station }));
      if (move.gathered) this.ctx.hud.showNotice(format(this.ui.classGathered, { station: this.ctx.content.locale.stations[station]?.title ?? station }));
    }
    this.render();
  }

  /** The navigation gate follows the class: shut while locked (saying so) or paused (the screen says it). */
  private hold(locked: boolean, paused: boolean): void {
    const { gate } = this.ctx.tour;
    if (locked && !this.unlock) this.unlock = gate.lock(() => this.ctx.hud.showNotice(this.ui.classLocked));
    if (!locked && this.unlock) this.unlock = (this.unlock(), null);
    if (paused && !this.unpause) this.unpause = gate.lock();
    if (!paused && this.unpause) this.unpause = (this.unpause(), null);
  }

  /** The class is over for this student (ended or removed): the tour carries on alone. */
  private ended(message: string): void {
    this.leave();
    this.ctx.hud.showNotice(message, 15_000);
  }

  private alone(): void {
    this.screen.close();
    this.leave();
  }

  private leave(): void {
    this.phase = 'alone';
    this.place = null;
    forgetPlace(STUDENT_PLACE);
    this.hold(false, false);
    this.pause.set(false);
    this.mates.clear();
    this.layer.render(new Map());
    this.link.close();
    this.render();
  }

  private render(): void {
    const { you, cls, place } = this;
    this.bar.render(this.phase === 'in' && you && place ? { code: place.code, nickname: you.nickname, connected: this.link.connected, locked: cls?.locked ?? false, following: cls?.follow ?? false } : null);
  }

  private debug(): unknown {
    return { phase: this.phase, code: this.place?.code ?? null, connected: this.link.connected, you: this.you, class: this.cls, mates: [...this.mates.values()], locked: this.ctx.tour.gate.locked, paused: this.pause.paused };
  }

  dispose(): void {
    delete this.ctx.services.classroom;
    this.link.close();
    this.hold(false, false);
    this.reports.dispose();
    this.pause.dispose();
    this.layer.dispose();
    this.screen.close();
    this.d.dispose();
  }
}
