import { toolkit } from '../toolkit';
import * as THREE from 'three';
import type { MeshBuilder } from '../../set/mesh-builder';
import { headGeometry, noseTip, onFace } from './head';
import { backHead, fillHead, keyHead, lampFrame, stand, BACK_SIZE, FILL_SIZE, KEY_SIZE, type GlowPart, type LampFrame } from './lamps';
import type { LampId, LightingParams, Quality } from './logic';
import type { Rect, Sphere, V3 } from './shade';

// The set's building kit, from the host (see toolkit.ts for why it is not imported).
const { C, appleBox, gripHead, meshBuilder, xf } = toolkit();

/**
 * Everything the lighting activity draws, in the station's frame: the seated stand-in, the three
 * lamps on their stands, the backdrop behind, the flag on its C-stand. Three kinds of vertices:
 * the stand-in ("subject") and the backdrop ("surface") take the lamps' light; the lamps' lenses
 * and displays glow; the rest (stands, yokes) keeps the set's light, baked once.
 */

const DEG = Math.PI / 180;
/** The stand-in's head centre above the floor, seated on two and a quarter apple boxes. */
export const HEAD_HEIGHT = 1.26;
/** The head is drawn a little larger than life: it is what the visitor reads, from a few metres. */
export const HEAD_SCALE = 1.1;
const SEAT = 0.457;

export interface VertexRange {
  readonly first: number;
  readonly end: number;
}

export interface RigMeshes {
  /** Stand-in, backdrop, fill and back lamps, stands. */
  readonly main: THREE.BufferGeometry;
  readonly subject: VertexRange;
  readonly surface: VertexRange;
  readonly glows: readonly GlowPart[];
  /** The key's head and stand, one per quality (one is shown). */
  readonly keys: Readonly<Record<Quality, { readonly geometry: THREE.BufferGeometry; readonly glows: readonly GlowPart[] }>>;
  /** The flag's arm and cloth, in a frame whose origin is the C-stand's column (it swings about it). */
  readonly flag: THREE.BufferGeometry;
  readonly flagPivot: V3;
}

/** Where things are, for the light: lamps, what casts shadows, the flag's cloth when it is in. */
export interface RigFrames {
  readonly head: V3;
  readonly lamps: Readonly<Record<LampId, LampFrame>>;
  readonly casters: readonly Sphere[];
  readonly faceCasters: readonly Sphere[];
  readonly flagRect: Rect;
}

const v3 = (v: THREE.Vector3): V3 => [v.x, v.y, v.z];

function standInMatrix(p: LightingParams): THREE.Matrix4 {
  const { at, facing } = p.standIn;
  return new THREE.Matrix4().makeRotationY(facing * DEG).setPosition(at[0], 0, at[1]);
}

export function rigFrames(p: LightingParams): RigFrames {
  const m = standInMatrix(p);
  const at = (x: number, y: number, z: number): THREE.Vector3 => new THREE.Vector3(x, y, z).applyMatrix4(m);
  const head = at(0, HEAD_HEIGHT, 0);
  // The back light aims at the crown, where a rim is wanted; the others at the face.
  const crown = at(0, HEAD_HEIGHT + 0.05, -0.02);
  const lamps = {
    key: lampFrame(p.lamps.key.at, p.lamps.key.height, head),
    fill: lampFrame(p.lamps.fill.at, p.lamps.fill.height, head),
    back: lampFrame(p.lamps.back.at, p.lamps.back.height, crown),
  };
  const nose = noseTip().multiplyScalar(HEAD_SCALE).add(new THREE.Vector3(0, HEAD_HEIGHT, 0)).applyMatrix4(m);
  const f = p.flag;
  const u = new THREE.Vector3(1, 0, 0).applyAxisAngle(THREE.Object3D.DEFAULT_UP, f.facing * DEG);
  return {
    head: v3(head),
    lamps,
    casters: [
      { c: v3(head), r: 0.1 * HEAD_SCALE },
      { c: v3(at(0, 0.97, -0.04)), r: 0.17 },
      { c: v3(at(0, 0.72, -0.04)), r: 0.17 },
    ],
    faceCasters: [{ c: v3(nose), r: 0.014 }],
    flagRect: { c: [f.at[0], f.height, f.at[1]], u: v3(u), v: [0, 1, 0], hu: f.width / 2, hv: f.tall / 2 },
  };
}

/** The seated stand-in, facing +z in its own frame, drawn as one lit part. */
function standIn(b: MeshBuilder, p: LightingParams): void {
  const { skin, hair, shirt, trousers } = p.standIn;
  appleBox(b, 0.203, 0, 0, -0.06);
  appleBox(b, 0.203, 0, 0.203, -0.06);
  b.box(0.508, 0.051, 0.305, C.apple, 0, 0.406 + 0.0255, -0.06);
  b.box(0.32, 0.13, 0.24, trousers, 0, SEAT + 0.07, -0.05);
  for (const sx of [-1, 1]) {
    b.rod([sx * 0.09, SEAT + 0.07, -0.02], [sx * 0.11, SEAT + 0.08, 0.36], 0.066, trousers, 7);
    b.sphere(0.058, trousers, sx * 0.11, SEAT + 0.08, 0.36, 6);
    b.rod([sx * 0.11, SEAT + 0.06, 0.37], [sx * 0.12, 0.08, 0.4], 0.05, trousers, 6);
    b.box(0.1, 0.075, 0.25, C.black, sx * 0.12, 0.0375, 0.46);
  }
  // torso, an ellipse wider at the shoulders, and the shoulders' rounded top
  b.push().translate(0, SEAT + 0.37, -0.04).scale(1, 1, 0.62);
  b.cylinder(0.19, 0.16, 0.46, shirt, 0, 0, 0, 12);
  b.pop();
  b.push().translate(0, SEAT + 0.6, -0.04).scale(0.205, 0.075, 0.125);
  b.sphere(1, shirt, 0, 0, 0, 10);
  b.pop();
  b.box(0.15, 0.03, 0.11, shirt, 0, SEAT + 0.65, -0.03);
  for (const sx of [-1, 1]) {
    const shoulder: [number, number, number] = [sx * 0.19, SEAT + 0.58, -0.04];
    const elbow: [number, number, number] = [sx * 0.22, SEAT + 0.3, 0.06];
    const wrist: [number, number, number] = [sx * 0.14, SEAT + 0.14, 0.3];
    b.sphere(0.05, shirt, ...shoulder, 7);
    b.rod(shoulder, elbow, 0.046, shirt, 7);
    b.rod(elbow, wrist, 0.038, shirt, 6);
    b.sphere(0.042, skin, wrist[0], wrist[1] - 0.01, wrist[2] + 0.05, 6, 1.2);
  }
  b.cylinder(0.05, 0.056, 0.14, skin, 0, HEAD_HEIGHT - 0.13, -0.02, 10);
  head(b, skin, hair);
}

/** The head, its hair, ears and the few features a face reads by at a distance. */
function head(b: MeshBuilder, skin: string, hair: string): void {
  b.push().translate(0, HEAD_HEIGHT, 0).scale(HEAD_SCALE);
  const geo = headGeometry();
  b.geometry(geo, skin);
  geo.dispose();
  // hair: a cap tilted back, so the forehead shows and the nape is covered
  const cap = new THREE.SphereGeometry(1, 16, 6, 0, Math.PI * 2, 0, Math.PI * 0.5).rotateY(-Math.PI / 2);
  b.push().translate(0, 0.008, -0.008).rotateX(-0.7).scale(0.086, 0.118, 0.106);
  b.geometry(cap, hair);
  b.pop();
  cap.dispose();
  for (const sx of [-1, 1]) {
    b.push().translate(sx * 0.074, -0.005, -0.012).scale(0.45, 1, 0.75);
    b.sphere(0.024, skin, 0, 0, 0, 6);
    b.pop();
    const eye = onFace(sx * 0.4, 0.06, -0.003);
    b.push().translate(eye.x, eye.y, eye.z).rotateY(Math.atan2(eye.x, 0.09)).scale(1, 0.7, 0.5);
    b.sphere(0.012, '#2a1d18', 0, 0, 0, 6);
    b.pop();
    const brow = onFace(sx * 0.4, 0.21, 0.003);
    b.push().translate(brow.x, brow.y, brow.z).rotateY(Math.atan2(brow.x, 0.09)).rotateZ(sx * 0.12);
    b.box(0.032, 0.006, 0.008, hair);
    b.pop();
  }
  const lips = onFace(0, -0.55, -0.002);
  b.push().translate(lips.x, lips.y, lips.z).scale(1.1, 0.3, 0.45);
  b.sphere(0.021, '#9a4f45', 0, 0, 0, 8);
  b.pop();
  b.pop();
}

/** The backdrop's painted face (a grid fine enough to show a pool of light) and its frame. */
function backdrop(b: MeshBuilder, p: LightingParams, face: boolean): void {
  const d = p.backdrop;
  xf(b, { x: d.at[0], z: d.at[1], ry: d.facing * DEG }, () => {
    if (face) {
      const grid = new THREE.PlaneGeometry(d.width, d.height, 16, 10);
      b.geometry(grid, d.color, new THREE.Matrix4().makeTranslation(0, d.bottom + d.height / 2, 0));
      grid.dispose();
      return;
    }
    b.box(d.width + 0.04, d.height + 0.04, 0.02, C.darkWood, 0, d.bottom + d.height / 2, -0.012);
    for (const sx of [-1, 1]) {
      const x = sx * (d.width / 2 + 0.03);
      b.rod([x, 0, -0.03], [x, d.bottom + d.height + 0.05, -0.03], 0.014, C.gripBlack, 6);
      b.rod([x, 0.01, -0.35], [x, 0.01, 0.25], 0.015, C.gripBlack, 5);
      b.rod([x, 0.6, -0.03], [x, 0.01, -0.34], 0.01, C.gripBlack, 5);
    }
  });
}

/** Where the flag's C-stand stands: beside the cloth, along its width. */
function flagPivot(p: LightingParams): THREE.Vector3 {
  const f = p.flag;
  const u = new THREE.Vector3(1, 0, 0).applyAxisAngle(THREE.Object3D.DEFAULT_UP, f.facing * DEG);
  return new THREE.Vector3(f.at[0], 0, f.at[1]).addScaledVector(u, f.width / 2 + 0.3);
}

/** The flag's arm and cloth, drawn relative to the C-stand's column. */
function flagCloth(b: MeshBuilder, p: LightingParams, pivot: THREE.Vector3): void {
  const f = p.flag;
  const armY = f.height + f.tall / 2 + 0.08;
  b.push().translate(-pivot.x, 0, -pivot.z);
  xf(b, { x: f.at[0], y: f.height, z: f.at[1], ry: f.facing * DEG }, () => {
    const hu = f.width / 2;
    const hv = f.tall / 2;
    b.box(f.width, f.tall, 0.006, C.black);
    for (const y of [-hv, hv]) b.rod([-hu, y, 0], [hu, y, 0], 0.005, C.chrome, 4);
    for (const x of [-hu, hu]) b.rod([x, -hv, 0], [x, hv, 0], 0.005, C.chrome, 4);
    b.rod([hu, hv, 0], [hu, armY - f.height, 0], 0.006, C.chrome, 4);
  });
  b.pop();
  // the gobo arm from the knuckle on the column out to the cloth's pin
  const u = new THREE.Vector3(1, 0, 0).applyAxisAngle(THREE.Object3D.DEFAULT_UP, f.facing * DEG);
  const pin = new THREE.Vector3(f.at[0], armY, f.at[1]).addScaledVector(u, f.width / 2).sub(pivot);
  b.rod([0, armY, 0], [pin.x, armY, pin.z], 0.011, C.chrome, 6);
}

function flagStand(b: MeshBuilder, p: LightingParams, pivot: THREE.Vector3): void {
  const armY = p.flag.height + p.flag.tall / 2 + 0.08;
  // a plain C-stand (the set's own is richer, and the activity has a triangle budget of its own)
  xf(b, { x: pivot.x, z: pivot.z, ry: p.flag.facing * DEG + 0.4 }, () => {
    for (let i = 0; i < 3; i++) {
      const a = (i * Math.PI * 2) / 3;
      b.rod([Math.sin(a) * 0.03, 0.12 + i * 0.06, Math.cos(a) * 0.03], [Math.sin(a) * 0.45, 0.015, Math.cos(a) * 0.45], 0.011, C.chrome, 4);
    }
    b.cylinder(0.03, 0.03, 0.24, C.steel, 0, 0.2, 0, 6);
    b.cylinder(0.016, 0.016, armY - 0.3, C.chrome, 0, 0.3 + (armY - 0.3) / 2, 0, 6);
    b.box(0.26, 0.09, 0.13, C.sandbag, 0.3, 0.045, 0);
    gripHead(b, 0, armY, 0);
  });
}

/**
 * Builds the meshes a piece at a time: a generator that yields between pieces, so opening the
 * activity never holds the main thread for long (the first build also warms the code up).
 */
export function* buildRig(p: LightingParams, frames: RigFrames): Generator<void, RigMeshes> {
  const main = meshBuilder(16384);
  const glows: GlowPart[] = [];
  stand(main, frames.lamps.fill, FILL_SIZE);
  fillHead(main, frames.lamps.fill, glows);
  stand(main, frames.lamps.back, BACK_SIZE);
  backHead(main, frames.lamps.back, glows);
  backdrop(main, p, false);
  const pivot = flagPivot(p);
  flagStand(main, p, pivot);
  yield;
  const subjectFirst = main.triangleCount * 3;
  main.push().translate(p.standIn.at[0], 0, p.standIn.at[1]).rotateY(p.standIn.facing * DEG);
  standIn(main, p);
  main.pop();
  yield;
  const surfaceFirst = main.triangleCount * 3;
  backdrop(main, p, true);
  const surfaceEnd = main.triangleCount * 3;
  const mainGeo = main.build({ uv: false });
  main.dispose();
  yield;

  const key = (quality: Quality): { geometry: THREE.BufferGeometry; glows: GlowPart[] } => {
    const b = meshBuilder(2048);
    const parts: GlowPart[] = [];
    stand(b, frames.lamps.key, KEY_SIZE[quality]);
    keyHead(b, frames.lamps.key, quality, parts);
    const geometry = b.build({ uv: false });
    b.dispose();
    return { geometry, glows: parts };
  };
  const hard = key('hard');
  yield;
  const soft = key('soft');
  const flagB = meshBuilder(512);
  flagCloth(flagB, p, pivot);
  const flag = flagB.build({ uv: false });
  flagB.dispose();
  return {
    main: mainGeo,
    subject: { first: subjectFirst, end: surfaceFirst },
    surface: { first: surfaceFirst, end: surfaceEnd },
    glows,
    keys: { hard, soft },
    flag,
    flagPivot: [pivot.x, 0, pivot.z],
  };
}
