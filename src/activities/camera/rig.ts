import { toolkit } from '../toolkit';
import * as THREE from 'three';
import type { MeshBuilder } from '../../set/mesh-builder';
import { bakeLight, setLights, type LightRig } from '../../set/light';
import type { PropTargets } from '../../set/prop-types';
import type { Steps } from '../../slices';
import { along, axis, type BoardDef, type CameraParams } from './params';
import { BOARD_REGION, FLAT_REGION, uvOf } from './paint';

// The set's building kit, from the host (see toolkit.ts for why it is not imported).
const { C, buildFigure, cinemaCamera, meshBuilder, pixelText, xcyl, zcyl } = toolkit();

/**
 * The camera activity's gear, drawn in code into merged meshes with the set's light baked in: the
 * track and the two stand-ins on their marks, the painted flat's frame, the monitor's and the
 * storyboard's stands (one mesh); the dolly's car (moves along the track); the fluid head with the
 * camera (tilts). The flat's painting and the storyboard's card share one textured mesh.
 */

const DEG = Math.PI / 180;

/** The camera head, in the head's frame (origin on the tilt axis, looking +z). */
const CAMERA_BASE = { y: 0.03, z: -0.12 } as const;
/** The lens's point (just in front of the matte box) from the tilt axis: up, and forward. */
export const LENS_UP = CAMERA_BASE.y + 0.11;
export const LENS_FORWARD = CAMERA_BASE.z + 0.51;
/** The tilt axis stands this far ahead of the car's middle, along the track. */
const PIVOT_AHEAD = 0.15;
/** The car's middle is this far behind the lens along the track. */
export const CAR_TO_LENS = PIVOT_AHEAD + LENS_FORWARD;
/** How far the track runs past the car's middle at either end of its travel, metres. */
const TRACK_OVERRUN = 0.65;
const GAUGE = 0.31;

/** The set's light, turned into the station's frame (the meshes are built there, under a turned group). */
function stationLight(facingDeg: number): LightRig {
  const rig = setLights();
  const turn = new THREE.Quaternion().setFromAxisAngle(new THREE.Vector3(0, 1, 0), -facingDeg * DEG);
  return { ...rig, directional: rig.directional.map((d) => ({ color: d.color, towards: d.towards.clone().applyQuaternion(turn) })) };
}

/** One geometry from a lit builder (its light baked) and an unlit one (glowing parts), with vertex colours. */
function bake(solid: MeshBuilder, glow: MeshBuilder | null, light: LightRig): THREE.BufferGeometry {
  const lit = solid.build({ uv: false });
  bakeLight(lit, light);
  solid.dispose();
  if (!glow || glow.triangleCount === 0) return lit;
  const bright = glow.build({ uv: false });
  glow.dispose();
  const out = new THREE.BufferGeometry();
  for (const name of ['position', 'normal', 'color']) {
    const a = lit.getAttribute(name).array as Float32Array;
    const b = bright.getAttribute(name).array as Float32Array;
    const both = new Float32Array(a.length + b.length);
    both.set(a);
    both.set(b, a.length);
    out.setAttribute(name, new THREE.BufferAttribute(both, 3));
  }
  lit.dispose();
  bright.dispose();
  out.computeBoundingSphere();
  return out;
}

/** Where the car's middle is for a lens `distance` metres from actor A: along the axis from `camera.aim`. */
export function carAlong(p: CameraParams, distance: number): number {
  const a = p.actors.find((x) => x.id === 'a')!;
  return along(p, a.at) - distance - CAR_TO_LENS;
}

function track(b: MeshBuilder, p: CameraParams): void {
  const [ux, uz] = axis(p);
  const from = carAlong(p, p.camera.farthest) - TRACK_OVERRUN;
  const to = carAlong(p, p.camera.nearest) + TRACK_OVERRUN;
  const length = to - from;
  const mid = (from + to) / 2;
  b.push().translate(p.camera.aim[0] + ux * mid, 0, p.camera.aim[1] + uz * mid).rotateY(p.camera.heading * DEG);
  const ties = Math.max(2, Math.round(length / 0.6));
  for (let i = 0; i <= ties; i++) b.box(0.9, 0.04, 0.1, C.darkWood, 0, 0.02, -length / 2 + (i * length) / ties);
  for (const x of [-GAUGE, GAUGE]) zcyl(b, 0.024, length, C.chrome, x, 0.064, 0, 8);
  b.pop();
}

/** A stand-in on their mark: the set's figure in the actor's colours, a letter on the chest and a tape mark at the toes. */
function standIn(b: MeshBuilder, p: CameraParams, i: number, mark: string): void {
  const actor = p.actors[i]!;
  b.push().translate(actor.at[0], 0, actor.at[1]).rotateY(actor.facing * DEG);
  buildFigure(b, { color: actor.color, pose: 'stand', seed: 907 + i * 131 });
  b.quad(0.15, 0.15, C.paper, 0, 1.24, 0.16);
  pixelText(b, mark, 0, 1.24, 0.162, 0.022, C.red);
  // the 2nd AC's T of tape on the floor, and the actor's letter beside it
  b.box(0.3, 0.004, 0.05, actor.color, 0, 0.003, 0.22);
  b.box(0.05, 0.004, 0.18, actor.color, 0, 0.003, 0.31);
  b.push().translate(0.22, 0.006, 0.3).rotateX(-Math.PI / 2);
  pixelText(b, mark, 0, 0, 0, 0.02, C.white);
  b.pop();
  b.pop();
}

/** The flat's timber frame, its two braces and their sandbags; the painting goes on its face (see the card mesh). */
function flatFrame(b: MeshBuilder, p: CameraParams): void {
  const { at, width, height, facing } = p.backdrop;
  b.push().translate(at[0], 0, at[1]).rotateY(facing * DEG);
  b.box(width, height, 0.05, C.plywood, 0, height / 2, -0.03);
  for (const x of [-width / 2 + 0.3, width / 2 - 0.3]) {
    b.rod([x, height * 0.7, -0.06], [x, 0, -1.0], 0.02, C.wood, 4);
    b.box(0.3, 0.12, 0.18, C.sandbag, x, 0.06, -0.95);
  }
  b.pop();
}

/** A stand under a board: three feet on casters, a pole up to the board's lower edge. */
function boardStand(b: MeshBuilder, board: BoardDef, h: number): void {
  const foot = board.height - h / 2 - 0.03;
  b.push().translate(board.at[0], 0, board.at[1]).rotateY(board.facing * DEG);
  for (let k = 0; k < 3; k++) {
    const a = (k * 2 * Math.PI) / 3 + 0.3;
    b.rod([0, 0.12, -0.08], [Math.sin(a) * 0.38, 0.06, -0.08 + Math.cos(a) * 0.38], 0.014, C.gripBlack, 5);
    b.cylinder(0.03, 0.03, 0.05, C.rubber, Math.sin(a) * 0.38, 0.03, -0.08 + Math.cos(a) * 0.38, 6);
  }
  b.cylinder(0.025, 0.025, foot - 0.1, C.steel, 0, 0.1 + (foot - 0.1) / 2, -0.08, 8);
  b.box(0.2, 0.08, 0.06, C.gripBlack, 0, foot, -0.06);
  b.pop();
}

/** The monitor's case and hood around its picture (the picture is its own mesh), the storyboard's black board. */
function boards(b: MeshBuilder, p: CameraParams): void {
  const m = p.monitor;
  const mh = (m.width * p.sensor.aspect[1]) / p.sensor.aspect[0];
  boardStand(b, m, mh);
  b.push().translate(m.at[0], m.height, m.at[1]).rotateY(m.facing * DEG);
  b.box(m.width + 0.06, mh + 0.06, 0.07, C.black, 0, 0, -0.04);
  b.box(m.width * 0.5, mh * 0.5, 0.06, C.charcoal, 0, 0, -0.1);
  const hood = 0.18;
  b.box(m.width + 0.08, 0.012, hood, C.black, 0, mh / 2 + 0.035, hood / 2 - 0.01);
  for (const sx of [-1, 1]) b.box(0.012, mh + 0.07, hood, C.black, sx * (m.width / 2 + 0.035), 0, hood / 2 - 0.01);
  b.pop();
  // The storyboard frame is clamped to the monitor's side, as a printed board taped up at video village.
  const s = p.storyboard;
  const sh = s.width * (BOARD_REGION.h / BOARD_REGION.w);
  b.push().translate(s.at[0], s.height, s.at[1]).rotateY(s.facing * DEG);
  b.box(s.width + 0.04, sh + 0.04, 0.02, C.black, 0, 0, -0.012);
  b.pop();
  const side = Math.sign(m.at[0] - s.at[0]) || 1;
  const near: [number, number, number] = [s.at[0] + side * (s.width / 2) * Math.cos(s.facing * DEG), s.height, s.at[1] - side * (s.width / 2) * Math.sin(s.facing * DEG)];
  const far: [number, number, number] = [m.at[0] - side * (m.width / 2 + 0.03) * Math.cos(m.facing * DEG), m.height, m.at[1] + side * (m.width / 2 + 0.03) * Math.sin(m.facing * DEG)];
  for (const dy of [-0.1, 0.1]) b.rod([near[0], near[1] + dy, near[2] - 0.03], [far[0], far[1] + dy, far[2] - 0.03], 0.012, C.gripBlack, 5);
}

/**
 * Track, stand-ins, the flat's frame and the boards' stands: everything that does not move. A
 * generator, a part a step, so it runs in slices (a stand-in is the biggest piece).
 */
export function* buildStaticSteps(p: CameraParams, marks: Readonly<Record<'a' | 'b', string>>, facing: number): Steps<THREE.BufferGeometry> {
  const b = meshBuilder(1 << 14);
  track(b, p);
  flatFrame(b, p);
  boards(b, p);
  yield;
  for (const [i, a] of p.actors.entries()) {
    standIn(b, p, i, marks[a.id]);
    yield;
  }
  return bake(b, null, stationLight(facing));
}

/**
 * The dolly's car, in its own frame (origin on the floor at its middle, the track along z, the
 * lens ahead at +z): wheel trucks, chassis, a seat and push bar for the operator, and a column up
 * to the fluid head's base at `pivotY` (the head and camera are their own mesh, so they can tilt).
 */
export function buildCar(pivotY: number, facing: number): THREE.BufferGeometry {
  const b = meshBuilder(1 << 12);
  for (const z of [-0.3, 0.3]) {
    for (const x of [-GAUGE, GAUGE]) {
      b.box(0.07, 0.05, 0.2, C.darkGrey, x, 0.16, z);
      for (const dz of [-0.06, 0.06]) xcyl(b, 0.045, 0.06, C.rubber, x, 0.125, z + dz, 8);
    }
  }
  b.box(0.72, 0.12, 0.9, '#3b4250', 0, 0.24, 0);
  b.box(0.74, 0.02, 0.92, C.steel, 0, 0.31, 0);
  b.cylinder(0.08, 0.09, 0.3, '#3b4250', 0, 0.47, PIVOT_AHEAD, 10);
  const top = pivotY - 0.1;
  b.cylinder(0.05, 0.05, top - 0.62, C.chrome, 0, 0.62 + (top - 0.62) / 2, PIVOT_AHEAD, 10);
  b.cylinder(0.1, 0.1, 0.03, C.steel, 0, top, PIVOT_AHEAD, 10);
  b.rod([0.3, 0.32, -0.3], [0.45, 0.7, -0.45], 0.022, C.steel, 6);
  b.cylinder(0.17, 0.16, 0.07, C.black, 0.47, 0.74, -0.47, 10);
  for (const x of [-0.28, 0.28]) b.rod([x, 0.3, -0.46], [x, 1.0, -0.55], 0.016, C.chrome, 6);
  b.rod([-0.32, 1.0, -0.55], [0.32, 1.0, -0.55], 0.024, C.rubber, 6);
  return bake(b, null, stationLight(facing));
}

/** The fluid head and the camera on it, around the tilt axis (origin), looking along +z. */
export function buildHead(facing: number): THREE.BufferGeometry {
  const t: PropTargets = { solid: meshBuilder(1 << 12), glow: meshBuilder(256), screen: meshBuilder(64) };
  const b = t.solid;
  b.box(0.14, 0.09, 0.15, C.gripBlack, 0, -0.045, 0);
  xcyl(b, 0.045, 0.17, C.charcoal, 0, -0.03, 0, 10);
  b.rod([-0.05, -0.02, -0.06], [-0.18, -0.08, -0.48], 0.013, C.gripBlack, 6);
  b.push().translate(0, CAMERA_BASE.y, CAMERA_BASE.z);
  cinemaCamera(t);
  b.pop();
  t.screen.dispose(); // the camera's little on-board screen shows the LED picture: not drawn here
  return bake(b, t.glow, stationLight(facing));
}

/**
 * The flat's painting and the storyboard's card: two quads on the shared canvas, a little dimmer
 * than white so they sit in the set's light.
 */
export function buildCards(p: CameraParams): THREE.BufferGeometry {
  const b = meshBuilder(64);
  const { at, width, height, facing } = p.backdrop;
  b.push().translate(at[0], height / 2, at[1]).rotateY(facing * DEG);
  b.quad(width, height, '#d9d9d9', 0, 0, 0.0, uvOf(FLAT_REGION));
  b.pop();
  const s = p.storyboard;
  const sh = s.width * (BOARD_REGION.h / BOARD_REGION.w);
  b.push().translate(s.at[0], s.height, s.at[1]).rotateY(s.facing * DEG);
  b.quad(s.width, sh, '#f2f2f2', 0, 0, 0.0, uvOf(BOARD_REGION));
  b.pop();
  const geo = b.build();
  b.dispose();
  return geo;
}

/** The monitor's picture: a quad the size of the picture, white vertex colours (the set's textured program). */
export function buildScreen(p: CameraParams): THREE.BufferGeometry {
  const m = p.monitor;
  const plane = new THREE.PlaneGeometry(m.width, (m.width * p.sensor.aspect[1]) / p.sensor.aspect[0]);
  plane.setAttribute('color', new THREE.Float32BufferAttribute(new Array(plane.getAttribute('position').count * 3).fill(1), 3));
  plane.rotateY(m.facing * DEG);
  plane.translate(m.at[0], m.height, m.at[1]);
  return plane;
}
