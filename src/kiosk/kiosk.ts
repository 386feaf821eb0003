import type { Content, KioskConfig } from '../content/types';
import type { AudioSetup } from '../audio/setup-audio';
import type { TourSystem } from '../systems/tour';
import type { Settings } from '../tour/state';
import { AUDIO_PREFS_KEY } from '../audio/prefs';
import { STORAGE_KEY } from '../tour/persist';
import { format, h } from '../ui/dom';
import { IdleMachine, type KioskPhase } from './idle';
import type { VisitTracker } from '../analytics/tracker';
import { takeResume } from '../app/resume';
import { removeItems } from '../storage';

export const KIOSK_DEFAULTS = {
  idleSeconds: 60,
  countdownSeconds: 15,
  attractSecondsPerStation: 9,
  staffPin: '',
  textSize: 'large',
  watchdogSeconds: 10,
} as const satisfies KioskConfig;

const STAFF_TAPS = 5;
const STAFF_TAP_WINDOW_MS = 3000;
const STAFF_CORNER_PX = 96;

export interface KioskOptions {
  readonly content: Content;
  readonly tour: TourSystem;
  readonly audio: AudioSetup;
  readonly tracker: VisitTracker;
  /** Settings every visitor starts with. */
  readonly settings: Settings;
  /** Stands the visitor at the set's start spot, facing in. */
  placeAtStart(): void;
  /** The "Touch to begin" line in every shipped language (this one first). */
  readonly invitations: Promise<readonly { lang: string; text: string }[]>;
}

export interface KioskHooks {
  readonly phase: KioskPhase | 'staff';
  readonly cycles: number;
  /** Test and soak hooks: as if the visitor touched, went idle, let the countdown run out. */
  begin(): void;
  expireIdle(): void;
  finishCountdown(): void;
  /** A new version is waiting; `apply` switches to it (reloading the page). */
  setUpdate(apply: () => Promise<void>): void;
}

/**
 * Kiosk mode (?mode=kiosk): an unattended touch screen. An attract loop glides through the
 * stations with captions and "Touch to begin" in every language; a touch starts a visit in full
 * screen; a quiet spell brings a "Still there?" countdown that any touch dismisses; then a full
 * reset (station, language, settings, sound, overlays) back to the attract loop. Staff reach a
 * PIN-locked screen by five taps in the top-left corner (or Ctrl+Alt+S). A watchdog reloads the
 * kiosk if rendering stalls. Nothing here leaves the page: no links out, no context menu, no zoom.
 */
export class Kiosk implements KioskHooks {
  readonly config: Required<Omit<KioskConfig, 'attractStations'>> & { attractStations: readonly string[] };
  private readonly idle: IdleMachine;
  private readonly attract: HTMLElement;
  private readonly attractCaption: HTMLElement;
  private readonly invite: HTMLElement;
  private readonly countdown: HTMLDialogElement;
  private readonly countdownText: HTMLElement;
  private readonly pinDialog: HTMLDialogElement;
  private readonly staffDialog: HTMLDialogElement;
  private readonly staffSummary: HTMLElement;
  private staffOpen = false;
  private attractIndex = 0;
  private attractTimer = 0;
  private inviteTimer = 0;
  private lastFrame = performance.now();
  private taps: number[] = [];
  private updateReady: (() => Promise<void>) | null = null;
  /** The narration was playing when "Still there?" came up: it carries on if the visitor does. */
  private pausedForCountdown = false;
  cycles = 0;

  constructor(private readonly o: KioskOptions) {
    const { set, locale } = o.content;
    const ui = locale.ui;
    const cfg = set.kiosk ?? {};
    this.config = { ...KIOSK_DEFAULTS, ...cfg, attractStations: cfg.attractStations ?? set.tour };
    this.idle = new IdleMachine(this.config.idleSeconds * 1000, this.config.countdownSeconds * 1000);
    document.body.classList.add('kiosk');
    this.lockDown();

    this.attractCaption = h('p', { class: 'attract-caption', 'aria-hidden': 'true' });
    this.invite = h('p', { class: 'attract-invite' }, ui.touchToBegin);
    this.attract = h('div', { id: 'attract', class: 'attract', role: 'button', tabindex: 0, 'aria-label': ui.touchToBegin },
      h('h1', { class: 'attract-title' }, ui.attractTitle),
      this.attractCaption,
      this.invite,
    );
    this.countdownText = h('p', { id: 'still-there-body' });
    const keep = h('button', { type: 'button', id: 'btn-still-here', class: 'big' }, ui.keepGoing);
    this.countdown = h('dialog', { id: 'still-there', class: 'panel-dialog kiosk-dialog', 'aria-labelledby': 'still-there-title', 'aria-describedby': 'still-there-body' },
      h('h2', { id: 'still-there-title' }, ui.stillThere),
      this.countdownText,
      keep,
    );
    keep.addEventListener('click', () => this.input());
    this.countdown.addEventListener('cancel', (e) => {
      e.preventDefault(); // Escape is a keypress: it counts as "still here"
      this.input();
    });

    const pin = h('input', { id: 'staff-pin', type: 'password', inputmode: 'numeric', autocomplete: 'off', maxlength: '8' });
    const pinError = h('p', { id: 'staff-pin-error', class: 'error', role: 'alert', hidden: true }, ui.staffPinWrong);
    const open = h('button', { type: 'button', id: 'btn-staff-open' }, ui.staffOpen);
    const back = (): HTMLButtonElement => {
      const b = h('button', { type: 'button', class: 'dialog-close' }, ui.staffBack);
      b.addEventListener('click', () => this.closeStaff());
      return b;
    };
    this.pinDialog = h('dialog', { id: 'staff-pin-dialog', class: 'panel-dialog kiosk-dialog', 'aria-labelledby': 'staff-pin-title' },
      h('h2', { id: 'staff-pin-title' }, ui.staffTitle),
      h('div', { class: 'field' }, h('label', { for: 'staff-pin' }, ui.staffPin), pin),
      pinError,
      h('div', { class: 'dialog-actions' }, open, back()),
    );
    const tryPin = (): void => {
      const ok = this.config.staffPin !== '' && pin.value === this.config.staffPin;
      pin.value = '';
      pinError.hidden = ok;
      if (ok) {
        this.pinDialog.close();
        this.showStaff();
      }
    };
    open.addEventListener('click', tryPin);
    pin.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') tryPin();
    });
    this.pinDialog.addEventListener('cancel', () => this.closeStaff());

    this.staffSummary = h('p', { id: 'staff-summary' });
    const exportCsv = h('button', { type: 'button', id: 'btn-export-csv' }, ui.exportCsv);
    exportCsv.addEventListener('click', () => this.exportCsv());
    const clear = h('button', { type: 'button', id: 'btn-clear-data' }, ui.clearData);
    clear.addEventListener('click', () => {
      if (clear.dataset.confirm !== 'yes') {
        clear.dataset.confirm = 'yes';
        clear.textContent = ui.clearDataConfirm;
        return;
      }
      delete clear.dataset.confirm;
      clear.textContent = ui.clearData;
      this.o.tracker.log.clear();
      this.renderStaff();
      this.staffSummary.textContent = `${this.staffSummary.textContent} ${ui.dataCleared}`;
    });
    const restart = h('button', { type: 'button', id: 'btn-staff-restart' }, ui.staffRestart);
    restart.addEventListener('click', () => this.reload());
    const exit = h('button', { type: 'button', id: 'btn-staff-exit' }, ui.staffExitKiosk);
    exit.addEventListener('click', () => {
      const url = new URL(window.location.href);
      url.searchParams.delete('mode');
      window.location.assign(url.href);
    });
    this.staffDialog = h('dialog', { id: 'staff', class: 'panel-dialog kiosk-dialog', 'aria-labelledby': 'staff-title' },
      h('h2', { id: 'staff-title' }, ui.staffTitle),
      h('h3', {}, ui.analyticsTitle),
      this.staffSummary,
      h('div', { class: 'dialog-actions' }, exportCsv, clear),
      h('div', { class: 'dialog-actions' }, restart, exit),
      back(),
    );
    this.staffDialog.addEventListener('cancel', () => this.closeStaff());
    this.staffDialog.addEventListener('close', () => {
      delete clear.dataset.confirm;
      clear.textContent = ui.clearData;
    });

    document.body.append(this.attract, this.countdown, this.pinDialog, this.staffDialog);
    this.attract.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') this.input();
    });

    // Any visitor input: capture phase, so it counts even where a control stops the event.
    for (const type of ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const) {
      window.addEventListener(type, (e) => {
        if (type === 'pointerdown' && this.staffGesture(e as PointerEvent)) return;
        // Staff tapping the corner in the attract loop should not start a visit on the way.
        if (type === 'pointerdown' && this.idle.phase === 'attract' && this.inCorner(e as PointerEvent)) return;
        if (type === 'keydown' && (e as KeyboardEvent).ctrlKey && (e as KeyboardEvent).altKey && (e as KeyboardEvent).code === 'KeyS') {
          this.openPin();
          return;
        }
        if (!this.staffOpen) this.input();
      }, { capture: true, passive: true });
    }

    o.audio.onView((view) => {
      if (this.idle.phase === 'attract') this.attractCaption.textContent = view.caption ?? '';
    });
    o.tour.addFrameHook(() => {
      this.lastFrame = performance.now();
    });
    window.setInterval(() => this.tick(), 250);
    void o.invitations.then((list) => this.cycleInvitations(list));

    if (takeResume()) this.beginVisit(false);
    else {
      // Storage was cleared before loading (main.ts); the attract loop shows the kiosk's settings.
      o.tour.dispatch({ type: 'reset', settings: o.settings });
      o.placeAtStart();
      this.startAttract();
    }
  }

  get phase(): KioskPhase | 'staff' {
    return this.staffOpen ? 'staff' : this.idle.phase;
  }

  /** A new version of the app is waiting: it is applied when the next attract loop starts. */
  setUpdate(apply: () => Promise<void>): void {
    this.updateReady = apply;
    if (this.idle.phase === 'attract') void apply();
  }

  begin(): void {
    this.input();
  }

  expireIdle(): void {
    if (this.idle.phase !== 'visit') return;
    this.idle.input(performance.now() - this.config.idleSeconds * 1000);
    this.tick();
  }

  finishCountdown(): void {
    if (this.idle.phase !== 'countdown') return;
    this.idle.reset();
    this.resetVisitor('idle');
  }

  private input(): void {
    const effect = this.idle.input(performance.now());
    if (effect === 'begin') this.beginVisit(true);
    else if (effect === 'dismiss') {
      this.countdown.close();
      if (this.pausedForCountdown) this.o.audio.narration.resume();
      this.pausedForCountdown = false;
    }
  }

  private tick(): void {
    const now = performance.now();
    this.watchdog(now);
    if (this.staffOpen || this.o.tour.xrMode !== 'inline') return; // nobody is timed out in a headset or by staff
    const effect = this.idle.tick(now);
    if (effect === 'countdown') {
      this.countdown.showModal();
      this.pausedForCountdown = this.o.audio.narration.view.status === 'playing';
      this.o.audio.narration.pause();
    }
    if (this.idle.phase === 'countdown') this.countdownText.textContent = format(this.o.content.locale.ui.stillThereBody, { seconds: this.idle.secondsLeft(now) });
    if (effect === 'reset') this.resetVisitor('idle');
  }

  private beginVisit(fresh: boolean): void {
    window.clearTimeout(this.attractTimer);
    this.attract.hidden = true;
    document.body.dataset.kiosk = 'visit';
    if (this.idle.phase === 'attract') this.idle.input(performance.now());
    const { tour, audio } = this.o;
    audio.narration.stop();
    audio.narration.hush(false);
    if (fresh) {
      tour.dispatch({ type: 'reset', settings: this.o.settings });
      this.o.placeAtStart();
      void document.documentElement.requestFullscreen?.({ navigationUI: 'hide' }).catch(() => undefined);
    }
    this.o.tracker.start('kiosk', this.o.content.locale.locale);
    this.o.tracker.onState(tour.state!);
  }

  /** Everything back as a new visitor finds it, then the attract loop. */
  private resetVisitor(reason: string): void {
    this.o.tracker.end(reason);
    for (const d of document.querySelectorAll<HTMLDialogElement>('dialog[open]')) d.close();
    this.o.audio.narration.stopAll();
    this.o.audio.resetPrefs();
    removeItems([STORAGE_KEY, AUDIO_PREFS_KEY]);
    const { set, locale } = this.o.content;
    const url = new URL(window.location.href);
    if (locale.locale !== set.defaultLocale || url.searchParams.has('lang') || this.updateReady) {
      // Another language (or a new version) needs a fresh load; a load without the resume mark
      // forgets the visitor's language too (main.ts) and starts in attract.
      if (this.updateReady) {
        void this.updateReady();
        return;
      }
      this.reload();
      return;
    }
    this.o.tour.dispatch({ type: 'reset', settings: this.o.settings });
    this.o.placeAtStart();
    this.cycles++;
    this.startAttract();
  }

  private startAttract(): void {
    this.idle.reset();
    document.body.dataset.kiosk = 'attract';
    this.attract.hidden = false;
    this.attractCaption.textContent = '';
    this.o.audio.narration.hush(true);
    this.attractIndex = 0;
    window.clearTimeout(this.attractTimer);
    const step = (): void => {
      if (this.idle.phase !== 'attract') return;
      const stations = this.config.attractStations;
      const id = stations[this.attractIndex++ % stations.length]!;
      this.o.tour.dispatch({ type: 'go', station: id });
      this.attractTimer = window.setTimeout(step, this.config.attractSecondsPerStation * 1000);
    };
    this.attractTimer = window.setTimeout(step, 1200);
  }

  private cycleInvitations(list: readonly { lang: string; text: string }[]): void {
    let i = 0;
    const show = (): void => {
      const item = list[i++ % list.length];
      if (item) {
        this.invite.textContent = item.text;
        this.invite.lang = item.lang;
      }
    };
    show();
    window.clearInterval(this.inviteTimer);
    if (list.length > 1) this.inviteTimer = window.setInterval(show, 2500);
  }

  private inCorner(e: PointerEvent): boolean {
    return e.clientX <= STAFF_CORNER_PX && e.clientY <= STAFF_CORNER_PX;
  }

  /** Five taps in the top-left corner within three seconds open the staff PIN. */
  private staffGesture(e: PointerEvent): boolean {
    if (!this.inCorner(e)) {
      this.taps = [];
      return false;
    }
    const now = performance.now();
    this.taps = [...this.taps.filter((t) => now - t < STAFF_TAP_WINDOW_MS), now];
    if (this.taps.length < STAFF_TAPS) return false;
    this.taps = [];
    this.openPin(true);
    return true;
  }

  private openPin(byTap = false): void {
    if (this.staffOpen) return;
    this.staffOpen = true;
    this.countdown.close();
    this.pinDialog.showModal();
    const field = this.pinDialog.querySelector('#staff-pin') as HTMLInputElement;
    field.focus();
    // Opened on a tap's pointerdown: the rest of that tap (its mousedown) moves the focus off the
    // field again, so it is focused once more when the tap ends.
    if (byTap) window.addEventListener('click', () => this.pinDialog.open && field.focus(), { once: true, capture: true });
  }

  private showStaff(): void {
    this.renderStaff();
    this.staffDialog.showModal();
  }

  private renderStaff(): void {
    const s = this.o.tracker.log.summary();
    this.staffSummary.textContent = format(this.o.content.locale.ui.analyticsSummary, { sessions: s.sessions, visits: s.visits, completed: s.completed, answers: s.answers });
  }

  private closeStaff(): void {
    this.staffOpen = false;
    if (this.pinDialog.open) this.pinDialog.close();
    if (this.staffDialog.open) this.staffDialog.close();
    if (this.idle.phase === 'visit') this.idle.input(performance.now());
  }

  private exportCsv(): void {
    const blob = new Blob([this.o.tracker.log.toCsv()], { type: 'text/csv;charset=utf-8' });
    const a = h('a', { href: URL.createObjectURL(blob), download: `backlot-visits-${new Date().toISOString().slice(0, 10)}.csv`, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }

  /** Rendering has stopped (a hung GPU, a crashed frame loop): start over in a clean page. */
  private watchdog(now: number): void {
    if (document.visibilityState !== 'visible' || this.o.tour.xrMode !== 'inline') {
      this.lastFrame = now;
      return;
    }
    if (now - this.lastFrame < this.config.watchdogSeconds * 1000) return;
    console.warn(`Backlot kiosk: no frame drawn for ${Math.round((now - this.lastFrame) / 1000)} s; restarting.`);
    this.lastFrame = now;
    this.o.tracker.end('watchdog');
    this.reload();
  }

  /**
   * Starts the kiosk afresh in its attract loop: a kiosk load without the resume mark forgets the
   * last visitor's station, settings, sound and language, and any ?lang=/?station= (main.ts).
   */
  private reload(): void {
    window.location.reload();
  }

  private lockDown(): void {
    const block = (e: Event): void => e.preventDefault();
    document.addEventListener('contextmenu', block);
    document.addEventListener('selectstart', (e) => {
      if (!(e.target instanceof HTMLInputElement)) e.preventDefault();
    });
    document.addEventListener('dragstart', block);
    // No zoom: pinch (Safari's gesture events, ctrl+wheel from trackpads), double-tap, keyboard.
    document.addEventListener('gesturestart', block);
    window.addEventListener('wheel', (e) => {
      if (e.ctrlKey) e.preventDefault();
    }, { passive: false });
    window.addEventListener('keydown', (e) => {
      if ((e.ctrlKey || e.metaKey) && ['+', '-', '=', '0'].includes(e.key)) e.preventDefault();
    });
    const viewport = document.querySelector<HTMLMetaElement>('meta[name="viewport"]');
    if (viewport) viewport.content = 'width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no, viewport-fit=cover';
    // Links out would strand a kiosk on another site: any that appear are refused.
    document.addEventListener('click', (e) => {
      const a = (e.target as Element | null)?.closest?.('a[href]');
      if (a && !(a as HTMLAnchorElement).download) e.preventDefault();
    }, true);
  }
}
