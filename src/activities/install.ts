import * as THREE from 'three';
import type { AppContext } from '../app/context';
import { Disposables } from '../app/disposables';
import { formatProblem } from '../content/problems';
import type { ActivityDef } from '../content/activity-types';
import type { ContentProblem } from '../content/types';
import { phoneLayout } from '../ui/layout';
import { format, h } from '../ui/dom';
import { ActivityCard } from './card';
import { loadHowler, makeEnv } from './env';
import { KINDS } from './kinds';
import { loadIndex, loadParams, loadWordsOrDefault } from './load';
import { SPECS } from './specs';
import type { Activity, ActivityWords, Feedback } from './types';

import { provideToolkit, type Toolkit } from './toolkit';
import { VrActivityPanel } from './vr-panel';
import { until, whenIdle } from './schedule';
import { warmGroup } from './warm';

/** What the launcher (src/app/activity-launcher.ts), the VR panel and tests drive. */
export interface ActivitiesControl {
  /** Opens the activity at `station` (the visitor's, by default); false if there is none or it failed. */
  open(station?: string | null): Promise<boolean>;
  close(): void;
  readonly isOpen: boolean;
  offeredAt(station: string | null): boolean;
  /** The open activity's state (tests, the bench), or null. */
  current(): Record<string, unknown> | null;
  /** How many activities the set has. */
  readonly total: number;
  /** Every activity and its station (the lesson counts those at its stations). */
  list(): readonly { id: string; station: string }[];
  /** Tests: the world point of a control on the headset's panel (null when it is not shown). */
  vrPoint(id: string, option?: string | number | boolean, along?: number): { x: number; y: number; z: number } | null;
  dispose(): void;
}

interface Made {
  readonly def: ActivityDef;
  readonly activity: Activity;
  readonly words: ActivityWords;
  /** Its things on the set (the view is turned to them on open). */
  readonly group: THREE.Object3D;
  /** The last feedback of each control, said when a dragged slider is let go. */
  readonly last: Map<string, Feedback>;
  dispose(): void;
}

/**
 * The hands-on activities (a lazy chunk, loaded at the visitor's first station). It reads
 * scenes/activities.json, offers "Try it" in the station box of a station that has one, and on
 * open loads that kind's chunk, its settings and words, and shows its controls: a card beside the
 * station's text (in the sheet on a phone, in the AR overlay), a pointable panel in a headset. A
 * goal reached is kept with the visit (tour state: progress, analytics, the lesson). A new kiosk
 * visitor finds every activity as new.
 */
export async function install(ctx: AppContext, kit: Toolkit): Promise<ActivitiesControl | null> {
  provideToolkit(kit); // before anything reads a file or loads a kind's chunk
  const index = await loadIndex(ctx.read, ctx.content.set);
  if (index === null) return null;
  if (!index.ok) {
    warn(index.problems);
    ctx.hud.showNotice(formatProblem(index.problems[0]!));
    return null;
  }
  return new Activities(ctx, index.value.activities);
}

function warn(problems: readonly ContentProblem[]): void {
  for (const p of problems.slice(0, 3)) console.warn(`Backlot: an activity can't be used: ${formatProblem(p)}`);
}

class Activities implements ActivitiesControl {
  private readonly d = new Disposables();
  private readonly byStation = new Map<string, ActivityDef>();
  private readonly made = new Map<string, Promise<Made | null>>();
  private readonly titles = new Map<string, string>();
  private readonly button: HTMLButtonElement;
  private readonly phone = phoneLayout();
  private readonly vr: VrActivityPanel;
  /** "2 of 6 hands-on activities done", under the stations visited, once one is done. */
  private readonly progress = h('p', { id: 'activities-progress', class: 'progress', hidden: true });
  private open_: { made: Made; card: ActivityCard; station: string } | null = null;

  constructor(
    private readonly ctx: AppContext,
    defs: readonly ActivityDef[],
  ) {
    for (const def of defs) this.byStation.set(def.station, def);
    const { ui } = ctx.content.locale;
    this.button = h('button', { type: 'button', id: 'btn-activity', class: 'activity-open', hidden: true }, '');
    this.button.addEventListener('click', () => void this.open());
    ctx.hud.slots.nowActions.prepend(this.button);
    ctx.hud.root.querySelector('.brand')?.append(this.progress);
    this.d.add(() => {
      this.button.remove();
      this.progress.remove();
    });
    this.vr = new VrActivityPanel(ctx, { reset: ui.activityReset, close: ui.activityClose, doneBadge: ui.activityDoneBadge }, {
      change: (id, value, quiet) => this.change(id, value, quiet),
      commit: (id) => this.commit(id),
      reset: () => this.resetOpen(),
      close: () => this.close(),
    });
    this.d.add(() => this.vr.dispose());
    this.d.add(ctx.tour.subscribe((s, previous) => {
      if (s.visitor !== previous.visitor) this.resetAll();
      else if (this.open_ && (s.station !== this.open_.station || s.trip !== previous.trip)) this.close(false);
      if (s.station !== previous.station) this.arrive(s.station);
      if (s.done !== previous.done) this.showProgress();
    }));
    this.showProgress();
    this.d.add(ctx.phases.add('activity', 'activities', (dt) => this.frame(dt)));
    this.arrive(ctx.tour.state?.station ?? null);
  }

  private showProgress(): void {
    const done = (this.ctx.tour.state?.done ?? []).filter((id) => [...this.byStation.values()].some((d) => d.id === id)).length;
    this.progress.hidden = done === 0;
    this.progress.textContent = format(this.ctx.content.locale.ui.activitiesProgress, { done, total: this.byStation.size });
  }

  get total(): number {
    return this.byStation.size;
  }

  get isOpen(): boolean {
    return this.open_ !== null;
  }

  list(): readonly { id: string; station: string }[] {
    return [...this.byStation.values()].map((def) => ({ id: def.id, station: def.station }));
  }

  offeredAt(station: string | null): boolean {
    return station !== null && this.byStation.has(station);
  }

  /** At a station with an activity: its button (titled in the visitor's language) and its chunk, ready. */
  private arrive(station: string | null): void {
    const def = station ? this.byStation.get(station) : undefined;
    for (const p of this.made.values()) void p.then((m) => m && this.showAt(m, station));
    this.button.hidden = true;
    if (!def) return;
    void this.title(def).then((title) => {
      if (title === null || this.ctx.tour.state?.station !== def.station) return;
      this.button.textContent = format(this.ctx.content.locale.ui.activityOpen, { title });
      this.button.hidden = this.open_ !== null;
    });
    // Made while the visitor reads the station's text, not when they press "Try it": on a GPU that
    // cannot compile shaders in parallel, the first compile of its materials blocks the page.
    whenIdle(() => {
      if (this.ctx.tour.state?.station === def.station) void this.instance(def);
    });
  }

  private async title(def: ActivityDef): Promise<string | null> {
    const known = this.titles.get(def.id);
    if (known) return known;
    const words = await this.words(def);
    if (!words.ok) return null;
    this.titles.set(def.id, words.value.title);
    return words.value.title;
  }

  private words(def: ActivityDef): ReturnType<typeof loadWordsOrDefault> {
    const { read, content } = this.ctx;
    return loadWordsOrDefault(read, def, content.locale.locale, content.set.defaultLocale);
  }

  /** The activity, made once and kept (its state stays as the visitor left it until a reset). */
  private instance(def: ActivityDef): Promise<Made | null> {
    let p = this.made.get(def.id);
    if (!p) {
      p = this.make(def);
      this.made.set(def.id, p);
      void p.then((m) => {
        if (m === null) this.made.delete(def.id); // a later press tries again (a dropped connection)
      });
    }
    return p;
  }

  private async make(def: ActivityDef): Promise<Made | null> {
    const { ctx } = this;
    try {
      const [mod, params, words] = await Promise.all([KINDS[def.kind](), loadParams(ctx.read, def, ctx.content.set), this.words(def), loadHowler()]);
      if (!params.ok || !words.ok) {
        const problems = [...(params.ok ? [] : params.problems), ...(words.ok ? [] : words.problems)];
        warn(problems);
        ctx.hud.showNotice(formatProblem(problems[0]!));
        return null;
      }
      const env = makeEnv(ctx, def, params.value, words.value);
      const activity = await mod.create(env);
      const made: Made = {
        def, activity, words: words.value, group: env.group, last: new Map(),
        dispose: () => {
          activity.dispose();
          env.group.removeFromParent();
        },
      };
      // Shaders compiled and textures uploaded now, a material a task, not in the first frame it is seen.
      const camera = (ctx.scene as unknown as { camera?: THREE.Camera }).camera;
      await warmGroup(env.renderer, ctx.scene.object3D, camera, env.group);
      this.showAt(made, ctx.tour.state?.station ?? null);
      return made;
    } catch (err) {
      console.error(`Backlot: the activity "${def.id}" could not be loaded`, err);
      ctx.hud.showNotice(ctx.content.locale.ui.activityFailed);
      return null;
    }
  }

  /**
   * An activity's things are drawn only while the visitor is at its station: elsewhere they would
   * only add triangles (up to ~25k each) to every frame, and the station itself keeps its own
   * gear from the set.
   */
  private showAt(made: Made, station: string | null): void {
    made.group.visible = made.def.station === station;
  }

  async open(station: string | null = this.ctx.tour.state?.station ?? null): Promise<boolean> {
    const def = station ? this.byStation.get(station) : undefined;
    if (!def || !station) return false;
    const { tour, xr, content } = this.ctx;
    if (tour.state?.station !== station) {
      tour.dispatch({ type: 'go', station });
      await until(() => !tour.isTravelling());
    }
    const made = await this.instance(def);
    if (!made || tour.state?.station !== station) return false;
    if (this.open_?.made === made) return true;
    this.close(false);
    const { ui } = content.locale;
    const card = new ActivityCard(station, made.words.title, made.words.goal, { reset: ui.activityReset, close: ui.activityClose, doneBadge: ui.activityDoneBadge, controls: ui.activityControls }, {
      change: (id, value, quiet) => this.change(id, value, quiet),
      commit: (id) => this.commit(id),
      reset: () => this.resetOpen(),
      close: () => this.close(),
    });
    this.open_ = { made, card, station };
    this.button.hidden = true;
    // The station's panel makes way: the set, where the activity happens, stays in view.
    while (tour.state?.panel) tour.dispatch({ type: 'escape' });
    made.activity.setOpen(true);
    this.place();
    card.sync(made.activity);
    this.lifeSizeNote(made, card);
    this.vr.show(made.activity, made.words, xr.mode === 'vr', made.group);
    this.ctx.analytics.activity(def.id, 'opened');
    this.ctx.services.panel?.render();
    if (xr.mode === 'inline') {
      this.frameView(made);
      card.focusFirst();
    }
    return true;
  }

  /**
   * Turns the view (on a screen) so the activity's things are where the card leaves the set in
   * sight: left of the card on a wide screen, above the station sheet on a phone.
   */
  private frameView(made: Made): void {
    const camera = this.ctx.scene.camera as THREE.PerspectiveCamera | undefined;
    if (!camera?.isPerspectiveCamera) return;
    const box = new THREE.Box3().setFromObject(made.group);
    if (box.isEmpty()) return;
    const c = box.getCenter(new THREE.Vector3());
    const eye = this.ctx.camera.object3D.getWorldPosition(new THREE.Vector3());
    const yaw = Math.atan2(-(c.x - eye.x), -(c.z - eye.z));
    const pitch = Math.atan2(c.y - eye.y, Math.hypot(c.x - eye.x, c.z - eye.z));
    const tanV = Math.tan(THREE.MathUtils.degToRad(camera.fov) / 2);
    // Where on the screen (-1…1 each way) the activity's middle should be.
    const at = this.phone?.matches ? { x: 0, y: 0.45 } : { x: -0.3, y: 0.05 };
    const dYaw = Math.atan(at.x * tanV * camera.aspect);
    const dPitch = Math.atan(at.y * tanV);
    this.ctx.tour.turnTo(yaw + dYaw, THREE.MathUtils.clamp(pitch - dPitch, -0.9, 0.5));
  }

  /** In AR, an activity that does not read on the tabletop model says so and offers life size. */
  private lifeSizeNote(made: Made, card: ActivityCard): void {
    if (this.ctx.xr.mode !== 'ar' || SPECS[made.def.kind].onModel) return;
    const { ui } = this.ctx.content.locale;
    const go = h('button', { type: 'button', id: 'activity-life-size' }, ui.activityLifeSizeButton);
    go.addEventListener('click', () => void this.ctx.xr.exit().then(() => this.open(made.def.station)));
    card.root.querySelector('.activity-goal')!.after(h('p', { class: 'activity-life-size', role: 'note' }, ui.activityLifeSize, ' '), go);
  }

  /** Closes the card; `back` reopens the station's panel (a Close press, not a trip elsewhere). */
  close(back = true): void {
    const o = this.open_;
    if (!o) return;
    this.open_ = null;
    o.made.activity.setOpen(false);
    o.card.root.remove();
    this.vr.hide();
    const { tour } = this.ctx;
    if (back && tour.state?.station === o.station && !tour.isTravelling()) {
      tour.dispatch({ type: 'openStationPanel' });
      this.button.hidden = false;
      if (this.ctx.xr.mode === 'inline') this.button.focus();
    }
    this.ctx.services.panel?.render();
  }

  private change(id: string, value: boolean | string | number, quiet = false): void {
    const o = this.open_;
    if (!o) return;
    const feedback = o.made.activity.change(id, value);
    o.made.last.set(id, feedback);
    this.settle(o.made, feedback, quiet);
  }

  /** After a change (or something the activity said later): say it, redraw the controls, keep a goal reached. */
  private settle(made: Made, feedback: Feedback, quiet = false): void {
    const { activity, def } = made;
    if (!quiet) this.say(feedback);
    this.open_?.card.sync(activity);
    this.vr.sync();
    if (activity.done && !this.ctx.tour.state?.done.includes(def.id)) {
      this.ctx.tour.dispatch({ type: 'activityDone', id: def.id });
      this.ctx.analytics.activity(def.id, 'done');
    } else if (feedback.tone === 'bad' && !quiet) this.ctx.analytics.activity(def.id, 'missed');
  }

  private commit(id: string): void {
    const f = this.open_?.made.last.get(id);
    if (f) this.say(f);
  }

  private say(f: Feedback | null): void {
    this.open_?.card.say(f);
    this.vr.say(f);
  }

  private resetOpen(): void {
    const o = this.open_;
    if (!o) return;
    o.made.activity.reset();
    o.made.last.clear();
    this.say(null);
    o.card.sync(o.made.activity);
    this.vr.sync();
    this.ctx.analytics.activity(o.made.def.id, 'reset');
  }

  /** A new visitor (a kiosk's idle reset, a lesson's next pupil): every activity as new. */
  private resetAll(): void {
    this.close(false);
    for (const p of this.made.values()) void p.then((m) => m?.activity.reset());
  }

  /** Where the card goes: the AR overlay, the phone's station sheet, or the side of a wide view. */
  private place(): void {
    const o = this.open_;
    if (!o) return;
    const { hud } = this.ctx;
    // In AR, inside the overlay's HUD holder (class hud): the card's buttons keep the HUD's look.
    const ar = hud.overlay ? (hud.overlay.querySelector<HTMLElement>('.ar-hud') ?? hud.overlay) : null;
    const home = ar ?? (this.phone?.matches ? hud.slots.nowActions.parentElement! : hud.slots.aboveFooter);
    if (o.card.root.parentElement === home) return;
    if (home === hud.slots.nowActions.parentElement) hud.slots.nowActions.after(o.card.root);
    else home.append(o.card.root);
    o.card.root.classList.toggle('in-ar', home === ar);
  }

  private frame(dt: number): void {
    const o = this.open_;
    if (!o) return;
    this.place();
    o.made.activity.frame(dt);
    const later = o.made.activity.poll?.() ?? null;
    if (later) this.settle(o.made, later);
    this.vr.frame(this.ctx.xr.mode === 'vr');
  }

  vrPoint(id: string, option?: string | number | boolean, along?: number): { x: number; y: number; z: number } | null {
    if (!this.vr.visible) return null;
    const p = this.vr.worldPoint(id, option, along);
    return p ? { x: p.x, y: p.y, z: p.z } : null;
  }

  current(): Record<string, unknown> | null {
    const o = this.open_;
    return o ? { id: o.made.def.id, station: o.station, done: o.made.activity.done, status: o.made.activity.status(), feedback: o.card.feedbackText, ...o.made.activity.debug() } : null;
  }

  dispose(): void {
    this.close(false);
    for (const p of this.made.values()) void p.then((m) => m?.dispose());
    this.made.clear();
    this.d.dispose();
  }
}
