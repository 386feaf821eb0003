import * as THREE from 'three';
import type { ColorLike, MeshBuilder, Vec3 } from '../mesh-builder';
import type { PropTargets } from '../prop-types';
import { glyph, textWidth } from '../pixel-font';

/**
 * Shared palette and drawing kit for the prop builders. Colours are sRGB hex as a designer would
 * pick them; MeshBuilder converts them to linear.
 */
export const C = {
  gripBlack: '#1d1e21',
  black: '#141416',
  charcoal: '#2c2d31',
  darkGrey: '#404247',
  grey: '#6d7076',
  midGrey: '#8d9096',
  lightGrey: '#b4b7bc',
  chrome: '#d3d7dd',
  steel: '#959aa1',
  alu: '#bfc3c8',
  rubber: '#232323',
  wood: '#a5693a',
  darkWood: '#6e4425',
  plywood: '#cfa468',
  apple: '#c08a52',
  appleEdge: '#9a6a3b',
  canvasBlack: '#202024',
  canvas: '#d9cfb4',
  paper: '#f1eee6',
  white: '#ecebe6',
  tape: '#e8dfc0',
  sandbag: '#c2562b',
  red: '#c23b2f',
  orange: '#e47a24',
  yellow: '#f0c12c',
  green: '#3c9a4e',
  blue: '#2f65b8',
  navy: '#243a63',
  teal: '#2a8a8a',
  purple: '#6b3f93',
  warmLight: '#ffe3b0',
  screenDark: '#0d1117',
} as const;

export interface Xf {
  x?: number;
  y?: number;
  z?: number;
  /** Yaw, then pitch, then roll, radians. */
  ry?: number;
  rx?: number;
  rz?: number;
  s?: number;
}

function applyXf(b: MeshBuilder, xf: Xf): void {
  b.push().translate(xf.x ?? 0, xf.y ?? 0, xf.z ?? 0);
  if (xf.ry) b.rotateY(xf.ry);
  if (xf.rx) b.rotateX(xf.rx);
  if (xf.rz) b.rotateZ(xf.rz);
  if (xf.s !== undefined) b.scale(xf.s);
}

/** Runs draw in a local frame applied to one builder. */
export function xf(b: MeshBuilder, t: Xf, draw: () => void): void {
  applyXf(b, t);
  try {
    draw();
  } finally {
    b.pop();
  }
}

/**
 * Runs draw in a local frame applied to all three targets at once, so a monitor's screen quad and
 * a lamp's glowing lens move with the body they sit in.
 */
export function group(t: PropTargets, frame: Xf, draw: () => void): void {
  const all = [t.solid, t.glow, t.screen];
  for (const b of all) applyXf(b, frame);
  try {
    draw();
  } finally {
    for (const b of all) b.pop();
  }
}

/** Box rotated about its own centre. */
export function rbox(b: MeshBuilder, w: number, h: number, d: number, color: ColorLike, x: number, y: number, z: number, rx = 0, ry = 0, rz = 0): void {
  xf(b, { x, y, z, rx, ry, rz }, () => b.box(w, h, d, color));
}

/** Quad rotated about its own centre (quads face +z before rotation). */
export function rquad(b: MeshBuilder, w: number, h: number, color: ColorLike, x: number, y: number, z: number, rx = 0, ry = 0, rz = 0, uv?: readonly [number, number, number, number]): void {
  xf(b, { x, y, z, rx, ry, rz }, () => b.quad(w, h, color, 0, 0, 0, uv));
}

const UP = new THREE.Vector3(0, 1, 0);

/** Tapered cylinder from a (radius ra) to b (radius rb): limbs, cones, lamp housings. */
export function taper(b: MeshBuilder, a: Vec3, c: Vec3, ra: number, rb: number, color: ColorLike, segments = 8): void {
  const va = new THREE.Vector3(...a);
  const vb = new THREE.Vector3(...c);
  const len = va.distanceTo(vb);
  if (len === 0) return;
  const q = new THREE.Quaternion().setFromUnitVectors(UP, vb.clone().sub(va).normalize());
  const m = new THREE.Matrix4().compose(va.add(vb).multiplyScalar(0.5), q, new THREE.Vector3(1, 1, 1));
  b.push();
  b.matrix.multiply(m);
  b.cylinder(rb, ra, len, color, 0, 0, 0, segments);
  b.pop();
}

/** Cylinder whose axis runs along z (lenses, wheels seen from the side, speaker cones). */
export function zcyl(b: MeshBuilder, r: number, len: number, color: ColorLike, x: number, y: number, z: number, segments = 10, rEnd = r): void {
  taper(b, [x, y, z - len / 2], [x, y, z + len / 2], r, rEnd, color, segments);
}

/** Cylinder whose axis runs along x. */
export function xcyl(b: MeshBuilder, r: number, len: number, color: ColorLike, x: number, y: number, z: number, segments = 10): void {
  taper(b, [x - len / 2, y, z], [x + len / 2, y, z], r, r, color, segments);
}

const frustumCache = new Map<number, THREE.BufferGeometry>();

/**
 * Rectangular frustum along z with flat-shaded faces (a softbox, a matte box, a sunshade): front
 * face w×h at +depth/2, back face scaled by k. CylinderGeometry with four sides would be smooth
 * shaded and read as a blob, so the faces get their own normals.
 */
export function frustum(b: MeshBuilder, w: number, h: number, depth: number, k: number, color: ColorLike): void {
  const key = Math.round(k * 1000);
  let geo = frustumCache.get(key);
  if (!geo) {
    const r = Math.SQRT1_2;
    const g = new THREE.CylinderGeometry(r, r * k, 1, 4, 1).rotateY(Math.PI / 4);
    geo = g.toNonIndexed();
    g.dispose();
    geo.computeVertexNormals();
    frustumCache.set(key, geo);
  }
  const m = new THREE.Matrix4().makeRotationX(Math.PI / 2).multiply(new THREE.Matrix4().makeScale(w, depth, h));
  b.geometry(geo, color, m);
}

/** Polyline of rods through the points (cables, wire frames, hanger hooks). */
export function polyline(b: MeshBuilder, pts: readonly Vec3[], r: number, color: ColorLike, segments = 5): void {
  for (let i = 1; i < pts.length; i++) b.rod(pts[i - 1]!, pts[i]!, r, color, segments);
}

/** Points on an arc in the plane of two axes; used for headphone bands, handles, cable loops. */
export function arcPoints(cx: number, cy: number, cz: number, r: number, a0: number, a1: number, n: number, plane: 'xy' | 'zy' | 'xz' = 'xy'): Vec3[] {
  const pts: Vec3[] = [];
  for (let i = 0; i <= n; i++) {
    const a = a0 + ((a1 - a0) * i) / n;
    const u = Math.cos(a) * r;
    const v = Math.sin(a) * r;
    if (plane === 'xy') pts.push([cx + u, cy + v, cz]);
    else if (plane === 'zy') pts.push([cx, cy + v, cz + u]);
    else pts.push([cx + u, cy, cz + v]);
  }
  return pts;
}

/**
 * Draws text as pixel quads on the z = z plane of the current frame, facing +z, vertically centred
 * on y. Vertical runs of identical pixels are merged so a word costs a few dozen triangles. A text
 * wider than `maxWidth` (a longer translation, say) is drawn with smaller pixels to fit.
 */
export function pixelText(b: MeshBuilder, text: string, x: number, y: number, z: number, size: number, color: ColorLike, align: 'left' | 'center' | 'right' = 'center', maxWidth = Infinity): number {
  const natural = textWidth(text, size);
  const px = natural > maxWidth ? (size * maxWidth) / natural : size;
  const width = natural > maxWidth ? maxWidth : natural;
  let cx = align === 'left' ? x : align === 'right' ? x - width : x - width / 2;
  const top = y + 2.5 * px;
  for (const ch of text) {
    const rows = glyph(ch);
    const w = rows[0]!.length;
    // open rectangles keyed by "start:end" column run
    let open = new Map<string, { c0: number; c1: number; r0: number; r1: number }>();
    const done: { c0: number; c1: number; r0: number; r1: number }[] = [];
    rows.forEach((row, r) => {
      const next = new Map<string, { c0: number; c1: number; r0: number; r1: number }>();
      let c = 0;
      while (c < w) {
        if (row[c] !== '1') { c++; continue; }
        const c0 = c;
        while (c < w && row[c] === '1') c++;
        const key = `${c0}:${c}`;
        const prev = open.get(key);
        if (prev) { prev.r1 = r + 1; next.set(key, prev); open.delete(key); }
        else next.set(key, { c0, c1: c, r0: r, r1: r + 1 });
      }
      for (const rect of open.values()) done.push(rect);
      open = next;
    });
    for (const rect of open.values()) done.push(rect);
    for (const rc of done) {
      const qw = (rc.c1 - rc.c0) * px;
      const qh = (rc.r1 - rc.r0) * px;
      b.quad(qw, qh, color, cx + rc.c0 * px + qw / 2, top - rc.r0 * px - qh / 2, z);
    }
    cx += (w + 1) * px;
  }
  return width;
}

/** Lines of "writing" (grey bars) on paper facing +z: call sheets, scripts, storyboards. */
export function scribbleLines(b: MeshBuilder, w: number, h: number, lines: number, color: ColorLike, z: number, rand: () => number, x0 = 0, y0 = 0): void {
  const step = h / (lines + 1);
  for (let i = 1; i <= lines; i++) {
    const lw = w * (0.45 + rand() * 0.5);
    b.quad(lw, step * 0.35, color, x0 - w / 2 + lw / 2, y0 + h / 2 - i * step, z);
  }
}

/**
 * Runs draw in a frame whose +y runs from a toward c (length returned to draw): poles, trusses,
 * anything built along a slanted axis.
 */
export function aligned(b: MeshBuilder, a: Vec3, c: Vec3, draw: (len: number) => void, roll = 0): void {
  const va = new THREE.Vector3(...a);
  const vc = new THREE.Vector3(...c);
  const len = va.distanceTo(vc);
  const q = new THREE.Quaternion().setFromUnitVectors(UP, vc.clone().sub(va).normalize());
  b.push();
  b.matrix.multiply(new THREE.Matrix4().compose(va, q, new THREE.Vector3(1, 1, 1)));
  if (roll) b.rotateY(roll);
  try {
    draw(len);
  } finally {
    b.pop();
  }
}
