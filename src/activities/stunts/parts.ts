import { toolkit } from '../toolkit';
import * as THREE from 'three';
import type { MeshBuilder } from '../../set/mesh-builder';
import type { Pose } from '../../content/types';
import type { StuntsParams, Vec2 } from './spec';

// The set's building kit, from the host (see toolkit.ts for why it is not imported).
const { C, buildFigure, meshBuilder, pixelText, polyline, xf, zcyl } = toolkit();

/**
 * The stunt activity's geometry, drawn once with the set's MeshBuilder: what each check adds to
 * the station (the platform, the landing mats, the green tag, the cone line, the medic) and the
 * people who move. Everything is in the station's frame (x, z as the props' `at`; y up). Nothing
 * here moves: view.ts places and shows these meshes.
 */

const DEG = Math.PI / 180;
export const DECK_THICKNESS = 0.06;
/** The mats' thickness: the double's hips land this far above their base, plus the body's depth. */
export const MATS_THICKNESS = 0.3;
/** Where a standing figure's hips are (figure.ts's pelvis joint): the fall turns the body about them. */
export const HIP_HEIGHT = 0.93;
const GREEN = '#3ddc6a';
const HI_VIS = '#e8f54a';

/** Yaw (radians, as figures and props turn: 0 faces +z) that looks from `from` towards `to`. */
export const yawTowards = (from: Vec2, to: Vec2): number => Math.atan2(to[0] - from[0], to[1] - from[1]);

/** A geometry and the vertex ranges whose colours stay unlit (they glow: tags, tape, lamps). */
export interface Drawn {
  readonly geometry: THREE.BufferGeometry;
  /** Where each named part ends, in vertices (a draw range shows the parts up to one). */
  readonly ends: ReadonlyMap<string, number>;
}

/** Collects parts into one builder, noting where each ends and which ranges glow (are not lit). */
class Parts {
  readonly b = meshBuilder(1 << 13);
  private readonly glow: [number, number][] = [];
  private readonly ends = new Map<string, number>();

  get vertices(): number {
    return this.b.triangleCount * 3;
  }

  /** Draws unlit: bright colours that must read at a distance (the green tag, tape, a lamp). */
  glowing(draw: () => void): void {
    const start = this.vertices;
    draw();
    this.glow.push([start, this.vertices]);
  }

  end(name: string): void {
    this.ends.set(name, this.vertices);
  }

  build(light: (geo: THREE.BufferGeometry, first: number, end: number) => void): Drawn {
    const geometry = this.b.build({ uv: false });
    this.b.dispose();
    // Light is baked into the solid ranges only, between the glowing ones.
    let from = 0;
    for (const [start, stop] of [...this.glow, [this.vertices, this.vertices] as [number, number]]) {
      if (start > from) light(geometry, from, start);
      from = stop;
    }
    return { geometry, ends: this.ends };
  }
}

export type Bake = (geo: THREE.BufferGeometry, first: number, end: number) => void;

/** The step-off platform on the rig tower, its ladder, and the stand-by lamp's housing. */
function deck(parts: Parts, p: StuntsParams): void {
  const b = parts.b;
  const [dx, dz] = p.deck.at;
  const [tx, tz] = p.tower;
  const h = p.deck.height;
  const alu = '#c6cacf';
  xf(b, { x: dx, y: h, z: dz, ry: p.fall.facing * DEG }, () => {
    b.box(0.62, DECK_THICKNESS, 0.62, C.darkGrey, 0, -DECK_THICKNESS / 2, 0);
    b.box(0.6, 0.01, 0.6, '#5b5e63', 0, 0.002, 0);
    // Rails on three sides; the side behind the double (local -z) is open: the fall goes that way.
    for (const [x0, z0, x1, z1] of [[-0.3, 0.3, 0.3, 0.3], [-0.3, -0.3, -0.3, 0.3], [0.3, -0.3, 0.3, 0.3]] as const) {
      b.rod([x0, 1.0, z0], [x1, 1.0, z1], 0.02, alu, 4);
      b.rod([x0, 0.5, z0], [x1, 0.5, z1], 0.015, alu, 4);
    }
    for (const [x, z] of [[-0.3, 0.3], [0.3, 0.3], [-0.3, -0.3], [0.3, -0.3]] as const) b.rod([x, 0, z], [x, 1.0, z], 0.02, alu, 4);
    b.box(0.6, 0.1, 0.012, C.yellow, 0, 0.05, 0.3);
  });
  // Arms and a brace back to the tower it is bolted to.
  b.rod([dx, h - 0.05, dz], [tx, h - 0.05, tz], 0.03, C.steel, 4);
  b.rod([dx, h - 0.05, dz], [tx, h - 0.75, tz], 0.025, C.steel, 4);
  // Ladder up the tower's front, beside the platform: the double climbs it once the area is clear.
  const lz = tz + 0.3;
  for (const sx of [-0.18, 0.18]) b.rod([tx + sx, 0, lz], [tx + sx, h + 0.9, lz], 0.018, C.steel, 4);
  for (let y = 0.35; y < h; y += 0.35) b.rod([tx - 0.18, y, lz], [tx + 0.18, y, lz], 0.012, C.steel, 3);
  const [bx, by, bz] = p.beacon;
  b.cylinder(0.07, 0.08, 0.06, C.black, bx, by - 0.03, bz, 8);
  parts.glowing(() => b.sphere(0.06, '#4a1410', bx, by + 0.03, bz, 8, 1.2));
  parts.end('deck');
}

/** The harness check's visible effect: a green tag on the platform and green tape up the tower. */
function rigTag(parts: Parts, p: StuntsParams, face: number, words: SignWords): void {
  const b = parts.b;
  const [x, y, z] = p.tag;
  parts.glowing(() => {
    xf(b, { x, y, z, ry: face }, () => {
      b.box(0.5, 0.32, 0.012, GREEN, 0, 0, 0);
      pixelText(b, words.checked, 0, 0.0, 0.008, 0.04, C.white, 'center', 0.44);
    });
    const [tx, tz] = p.tower;
    for (let ty = 0.6; ty < p.deck.height; ty += 0.6) b.box(0.34, 0.06, 0.34, GREEN, tx, ty, tz);
  });
  parts.end('rig');
}

/** The cleared area: traffic cones along the path with red-and-white tape between their tops. */
function cones(parts: Parts, p: StuntsParams): void {
  const b = parts.b;
  const { path, spacing } = p.cones;
  const points: [number, number][] = [];
  for (let i = 1; i < path.length; i++) {
    const [ax, az] = path[i - 1]!;
    const [bx, bz] = path[i]!;
    const n = Math.max(1, Math.round(Math.hypot(bx - ax, bz - az) / spacing));
    for (let k = i === 1 ? 0 : 1; k <= n; k++) points.push([ax + ((bx - ax) * k) / n, az + ((bz - az) * k) / n]);
  }
  for (const [x, z] of points) {
    b.box(0.26, 0.03, 0.26, C.black, x, 0.015, z);
    b.cylinder(0.025, 0.12, 0.5, C.orange, x, 0.28, z, 6);
  }
  parts.glowing(() => {
    for (const [x, z] of points) b.cylinder(0.062, 0.082, 0.08, C.white, x, 0.3, z, 6);
    for (let i = 1; i < points.length; i++) {
      const [ax, az] = points[i - 1]!;
      const [bx, bz] = points[i]!;
      const pieces = Math.max(2, Math.round(Math.hypot(bx - ax, bz - az) / 0.2));
      for (let k = 0; k < pieces; k++) {
        const f0 = k / pieces;
        const f1 = (k + 1) / pieces;
        b.rod([ax + (bx - ax) * f0, 0.5, az + (bz - az) * f0], [ax + (bx - ax) * f1, 0.5, az + (bz - az) * f1], 0.012, k % 2 ? C.white : '#e03131', 3);
      }
    }
  });
  parts.end('area');
}

/** The medic: a green jacket with hi-vis bands and a label on the back, holding the kit. */
function medic(parts: Parts, p: StuntsParams, words: SignWords): void {
  const b = parts.b;
  const [x, z] = p.medic.at;
  xf(b, { x, z, ry: p.medic.facing * DEG }, () => {
    buildFigure(b, { color: p.medic.jacket, pose: 'hold', seed: 0x5eed });
    // The kit, held in both hands: a red case with a white cross.
    b.box(0.36, 0.24, 0.16, '#c92a2a', 0, 1.02, 0.34);
    b.box(0.12, 0.035, 0.02, C.white, 0, 1.02, 0.425);
    b.box(0.035, 0.12, 0.02, C.white, 0, 1.02, 0.425);
  });
  parts.glowing(() =>
    xf(b, { x, z, ry: p.medic.facing * DEG }, () => {
      for (const y of [1.08, 1.3]) {
        b.push().translate(0, y, 0).scale(1, 1, 0.64);
        b.cylinder(0.185, 0.18, 0.035, HI_VIS, 0, 0, 0, 8);
        b.pop();
      }
      // On the back (the figure's -z) and the chest, above the kit: read from wherever the crew stand.
      xf(b, { y: 1.2, z: -0.13, ry: Math.PI }, () => pixelText(b, words.medic, 0, 0, 0, 0.018, C.white, 'center', 0.3));
      pixelText(b, words.medic, 0, 1.22, 0.135, 0.014, C.white, 'center', 0.24);
    }),
  );
  parts.end('medic');
}

export interface SignWords {
  readonly checked: string;
  readonly stop: string;
  readonly medic: string;
}

/**
 * The station's static parts in one mesh: the platform first (always drawn), then the effects of
 * the rig, area and medic checks in the order content does them. Checks are done in order, so the
 * ones done are always the first few: a draw range shows exactly them.
 */
export function drawStage(p: StuntsParams, face: number, words: SignWords, bake: Bake): Drawn {
  const parts = new Parts();
  deck(parts, p);
  for (const id of p.order) {
    if (id === 'rig') rigTag(parts, p, face, words);
    else if (id === 'area') cones(parts, p);
    else if (id === 'medic') medic(parts, p, words);
  }
  return parts.build(bake);
}

/** The extra landing mats, their origin at their base centre (they are carried in and settle). */
export function drawMats(p: StuntsParams, bake: Bake): THREE.BufferGeometry {
  const parts = new Parts();
  const b = parts.b;
  const [w, d] = p.mats.size;
  const layer = MATS_THICKNESS / 2;
  b.box(w, layer - 0.01, d, '#c0392b', 0, layer / 2, 0);
  b.box(w + 0.01, 0.012, d + 0.01, '#7a1f17', 0, layer, 0);
  b.box(w - 0.1, layer - 0.01, d - 0.1, '#d9480f', 0, layer * 1.5, 0);
  for (const x of [-w / 4, w / 4]) b.box(0.012, layer, d - 0.09, '#8f2d14', x, layer * 1.5, 0);
  parts.glowing(() => {
    // The landing mark: an X of white tape where the double's hips land.
    const [tx, tz] = [p.fall.to[0] - p.mats.at[0], p.fall.to[1] - p.mats.at[1]];
    for (const a of [0.6, -0.6]) xf(b, { x: tx, y: MATS_THICKNESS + 0.004, z: tz, ry: a }, () => b.box(0.7, 0.006, 0.07, C.white));
  });
  return parts.build(bake).geometry;
}

/** A crew member, the double (in a harness) or the medic: a figure with its feet at the origin. */
export function drawPerson(jacket: string, pose: Pose, seed: number, harness: boolean, bake: Bake): THREE.BufferGeometry {
  const parts = new Parts();
  const b = parts.b;
  buildFigure(b, { color: jacket, pose, seed });
  if (harness) {
    // Waist belt, leg loops and shoulder straps, the red buckle and the steel ring the line clips to;
    // the loops are cylinders just proud of the body (a few dozen triangles; a torus costs five times that).
    b.push().translate(0, 0.98, 0).scale(1, 1, 0.66);
    b.cylinder(0.185, 0.185, 0.05, C.black, 0, 0, 0, 8);
    b.pop();
    for (const sx of [-1, 1]) {
      b.cylinder(0.085, 0.085, 0.04, C.black, sx * 0.1, 0.8, 0, 8);
      polyline(b, [[sx * 0.09, 0.98, 0.125], [sx * 0.11, 1.4, 0.08]], 0.02, C.black, 4);
      polyline(b, [[sx * 0.09, 0.98, -0.125], [sx * 0.11, 1.4, -0.08]], 0.02, C.black, 4);
    }
    b.box(0.08, 0.06, 0.03, '#c92a2a', 0, 0.98, 0.13);
    zcyl(b, 0.035, 0.02, C.steel, 0, 1.3, -0.13, 8);
  }
  return parts.build(bake).geometry;
}

/** The stand-by lamp, lit: drawn over its dark housing while the stunt rolls. */
export function drawLamp(p: StuntsParams): THREE.BufferGeometry {
  const b = meshBuilder(512);
  const [x, y, z] = p.beacon;
  b.sphere(0.075, '#ff2a1a', x, y + 0.03, z, 8, 1.2);
  const geometry = b.build({ uv: false });
  b.dispose();
  return geometry;
}

/** The safety officer's STOP sign: a red octagon on a handle, facing the visitor, origin at its centre. */
export function drawStopSign(text: string): THREE.BufferGeometry {
  const b = meshBuilder(1024);
  // An octagon: a cylinder of eight sides turned half a side about its axis (flat top), then to face +z.
  const disc = (r: number, z: number, color: string): void =>
    xf(b, { z, rx: Math.PI / 2 }, () => xf(b, { ry: Math.PI / 8 }, () => b.cylinder(r, r, 0.02, color, 0, 0, 0, 8)));
  disc(0.3, 0, C.white);
  disc(0.27, 0.004, '#e03131');
  pixelText(b, text, 0, 0, 0.018, 0.05, C.white, 'center', 0.46);
  b.box(0.04, 0.45, 0.03, C.black, 0, -0.5, -0.01);
  const geometry = b.build({ uv: false });
  b.dispose();
  return geometry;
}
