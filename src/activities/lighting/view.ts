import * as THREE from 'three';
import { bakeLight, setLights } from '../../set/light';
import { SET_LAYER } from '../../take/monitor';
import { buildBeams, type Beams } from './beams';
import type { GlowPart } from './lamps';
import { lit, type LampId, type LightingParams, type LightingState, type Quality } from './logic';
import { buildRig, rigFrames, type RigFrames, type RigMeshes } from './rig';
import { shade, type ShadeLamp, type ShadeScene, type V3 } from './shade';

/**
 * The lighting activity in 3D: draws a LightingState. Light is computed per vertex on the CPU (see
 * shade.ts) only when the state changes, and written into vertex colours of unlit meshes; the
 * only thing that moves is the flag swinging in or out, a matrix per frame while it swings.
 * Four draw calls: the stand-in with its set, the key's head (Fresnel or softbox), the flag, the
 * lamps' beams of haze.
 */

const DEG = Math.PI / 180;
const linear = (hex: string): V3 => {
  const c = new THREE.Color(hex);
  return [c.r, c.g, c.b];
};
const GLASS = linear('#25272b');
const BODY = linear('#3f4a58');
const AMBER = linear('#ffb020');
const AMBER_OFF = linear('#2b2418');
const POWER_ON = linear('#3ddc84');
const POWER_OFF = linear('#4a1712');
/** Tungsten warms as it dims: a Fresnel's lens at a low level is orange. */
const TUNGSTEN_LOW = linear('#ff8a3a');


interface Colored {
  readonly geometry: THREE.BufferGeometry;
  readonly colors: Float32Array;
  /** Albedo (before any light) and the set's light on it, for the parts the lamps light. */
  readonly albedo: Float32Array;
  readonly base: Float32Array;
}

function colored(geometry: THREE.BufferGeometry): Colored {
  const attr = geometry.getAttribute('color') as THREE.BufferAttribute;
  const albedo = new Float32Array(attr.array as Float32Array);
  bakeLight(geometry, setLights());
  return { geometry, colors: attr.array as Float32Array, albedo, base: new Float32Array(attr.array as Float32Array) };
}

/** What the view is made of, built a piece at a time (see buildRig). */
export interface ViewParts {
  readonly frames: RigFrames;
  readonly rig: RigMeshes;
  readonly beams: Beams;
}

export function* buildView(params: LightingParams): Generator<void, ViewParts> {
  const frames = rigFrames(params);
  const rig = yield* buildRig(params, frames);
  yield;
  return { frames, rig, beams: buildBeams(frames.lamps) };
}

/** Runs a piecewise build to its end at once (tests; the app spreads it over tasks). */
export function buildNow<T>(steps: Generator<void, T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

export class LightingView {
  private readonly material = new THREE.MeshBasicMaterial({ vertexColors: true });
  private readonly hazeMaterial = new THREE.MeshBasicMaterial({ vertexColors: true, transparent: true, blending: THREE.AdditiveBlending, depthWrite: false, side: THREE.DoubleSide });
  private readonly beams: Beams;
  private readonly rig: RigMeshes;
  private readonly frames: RigFrames;
  private readonly main: Colored;
  private readonly keyGeo: Readonly<Record<Quality, Colored>>;
  private readonly meshes: THREE.Mesh[] = [];
  private readonly keyMesh: Readonly<Record<Quality, THREE.Mesh>>;
  private readonly flagMesh: THREE.Mesh;
  private readonly lampColor: Readonly<Record<LampId, V3>>;
  private state: LightingState | null = null;
  /** The flag's swing: 0 in the beam, 1 out. */
  private swing = 1;
  private swingTo = 1;

  constructor(
    private readonly group: THREE.Group,
    private readonly params: LightingParams,
    private readonly eye: V3,
    private readonly reducedMotion: () => boolean,
    parts: ViewParts = buildNow(buildView(params)),
  ) {
    this.frames = parts.frames;
    this.rig = parts.rig;
    this.beams = parts.beams;
    this.main = colored(this.rig.main);
    this.keyGeo = { hard: colored(this.rig.keys.hard.geometry), soft: colored(this.rig.keys.soft.geometry) };
    const add = (geo: THREE.BufferGeometry): THREE.Mesh => {
      const mesh = new THREE.Mesh(geo, this.material);
      mesh.layers.enable(SET_LAYER);
      group.add(mesh);
      this.meshes.push(mesh);
      return mesh;
    };
    add(this.rig.main);
    this.keyMesh = { hard: add(this.rig.keys.hard.geometry), soft: add(this.rig.keys.soft.geometry) };
    bakeLight(this.rig.flag, setLights());
    this.flagMesh = add(this.rig.flag);
    const haze = add(this.beams.geometry);
    haze.material = this.hazeMaterial;
    // Drawn after the set and its glass, so the haze adds over everything behind it.
    haze.renderOrder = 2;
    this.flagMesh.position.set(this.rig.flagPivot[0], 0, this.rig.flagPivot[2]);
    this.lampColor = { key: linear(params.lamps.key.color), fill: linear(params.lamps.fill.color), back: linear(params.lamps.back.color) };
  }

  /** Draws a state: the lamps' light on the stand-in and backdrop, the glows, the key's head, the flag. */
  show(state: LightingState, snap = false): void {
    const first = snap || this.state === null;
    const moved = first || this.state!.flag !== state.flag;
    this.state = state;
    this.keyMesh.hard.visible = state.quality === 'hard';
    this.keyMesh.soft.visible = state.quality === 'soft';
    if (moved) {
      this.swingTo = state.flag ? 0 : 1;
      // A new visitor finds the flag where it is; a change swings it (cuts to it, with reduced motion).
      if (first || this.reducedMotion()) this.swing = this.swingTo;
      this.placeFlag();
    }
    this.relight();
  }

  frame(dt: number): void {
    if (this.swing === this.swingTo) return;
    const step = dt / this.params.flag.seconds;
    this.swing = this.swingTo > this.swing ? Math.min(this.swingTo, this.swing + step) : Math.max(this.swingTo, this.swing - step);
    this.placeFlag();
    // The spill goes only once the cloth is in the beam.
    if (this.swing === this.swingTo) this.relight();
  }

  /** Tests and debug: the mean of the backdrop's and the stand-in's vertex colours, and the flag's swing. */
  measure(): { backdrop: number; standIn: number; swing: number } {
    const mean = ({ first, end }: { first: number; end: number }): number => {
      let sum = 0;
      for (let i = first * 3; i < end * 3; i++) sum += this.main.colors[i]!;
      return Math.round((sum / Math.max(1, (end - first) * 3)) * 1e4) / 1e4;
    };
    return { backdrop: mean(this.rig.surface), standIn: mean(this.rig.subject), swing: this.swing };
  }

  dispose(): void {
    for (const mesh of this.meshes) {
      this.group.remove(mesh);
      mesh.geometry.dispose();
    }
    this.material.dispose();
    this.hazeMaterial.dispose();
  }

  private placeFlag(): void {
    const eased = this.swing * this.swing * (3 - 2 * this.swing);
    this.flagMesh.rotation.y = eased * this.params.flag.swing * DEG;
  }

  private lamp(id: LampId, state: LightingState): ShadeLamp {
    const frame = this.frames.lamps[id];
    const l = state[id];
    const k = lit(l) ? (l.level / 100) * this.params.lamps[id].power : 0;
    const c = this.lampColor[id];
    const look = this.params.look;
    const kind = id === 'key' ? state.quality : id;
    const { inner, outer } = look.cones[kind];
    const hard = kind === 'hard';
    return {
      pos: frame.pos,
      axis: frame.axis,
      reach: frame.reach,
      light: [c[0] * k, c[1] * k, c[2] * k],
      coneInner: Math.cos(inner * DEG),
      coneOuter: Math.cos(outer * DEG),
      wrap: kind === 'soft' ? look.softWrap : kind === 'fill' ? 0.5 : 0,
      edge: hard ? look.hardEdge : kind === 'back' ? 0.15 : 0,
      penumbra: hard || kind === 'back' ? 0.006 : 0.08,
      rim: kind === 'back' ? look.rim : 0,
      flagged: id === 'key',
    };
  }

  private relight(): void {
    const state = this.state;
    if (!state) return;
    const scene: ShadeScene = {
      ambient: this.params.look.ambient,
      lamps: [this.lamp('key', state), this.lamp('fill', state), this.lamp('back', state)],
      eye: this.eye,
      casters: this.frames.casters,
      faceCasters: this.frames.faceCasters,
      flag: state.flag && this.swing === 0 ? this.frames.flagRect : null,
    };
    const geo = this.main.geometry;
    const pos = geo.getAttribute('position').array;
    const nor = geo.getAttribute('normal').array;
    const { albedo, base, colors } = this.main;
    shade(pos, nor, albedo, base, colors, this.rig.subject.first, this.rig.subject.end, 'subject', scene);
    shade(pos, nor, albedo, base, colors, this.rig.surface.first, this.rig.surface.end, 'surface', scene);
    this.glow(this.main, this.rig.glows, state);
    const key = this.keyGeo[state.quality];
    this.glow(key, this.rig.keys[state.quality].glows, state);
    this.haze(state);
    geo.getAttribute('color').needsUpdate = true;
    key.geometry.getAttribute('color').needsUpdate = true;
  }

  /** The beams: the lamp's colour with its dimmer, fading along the beam; none when it is off. */
  private haze(state: LightingState): void {
    const colors = this.beams.geometry.getAttribute('color');
    const out = colors.array as Float32Array;
    const { along } = this.beams;
    for (const part of this.beams.parts) {
      const l = state[part.lamp];
      const shown = lit(l) && (part.quality === null || part.quality === state.quality);
      const k = shown ? this.params.look.haze * part.haze * (l.level / 100) : 0;
      const c = this.lampColor[part.lamp];
      for (let v = part.first; v < part.end; v++) {
        const fade = k * (1 - along[v]!) ** 1.5;
        out[v * 3] = c[0] * fade;
        out[v * 3 + 1] = c[1] * fade;
        out[v * 3 + 2] = c[2] * fade;
      }
    }
    colors.needsUpdate = true;
  }

  /** Lenses, leaks and displays: bright with the dimmer when the lamp is on, dark glass when off. */
  private glow(target: Colored, parts: readonly GlowPart[], state: LightingState): void {
    for (const part of parts) {
      const l = state[part.lamp];
      const on = lit(l);
      const level = on ? l.level / 100 : 0;
      const tungsten = part.lamp === 'back' || (part.lamp === 'key' && state.quality === 'hard');
      let c: V3;
      if (part.kind === 'segment') c = on && l.level > part.from ? AMBER : AMBER_OFF;
      else if (part.kind === 'power') c = l.on ? POWER_ON : POWER_OFF;
      else if (!on) c = part.kind === 'lens' ? GLASS : BODY;
      else {
        const lamp = this.lampColor[part.lamp];
        const warm = tungsten ? 1 - level : 0;
        const k = (part.kind === 'lens' ? 0.3 + 0.7 * level : 0.2 + 0.6 * level);
        c = [k * (lamp[0] + (TUNGSTEN_LOW[0] - lamp[0]) * warm), k * (lamp[1] + (TUNGSTEN_LOW[1] - lamp[1]) * warm), k * (lamp[2] + (TUNGSTEN_LOW[2] - lamp[2]) * warm)];
      }
      for (let i = part.first * 3; i < part.end * 3; i += 3) {
        target.colors[i] = c[0];
        target.colors[i + 1] = c[1];
        target.colors[i + 2] = c[2];
      }
    }
  }
}
