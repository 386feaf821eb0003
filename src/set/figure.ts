import * as THREE from 'three';
import type { Pose } from '../content/types';
import type { MeshBuilder, Vec3 } from './mesh-builder';
import { seededRandom } from './random';

/**
 * Stylised crew member drawn into a MeshBuilder: low-poly but with human proportions, so a
 * visitor reads "person in a department jacket" at a glance. Origin at the feet, facing +z.
 * The body is modelled at 1.78 m and scaled per person.
 */

/** Head-top height of a standing figure of average build, metres. */
export const FIGURE_HEIGHT = 1.78;

/** Seated figures drop by this much: hips go from standing height to the apple-box seat. */
const SIT_DROP = 0.33;
const SIT_BACK = -0.38;

/** Approximate head-top height for a pose (for labels and tags above crew). */
export function figureHeadHeight(pose: Pose): number {
  return pose === 'sit' ? FIGURE_HEIGHT - SIT_DROP : FIGURE_HEIGHT;
}

const SKIN = ['#f3d2b8', '#e8b892', '#d19a6f', '#b57a50', '#8e5a36', '#6e4126', '#4f2e1c', '#c68f68'];
const HAIR = ['#1c1714', '#2e221a', '#4a3120', '#6b4428', '#9b6a3a', '#c9a466', '#8a8a88', '#7a2e1a', '#d9d4c8'];
const TROUSERS = ['#22252b', '#2b3442', '#1b1c20', '#3a352f', '#2f3b2e', '#33302c'];
const SHOES = ['#141414', '#2b1d14', '#3b3b3d', '#dcdcdc'];


const UP = new THREE.Vector3(0, 1, 0);

/**
 * The parts of a figure that move on their own, in drawing order, each from the joint it turns
 * about. The take's rig (src/take/rig.ts) hangs a bone at each joint; the static set ignores them.
 */
export type FigurePart = 'root' | 'pelvis' | 'spine' | 'head' | 'thighR' | 'shinR' | 'thighL' | 'shinL' | 'upperArmR' | 'forearmR' | 'upperArmL' | 'forearmL';

/**
 * Called as drawing reaches each part, with its joint in the builder's current frame (read
 * `b.matrix` for where that is): what was drawn since the previous mark belongs to the previous part.
 */
export type PartMark = (part: FigurePart, joint: Vec3) => void;
const sideName = (side: number): 'R' | 'L' => (side < 0 ? 'R' : 'L');

/** Tapered limb segment from a (radius ra) to c (radius rc). */
function limb(b: MeshBuilder, a: Vec3, c: Vec3, ra: number, rc: number, color: string, segments = 6): void {
  const va = new THREE.Vector3(...a);
  const vc = new THREE.Vector3(...c);
  const len = va.distanceTo(vc);
  if (len === 0) return;
  const q = new THREE.Quaternion().setFromUnitVectors(UP, vc.clone().sub(va).normalize());
  b.push();
  b.matrix.multiply(new THREE.Matrix4().compose(va.add(vc).multiplyScalar(0.5), q, new THREE.Vector3(1, 1, 1)));
  b.cylinder(rc, ra, len, color, 0, 0, 0, segments);
  b.pop();
}

function pick<T>(list: readonly T[], r: number): T {
  return list[Math.floor(r * list.length) % list.length]!;
}

/** Darkens a #rrggbb colour: jacket seams, collars, cap brims. */
function shade(hex: string, f: number): string {
  const c = new THREE.Color(hex);
  c.multiplyScalar(f);
  return `#${c.getHexString()}`;
}

interface ArmPose {
  elbow: Vec3;
  wrist: Vec3;
  point?: boolean;
}

/** Elbow and wrist for each arm (side -1 = figure's right, +1 = left), before the sit offset. */
function armPose(pose: Pose, side: number): ArmPose {
  const sx = side * 0.2;
  if (pose === 'point' && side < 0) {
    const d = new THREE.Vector3(-0.2, 0.3, 0.93).normalize();
    const s = new THREE.Vector3(sx, 1.39, 0.02);
    const e = s.clone().addScaledVector(d, 0.29);
    const w = e.clone().addScaledVector(d, 0.26);
    return { elbow: [e.x, e.y, e.z], wrist: [w.x, w.y, w.z], point: true };
  }
  if (pose === 'hold') return { elbow: [side * 0.22, 1.12, 0.0], wrist: [side * 0.16, 1.12, 0.27] };
  if (pose === 'sit') return { elbow: [side * 0.23, 1.12, 0.06], wrist: [side * 0.15, 0.96, 0.3] };
  return { elbow: [side * 0.235, 1.1, -0.02], wrist: [side * 0.25, 0.84, 0.03] };
}

/** How one crew member looks: drawn from their seed, so the same person looks the same on every load. */
interface Look {
  readonly height: number;
  readonly build: number;
  readonly skin: string;
  readonly hair: string;
  readonly trousers: string;
  readonly shoes: string;
  /** 0 short, 1 long, 2 cap, 3 bun. */
  readonly style: number;
  readonly longSleeves: boolean;
  readonly jacket: string;
  readonly pose: Pose;
  readonly sit: boolean;
}

function lookOf(opts: { color: string; pose: Pose; seed: number }): Look {
  // In this order: each draw takes the next random number.
  const rand = seededRandom(opts.seed ^ 0x9e3779b9);
  const height = 1.7 + rand() * 0.15;
  const build = 0.92 + rand() * 0.16;
  const skin = pick(SKIN, rand());
  const hair = pick(HAIR, rand());
  const trousers = pick(TROUSERS, rand());
  const shoes = pick(SHOES, rand());
  const style = Math.floor(rand() * 4);
  const longSleeves = rand() < 0.6;
  return { height, build, skin, hair, trousers, shoes, style, longSleeves, jacket: opts.color, pose: opts.pose, sit: opts.pose === 'sit' };
}

/** Two full apple boxes and a quarter: the grip's classic seat. */
function seat(b: MeshBuilder): void {
  let y = 0;
  for (const h of [0.203, 0.203, 0.051]) {
    b.box(0.508, h - 0.006, 0.305, '#c08a52', 0, y + h / 2, SIT_BACK);
    if (h > 0.1) b.quad(0.14, h * 0.22, '#6e4425', 0, y + h * 0.6, SIT_BACK + 0.1535);
    y += h;
  }
}

function legs(b: MeshBuilder, l: Look, mark: PartMark): void {
  for (const side of [-1, 1]) {
    const hx = side * 0.095;
    if (l.sit) {
      const hip: Vec3 = [hx, 0.93 - SIT_DROP + 0.02, SIT_BACK];
      const knee: Vec3 = [side * 0.12, 0.55, 0.06];
      const ankle: Vec3 = [side * 0.13, 0.09, 0.1];
      mark(`thigh${sideName(side)}`, hip);
      limb(b, hip, knee, 0.078, 0.058, l.trousers);
      mark(`shin${sideName(side)}`, knee);
      limb(b, knee, ankle, 0.055, 0.042, l.trousers);
      b.box(0.1, 0.075, 0.25, l.shoes, side * 0.13, 0.0375, 0.15);
    } else {
      const knee: Vec3 = [side * 0.1, 0.5, 0.01];
      const ankle: Vec3 = [side * 0.105, 0.09, -0.01];
      mark(`thigh${sideName(side)}`, [hx, 0.93, 0]);
      limb(b, [hx, 0.93, 0], knee, 0.078, 0.056, l.trousers);
      mark(`shin${sideName(side)}`, knee);
      limb(b, knee, ankle, 0.054, 0.041, l.trousers);
      b.box(0.1, 0.075, 0.25, l.shoes, side * 0.105, 0.0375, 0.04);
    }
  }
}

function torso(b: MeshBuilder, l: Look, mark: PartMark): void {
  const { jacket, trousers } = l;
  mark('pelvis', [0, 0.93, 0]);
  b.box(0.33, 0.16, 0.2, trousers, 0, 0.93, 0);
  b.box(0.335, 0.04, 0.205, '#1a1a1a', 0, 1.02, 0);
  mark('spine', [0, 1.02, 0]);
  // torso: elliptical, wider at the shoulders
  b.push().translate(0, 1.21, 0).scale(1, 1, 0.62);
  b.cylinder(0.19, 0.16, 0.38, jacket, 0, 0, 0, 10);
  b.pop();
  b.push().translate(0, 1.395, 0).scale(0.2, 0.075, 0.12);
  b.sphere(1, jacket, 0, 0, 0, 8);
  b.pop();
  // open jacket front with a dark T-shirt showing, collar, lanyard with an ID badge
  b.box(0.07, 0.34, 0.01, shade(jacket, 0.35), 0, 1.22, 0.114);
  b.box(0.16, 0.04, 0.12, shade(jacket, 0.75), 0, 1.44, -0.01);
  b.box(0.06, 0.08, 0.01, '#f2f2f2', 0, 1.2, 0.125);
  // walkie on the belt, earpiece wire up to the collar: every crew member has one
  b.box(0.06, 0.11, 0.035, '#151515', 0.17, 1.0, 0.02);
  limb(b, [0.175, 1.055, 0.02], [0.175, 1.13, 0.02], 0.006, 0.006, '#151515', 3);
}

function arms(b: MeshBuilder, l: Look, mark: PartMark): void {
  for (const side of [-1, 1]) {
    const shoulder: Vec3 = [side * 0.2, 1.39, 0.0];
    const arm = armPose(l.pose, side);
    mark(`upperArm${sideName(side)}`, shoulder);
    limb(b, shoulder, arm.elbow, 0.052, 0.045, l.jacket);
    mark(`forearm${sideName(side)}`, arm.elbow);
    limb(b, arm.elbow, arm.wrist, 0.043, 0.034, l.longSleeves ? l.jacket : l.skin);
    const [wx, wy, wz] = arm.wrist;
    const [ex, ey, ez] = arm.elbow;
    const dir = new THREE.Vector3(wx - ex, wy - ey, wz - ez).normalize();
    const hand: Vec3 = [wx + dir.x * 0.04, wy + dir.y * 0.04, wz + dir.z * 0.04];
    b.sphere(0.042, l.skin, hand[0], hand[1], hand[2], 6, 1.25);
    if (arm.point) limb(b, hand, [hand[0] + dir.x * 0.1, hand[1] + dir.y * 0.1, hand[2] + dir.z * 0.1], 0.011, 0.009, l.skin, 4);
  }
}

function head(b: MeshBuilder, l: Look, mark: PartMark): void {
  const { skin, hair, jacket, style } = l;
  mark('head', [0, 1.45, 0]);
  b.cylinder(0.048, 0.052, 0.12, skin, 0, 1.5, 0.0, 7);
  b.sphere(0.105, skin, 0, 1.655, 0.005, 10, 1.18);
  // face: quads just proud of the sphere read as eyes, brows, nose and mouth at a distance
  b.box(0.022, 0.035, 0.03, shade(skin, 0.9), 0, 1.64, 0.112);
  for (const side of [-1, 1]) {
    b.quad(0.022, 0.012, '#1b1410', side * 0.038, 1.675, 0.1);
    b.quad(0.035, 0.008, shade(hair, 0.9), side * 0.038, 1.7, 0.099);
  }
  b.quad(0.045, 0.009, '#7a3b34', 0, 1.6, 0.1035);
  if (style === 2) {
    // baseball cap in the department colour
    b.sphere(0.113, hair, 0, 1.66, -0.015, 8, 1.05);
    b.sphere(0.116, jacket, 0, 1.705, -0.005, 8, 0.72);
    b.box(0.17, 0.014, 0.11, shade(jacket, 0.6), 0, 1.72, 0.135);
  } else {
    b.sphere(0.113, hair, 0, 1.685, -0.02, 8, 1.05);
    if (style === 1) b.push().translate(0, 1.56, -0.06).scale(0.115, 0.16, 0.075).sphere(1, hair, 0, 0, 0, 8).pop();
    if (style === 3) b.sphere(0.05, hair, 0, 1.74, -0.1, 6);
  }
}

const NO_MARKS: PartMark = () => undefined;

export function buildFigure(b: MeshBuilder, opts: { color: string; pose: Pose; seed: number }, mark: PartMark = NO_MARKS): void {
  const look = lookOf(opts);
  const k = look.height / FIGURE_HEIGHT;
  b.push().scale(k * look.build, k, k * look.build);
  mark('root', [0, 0, 0]);
  if (look.sit) seat(b);
  legs(b, look, mark);
  // upper body, lowered and pushed back onto the seat when sitting
  b.push();
  if (look.sit) b.translate(0, -SIT_DROP, SIT_BACK);
  torso(b, look, mark);
  arms(b, look, mark);
  head(b, look, mark);
  b.pop();
  b.pop();
}
