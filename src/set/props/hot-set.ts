import * as THREE from 'three';
import type { ColorLike, MeshBuilder } from '../mesh-builder';
import type { PropBuilder } from '../prop-types';
import { format } from '../../ui/dom';
import { C, group, pixelText, rbox, rquad, xf } from './kit';
import { floorCable } from './gear';
import { dollyTrack } from './camera';

/**
 * The hot set's own pieces: the room being shot (a 1950s diner at night) and the dolly track the
 * take's camera rides. The dolly car itself is drawn by the take (it moves): see dollyCar.
 */

const openCylinders = new Map<string, THREE.BufferGeometry>();

/**
 * Open-ended vertical cylinder (a lamp shade, a rim band) from y - h/2 to y + h/2. `inside` mirrors
 * it so its faces turn inward: the inner surface of a shade, seen through its openings.
 */
function openCylinder(b: MeshBuilder, rTop: number, rBottom: number, h: number, color: ColorLike, y: number, segments: number, inside = false): void {
  const key = `${rTop}:${rBottom}:${segments}`;
  let geo = openCylinders.get(key);
  if (!geo) {
    geo = new THREE.CylinderGeometry(rTop, rBottom, 1, segments, 1, true);
    openCylinders.set(key, geo);
  }
  b.geometry(geo, color, new THREE.Matrix4().makeScale(inside ? -1 : 1, h, 1).setPosition(0, y, 0));
}

// ---------------------------------------------------------------------------------------------
// Window flat

/** The painted night city behind the diner window: sky, skyline, lit windows, neon, the street. */
function nightBacking(glow: MeshBuilder, w: number, y0: number, y1: number, z: number, rand: () => number): void {
  const x0 = -w / 2;
  // sky: darkest at the top, a city haze at the horizon
  const bands: [number, number, string][] = [[2.3, y1, '#050a1b'], [1.95, 2.3, '#08112a'], [1.65, 1.95, '#0d1a3d'], [1.4, 1.65, '#15264f'], [y0, 1.4, '#223463']];
  for (const [a, c, color] of bands) glow.quad(w, c - a, color, 0, (a + c) / 2, z);
  // moon and a few stars
  glow.push().translate(0.62, 2.08, z + 0.001).rotateX(Math.PI / 2);
  glow.cylinder(0.055, 0.055, 0.001, '#efe8cc', 0, 0, 0, 12);
  glow.pop();
  for (let i = 0; i < 12; i++) glow.quad(0.008, 0.008, '#c9d2ea', x0 + 0.1 + rand() * (w - 0.2), 2.0 + rand() * 0.6, z + 0.001);
  // far skyline, hazy
  let x = x0;
  while (x < w / 2) {
    const bw = Math.min(0.14 + rand() * 0.22, w / 2 - x);
    const top = 1.55 + rand() * 0.55;
    glow.quad(bw, top - y0, '#18244a', x + bw / 2, (y0 + top) / 2, z + 0.002);
    // aircraft warning lights on some roofs
    if (rand() < 0.35) glow.quad(0.012, 0.012, '#ff5a4a', x + bw / 2, top + 0.01, z + 0.002);
    x += bw;
  }
  // near blocks with lit windows; their ground floors are the shops across the street
  const street = 1.0;
  x = x0 - rand() * 0.2;
  let k = 0;
  while (x < w / 2) {
    const bw = 0.3 + rand() * 0.32;
    const top = 1.45 + rand() * 0.85;
    const left = Math.max(x, x0);
    const right = Math.min(x + bw, w / 2);
    const face = k % 2 ? '#0b1120' : '#0f1628';
    glow.quad(right - left, top - street, face, (left + right) / 2, (street + top) / 2, z + 0.004);
    // a parapet line and window grid
    glow.quad(right - left, 0.012, '#1d2741', (left + right) / 2, top - 0.006, z + 0.005);
    const cols = Math.floor((bw - 0.04) / 0.075);
    const margin = (bw - cols * 0.075) / 2;
    for (let r = 0; ; r++) {
      const wy = street + 0.32 + r * 0.11;
      if (wy > top - 0.07) break;
      for (let c = 0; c < cols; c++) {
        const wx = x + margin + 0.0375 + c * 0.075;
        if (wx < x0 + 0.02 || wx > w / 2 - 0.02 || rand() > 0.32) continue;
        const color = rand() < 0.15 ? '#9dbcf2' : ['#ffcf6e', '#ffe2a3', '#f2b04f'][Math.floor(rand() * 3)]!;
        glow.quad(0.038, 0.055, color, wx, wy, z + 0.006);
      }
    }
    // a shop front: lit window, awning, door
    const sw = Math.min(bw * 0.6, right - left - 0.04);
    if (sw > 0.1) {
      const sx = (left + right) / 2;
      glow.quad(sw, 0.13, k % 3 === 1 ? '#e9a04f' : '#f5d08c', sx, street + 0.1, z + 0.006);
      glow.quad(sw + 0.04, 0.03, ['#7a1d28', '#1d4a52', '#4a2a5c'][k % 3]!, sx, street + 0.19, z + 0.007);
    }
    x += bw;
    k++;
  }
  // neon: a pink frame and a red blade sign (plain shapes: no words on the backing)
  const frame = (cx: number, cy: number, fw: number, fh: number, color: string, zz: number): void => {
    const s = 0.012;
    glow.quad(fw, s, color, cx, cy + fh / 2, zz);
    glow.quad(fw, s, color, cx, cy - fh / 2, zz);
    glow.quad(s, fh, color, cx - fw / 2, cy, zz);
    glow.quad(s, fh, color, cx + fw / 2, cy, zz);
  };
  frame(-0.45, street + 0.26, 0.3, 0.09, '#ff4fa3', z + 0.008);
  glow.quad(0.2, 0.018, '#ff8cc6', -0.45, street + 0.26, z + 0.008);
  glow.quad(0.07, 0.34, '#5a0d16', 0.32, street + 0.45, z + 0.008);
  frame(0.32, street + 0.45, 0.07, 0.34, '#ff3b3b', z + 0.009);
  for (let i = 0; i < 4; i++) glow.quad(0.028, 0.028, '#ffb04a', 0.32, street + 0.33 + i * 0.08, z + 0.009);
  frame(0.9, street + 0.3, 0.18, 0.07, '#4fe3ff', z + 0.008);
  // the street: kerb, road, a street lamp
  glow.quad(w, 0.04, '#2a2a38', 0, street - 0.02, z + 0.006);
  glow.quad(w, street - 0.04 - y0, '#0d0f18', 0, (y0 + street - 0.04) / 2, z + 0.006);
  for (let i = 0; i < 6; i++) glow.quad(0.12, 0.012, '#4a4a3a', x0 + 0.2 + i * 0.45, y0 + 0.14, z + 0.007);
  glow.quad(0.014, 0.62, '#05070d', -0.95, street + 0.29, z + 0.008);
  glow.quad(0.09, 0.014, '#05070d', -0.91, street + 0.6, z + 0.008);
  glow.quad(0.05, 0.025, '#fff1c4', -0.88, street + 0.585, z + 0.009);
}

/**
 * A wall flat like `flat` (2.8 × 2.7 m, face at z = +0.35, the same diner-green paint, wainscot and
 * trim) with a wide window cut in it: casing, sash with mullions, sill and a pulled-up venetian blind.
 * A painted night-city backing stands 0.8 m behind it on its own frame, in glow, so through the
 * window it reads as a diner at night.
 */
const windowFlat: PropBuilder = (t, rand, words) => {
  const b = t.solid;
  const W = 2.8;
  const H = 2.7;
  const zf = 0.35;
  const paint = '#7d9a86';
  const trim = '#efe9dc';
  const lauan = '#cdb08a';
  const pine = '#d8bb86';
  // the opening
  const x0 = -0.85;
  const x1 = 0.85;
  const y0 = 1.05;
  const y1 = 2.2;
  const ww = x1 - x0;
  // painted skin and lauan in four pieces round the opening
  const panel = (a: number, c: number, lo: number, hi: number): void => {
    b.box(c - a, hi - lo, 0.012, paint, (a + c) / 2, (lo + hi) / 2, zf - 0.006);
    b.box(c - a, hi - lo, 0.012, lauan, (a + c) / 2, (lo + hi) / 2, zf - 0.018);
  };
  panel(-W / 2, x0, 0, H);
  panel(x1, W / 2, 0, H);
  panel(x0, x1, 0, y0);
  panel(x0, x1, y1, H);
  // wainscot, chair rail, baseboard, crown, a panel seam: the same as the neighbouring flats
  b.box(W, 0.9, 0.006, '#5f7d69', 0, 0.45, zf + 0.003);
  b.box(W, 0.05, 0.025, trim, 0, 0.92, zf + 0.012);
  b.box(W, 0.14, 0.02, '#4a3323', 0, 0.07, zf + 0.01);
  b.box(W, 0.09, 0.04, trim, 0, H - 0.045, zf + 0.02);
  b.quad(0.004, H - 0.2, '#6c8975', -1.15, H / 2 + 0.1, zf + 0.001);
  // reveal: jamb liners through the wall's depth
  const zr = zf - 0.044;
  for (const sx of [-1, 1]) b.box(0.02, y1 - y0, 0.088, trim, sx * (x1 - 0.01), (y0 + y1) / 2, zr);
  b.box(ww, 0.02, 0.088, trim, 0, y1 - 0.01, zr);
  // sash set back in the reveal: frame, two mullions, a transom
  const zs = zf - 0.05;
  const sash = '#e6dfcf';
  for (const sx of [-1, 1]) b.box(0.05, y1 - y0 - 0.04, 0.04, sash, sx * (x1 - 0.045), (y0 + y1) / 2, zs);
  b.box(ww - 0.04, 0.05, 0.04, sash, 0, y1 - 0.045, zs);
  b.box(ww - 0.04, 0.06, 0.04, sash, 0, y0 + 0.05, zs);
  for (const mx of [-ww / 6, ww / 6]) b.box(0.035, y1 - y0 - 0.1, 0.035, sash, mx, (y0 + y1) / 2, zs);
  b.box(ww - 0.1, 0.035, 0.035, sash, 0, y1 - 0.36, zs);
  // casing, head with a cap, sill and apron
  for (const sx of [-1, 1]) b.box(0.08, y1 - y0 + 0.08, 0.03, trim, sx * (x1 + 0.04), (y0 + y1 + 0.08) / 2, zf + 0.015);
  b.box(ww + 0.2, 0.1, 0.03, trim, 0, y1 + 0.05, zf + 0.015);
  b.box(ww + 0.28, 0.03, 0.055, trim, 0, y1 + 0.115, zf + 0.025);
  b.box(ww + 0.3, 0.045, 0.12, trim, 0, y0 - 0.0225, zf + 0.04);
  b.box(ww + 0.16, 0.06, 0.02, trim, 0, 0.975, zf + 0.01);
  // venetian blind pulled up under the head, its cords hanging
  b.box(ww - 0.06, 0.04, 0.04, C.white, 0, y1 - 0.04, zf - 0.012);
  b.box(ww - 0.08, 0.07, 0.035, '#e4dccb', 0, y1 - 0.095, zf - 0.012);
  b.box(ww - 0.06, 0.015, 0.04, C.white, 0, y1 - 0.137, zf - 0.012);
  b.rod([x1 - 0.12, y1 - 0.06, zf + 0.01], [x1 - 0.12, y1 - 0.5, zf + 0.01], 0.003, C.white, 3);
  b.box(0.014, 0.04, 0.014, C.white, x1 - 0.12, y1 - 0.52, zf + 0.01);
  // back: 1×3 framing round the opening on raw lauan, the scene number stencilled
  const zb = zf - 0.024 - 0.032;
  for (const x of [-W / 2 + 0.035, x0 - 0.035, x1 + 0.035, W / 2 - 0.035]) b.box(0.07, H, 0.064, pine, x, H / 2, zb);
  for (const y of [0.035, y0 - 0.035, y1 + 0.035, H - 0.035]) b.box(W, 0.07, 0.064, pine, 0, y, zb);
  for (const sx of [-1, 1]) b.box(W / 2 + x0 - 0.14, 0.07, 0.064, pine, sx * (W / 2 + x1) / 2, 1.6, zb);
  xf(b, { x: 0, y: y0 - 0.25, z: zb - 0.033, ry: Math.PI }, () => pixelText(b, format(words.flatScene, { n: 12 }), 0, 0, 0, 0.02, '#3a2a1c'));
  // jack braces with stage weights
  for (const x of [-1.05, 1.05]) {
    const zj = zb - 0.04;
    b.box(0.07, 2.2, 0.04, pine, x, 1.1, zj);
    b.box(0.07, 0.04, 0.6, pine, x, 0.02, zj - 0.3);
    b.rod([x, 2.1, zj], [x, 0.05, zj - 0.58], 0.025, pine, 4);
    for (let k = 0; k < 2; k++) b.box(0.22, 0.09, 0.11, C.gripBlack, x, 0.09 + k * 0.095, zj - 0.45);
  }
  // the backing: painted canvas on a frame 0.8 m behind the face, wider than the window so it fills
  // it from 35° off to either side, braced from behind
  const zk = zf - 0.8;
  const bw = 2.9;
  const by0 = 0.6;
  const by1 = 2.65;
  b.box(bw + 0.06, by1 - by0 + 0.06, 0.03, C.canvasBlack, 0, (by0 + by1) / 2, zk - 0.016);
  for (const sx of [-1, 1]) {
    const x = sx * (bw / 2 - 0.1);
    b.box(0.07, by1, 0.05, pine, x, by1 / 2, zk - 0.056);
    b.box(0.07, 0.04, 0.55, pine, x, 0.02, zk - 0.3);
    b.rod([x, by1 - 0.1, zk - 0.08], [x, 0.05, zk - 0.55], 0.022, pine, 4);
    b.box(0.22, 0.09, 0.11, C.gripBlack, x, 0.09, zk - 0.45);
  }
  nightBacking(t.glow, bw, by0, by1, zk + 0.001, rand);
};

// ---------------------------------------------------------------------------------------------
// Diner booth

const VINYL = '#b31f2c';
const VINYL_DARK = '#7e1620';
const PIPING = '#f1ebdd';
const FORMICA = '#a8d4c6';

/** One bench on the +x side of the table, running along z: base, seat, channel-tufted high back. */
function bench(b: MeshBuilder, L: number): void {
  // base with a chrome kick plate
  b.box(0.46, 0.3, L - 0.04, VINYL_DARK, 0.58, 0.18, 0);
  b.box(0.47, 0.05, L - 0.02, C.chrome, 0.58, 0.025, 0);
  // seat cushion, its rolled front edge with white piping
  b.box(0.5, 0.1, L, VINYL, 0.57, 0.39, 0);
  b.rod([0.33, 0.395, -L / 2], [0.33, 0.395, L / 2], 0.055, VINYL, 6);
  b.rod([0.31, 0.445, -L / 2], [0.31, 0.445, L / 2], 0.008, PIPING, 4);
  // shell behind the back, wood veneer with a chrome cap
  b.box(0.05, 1.17, L + 0.02, '#6b3b24', 0.945, 0.585, 0);
  b.box(0.11, 0.025, L + 0.04, C.chrome, 0.92, 1.18, 0);
  // back leaning 6° back, vertical channels in front
  xf(b, { x: 0.8, y: 0.44, rz: -0.1 }, () => {
    b.box(0.08, 0.72, L, VINYL_DARK, 0, 0.36, 0);
    const n = 8;
    const step = L / n;
    for (let i = 0; i < n; i++) {
      b.push().translate(-0.05, 0.36, -L / 2 + step * (i + 0.5)).scale(0.55, 1, 1);
      b.cylinder(step / 2, step / 2, 0.7, VINYL, 0, 0, 0, 6);
      b.pop();
    }
    b.rod([-0.04, 0.74, -L / 2], [-0.04, 0.74, L / 2], 0.05, VINYL, 6);
    b.rod([-0.09, 0.74, -L / 2], [-0.09, 0.74, L / 2], 0.007, PIPING, 4);
  });
}

/** Diner mug on its saucer; origin at the saucer's base. */
function mugOnSaucer(b: MeshBuilder, x: number, y: number, z: number, handleYaw: number): void {
  xf(b, { x, y, z, ry: handleYaw }, () => {
    b.cylinder(0.07, 0.06, 0.012, C.white, 0, 0.006, 0, 12);
    b.cylinder(0.042, 0.033, 0.075, '#f4f0e6', 0, 0.05, 0, 10);
    b.cylinder(0.037, 0.037, 0.002, '#3a2012', 0, 0.081, 0, 10);
    // handle: a squared C on the +x side
    b.box(0.028, 0.008, 0.01, '#f4f0e6', 0.05, 0.07, 0);
    b.box(0.028, 0.008, 0.01, '#f4f0e6', 0.05, 0.035, 0);
    b.box(0.008, 0.043, 0.01, '#f4f0e6', 0.062, 0.0525, 0);
  });
}

/**
 * A 1950s diner booth seen end-on from +z: a formica table (0.7 m across, 1.2 m long, 0.75 m high,
 * chrome edge) on a chrome pedestal, two red-vinyl benches with high channel backs either side
 * along x, and on the table a jukebox selector, napkin dispenser, sugar pourer, salt and pepper,
 * ketchup, two mugs of coffee on saucers and a menu. The far end (-z) goes against the wall.
 */
const dinerBooth: PropBuilder = (t, rand) => {
  const b = t.solid;
  const L = 1.25;
  for (const yaw of [0, Math.PI]) group(t, { ry: yaw }, () => bench(b, L));
  // table: pedestal, apron, formica top with a few boomerangs, chrome band
  const top = 0.75;
  b.cylinder(0.2, 0.24, 0.03, C.chrome, 0, 0.015, 0, 14);
  b.cylinder(0.05, 0.11, 0.06, C.chrome, 0, 0.06, 0, 10);
  b.cylinder(0.035, 0.035, 0.62, C.chrome, 0, 0.4, 0, 8);
  b.box(0.42, 0.03, 0.9, C.darkGrey, 0, top - 0.045, 0);
  b.box(0.7, 0.026, 1.2, FORMICA, 0, top - 0.013, 0);
  for (const sx of [-1, 1]) b.box(0.012, 0.036, 1.224, C.chrome, sx * 0.356, top - 0.016, 0);
  for (const sz of [-1, 1]) b.box(0.7, 0.036, 0.012, C.chrome, 0, top - 0.016, sz * 0.606);
  const pastel = ['#e79a98', '#86b3c6', '#e6c977', '#9a9fa6'];
  for (let i = 0; i < 10; i++) {
    const bx = -0.3 + rand() * 0.6;
    const bz = -0.55 + rand() * 1.1;
    rquad(b, 0.05, 0.012, pastel[i % pastel.length]!, bx, top + 0.0005, bz, -Math.PI / 2, rand() * Math.PI, 0);
  }
  // at the wall end: a tabletop jukebox selector, napkin dispenser, sugar pourer, salt, pepper, ketchup
  group(t, { y: top, z: -0.545 }, () => {
    b.box(0.22, 0.03, 0.1, C.chrome, 0, 0.015, 0);
    rbox(b, 0.2, 0.15, 0.08, C.chrome, 0, 0.1, -0.005, -0.18);
    b.box(0.22, 0.025, 0.1, C.chrome, 0, 0.18, -0.02);
    // the lit title strips behind glass, a row of selector keys, the coin slot
    group(t, { y: 0.1, z: 0.036, rx: -0.18 }, () => {
      t.glow.quad(0.17, 0.09, '#fff0c8', 0, 0.015, 0.001);
      for (let i = 0; i < 4; i++) t.glow.quad(0.15, 0.004, '#d9a35a', 0, 0.045 - i * 0.022, 0.002);
      t.glow.quad(0.004, 0.09, '#d9a35a', 0, 0.015, 0.002);
      for (let i = 0; i < 6; i++) b.box(0.02, 0.012, 0.012, i < 3 ? C.white : '#c23b2f', -0.06 + i * 0.024, -0.05, 0.004);
    });
    b.box(0.004, 0.03, 0.004, C.black, 0.09, 0.16, 0.031);
  });
  group(t, { y: top, z: -0.5, x: -0.2 }, () => {
    b.box(0.075, 0.13, 0.09, C.chrome, 0, 0.065, 0);
    b.box(0.08, 0.012, 0.1, C.steel, 0, 0.006, 0);
    for (const sx of [-1, 1]) b.box(0.004, 0.085, 0.065, C.white, sx * 0.039, 0.062, 0);
  });
  // sugar: a glass jar, sugar in its lower half, chrome lid with a spout
  group(t, { y: top, z: -0.37, x: -0.21 }, () => {
    b.cylinder(0.033, 0.033, 0.06, '#f5f3ee', 0, 0.03, 0, 10);
    b.cylinder(0.033, 0.033, 0.045, '#b7cbd1', 0, 0.0825, 0, 10);
    b.cylinder(0.035, 0.035, 0.022, C.chrome, 0, 0.116, 0, 10);
    b.rod([0, 0.12, 0], [0.02, 0.145, 0.02], 0.006, C.chrome, 4);
  });
  group(t, { y: top, z: -0.5, x: 0.19 }, () => {
    for (const [sx, fill] of [[-0.03, '#f5f3ee'], [0.015, '#3a3430']] as const) {
      b.cylinder(0.017, 0.018, 0.055, fill, sx, 0.0275, 0.06, 8);
      b.cylinder(0.015, 0.018, 0.02, C.chrome, sx, 0.065, 0.06, 8);
    }
    b.cylinder(0.026, 0.028, 0.13, '#b3161b', 0.04, 0.065, -0.02, 8);
    b.cylinder(0.012, 0.024, 0.03, '#b3161b', 0.04, 0.145, -0.02, 8);
    b.cylinder(0.013, 0.013, 0.025, C.white, 0.04, 0.172, -0.02, 8);
  });
  // two mugs of coffee, one in front of each seat, handles toward the diners' right hands
  mugOnSaucer(b, 0.2, top, 0.02, Math.PI / 2);
  mugOnSaucer(b, -0.19, top, -0.16, -Math.PI / 2);
  // a menu lying open-faced near the aisle: red cover, cream panel, a header band and lines
  group(t, { x: -0.12, y: top, z: 0.3, ry: 0.35 }, () => {
    b.box(0.24, 0.006, 0.34, '#8e1c24', 0, 0.003, 0);
    rquad(b, 0.2, 0.3, '#efe4c8', 0, 0.0065, 0, -Math.PI / 2);
    rquad(b, 0.16, 0.04, '#c23b2f', 0, 0.007, -0.11, -Math.PI / 2);
    for (let i = 0; i < 5; i++) rquad(b, 0.1 + ((i * 37) % 5) * 0.012, 0.008, '#8a7a66', -0.02, 0.007, -0.05 + i * 0.04, -Math.PI / 2);
  });
};

// ---------------------------------------------------------------------------------------------
// Practical lamp

/**
 * A practical: a brass floor lamp about 1.6 m tall that is in the shot and lit for real. A fabric
 * shade (open top and bottom) glows warm; the bulb's bottom shows under its rim. Its cord runs to
 * an in-line dimmer on the floor, as the electricians rig a practical to set its level.
 */
const practicalLamp: PropBuilder = (t) => {
  const b = t.solid;
  const brass = '#b58d3c';
  // weighted base and pole
  b.cylinder(0.15, 0.165, 0.03, C.gripBlack, 0, 0.015, 0, 14);
  b.cylinder(0.04, 0.12, 0.05, brass, 0, 0.055, 0, 12);
  b.cylinder(0.011, 0.011, 1.2, brass, 0, 0.68, 0, 6);
  b.cylinder(0.02, 0.02, 0.04, brass, 0, 0.75, 0, 8);
  // socket with a pull chain, the harp up through the shade to the finial
  const rim = 1.36;
  const shadeH = 0.26;
  b.cylinder(0.024, 0.018, 0.06, brass, 0, rim - 0.055, 0, 8);
  b.rod([0.02, rim - 0.06, 0], [0.02, rim - 0.17, 0], 0.0025, brass, 3);
  b.sphere(0.007, brass, 0.02, rim - 0.175, 0, 6);
  for (const sx of [-1, 1]) b.rod([sx * 0.022, rim - 0.07, 0], [sx * 0.05, rim + shadeH + 0.01, 0], 0.004, brass, 3);
  b.rod([-0.05, rim + shadeH + 0.01, 0], [0.05, rim + shadeH + 0.01, 0], 0.004, brass, 3);
  b.sphere(0.014, brass, 0, rim + shadeH + 0.025, 0, 6);
  // shade: warm fabric lit from inside, its hems darker
  const rT = 0.15;
  const rB = 0.21;
  openCylinder(t.glow, rT, rB, shadeH, '#ffd59a', rim + shadeH / 2, 16);
  openCylinder(t.glow, rT - 0.004, rB - 0.004, shadeH, '#fff0cf', rim + shadeH / 2, 16, true);
  openCylinder(b, rB + 0.003, rB + 0.004, 0.014, '#c79a5e', rim + 0.007, 16);
  openCylinder(b, rT + 0.003, rT + 0.003, 0.012, '#c79a5e', rim + shadeH - 0.006, 16);
  for (let i = 0; i < 3; i++) {
    const a = (i * Math.PI * 2) / 3 + 0.5;
    b.rod([0, rim + shadeH - 0.005, 0], [Math.sin(a) * rT, rim + shadeH - 0.005, Math.cos(a) * rT], 0.003, brass, 3);
  }
  // the bulb
  t.glow.sphere(0.036, '#fff3d8', 0, rim + 0.012, 0, 8, 1.15);
  // cord down the back of the pole and across the floor to a dimmer
  b.rod([0.015, rim - 0.08, -0.01], [0.015, 0.09, -0.012], 0.004, '#4a3222', 3);
  floorCable(b, [[0.0, -0.13], [-0.15, -0.35], [-0.42, -0.5]], '#4a3222', 0.005);
  b.box(0.1, 0.05, 0.07, C.darkGrey, -0.5, 0.025, -0.5);
  b.box(0.022, 0.012, 0.022, C.black, -0.5, 0.056, -0.5);
  floorCable(b, [[-0.55, -0.5], [-0.8, -0.55], [-1.0, -0.7]], C.black, 0.007);
};

export const HOT_SET_PROPS = {
  'dolly-track': (t) => dollyTrack(t),
  'window-flat': windowFlat,
  'diner-booth': dinerBooth,
  'practical-lamp': practicalLamp,
} satisfies Record<string, PropBuilder>;
