import type { Content } from '../content/types';
import type { ClassView } from '../classroom/protocol';
import { fill, format, h } from '../ui/dom';
import { qrSvg } from './qr';
import type { RowCells } from './roster';

/** What the teacher's buttons ask for; the controller turns them into messages. */
export interface DashboardActions {
  follow(on: boolean): void;
  pause(on: boolean): void;
  lock(on: boolean): void;
  gather(station: string): void;
  end(): void;
  download(): void;
  newSession(): void;
}

const COLUMNS = ['nickname', 'device', 'station', 'activities', 'quiz', 'online'] as const;

/**
 * The teacher's dashboard, beside their own tour: the class code (in `data-session-code`) with a
 * QR code of the join address, the class controls, and a line per student. A side panel on a
 * laptop or tablet, the whole screen on a phone; "Hide class" folds it to one button. Everything
 * a student typed goes in as text.
 */
export class Dashboard {
  readonly el: HTMLElement;
  private readonly body: HTMLElement;
  private readonly toggle: HTMLButtonElement;
  private readonly status = h('p', { id: 'class-status', class: 'class-status', role: 'status' });
  private readonly join = h('section', { class: 'class-join', hidden: true });
  private readonly controls: HTMLElement;
  private readonly count = h('p', { class: 'class-count' });
  private readonly rows = h('tbody', { id: 'class-rows' });
  private readonly table: HTMLTableElement;
  private readonly empty: HTMLElement;
  private readonly after = h('p', { class: 'class-after', hidden: true });
  private readonly buttons: Record<'follow' | 'pause' | 'lock' | 'gather' | 'end' | 'sure' | 'cancel' | 'download' | 'again', HTMLButtonElement>;
  private readonly station: HTMLSelectElement;
  private cls: ClassView | null = null;

  constructor(private readonly content: Content, actions: DashboardActions) {
    const { ui, stations } = content.locale;
    const b = (id: string, label: string, extra: Record<string, string | boolean> = {}): HTMLButtonElement => h('button', { type: 'button', id, ...extra }, label);
    this.buttons = {
      follow: b('class-follow', ui.classFollowMe, { 'aria-pressed': 'false' }),
      pause: b('class-pause', ui.classPauseAll, { 'aria-pressed': 'false' }),
      lock: b('class-lock', ui.classLock, { 'aria-pressed': 'false' }),
      gather: b('class-gather', ui.classGather),
      end: b('class-end', ui.classEnd, { class: 'class-danger' }),
      sure: b('class-end-sure', ui.classEndSure, { class: 'class-danger', hidden: true }),
      cancel: b('class-end-cancel', ui.classCancel, { hidden: true }),
      download: b('class-download', ui.classDownload),
      again: b('class-new', ui.classNewSession),
    };
    this.station = h('select', { id: 'class-gather-station' }, ...content.set.tour.map((id) => h('option', { value: id }, stations[id]?.title ?? id)));
    const { follow, pause, lock, gather, end, sure, cancel, download, again } = this.buttons;
    follow.addEventListener('click', () => actions.follow(!this.cls?.follow));
    pause.addEventListener('click', () => actions.pause(!this.cls?.paused));
    lock.addEventListener('click', () => actions.lock(!this.cls?.locked));
    gather.addEventListener('click', () => actions.gather(this.station.value));
    // Ending is for everyone and cannot be undone: a second, explicit press.
    end.addEventListener('click', () => this.confirming(true));
    cancel.addEventListener('click', () => this.confirming(false));
    sure.addEventListener('click', () => {
      this.confirming(false);
      actions.end();
    });
    download.addEventListener('click', () => actions.download());
    again.addEventListener('click', () => actions.newSession());
    this.controls = h('div', { class: 'class-controls', hidden: true },
      h('p', { class: 'class-row' }, follow, pause, lock),
      h('p', { class: 'class-row' }, h('label', { for: 'class-gather-station' }, ui.classGatherLabel), this.station, gather),
      h('p', { class: 'class-row' }, end, sure, cancel),
    );
    const head = h('tr', {}, ...COLUMNS.map((c) => h('th', { scope: 'col' }, ui[COLUMN_KEYS[c]])));
    this.table = h('table', { id: 'class-roster', class: 'class-roster', hidden: true }, h('caption', { class: 'visually-hidden' }, ui.classDashboard), h('thead', {}, head), this.rows);
    this.empty = h('p', { class: 'class-empty', hidden: true }, ui.classNoStudents);
    this.after.append(download, again);
    this.body = h('div', { id: 'class-dashboard-body', class: 'class-dashboard-body' },
      h('h2', { id: 'class-dashboard-title' }, ui.classDashboard), this.status, this.join, this.controls, this.after, this.count, this.table, this.empty);
    this.toggle = b('class-dashboard-toggle', ui.classDashboardHide, { 'aria-expanded': 'true', 'aria-controls': 'class-dashboard-body', class: 'class-dashboard-toggle' });
    this.toggle.addEventListener('click', () => this.setOpen(this.toggle.getAttribute('aria-expanded') !== 'true'));
    this.el = h('aside', { id: 'class-dashboard', class: 'class-dashboard', 'aria-labelledby': 'class-dashboard-title' }, this.toggle, this.body);
    this.setOpen(true);
  }

  setOpen(open: boolean): void {
    const { ui } = this.content.locale;
    this.toggle.setAttribute('aria-expanded', String(open));
    this.toggle.textContent = open ? ui.classDashboardHide : ui.classDashboardShow;
    this.body.hidden = !open;
    this.el.classList.toggle('open', open);
    document.body.classList.toggle('class-dashboard-open', open);
  }

  /** A line of status (opening, a failure, ended); null clears it. */
  say(message: string | null): void {
    this.status.textContent = message ?? '';
  }

  /** The class code, big, with its QR code and the address under it. */
  showJoin(code: string, joinUrl: string): void {
    const { ui } = this.content.locale;
    fill(this.join,
      h('div', { class: 'class-code-box' },
        h('p', { class: 'class-code-label' }, ui.classCodeHeading),
        h('p', { class: 'class-code', 'data-session-code': code }, code),
        h('p', { class: 'class-join-url' }, format(ui.classJoinAt, { url: joinUrl }))),
      h('div', { class: 'class-qr' }, qrSvg(joinUrl, format(ui.classQrLabel, { code }))),
    );
    this.join.hidden = false;
  }

  renderClass(cls: ClassView): void {
    this.cls = cls;
    const { ui } = this.content.locale;
    const open = cls.status === 'open';
    this.controls.hidden = !open;
    this.after.hidden = open;
    const { follow, pause, lock } = this.buttons;
    follow.setAttribute('aria-pressed', String(cls.follow));
    lock.setAttribute('aria-pressed', String(cls.locked));
    pause.setAttribute('aria-pressed', String(cls.paused));
    pause.textContent = cls.paused ? ui.classResume : ui.classPauseAll;
    if (cls.gather) this.station.value = cls.gather.station;
    this.el.dataset.status = cls.status;
  }

  renderRows(rows: readonly RowCells[], cap: number): void {
    const { ui } = this.content.locale;
    this.count.textContent = format(ui.classCount, { count: rows.length, cap });
    this.table.hidden = rows.length === 0;
    this.empty.hidden = rows.length > 0 || this.cls?.status === 'ended';
    fill(this.rows, ...rows.map((r) =>
      h('tr', { 'data-student': r.id, 'data-connected': String(r.connected) }, ...COLUMNS.map((c) => h('td', { 'data-col': c }, r[c])))));
  }

  private confirming(on: boolean): void {
    this.buttons.end.hidden = on;
    this.buttons.sure.hidden = !on;
    this.buttons.cancel.hidden = !on;
    (on ? this.buttons.cancel : this.buttons.end).focus();
  }

  dispose(): void {
    document.body.classList.remove('class-dashboard-open');
    this.el.remove();
  }
}

const COLUMN_KEYS = {
  nickname: 'classColNickname', device: 'classColDevice', station: 'classColStation',
  activities: 'classColActivities', quiz: 'classColQuiz', online: 'classColOnline',
} as const;
