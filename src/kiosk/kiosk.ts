import type { AppContext } from '../app/context';
import type { Disposables } from '../app/disposables';
import { need } from '../app/services';
import { takeResume } from '../app/resume';
import type { AudioSetup } from '../audio/install';
import type { KioskConfig } from '../content/types';
import type { Settings } from '../tour/state';
import { AUDIO_PREFS_KEY } from '../audio/prefs';
import { removeItems } from '../storage';
import { STORAGE_KEY } from '../tour/persist';
import { format, h } from '../ui/dom';
import { IdleMachine, type KioskPhase } from './idle';
import { lockDown } from './lockdown';
import { StaffScreens } from './staff';

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
const TICK_MS = 250;

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
  private readonly audio: AudioSetup;
  /** Settings every visitor starts with. */
  private readonly settings: Settings;
  private readonly attract: HTMLElement;
  private readonly attractCaption: HTMLElement;
  private readonly invite: HTMLElement;
  private readonly countdown: HTMLDialogElement;
  private readonly countdownText: HTMLElement;
  private readonly staff: StaffScreens;
  private staffOpen = false;
  /** Last input while a staff dialog is open: left alone for the idle time, it closes. */
  private staffInputAt = 0;
  private attractIndex = 0;
  private attractTimer = 0;
  private inviteTimer = 0;
  private lastFrame = performance.now();
  private taps: number[] = [];
  private updateReady: (() => Promise<void>) | null = null;
  /** The narration was playing when "Still there?" came up: it carries on if the visitor does. */
  private pausedForCountdown = false;
  cycles = 0;

  constructor(private readonly ctx: AppContext, private readonly d: Disposables, invitations: Promise<readonly { lang: string; text: string }[]>) {
    const { set, locale } = ctx.content;
    const cfg = set.kiosk ?? {};
    this.config = { ...KIOSK_DEFAULTS, ...cfg, attractStations: cfg.attractStations ?? set.tour };
    this.settings = { ...ctx.defaults, textSize: this.config.textSize };
    this.audio = need(ctx.services.audio, 'audio', 'the kiosk');
    this.idle = new IdleMachine(this.config.idleSeconds * 1000, this.config.countdownSeconds * 1000);
    document.body.classList.add('kiosk');
    d.add(() => document.body.classList.remove('kiosk'));
    lockDown(d);

    this.attractCaption = h('p', { class: 'attract-caption', 'aria-hidden': 'true' });
    this.invite = h('p', { class: 'attract-invite' }, locale.ui.touchToBegin);
    this.attract = this.buildAttract();
    this.countdownText = h('p', { id: 'still-there-body' });
    this.countdown = this.buildCountdown();
    this.staff = new StaffScreens({
      content: ctx.content, log: ctx.analytics.log, pin: this.config.staffPin,
      onClose: () => this.closeStaff(), onRestart: () => this.reload(), onLockout: (seconds) => ctx.analytics.pinLockout(seconds),
    }, d);
    d.append(document.body, this.attract, this.countdown);
    this.watchInput();

    d.add(this.audio.onView((view) => {
      if (this.idle.phase === 'attract') this.attractCaption.textContent = view.caption ?? '';
    }));
    d.add(ctx.phases.add('commit', 'kiosk watchdog heartbeat', () => {
      this.lastFrame = performance.now();
    }));
    d.interval(() => this.tick(), TICK_MS);
    d.add(() => {
      window.clearTimeout(this.attractTimer);
      window.clearInterval(this.inviteTimer);
    });
    void invitations.then((list) => {
      if (!d.isDisposed) this.cycleInvitations(list);
    });

    if (takeResume()) this.beginVisit(false);
    else {
      // Storage was cleared before loading (src/app/start.ts); the attract loop shows the kiosk's settings.
      ctx.tour.dispatch({ type: 'reset', settings: this.settings });
      ctx.placeAtStart();
      this.startAttract();
    }
  }

  private buildAttract(): HTMLElement {
    const { ui } = this.ctx.content.locale;
    const attract = h('div', { id: 'attract', class: 'attract', role: 'button', tabindex: 0, 'aria-label': ui.touchToBegin },
      h('h1', { class: 'attract-title' }, ui.attractTitle),
      this.attractCaption,
      this.invite,
    );
    attract.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') this.input();
    });
    return attract;
  }

  private buildCountdown(): HTMLDialogElement {
    const { ui } = this.ctx.content.locale;
    const keep = h('button', { type: 'button', id: 'btn-still-here', class: 'big' }, ui.keepGoing);
    const dialog = h('dialog', { id: 'still-there', class: 'panel-dialog kiosk-dialog', 'aria-labelledby': 'still-there-title', 'aria-describedby': 'still-there-body' },
      h('h2', { id: 'still-there-title' }, ui.stillThere),
      this.countdownText,
      keep,
    );
    keep.addEventListener('click', () => this.input());
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault(); // Escape is a keypress: it counts as "still here"
      this.input();
    });
    return dialog;
  }

  /** Any visitor input: capture phase, so it counts even where a control stops the event. */
  private watchInput(): void {
    for (const type of ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const) {
      this.d.listen(window, type, (e: Event) => {
        if (type === 'pointerdown' && this.staffGesture(e as PointerEvent)) return;
        // Staff tapping the corner in the attract loop should not start a visit on the way.
        if (type === 'pointerdown' && this.idle.phase === 'attract' && this.inCorner(e as PointerEvent)) return;
        if (type === 'keydown' && (e as KeyboardEvent).ctrlKey && (e as KeyboardEvent).altKey && (e as KeyboardEvent).code === 'KeyS') {
          this.openPin();
          return;
        }
        // A modifier on its own (staff reaching for Ctrl+Alt+S) does not start a visit.
        if (type === 'keydown' && ['Control', 'Alt', 'Shift', 'Meta'].includes((e as KeyboardEvent).key) && this.idle.phase === 'attract') return;
        if (this.staffOpen) this.staffInputAt = performance.now();
        else this.input();
      }, { capture: true, passive: true });
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
      if (this.pausedForCountdown) this.audio.narration.resume();
      this.pausedForCountdown = false;
    }
  }

  private tick(): void {
    const now = performance.now();
    this.watchdog(now);
    if (this.staffOpen) {
      this.staff.showLock();
      // An abandoned PIN or staff screen must not greet the next visitor: it closes after the idle
      // time with no input, and the kiosk starts its attract loop again.
      if (now - this.staffInputAt >= this.config.idleSeconds * 1000) {
        this.closeStaff();
        this.idle.reset();
        this.resetVisitor('staff-idle');
      }
      return;
    }
    if (this.ctx.xr.mode !== 'inline') return; // nobody is timed out in a headset
    const effect = this.idle.tick(now);
    if (effect === 'countdown') {
      this.countdown.showModal();
      this.pausedForCountdown = this.audio.narration.view.status === 'playing';
      this.audio.narration.pause();
    }
    if (this.idle.phase === 'countdown') this.countdownText.textContent = format(this.ctx.content.locale.ui.stillThereBody, { seconds: this.idle.secondsLeft(now) });
    if (effect === 'reset') this.resetVisitor('idle');
  }

  private beginVisit(fresh: boolean): void {
    window.clearTimeout(this.attractTimer);
    this.attract.hidden = true;
    document.body.dataset.kiosk = 'visit';
    if (this.idle.phase === 'attract') this.idle.input(performance.now());
    const { tour, analytics } = this.ctx;
    this.ctx.services.take?.stop();
    this.audio.narration.stop();
    this.audio.narration.hush(false);
    if (fresh) {
      tour.dispatch({ type: 'reset', settings: this.settings });
      this.ctx.placeAtStart();
      void document.documentElement.requestFullscreen?.({ navigationUI: 'hide' }).catch(() => undefined);
    }
    analytics.start('kiosk', this.ctx.content.locale.locale);
    analytics.onState(tour.state!);
  }

  /** Everything back as a new visitor finds it, then the attract loop. */
  private resetVisitor(reason: string): void {
    this.ctx.analytics.end(reason);
    for (const d of document.querySelectorAll<HTMLDialogElement>('dialog[open]')) d.close();
    this.ctx.services.take?.stop();
    this.audio.narration.stopAll();
    this.audio.resetPrefs();
    removeItems([STORAGE_KEY, AUDIO_PREFS_KEY]);
    const { set, locale } = this.ctx.content;
    const url = new URL(window.location.href);
    if (locale.locale !== set.defaultLocale || url.searchParams.has('lang') || this.updateReady) {
      // Another language (or a new version) needs a fresh load; a load without the resume mark
      // forgets the visitor's language too (src/app/start.ts) and starts in attract.
      if (this.updateReady) {
        void this.updateReady();
        return;
      }
      this.reload();
      return;
    }
    this.ctx.tour.dispatch({ type: 'reset', settings: this.settings });
    this.ctx.placeAtStart();
    this.cycles++;
    this.startAttract();
  }

  private startAttract(): void {
    this.idle.reset();
    document.body.dataset.kiosk = 'attract';
    this.attract.hidden = false;
    this.attractCaption.textContent = '';
    this.audio.narration.hush(true);
    this.attractIndex = 0;
    window.clearTimeout(this.attractTimer);
    const step = (): void => {
      if (this.idle.phase !== 'attract') return;
      const stations = this.config.attractStations;
      // After each round of the stations, the crew shoots a take (where the set has one).
      if (this.attractIndex > 0 && this.attractIndex % stations.length === 0 && !this.tookTake) {
        this.tookTake = true;
        void this.attractTake(step);
        return;
      }
      this.tookTake = false;
      const id = stations[this.attractIndex++ % stations.length]!;
      this.ctx.tour.dispatch({ type: 'go', station: id });
      this.attractTimer = window.setTimeout(step, this.config.attractSecondsPerStation * 1000);
    };
    this.attractTimer = window.setTimeout(step, 1200);
  }

  private tookTake = false;

  /** Plays a take in the attract loop, then goes on with `next` once it is over. */
  private async attractTake(next: () => void): Promise<void> {
    const take = this.ctx.services.take;
    if (!take || !(await take.start())) {
      next();
      return;
    }
    const poll = (): void => {
      if (this.idle.phase !== 'attract') return;
      if (take.running) this.attractTimer = window.setTimeout(poll, 1000);
      else next();
    };
    this.attractTimer = window.setTimeout(poll, 1000);
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
    this.staffInputAt = performance.now();
    this.countdown.close();
    this.staff.openPin(byTap, this.d);
  }

  private closeStaff(): void {
    this.staffOpen = false;
    this.staff.close();
    if (this.idle.phase === 'visit') this.idle.input(performance.now());
  }

  /** Rendering has stopped (a hung GPU, a crashed frame loop): start over in a clean page. */
  private watchdog(now: number): void {
    if (document.visibilityState !== 'visible' || this.ctx.xr.mode !== 'inline') {
      this.lastFrame = now;
      return;
    }
    if (now - this.lastFrame < this.config.watchdogSeconds * 1000) return;
    console.warn(`Backlot kiosk: no frame drawn for ${Math.round((now - this.lastFrame) / 1000)} s; restarting.`);
    this.lastFrame = now;
    this.ctx.analytics.end('watchdog');
    this.reload();
  }

  /**
   * Starts the kiosk afresh in its attract loop: a kiosk load without the resume mark forgets the
   * last visitor's station, settings, sound and language, and any ?lang=/?station= (src/app/start.ts).
   */
  private reload(): void {
    window.location.reload();
  }
}
