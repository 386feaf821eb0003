import type { Activity, ActivityEnv, ActivitySound, ControlSpec, ControlValue, Feedback } from '../types';
import { ContinuityLogic } from './logic';
import { ITEM_KINDS, TAKES, type ContinuityParams, type ItemKind, type TakeId } from './params';
import { ContinuityTexts } from './texts';
import { ContinuityView } from './view';

/**
 * The script supervisor's job at the floor station: two takes of the same moment at a diner
 * table; the visitor flips between them and picks what changed. Right picks go into the notes
 * (the status line) and get a ring in 3D; a decoy says why it matches and why that matters to
 * the editor. Done when every change is noted.
 */

const TAKE_CONTROL = 'take';
const ITEM_PREFIX = 'item-';

const itemOf = (control: string): ItemKind | null => {
  if (!control.startsWith(ITEM_PREFIX)) return null;
  const id = control.slice(ITEM_PREFIX.length);
  return (ITEM_KINDS as readonly string[]).includes(id) ? (id as ItemKind) : null;
};

/** A pencil's tick on the notepad, made in code: two short strokes of filtered noise. */
function tick(sound: ActivitySound, cache: { buffer: AudioBuffer | null }): void {
  const ctx = sound.context();
  const out = sound.output();
  if (!ctx || !out) return;
  if (!cache.buffer) {
    const rate = ctx.sampleRate;
    const buffer = ctx.createBuffer(1, Math.floor(rate * 0.22), rate);
    const data = buffer.getChannelData(0);
    // two strokes (0–70 ms, 110–200 ms), each rising and falling
    const stroke = (t: number, t0: number, t1: number): number => (t > t0 && t < t1 ? Math.sin((Math.PI * (t - t0)) / (t1 - t0)) : 0);
    let seed = 12345;
    for (let i = 0; i < data.length; i++) {
      const t = i / rate;
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      data[i] = ((seed / 0x7fffffff) * 2 - 1) * 0.35 * (stroke(t, 0, 0.07) + 0.8 * stroke(t, 0.11, 0.2));
    }
    cache.buffer = buffer;
  }
  const src = ctx.createBufferSource();
  src.buffer = cache.buffer;
  const filter = ctx.createBiquadFilter();
  filter.type = 'bandpass';
  filter.frequency.value = 3200;
  filter.Q.value = 0.9;
  src.connect(filter).connect(out);
  src.start();
}

export function create(env: ActivityEnv): Activity {
  const params = env.params as ContinuityParams;
  const logic = new ContinuityLogic(params.items);
  const texts = new ContinuityTexts(env.words, env.format);
  const view = new ContinuityView(env.group, params, texts.word('board'), env.station.yaw);
  const sound = { buffer: null as AudioBuffer | null };

  const controls: readonly ControlSpec[] = [
    { kind: 'choice', id: TAKE_CONTROL, label: texts.word('take'), options: TAKES.map((t) => ({ id: t, label: texts.word(t) })) },
    ...params.items.map((item): ControlSpec => ({ kind: 'action', id: `${ITEM_PREFIX}${item.id}`, label: texts.item(item.id) })),
  ];

  const redraw = (): void => view.show({ take: logic.state.take, found: logic.state.found });

  const change = (id: string, value: ControlValue): Feedback => {
    if (id === TAKE_CONTROL) {
      const take = (TAKES as readonly ControlValue[]).includes(value) ? (value as TakeId) : logic.state.take;
      if (logic.showTake(take)) {
        redraw();
        env.sound.play('slate');
      }
      return texts.takeShown(logic.state.take);
    }
    const item = itemOf(id);
    if (item === null) return { text: '', tone: 'info' };
    const outcome = logic.pick(item);
    if (outcome === 'found') {
      redraw();
      tick(env.sound, sound);
    } else if (outcome === 'matches') {
      view.markMiss(item);
    } else if (outcome === 'compare-first') {
      view.markMiss('board');
    }
    return texts.picked(item, outcome, logic.done);
  };

  return {
    controls: () => controls,
    value: (id) => (id === TAKE_CONTROL ? logic.state.take : false),
    valueText: (id) => (id === TAKE_CONTROL ? texts.word(logic.state.take) : ''),
    disabled: (id) => {
      const item = itemOf(id);
      return item !== null && logic.isFound(item);
    },
    change,
    get done() {
      return logic.done;
    },
    status: () => texts.status(logic.state, logic.total),
    // Nothing moves between changes: every redraw happens in change() and reset().
    frame: () => undefined,
    reset: () => {
      logic.reset();
      view.reset({ take: logic.state.take, found: logic.state.found });
    },
    setOpen: (open) => view.setVisible(open),
    debug: () => ({
      take: logic.state.take,
      compared: logic.state.compared,
      found: [...logic.state.found],
      misses: logic.state.misses,
      total: logic.total,
      done: logic.done,
      changes: params.items.filter((i) => logic.isChange(i.id)).map((i) => i.id),
      marked: view.missing,
      builds: view.stats.builds,
      triangles: view.stats.triangles,
      buildMs: view.stats.buildMs,
    }),
    dispose: () => view.dispose(),
  };
}
