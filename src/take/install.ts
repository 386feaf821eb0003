import type { Entity } from '../aframe-typed';
import type { AppContext } from '../app/context';
import type { CrewLayout } from '../set/layout';
import { Disposables } from '../app/disposables';
import { formatProblem } from '../content/problems';
import type { TakeFile, TakeLocaleFile } from '../content/take-types';
import { format } from '../ui/dom';
import { loadTake } from './load';
import { Stage } from './stage';
import { TakeUi } from './take-ui';
import { advance, follow, IDLE, intoStep, start, stop, type TimelineState } from './timeline';
import { TakeVoices } from './voices';

/** How far into a call its voice may still start, seconds (later it would trail the caption). */
const LATE_VOICE_S = 0.8;

/** What the take's launcher (src/app/take-launcher.ts) and tests drive. */
export interface TakeControl {
  /** Starts the take from its first call (again, if one is running), following `performer` or the whole crew. */
  start(performer?: string | null): void;
  /** Stops a running take; closes the bar. */
  stop(): void;
  follow(performer: string | null): void;
  readonly running: boolean;
  /** Tests and the bench: where the take is and what it has drawn. */
  debug(): Record<string, unknown>;
  dispose(): void;
}

/**
 * The take, as a lazy feature: loads scenes/take.json and its words, builds the moving crew, and
 * plays the calls in order — each spoken (a voice per role), captioned, written to the take's log,
 * shown in the speaker's role tag — while the crew moves and the monitor shows the camera's view.
 * Returns null (and says why) when the content cannot be used; the tour carries on either way.
 */
export async function install(ctx: AppContext): Promise<TakeControl | null> {
  const { content, hud } = ctx;
  const loaded = await loadTake(ctx.read, content.set, content.locale.locale);
  if (!loaded.ok) {
    for (const p of loaded.problems.slice(0, 3)) console.warn(`Backlot: the take can't be used: ${formatProblem(p)}`);
    hud.showNotice(formatProblem(loaded.problems[0]!));
    return null;
  }
  const { renderer, camera } = ctx.scene;
  const stage = await Stage.build(content, ctx.set, loaded.take, renderer && camera ? { renderer, camera } : undefined);
  if (!stage) return null;
  return new TakePlayer(ctx, stage, loaded.take, loaded.words);
}

class TakePlayer implements TakeControl {
  private state: TimelineState = IDLE;
  private clock = 0;
  private takes = 0;
  private readonly d = new Disposables();
  private readonly ui: TakeUi;
  private readonly voices: TakeVoices;
  private readonly names: ReadonlyMap<string, string>;
  /** The performers' click targets (crew-member entities) and where the rig has them now. */
  private readonly targets: [Entity, CrewLayout][] = [];
  /** The call whose voice is still to be heard (its sound was not loaded yet when the call came). */
  private pendingVoice: string | null = null;
  /** Where keyboard focus was when the take started: it goes back there when the bar goes. */
  private returnFocus: HTMLElement | null = null;

  constructor(private readonly ctx: AppContext, private readonly stage: Stage, private readonly take: TakeFile, private readonly words: TakeLocaleFile) {
    const { content } = ctx;
    const { roles } = content.locale;
    const performers = ctx.set.hotSet!.def.performers;
    this.names = new Map(performers.map((p) => [p.id, roles[p.role]?.title ?? p.role]));
    const title = format(words.ui.title, { scene: take.slate.scene, take: take.slate.take });
    this.ui = new TakeUi(words, { title, close: content.locale.ui.close }, performers.map((p) => ({ id: p.id, name: this.names.get(p.id)! })), {
      stop: () => this.stop(),
      again: () => this.start(this.state.follow),
      follow: (id) => this.follow(id),
      close: () => this.close(),
    });
    ctx.hud.slots.aboveFooter.append(this.ui.root);
    document.body.append(this.ui.log);
    this.voices = new TakeVoices(new URL('.', document.baseURI).href, content.locale.locale);
    const layouts = new Map(ctx.set.hotSet!.performers.map((c) => [c.key, c]));
    for (const el of ctx.scene.querySelectorAll<Entity>('[crew-member]')) {
      const layout = layouts.get((el.getAttribute('crew-member') as unknown as { key: string }).key);
      if (layout) this.targets.push([el, layout]);
    }
    this.d.add(ctx.phases.add('activity', 'take', (dt) => this.frame(dt)));
    this.d.add(() => stage.dispose());
    this.d.add(() => this.voices.dispose());
    this.d.add(() => this.ui.dispose());
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape' || !this.ui.isOpen) return;
      // The take has Escape first: a second press closes the station's panel as before.
      e.preventDefault();
      e.stopImmediatePropagation();
      if (this.running) this.stop();
      else this.close();
    };
    window.addEventListener('keydown', onKey, true);
    this.d.add(() => window.removeEventListener('keydown', onKey, true));
    // Setting off for a station ends the take: its narration would talk over the calls.
    this.d.add(ctx.tour.subscribe((s, previous) => {
      if (this.running && s.trip !== previous.trip) this.stop();
    }));
  }

  get running(): boolean {
    return this.state.status === 'running';
  }

  start(performer: string | null = null): void {
    if (this.running) this.halt();
    void this.voices.load();
    this.ctx.services.audio?.narration.stop();
    this.state = start(performer);
    this.takes++;
    this.ui.open(performer);
    this.ctx.services.panel?.render(); // the VR panel's button now stops the take
    this.stage.monitor?.setLive(true);
    this.ctx.analytics.take(performer ?? '', 'started');
    if (this.ctx.xr.mode !== 'vr') {
      const active = document.activeElement;
      if (active instanceof HTMLElement && !this.ui.root.contains(active)) this.returnFocus = active;
      this.ui.focus();
    }
    void this.watch();
  }

  /**
   * On a screen, the visitor is brought to watch from behind video village (the set's start spot,
   * which faces the hot set), the station's panel closed: the take bar explains now. In a headset
   * they watch from where they stand (and may teleport); in AR the model is in front of them.
   */
  private async watch(): Promise<void> {
    const { tour, xr, hud } = this.ctx;
    if (xr.mode !== 'inline' || tour.isTravelling()) return;
    if (tour.state?.panel) tour.dispatch({ type: 'escape' });
    if (tour.state?.panel) tour.dispatch({ type: 'escape' }); // a role card steps back to its station first
    const motion = !tour.state?.settings.reducedMotion;
    if (motion) await hud.fade(true);
    this.ctx.placeAtStart();
    if (motion) await hud.fade(false);
  }

  stop(): void {
    if (!this.running) return;
    this.halt();
    this.ctx.analytics.take(this.state.follow ?? '', 'stopped');
    this.ui.end('stopped');
    this.giveFocusBack();
  }

  /** Back to the button that started the take, or to the 3D view if that is gone (a closed panel's). */
  private giveFocusBack(): void {
    if (!this.ui.root.contains(document.activeElement) && document.activeElement !== document.body) return;
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back?.isConnected && !back.closest('[hidden]')) back.focus();
    else this.ctx.view.focus();
  }

  follow(performer: string | null): void {
    this.state = follow(this.state, performer);
    if (performer) this.ctx.analytics.take(performer, 'followed');
    if (this.running && this.state.index >= 0) {
      this.ui.explainNow(this.explain(this.state.index));
      this.showTags(this.state.index);
    }
  }

  /** Stops sound, captions, tags and the monitor, and puts everyone back on their first marks. */
  private halt(): void {
    this.state = stop(this.state);
    this.pendingVoice = null;
    this.voices.stop();
    this.ctx.services.audio?.caption(null);
    this.ctx.services.tags?.roleTags.feature(new Set(), null);
    this.stage.monitor?.setLive(false);
    this.stage.pose(0, this.clock);
    this.ctx.services.panel?.render();
  }

  private close(): void {
    if (this.running) this.halt();
    this.ui.close();
    this.ctx.services.tags?.roleTags.feature(new Set(), null);
    this.giveFocusBack();
  }

  /**
   * Says the current call if its voice is ready. The first call of the first take may come before
   * the voices have loaded: it is still said if they arrive early in the call, never late.
   */
  private speak(): void {
    const id = this.pendingVoice;
    const prefs = this.ctx.services.audio?.prefs();
    if (id === null || !prefs) return;
    if (intoStep(this.take, this.state) > LATE_VOICE_S) {
      this.pendingVoice = null;
      return;
    }
    if (this.voices.play(id, prefs.volume) !== null) this.pendingVoice = null;
  }

  private frame(dt: number): void {
    this.clock += dt;
    // In AR the HUD is hidden and its bar is in the session's DOM overlay: the take's bar goes too.
    const home = this.ctx.hud.overlay ?? this.ctx.hud.slots.aboveFooter;
    if (this.ui.root.parentElement !== home) {
      home.append(this.ui.root);
      this.ui.root.classList.toggle('in-ar', home !== this.ctx.hud.slots.aboveFooter);
    }
    if (this.running) {
      const step = advance(this.take, this.state, dt);
      this.state = step.state;
      for (const i of step.entered) this.call(i);
      if (step.finished) this.finish();
      else this.speak();
    }
    this.stage.pose(this.running ? this.state.t : 0, this.clock);
    // Their click targets go where they are (a click on an actor mid-take opens the actor's card).
    for (const [el, layout] of this.targets) el.object3D.position.copy(layout.feet);
    const scene = this.ctx.scene;
    // The set's root, not the whole scene: the monitor sees only the set, and drawing it walks only the set.
    if (scene.renderer && scene.camera) this.stage.drawMonitor(scene.renderer, this.ctx.set.root, scene.camera, dt);
  }

  private explain(i: number): string {
    const id = this.take.steps[i]!.id;
    const who = this.state.follow;
    if (!who) return this.words.steps[id]!.what;
    const view = this.words.follow[who];
    return view ? `${this.names.get(who)}: ${view.steps[id] ?? view.idle}` : this.words.steps[id]!.what;
  }

  /** A call is made: heard, captioned, logged, and the speaker's tag lit up. */
  private call(i: number): void {
    const step = this.take.steps[i]!;
    const who = this.names.get(step.speaker) ?? step.speaker;
    const text = this.words.steps[step.id]!.call;
    this.ui.show({ index: i, total: this.take.steps.length, who, call: text, explain: this.explain(i) });
    const audio = this.ctx.services.audio;
    audio?.caption(format(this.words.ui.speakerLine, { who, text }));
    if (step.sound) void audio?.narration.playSetSound(step.sound);
    this.pendingVoice = step.id;
    this.speak();
    this.showTags(i);
  }

  /**
   * The tags of who is busy on this call (the speaker lit up, whoever acts, the followed person),
   * wherever the visitor stands: the whole crew's at once would bury the set.
   */
  private showTags(i: number): void {
    const step = this.take.steps[i]!;
    const performers = this.rigIds();
    const busy = [step.speaker, ...step.actions.map((a) => a.who), ...(this.state.follow ? [this.state.follow] : [])];
    const keys = new Set(busy.filter((id) => performers.has(id)).map((id) => `hot:${id}`));
    this.ctx.services.tags?.roleTags.feature(keys, `hot:${step.speaker}`, this.cast);
  }

  private rigIds(): ReadonlySet<string> {
    return new Set(this.stage.rig.performers.keys());
  }

  /** Every performer's tag key: while a take plays, those not busy on the call keep their tags down. */
  private get cast(): ReadonlySet<string> {
    return new Set(this.ctx.set.hotSet!.performers.map((p) => p.key));
  }

  private finish(): void {
    this.voices.stop();
    this.ctx.services.audio?.caption(null);
    this.ctx.services.tags?.roleTags.feature(new Set(), null);
    this.stage.monitor?.setLive(false);
    this.ctx.analytics.take(this.state.follow ?? '', 'finished');
    this.ui.end('finished');
    this.ctx.services.panel?.render();
  }

  debug(): Record<string, unknown> {
    const renderer = this.ctx.scene.renderer;
    return {
      status: this.state.status, t: this.state.t, index: this.state.index, follow: this.state.follow,
      intoStep: intoStep(this.take, this.state), takes: this.takes,
      steps: this.take.steps.map((s) => s.id),
      monitor: this.stage.monitor ? { live: this.stage.monitor.live, ...this.stage.monitor.stats, brightness: renderer ? this.stage.monitor.meanBrightness(renderer) : null } : null,
      voices: this.voices.playing(),
      rigTriangles: this.stage.rig.triangles,
      bones: Object.fromEntries([...this.stage.rig.performers].map(([id, p]) => [id, p.bones.root ? [p.bones.root.position.x, p.bones.root.position.z, p.bones.root.rotation.y] : null])),
    };
  }

  dispose(): void {
    this.halt();
    this.d.dispose();
  }
}

