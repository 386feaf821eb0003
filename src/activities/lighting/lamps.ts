import { toolkit } from '../toolkit';
import * as THREE from 'three';
import type { MeshBuilder } from '../../set/mesh-builder';
import type { LampId, Quality } from './logic';
import type { V3 } from './shade';

// The set's building kit, from the host (see toolkit.ts for why it is not imported).
const { C, frustum, xf, zcyl } = toolkit();

/**
 * The activity's own three lamps, drawn small and close to the stand-in: a Fresnel and a softbox
 * for the key (only the chosen one is shown), an LED panel for the fill, a small Fresnel for the
 * back light. Whatever glows is recorded as a range of vertices so the view can light it from the
 * lamp's dimmer: the lens or diffusion, the light leaking from a Fresnel's vents, and the dimmer
 * display on each head's back (the side the visitor mostly sees) with one segment per 20 %.
 */

export type GlowKind = 'lens' | 'leak' | 'segment' | 'power';

export interface GlowPart {
  readonly lamp: LampId;
  readonly kind: GlowKind;
  /** Vertex range in its geometry. */
  readonly first: number;
  readonly end: number;
  /** A display segment lights when the dimmer is above this, per cent. */
  readonly from: number;
}

/** Where a lamp hangs and where it points: the beam's axis is +z of its head's frame. */
export interface LampFrame {
  readonly pos: V3;
  readonly axis: V3;
  /** Distance to what it is aimed at. */
  readonly reach: number;
}

export const SEGMENTS = 5;

/** Records the vertices a draw adds as one glowing part. */
function glow(b: MeshBuilder, out: GlowPart[], lamp: LampId, kind: GlowKind, draw: () => void, from = 0): void {
  const first = b.triangleCount * 3;
  draw();
  out.push({ lamp, kind, first, end: b.triangleCount * 3, from });
}

/** The dimmer display and power light on the back of a head (at z, facing −z, the visitor's side). */
function display(b: MeshBuilder, out: GlowPart[], lamp: LampId, z: number, y: number): void {
  xf(b, { z, y, ry: Math.PI }, () => {
    b.box(0.12, 0.045, 0.006, C.black, 0, 0, -0.004);
    for (let i = 0; i < SEGMENTS; i++) {
      glow(b, out, lamp, 'segment', () => b.quad(0.016, 0.018, '#ffffff', -0.042 + i * 0.021, 0, 0.0005), i * (100 / SEGMENTS));
    }
    glow(b, out, lamp, 'power', () => b.quad(0.01, 0.01, '#ffffff', 0.052, 0.012, 0.0005));
  });
}

/** Barn doors: four leaves round the front, opened out. */
function barnDoors(b: MeshBuilder, r: number, z: number): void {
  for (const [rz, w, len] of [[0, 2.1, 1.1], [Math.PI, 2.1, 1.1], [Math.PI / 2, 2, 0.8], [-Math.PI / 2, 2, 0.8]] as const) {
    xf(b, { z, rz }, () => xf(b, { y: r * 1.05, rx: -0.6 }, () => b.box(r * w, 0.005, r * len, C.black, 0, 0, (r * len) / 2)));
  }
}

function fresnelHead(b: MeshBuilder, out: GlowPart[], lamp: LampId, r: number): void {
  const body = '#3f4a58';
  // the small back light is seen further off: fewer sides
  const n = r > 0.1 ? 12 : 9;
  zcyl(b, r, r * 2, body, 0, 0, -0.02, n);
  for (const z of [-0.5, 0.3]) zcyl(b, r * 1.07, 0.012, C.darkGrey, 0, 0, z * r, n);
  zcyl(b, r * 0.75, r * 0.5, C.darkGrey, 0, 0, -r * 1.25, n - 4);
  // vented top hat: tungsten leaks warm light through it, which is how a crew sees a lamp is hot
  b.box(r * 0.9, r * 0.3, r * 0.9, body, 0, r * 1.05, -r * 0.3);
  for (const x of [-0.25, 0, 0.25]) glow(b, out, lamp, 'leak', () => b.box(r * 0.12, 0.004, r * 0.7, '#ffffff', x * r, r * 1.21, -r * 0.3));
  zcyl(b, r * 1.08, 0.03, C.black, 0, 0, r + 0.005, n);
  glow(b, out, lamp, 'lens', () => zcyl(b, r * 0.86, 0.01, '#ffffff', 0, 0, r + 0.027, n));
  barnDoors(b, r, r + 0.02);
  display(b, out, lamp, -r * 1.5 - 0.004, 0);
}

function softboxHead(b: MeshBuilder, out: GlowPart[], lamp: LampId): void {
  // LED head at the back, the box opening towards the subject, a diffusion face at the front
  b.box(0.2, 0.2, 0.12, C.darkGrey, 0, 0, -0.3);
  zcyl(b, 0.11, 0.04, C.black, 0, 0, -0.22, 8);
  xf(b, { z: -0.05 }, () => frustum(b, 0.62, 0.5, 0.34, 0.3, C.black));
  b.box(0.64, 0.025, 0.03, C.black, 0, 0.25, 0.125);
  b.box(0.64, 0.025, 0.03, C.black, 0, -0.25, 0.125);
  b.box(0.025, 0.5, 0.03, C.black, -0.32, 0, 0.125);
  b.box(0.025, 0.5, 0.03, C.black, 0.32, 0, 0.125);
  glow(b, out, lamp, 'lens', () => b.quad(0.6, 0.48, '#ffffff', 0, 0, 0.124));
  display(b, out, lamp, -0.362, 0.03);
}

function panelHead(b: MeshBuilder, out: GlowPart[], lamp: LampId): void {
  b.box(0.42, 0.3, 0.06, C.darkGrey, 0, 0, -0.02);
  b.box(0.44, 0.32, 0.02, C.black, 0, 0, 0.015);
  glow(b, out, lamp, 'lens', () => b.quad(0.38, 0.26, '#ffffff', 0, 0, 0.026));
  display(b, out, lamp, -0.052, 0.05);
}

/**
 * A lamp head at `frame.pos` aimed along its axis, on a yoke that turns only about the vertical
 * (so it sits square on its stand), drawn into `b`.
 */
function headAt(b: MeshBuilder, frame: LampFrame, size: number, draw: () => void): void {
  const [ax, ay, az] = frame.axis;
  const yaw = Math.atan2(ax, az);
  const pitch = Math.asin(Math.max(-1, Math.min(1, ay)));
  xf(b, { x: frame.pos[0], y: frame.pos[1], z: frame.pos[2], ry: yaw }, () => {
    // yoke: two arms either side of the head down to the stand's spigot
    b.box(size * 2.3, 0.02, 0.04, C.gripBlack, 0, -size - 0.04, 0);
    for (const sx of [-1, 1]) b.box(0.02, size + 0.06, 0.04, C.gripBlack, sx * size * 1.15, -size / 2 - 0.01, 0);
    b.cylinder(0.018, 0.018, 0.1, C.gripBlack, 0, -size - 0.09, 0, 6);
    xf(b, { rx: -pitch }, draw);
  });
}

/**
 * The stand under a lamp head: three legs, a black column, a bare riser up to the spigot, and a
 * sandbag on a leg. Plainer than the set's own stands (src/set/props/gear.ts): three of them
 * stand round the stand-in and the activity has a triangle budget of its own.
 */
export function stand(b: MeshBuilder, frame: LampFrame, size: number): void {
  const top = frame.pos[1] - size - 0.14;
  const collar = 0.5;
  xf(b, { x: frame.pos[0], z: frame.pos[2], ry: Math.atan2(frame.axis[0], frame.axis[2]) + 0.5 }, () => {
    for (let i = 0; i < 3; i++) {
      const a = (i * Math.PI * 2) / 3;
      b.rod([0, collar, 0], [Math.sin(a) * 0.4, 0.015, Math.cos(a) * 0.4], 0.011, C.gripBlack, 4);
    }
    b.cylinder(0.026, 0.026, 0.07, C.gripBlack, 0, collar, 0, 6);
    const column = Math.min(top, 1.0);
    b.cylinder(0.02, 0.02, column - collar, C.gripBlack, 0, (collar + column) / 2, 0, 6);
    if (top > column) b.cylinder(0.014, 0.014, top - column + 0.02, C.steel, 0, (column + top) / 2, 0, 6);
    b.box(0.26, 0.09, 0.13, C.black, 0, 0.045, 0.3);
  });
}

export const KEY_SIZE: Readonly<Record<Quality, number>> = { hard: 0.11, soft: 0.26 };
export const FILL_SIZE = 0.16;
export const BACK_SIZE = 0.08;

/** The key's head for one quality (its own mesh: the view shows the chosen one). */
export function keyHead(b: MeshBuilder, frame: LampFrame, quality: Quality, out: GlowPart[]): void {
  headAt(b, frame, KEY_SIZE[quality], () => (quality === 'hard' ? fresnelHead(b, out, 'key', KEY_SIZE.hard) : softboxHead(b, out, 'key')));
}

export function fillHead(b: MeshBuilder, frame: LampFrame, out: GlowPart[]): void {
  headAt(b, frame, FILL_SIZE, () => panelHead(b, out, 'fill'));
}

export function backHead(b: MeshBuilder, frame: LampFrame, out: GlowPart[]): void {
  headAt(b, frame, BACK_SIZE, () => fresnelHead(b, out, 'back', BACK_SIZE));
}

/** A lamp's frame: at its place and height, aimed at `target`. */
export function lampFrame(at: readonly [number, number], height: number, target: THREE.Vector3): LampFrame {
  const pos = new THREE.Vector3(at[0], height, at[1]);
  const d = target.clone().sub(pos);
  const reach = d.length();
  d.normalize();
  return { pos: [pos.x, pos.y, pos.z], axis: [d.x, d.y, d.z], reach };
}
