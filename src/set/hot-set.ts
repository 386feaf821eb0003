import * as THREE from 'three';
import type { GearDef, HotSetDef, PerformerDef, SetWords } from '../content/types';
import { buildFigure, type FigurePart } from './figure';
import type { MeshBuilder, Vec3 } from './mesh-builder';
import type { PropTargets } from './prop-types';
import { dollyCar } from './props/camera';

/**
 * The hot set's people and moving gear, drawn in their first positions. The static set draws them
 * once into its merged meshes; the take's rig (src/take/rig.ts) draws the very same parts again
 * with a mark at each moving part, so it can hang them on bones and animate them.
 */

const DEG = Math.PI / 180;

/** Parts beyond a figure's own: what performers carry and what gear moves. */
export type HeldPart = 'slate' | 'clapstick' | 'boom' | 'held' | 'gear' | 'lamp';
export type RigPart = FigurePart | HeldPart;

/** As PartMark, for any part of a performer or of gear: `joint` is in the builder's current frame. */
export type RigMark = (part: RigPart, joint: Vec3) => void;
const NO_MARKS: RigMark = () => undefined;

/** The hot set's frame: local [x, z] (and a yaw) to world, as a station's frame. */
export function hotSetMatrix(hot: HotSetDef, at: readonly [number, number], yawDeg = 0): THREE.Matrix4 {
  const m = new THREE.Matrix4().makeRotationY(hot.facing * DEG).setPosition(hot.position[0], 0, hot.position[1]);
  return m.multiply(new THREE.Matrix4().makeRotationY(yawDeg * DEG).setPosition(at[0], 0, at[1]));
}

/** The slate the 2nd AC holds in the right hand: the board, and its sticks hinged at the top. */
function slate(b: MeshBuilder, mark: RigMark): void {
  mark('slate', [-0.16, 1.12, 0.3]);
  b.push().translate(-0.08, 1.2, 0.33);
  b.box(0.3, 0.24, 0.016, '#15171c', 0, 0, 0);
  for (const y of [0.04, -0.03]) b.box(0.27, 0.006, 0.004, '#e8e8e8', 0, y, 0.009);
  b.box(0.004, 0.13, 0.004, '#e8e8e8', -0.02, -0.01, 0.009);
  b.box(0.3, 0.035, 0.02, '#f2f2f2', 0, 0.14, 0);
  mark('clapstick', [-0.15, 0.16, 0.0]);
  b.push().translate(0, 0.178, 0);
  b.box(0.3, 0.035, 0.02, '#f2f2f2', 0, 0, 0);
  for (let i = 0; i < 4; i++) b.box(0.035, 0.036, 0.022, '#15171c', -0.11 + i * 0.07, 0, 0);
  b.pop();
  b.pop();
}

/** The boom pole held overhead, pivoting at the chest: a mic in a windshield at the tip. */
function boom(b: MeshBuilder, mark: RigMark): void {
  mark('boom', [0, 1.4, 0.25]);
  const butt = new THREE.Vector3(0, 1.05, -0.75);
  const tip = new THREE.Vector3(0, 2.05, 2.35);
  const dir = tip.clone().sub(butt);
  const len = dir.length();
  b.push();
  b.matrix.multiply(new THREE.Matrix4().compose(butt.clone().add(tip).multiplyScalar(0.5), new THREE.Quaternion().setFromUnitVectors(new THREE.Vector3(0, 1, 0), dir.normalize()), new THREE.Vector3(1, 1, 1)));
  b.cylinder(0.014, 0.019, len, '#23262b', 0, 0, 0, 6);
  b.cylinder(0.06, 0.06, 0.2, '#8d8a84', 0, len / 2 - 0.02, 0, 8);
  b.pop();
}

/** What a performer holds: a clipboard (script supervisor) or a make-up pouch and brush. */
function held(b: MeshBuilder, what: 'script' | 'kit', mark: RigMark): void {
  mark('held', [-0.16, 1.12, 0.3]);
  if (what === 'script') {
    b.box(0.23, 0.012, 0.31, '#8a6a43', -0.14, 1.14, 0.36);
    b.box(0.21, 0.004, 0.28, '#f4f1e8', -0.14, 1.148, 0.36);
  } else {
    b.box(0.16, 0.1, 0.07, '#2b2b30', -0.16, 1.1, 0.34);
    b.cylinder(0.008, 0.006, 0.16, '#d9b48a', -0.12, 1.2, 0.36, 5);
  }
}

/** A performer in their first position: the figure and what they carry. */
export function drawPerformer(b: MeshBuilder, hot: HotSetDef, p: PerformerDef, o: { color: string; seed: number }, mark: RigMark = NO_MARKS): void {
  b.push();
  b.matrix.multiply(hotSetMatrix(hot, p.at, p.facing ?? 0));
  buildFigure(b, { color: o.color, pose: p.pose ?? 'stand', seed: o.seed }, mark);
  if (p.holds === 'slate') slate(b, mark);
  else if (p.holds === 'boom') boom(b, mark);
  else if (p.holds === 'script' || p.holds === 'kit') held(b, p.holds, mark);
  b.pop();
}

/** The red "rolling" light on a stand: its lamp is drawn lit only when `lit` (the rig switches it). */
function redLight(t: PropTargets, mark: RigMark, lit: boolean): void {
  const b = t.solid;
  b.cylinder(0.2, 0.22, 0.03, '#1c1c1e', 0, 0.015, 0, 10);
  b.cylinder(0.018, 0.018, 1.9, '#9a9ca0', 0, 0.96, 0, 6);
  b.box(0.34, 0.22, 0.12, '#202124', 0, 1.95, 0);
  b.box(0.26, 0.13, 0.01, '#5a1414', 0, 1.95, 0.062);
  mark('lamp', [0, 1.95, 0]);
  if (lit) {
    t.glow.box(0.27, 0.14, 0.012, '#ff2a2a', 0, 1.95, 0.066);
    t.glow.box(0.27, 0.14, 0.012, '#ff2a2a', 0, 1.95, -0.066);
  }
}

/** A piece of moving gear in its first position. */
export function drawGear(t: PropTargets, hot: HotSetDef, g: GearDef, words: SetWords, mark: RigMark = NO_MARKS, lit = false): void {
  const m = hotSetMatrix(hot, g.at, g.rotation ?? 0);
  for (const b of Object.values(t)) b.push().matrix.multiply(m);
  mark('gear', [0, 0, 0]);
  if (g.type === 'dolly') dollyCar(t, words, { aim: Math.PI });
  else redLight(t, mark, lit);
  for (const b of Object.values(t)) b.pop();
}
