import type { AppContext } from '../app/context';
import { Disposables, type Disposer } from '../app/disposables';
import type { ClientMessage, ClientPayloads, TeacherReply } from '../classroom/protocol';
import { Dashboard } from './dashboard';
import { Link } from './link';
import { forgetPlace, keepPlace, readPlace, TEACHER_PLACE, type Place } from './memory';
import { Roster } from './roster';

/** The teacher's resume answers after which the stored place is no use: open a new session. */
const LOST = new Set(['bad-token', 'unknown-session']);

/**
 * The teacher's page (`?mode=teacher`): the ordinary tour plus the dashboard. Opens a session
 * (or, after a reload or a reconnection, resumes the stored one with its token, which stays in
 * this browser and is never sent anywhere but the server), tells the server where the teacher is
 * after each arrival (for Follow me), and turns the dashboard's buttons into teacher commands.
 */
export function installTeacher(ctx: AppContext): Disposer {
  const teacher = new TeacherClient(ctx);
  return () => teacher.dispose();
}

class TeacherClient {
  private readonly d = new Disposables();
  private readonly ui: AppContext['content']['locale']['ui'];
  private readonly roster = new Roster();
  private readonly link: Link;
  private readonly dash: Dashboard;
  private place: Place | null = readPlace(TEACHER_PLACE);
  private joinUrl = '';
  private opening = false;

  constructor(private readonly ctx: AppContext) {
    this.ui = ctx.content.locale.ui;
    this.dash = new Dashboard(ctx.content, {
      follow: (on) => void this.command('teacher:follow', { on }),
      pause: (paused) => void this.command('teacher:pause', { paused }),
      lock: (locked) => void this.command('teacher:lock', { locked }),
      gather: (station) => void this.command('teacher:gather', { station }),
      end: () => void this.end(),
      download: () => void this.results(),
      newSession: () => this.newSession(),
    });
    document.body.append(this.dash.el);
    this.d.add(() => this.dash.dispose());
    this.dash.say(this.ui.classOpening);
    this.link = new Link({
      onConnect: () => void this.connected(),
      onDrop: () => this.dash.say(this.ui.classTeacherOffline),
      onUnreachable: () => this.dash.say(this.ui.classOpenFailed),
    });
    this.link.on('class:state', (c) => {
      if (this.roster.applyClass(c)) this.dash.renderClass(c);
    });
    this.link.on('teacher:student', (row) => {
      if (this.roster.applyRow(row)) this.renderRows();
    });
    this.d.add(ctx.tour.addArrivalHook((station) => void this.command('teacher:station', { station })));
    ctx.services.classroom = { role: 'teacher', debug: () => this.debug(), dropLink: () => this.link.simulateDrop() };
  }

  /** Every (re)connection: resume the stored session, or open one. */
  private async connected(): Promise<void> {
    const place = this.place;
    if (!place) return this.open();
    const r = await this.link.request('teacher:resume', { code: place.code, token: place.token });
    if (r.ok && 'view' in r) return this.take(r, place);
    if (!r.ok && LOST.has(r.error)) {
      this.place = null;
      forgetPlace(TEACHER_PLACE);
      return this.open();
    }
    this.dash.say(this.ui.classOpenFailed);
    this.d.timeout(() => void (this.link.connected && this.connected()), 3000);
  }

  /** This connection is the ended session's teacher: a fresh page opens the next session. */
  private newSession(): void {
    forgetPlace(TEACHER_PLACE);
    window.location.reload();
  }

  private async open(): Promise<void> {
    if (this.opening) return;
    this.opening = true;
    this.dash.say(this.ui.classOpening);
    const r = await this.link.request('session:open', {});
    this.opening = false;
    if (!r.ok || !('view' in r) || !r.token) {
      this.dash.say(r.ok ? this.ui.classErrOther : r.error === 'rate-limited' || r.error === 'too-many-sessions' ? this.ui.classErrBusy : this.ui.classOpenFailed);
      return;
    }
    const place = { code: r.code, token: r.token, gather: null };
    keepPlace(TEACHER_PLACE, place);
    this.take(r, place);
  }

  /** A session view (opened or resumed): show it all, and tell the server where the teacher stands. */
  private take(r: TeacherReply, place: Place): void {
    this.place = place;
    this.joinUrl = r.joinUrl ?? `${window.location.origin}/?session=${r.code}`;
    this.roster.applyView(r.view);
    this.dash.say(r.view.class.status === 'ended' ? this.ui.classEndedTeacher : null);
    this.dash.showJoin(r.code, this.joinUrl);
    if (this.roster.cls) this.dash.renderClass(this.roster.cls);
    this.renderRows();
    if (r.view.class.status === 'open') void this.command('teacher:station', { station: this.ctx.tour.state?.station ?? null });
  }

  private renderRows(): void {
    this.dash.renderRows(this.roster.cells(this.ctx.content), this.roster.cap);
  }

  private async command<K extends ClientMessage>(name: K, payload: ClientPayloads[K]): Promise<boolean> {
    const r = await this.link.request(name, payload);
    if (!r.ok && name !== 'teacher:station') this.ctx.hud.showNotice(r.error === 'unavailable' ? this.ui.classTeacherOffline : this.ui.classErrOther);
    return r.ok;
  }

  /** End session: everyone's results as the server's CSV, downloaded at once. */
  private async end(): Promise<void> {
    const r = await this.link.request('teacher:end', {});
    if (!r.ok || !('csv' in r)) return void this.ctx.hud.showNotice(this.ui.classErrOther);
    this.download(r.csv);
    this.dash.say(this.ui.classEndedTeacher);
  }

  /** The results again (also after a reload of an ended session's dashboard). */
  private async results(): Promise<void> {
    const r = await this.link.request('teacher:results', {});
    if (r.ok && 'csv' in r) this.download(r.csv);
    else this.ctx.hud.showNotice(this.ui.classErrOther);
  }

  private download(csv: string): void {
    // A byte-order mark, so a spreadsheet reads accented nicknames as UTF-8.
    const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `backlot-class-${this.place?.code ?? 'results'}-${new Date().toISOString().slice(0, 10)}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    this.d.timeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private debug(): unknown {
    return { code: this.place?.code ?? null, joinUrl: this.joinUrl, connected: this.link.connected, class: this.roster.cls, cap: this.roster.cap, students: this.roster.list() };
  }

  dispose(): void {
    delete this.ctx.services.classroom;
    this.link.close();
    this.d.dispose();
  }
}
