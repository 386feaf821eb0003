import * as THREE from 'three';
import { EYE_HEIGHT, type StationLayout } from '../../set/layout';
import type { Activity, ActivityEnv, ControlSpec, ControlValue, Feedback } from '../types';
import { CONTROLS, DONE, change, initialState, lit, problems, ratioOf, type LampId, type LightingParams, type LightingState, type Said } from './logic';
import type { V3 } from './shade';
import { LightingView, buildView } from './view';

/**
 * Light a face (kind "lighting"): key, fill and back light on a seated stand-in, each switched and
 * dimmed, the key hard (Fresnel) or soft (softbox), and a flag that cuts the key's spill off the
 * backdrop. Wires the state machine (logic.ts) to its view and to the visitor's words.
 */

/** Where the visitor's eye is, in the station's own frame (the rim of the back light faces it). */
function eyeInStation(station: StationLayout): V3 {
  const local = station.spot.clone().sub(station.origin).applyAxisAngle(THREE.Object3D.DEFAULT_UP, -station.yaw);
  return [local.x, EYE_HEIGHT, local.z];
}

/** A lamp's switch: a short dry click, made in code (no sound file to fetch). */
function click(env: ActivityEnv, on: boolean): void {
  const ctx = env.sound.context();
  const out = env.sound.output();
  if (!ctx || !out) return;
  const length = Math.round(ctx.sampleRate * 0.03);
  const buffer = ctx.createBuffer(1, length, ctx.sampleRate);
  const data = buffer.getChannelData(0);
  for (let i = 0; i < length; i++) data[i] = (Math.random() * 2 - 1) * (1 - i / length) ** 4;
  const source = ctx.createBufferSource();
  source.buffer = buffer;
  const filter = ctx.createBiquadFilter();
  filter.type = 'bandpass';
  filter.frequency.value = on ? 2400 : 1500;
  const gain = ctx.createGain();
  gain.gain.value = 0.5;
  source.connect(filter).connect(gain).connect(out);
  source.start();
}

/** The next task: building in pieces lets the browser paint and handle input in between. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The scene the station's group is in (for compiling its materials against the scene's fog). */
function sceneOf(o: THREE.Object3D): THREE.Scene | null {
  let top = o;
  while (top.parent) top = top.parent;
  return (top as THREE.Scene).isScene ? (top as THREE.Scene) : null;
}

type Text = (key: string) => string;
type Format = ActivityEnv['format'];

/** The controls, in reading order; their labels are the words of the same keys. */
function controlsOf(p: LightingParams, text: Text): readonly ControlSpec[] {
  const slider = (id: string): ControlSpec => ({ kind: 'slider', id, label: text(id), min: 0, max: 100, step: p.dimmerStep });
  const toggle = (id: string): ControlSpec => ({ kind: 'toggle', id, label: text(id) });
  return [
    toggle(CONTROLS.key),
    slider(CONTROLS.keyLevel),
    { kind: 'choice', id: CONTROLS.keyQuality, label: text(CONTROLS.keyQuality), options: [{ id: 'hard', label: text('hard') }, { id: 'soft', label: text('soft') }] },
    toggle(CONTROLS.fill),
    slider(CONTROLS.fillLevel),
    toggle(CONTROLS.back),
    slider(CONTROLS.backLevel),
    toggle(CONTROLS.flag),
    { kind: 'action', id: CONTROLS.check, label: text(CONTROLS.check) },
  ];
}

/** "Key 80 % soft · Fill 40 % · Back 60 % · Flag in", in the visitor's words. */
function statusLine(s: LightingState, text: Text, format: Format): string {
  const lamp = (id: 'fill' | 'back', on: string, off: string): string => (lit(s[id]) ? format(text(on), { n: s[id].level }) : text(off));
  const key = lit(s.key) ? format(text('statusKey'), { n: s.key.level, quality: text(s.quality === 'hard' ? 'statusHard' : 'statusSoft') }) : text('statusKeyOff');
  return [key, lamp('fill', 'statusFill', 'statusFillOff'), lamp('back', 'statusBack', 'statusBackOff'), text(s.flag ? 'statusFlagIn' : 'statusFlagOut')].join(text('statusJoin'));
}

/**
 * Builds the view a piece at a time, lights it in a task of its own, and compiles the haze's
 * material before the first frame needs it: opening the activity never blocks for long.
 */
async function makeView(env: ActivityEnv, p: LightingParams, first: LightingState): Promise<LightingView> {
  const steps = buildView(p);
  let step = steps.next();
  while (!step.done) {
    await nextTask();
    step = steps.next();
  }
  await nextTask();
  const view = new LightingView(env.group, p, eyeInStation(env.station), env.reducedMotion, step.value);
  await nextTask();
  view.show(first, true);
  const scene = sceneOf(env.group);
  if (env.renderer && scene) await env.renderer.compileAsync(env.group, new THREE.PerspectiveCamera(), scene).catch(() => undefined);
  return view;
}

const levelOf = (id: string): LampId | null => (id === CONTROLS.keyLevel ? 'key' : id === CONTROLS.fillLevel ? 'fill' : id === CONTROLS.backLevel ? 'back' : null);

export async function create(env: ActivityEnv): Promise<Activity> {
  // The host has checked the file against scenes/schema/activity-lighting.schema.json and spec.ts.
  const p = env.params as LightingParams;
  const text: Text = (key) => env.words.text[key] ?? key;
  const number = new Intl.NumberFormat(env.words.locale, { maximumFractionDigits: 1 });
  const words = (said: Said): string => {
    if (said.key === DONE) return env.words.done;
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(said.values)) values[k] = number.format(v);
    return env.format(text(said.key), values);
  };
  let state: LightingState = initialState(p.start);
  const view = await makeView(env, p, state);
  const controls = controlsOf(p, text);

  return {
    controls: () => controls,
    value(id: string): ControlValue {
      if (id === 'key' || id === 'fill' || id === 'back') return state[id].on;
      const lamp = levelOf(id);
      if (lamp) return state[lamp].level;
      if (id === CONTROLS.keyQuality) return state.quality;
      if (id === CONTROLS.flag) return state.flag;
      return false;
    },
    valueText(id: string): string {
      const lamp = levelOf(id);
      return lamp ? env.format(text('percent'), { n: state[lamp].level }) : '';
    },
    disabled: () => false,
    change(id: string, value: ControlValue): Feedback {
      const next = change(state, id, value, p);
      state = next.state;
      view.show(state);
      if (id === 'key' || id === 'fill' || id === 'back' || id === CONTROLS.flag) click(env, value === true);
      return { text: words(next.said), tone: next.said.tone };
    },
    get done(): boolean {
      return state.done;
    },
    status: () => statusLine(state, text, env.format),
    frame: (dt: number) => view.frame(dt),
    reset(): void {
      state = initialState(p.start);
      view.show(state, true);
    },
    setOpen: () => undefined,
    debug: () => ({ ...state, ratio: ratioOf(state), problems: problems(state, p.target).map((s) => s.key), view: view.measure() }),
    dispose: () => view.dispose(),
  };
}
