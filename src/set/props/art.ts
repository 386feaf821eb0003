import * as THREE from 'three';
import type { ColorLike, MeshBuilder } from '../mesh-builder';
import type { PropBuilder } from '../prop-types';
import { ledSlice } from '../led-scene';
import { format } from '../../ui/dom';
import { C, arcPoints, group, pixelText, polyline, rbox, rquad, xcyl, xf, zcyl } from './kit';
import { coffeeCup, stepLadder, table } from './gear';

/**
 * Painted flat: the audience side is a finished period wall with a door and a window (its panes
 * show a slice of the LED picture, like a translight backing); the back shows what a film set
 * really is: raw lauan, 1×3 framing, jack braces and stage weights.
 */
const flat: PropBuilder = (t, _rand, words) => {
  const b = t.solid;
  const W = 2.8;
  const H = 2.7;
  const zf = 0.35;
  const paint = '#7d9a86';
  const trim = '#efe9dc';
  b.box(W, H, 0.012, paint, 0, H / 2, zf - 0.006);
  b.box(W, H, 0.012, '#cdb08a', 0, H / 2, zf - 0.018);
  // wainscot, chair rail, baseboard, crown
  b.box(W, 0.9, 0.006, '#5f7d69', 0, 0.45, zf + 0.003);
  b.box(W, 0.05, 0.025, trim, 0, 0.92, zf + 0.012);
  b.box(W, 0.14, 0.02, '#4a3323', 0, 0.07, zf + 0.01);
  b.box(W, 0.09, 0.04, trim, 0, H - 0.045, zf + 0.02);
  b.quad(0.004, H - 0.2, '#6c8975', 0.2, H / 2 + 0.1, zf + 0.001);
  // door: casing, panel with four raised fields, brass knob
  const dx = -0.7;
  for (const sx of [-1, 1]) b.box(0.08, 2.12, 0.03, trim, dx + sx * 0.49, 1.06, zf + 0.015);
  b.box(1.06, 0.08, 0.03, trim, dx, 2.16, zf + 0.015);
  b.box(0.9, 2.05, 0.03, '#7a4a2a', dx, 1.025, zf + 0.012);
  for (const [px, py, ph] of [[-0.2, 1.55, 0.7], [0.2, 1.55, 0.7], [-0.2, 0.55, 0.75], [0.2, 0.55, 0.75]] as const) {
    b.box(0.3, ph, 0.012, '#8c5834', dx + px, py, zf + 0.032);
  }
  b.sphere(0.03, '#c9a13b', dx + 0.36, 1.0, zf + 0.06, 8);
  b.box(0.05, 0.12, 0.01, '#c9a13b', dx + 0.36, 1.0, zf + 0.03);
  // window: sill, casing, sash bars over panes showing the translight picture, curtains
  const wx = 0.72;
  const wy = 1.6;
  t.screen.quad(0.86, 1.0, '#ffffff', wx, wy, zf + 0.004, ledSlice(0.66, 0.58, 0.75, 0.86));
  for (const sx of [-1, 1]) b.box(0.07, 1.14, 0.03, trim, wx + sx * 0.465, wy, zf + 0.015);
  b.box(1.0, 0.07, 0.03, trim, wx, wy + 0.535, zf + 0.015);
  b.box(1.1, 0.045, 0.09, trim, wx, wy - 0.54, zf + 0.04);
  b.box(0.03, 1.0, 0.02, trim, wx, wy, zf + 0.014);
  for (const y of [-0.25, 0.25]) b.box(0.86, 0.03, 0.02, trim, wx, wy + y, zf + 0.014);
  for (const sx of [-1, 1]) {
    for (let k = 0; k < 3; k++) b.box(0.09, 1.45, 0.05, k % 2 ? '#8e2f3a' : '#a63a45', wx + sx * (0.55 + k * 0.07), wy - 0.05, zf + 0.05 + k * 0.01);
  }
  b.rod([wx - 0.8, wy + 0.72, zf + 0.07], [wx + 0.8, wy + 0.72, zf + 0.07], 0.012, '#c9a13b', 5);
  // back: 1×3 frame stiles and toggles on raw lauan
  const zb = zf - 0.024 - 0.032;
  const pine = '#d8bb86';
  for (const x of [-W / 2 + 0.035, -0.02, 0.02, W / 2 - 0.035]) b.box(0.07, H, 0.064, pine, x, H / 2, zb);
  for (const y of [0.035, 0.9, 1.8, H - 0.035]) b.box(W, 0.07, 0.064, pine, 0, y, zb);
  stencil(b, format(words.flatScene, { n: 12 }), 0.7, 2.2, zb - 0.033);
  // jack braces with stage weights on their feet
  for (const x of [-1.05, 1.05]) {
    const zr = zb - 0.04;
    b.box(0.07, 2.2, 0.04, pine, x, 1.1, zr);
    b.box(0.07, 0.04, 0.85, pine, x, 0.02, zr - 0.42);
    b.rod([x, 2.1, zr], [x, 0.05, zr - 0.82], 0.025, pine, 4);
    b.rod([x, 1.1, zr], [x, 0.05, zr - 0.4], 0.018, pine, 4);
    for (let k = 0; k < 2; k++) b.box(0.22, 0.09, 0.11, C.gripBlack, x, 0.09 + k * 0.095, zr - 0.7);
    b.box(0.2, 0.06, 0.16, C.sandbag, x + 0.04, 0.27, zr - 0.68);
  }
};

/** Stencilled crate lettering on the back of a flat (faces -z). */
function stencil(b: MeshBuilder, text: string, x: number, y: number, z: number): void {
  xf(b, { x, y, z, ry: Math.PI }, () => pixelText(b, text, 0, 0, 0, 0.02, '#3a2a1c'));
}

function paintCan(b: MeshBuilder, x: number, z: number, color: ColorLike, open: boolean, big = false): void {
  const r = big ? 0.15 : 0.085;
  const h = big ? 0.36 : 0.19;
  b.cylinder(r, r * (big ? 0.9 : 1), h, big ? C.white : C.chrome, x, h / 2, z, 10);
  b.cylinder(r + 0.003, r + 0.003, h * 0.45, color, x, h * 0.45, z, 10);
  b.cylinder(r * 0.6, r * 0.6, h * 0.2, C.white, x, h * 0.5, z, 8);
  if (open) {
    b.cylinder(r * 0.96, r * 0.96, 0.004, color, x, h - 0.01, z, 10);
    b.rod([x, h - 0.01, z], [x + 0.04, h + 0.2, z - 0.03], 0.008, C.plywood, 4);
  } else {
    b.cylinder(r, r, 0.012, big ? color : C.steel, x, h + 0.006, z, 10);
  }
  if (big) polyline(b, arcPoints(x, h, z, r * 0.95, 0.3, Math.PI - 0.3, 4, 'xy'), 0.005, C.steel, 3);
}

function brush(b: MeshBuilder, x: number, y: number, z: number, yaw: number, tip: ColorLike): void {
  xf(b, { x, y, z, ry: yaw }, () => {
    b.box(0.03, 0.018, 0.18, '#b5753f', 0, 0.009, -0.08);
    b.box(0.055, 0.022, 0.04, C.chrome, 0, 0.011, 0.03);
    b.box(0.055, 0.018, 0.07, '#e8dcc2', 0, 0.009, 0.085);
    b.box(0.056, 0.019, 0.03, tip, 0, 0.0095, 0.11);
  });
}

const paintStation: PropBuilder = (t, rand) => {
  const b = t.solid;
  // drop cloth with splatters
  b.box(2.5, 0.006, 1.9, '#ddd4bf', 0, 0.003, 0);
  rbox(b, 0.5, 0.01, 1.9, '#d3c9b1', 1.1, 0.005, 0, 0, 0, 0.02);
  const colors = ['#b8432f', '#2f6fb0', '#e0b43a', '#5b8a4c', '#efeae0', '#6e4a8b'];
  // splatters and drips: flat irregular ellipses
  for (let k = 0; k < 20; k++) {
    const s = 0.03 + rand() * 0.08;
    b.push().translate((rand() - 0.5) * 2.3, 0.0075, (rand() - 0.5) * 1.7).rotateY(rand() * 3).scale(s, 1, s * (0.4 + rand() * 0.8));
    b.cylinder(1, 1, 0.003, colors[k % colors.length]!, 0, 0, 0, 7);
    b.pop();
  }
  // cans and buckets
  paintCan(b, -0.85, -0.5, '#b8432f', false, true);
  paintCan(b, -0.5, -0.62, '#2f6fb0', false, true);
  paintCan(b, -0.2, -0.45, '#e0b43a', true);
  paintCan(b, -0.02, -0.6, '#5b8a4c', false);
  paintCan(b, 0.12, -0.42, '#efeae0', true);
  paintCan(b, -0.62, -0.25, '#6e4a8b', false);
  // brushes on a board, roller in its tray
  b.box(0.6, 0.02, 0.35, C.plywood, -0.35, 0.017, 0.35);
  brush(b, -0.5, 0.027, 0.35, 0.2, '#b8432f');
  brush(b, -0.38, 0.027, 0.33, -0.1, '#2f6fb0');
  brush(b, -0.22, 0.027, 0.38, 0.35, '#e0b43a');
  group(t, { x: 0.35, z: 0.35, ry: -0.3 }, () => {
    b.box(0.33, 0.06, 0.42, C.charcoal, 0, 0.03, 0);
    rbox(b, 0.3, 0.01, 0.25, '#2f6fb0', 0, 0.045, -0.06, 0.18);
    xcyl(b, 0.035, 0.23, '#2f6fb0', 0, 0.095, 0.06, 8);
    polyline(b, [[0.13, 0.095, 0.06], [0.15, 0.1, 0.06], [0.15, 0.14, 0.2], [0.15, 0.14, 0.38]], 0.006, C.steel, 4);
    b.cylinder(0.018, 0.018, 0.14, C.yellow, 0.15, 0.14, 0.42, 6);
  });
  // stepladder with a colour swatch board leaning on it
  group(t, { x: 0.85, z: -0.45, ry: -0.5 }, () => {
    stepLadder(b, 1.3);
    group(t, { z: 0.42, y: 0.02, rx: -0.3 }, () => {
      b.box(0.5, 0.7, 0.015, C.white, 0, 0.35, 0);
      for (let i = 0; i < 6; i++) b.quad(0.18, 0.15, colors[i]!, -0.11 + (i % 2) * 0.22, 0.56 - Math.floor(i / 2) * 0.2, 0.008);
    });
  });
  // rags and a bucket of water
  b.sphere(0.09, '#c8beac', 1.05, 0.03, 0.45, 8, 0.35);
  b.cylinder(0.14, 0.12, 0.28, '#3d6fa3', -1.0, 0.14, 0.35, 10);
  b.cylinder(0.13, 0.13, 0.004, '#8fb1c7', -1.0, 0.25, 0.35, 10);
};

/** Prop with a masking-tape label lying on the table in front of it. */
function tapeLabel(b: MeshBuilder, text: string, x: number, y: number, z: number): void {
  xf(b, { x, y: y + 0.002, z, rx: -Math.PI / 2 }, () => {
    const w = text.length * 0.02 + 0.03;
    b.quad(w, 0.04, C.tape);
    pixelText(b, text, 0, 0, 0.001, 0.005, C.gripBlack);
  });
}

const propTable: PropBuilder = (t, rand, words) => {
  const b = t.solid;
  const top = table(b, 2.2, 0.85, 0.78, C.black, C.charcoal);
  // black duvetyne draped over the front edge, a PROPS sign taped on it
  b.box(2.22, 0.3, 0.01, C.canvasBlack, 0, top - 0.15, 0.43);
  b.quad(0.5, 0.14, C.tape, 0, top - 0.13, 0.436);
  pixelText(b, words.propsRack, 0, top - 0.13, 0.437, 0.018, C.gripBlack);
  const y = top;
  const row = 0.1;
  // rotary phone
  group(t, { x: -0.85, y, z: row - 0.05, ry: 0.2 }, () => {
    b.box(0.2, 0.08, 0.22, '#8e1c1c', 0, 0.04, 0);
    zcyl(b, 0.06, 0.01, C.white, 0, 0.07, 0.1, 10);
    b.rod([-0.1, 0.12, 0], [0.1, 0.12, 0], 0.018, '#8e1c1c', 6);
    b.box(0.05, 0.045, 0.06, '#8e1c1c', -0.1, 0.11, 0);
    b.box(0.05, 0.045, 0.06, '#8e1c1c', 0.1, 0.11, 0);
  });
  tapeLabel(b, words.propPhone, -0.85, y, 0.33);
  // briefcase standing up
  group(t, { x: -0.45, y, z: row - 0.08, ry: -0.1 }, () => {
    b.box(0.45, 0.32, 0.1, '#5a3a22', 0, 0.16, 0);
    polyline(b, arcPoints(0, 0.32, 0, 0.06, 0, Math.PI, 4, 'xy'), 0.01, C.black, 4);
    for (const sx of [-1, 1]) b.box(0.03, 0.02, 0.012, '#c9a13b', sx * 0.14, 0.29, 0.05);
  });
  tapeLabel(b, words.propCase, -0.45, y, 0.33);
  // lantern with a warm glow
  group(t, { x: -0.08, y, z: row }, () => {
    b.cylinder(0.07, 0.08, 0.04, C.darkGrey, 0, 0.02, 0, 8);
    t.glow.cylinder(0.05, 0.05, 0.16, '#ffcf7a', 0, 0.12, 0, 8);
    for (let k = 0; k < 4; k++) b.rod([Math.sin(k * 1.57) * 0.065, 0.04, Math.cos(k * 1.57) * 0.065], [Math.sin(k * 1.57) * 0.065, 0.2, Math.cos(k * 1.57) * 0.065], 0.005, C.darkGrey, 3);
    b.cylinder(0.03, 0.075, 0.06, C.darkGrey, 0, 0.23, 0, 8);
    polyline(b, arcPoints(0, 0.26, 0, 0.05, 0, Math.PI, 4, 'xy'), 0.005, C.darkGrey, 3);
  });
  tapeLabel(b, words.propLantern, -0.08, y, 0.33);
  // wine bottles
  for (let k = 0; k < 3; k++) {
    const x = 0.2 + k * 0.08;
    const z = row + (k % 2) * 0.06;
    b.cylinder(0.036, 0.036, 0.2, '#234d2c', x, y + 0.1, z, 8);
    b.cylinder(0.014, 0.034, 0.06, '#234d2c', x, y + 0.23, z, 8);
    b.cylinder(0.015, 0.015, 0.04, k === 1 ? '#7a1620' : '#c9a13b', x, y + 0.28, z, 6);
    b.cylinder(0.037, 0.037, 0.06, C.paper, x, y + 0.09, z, 8);
  }
  tapeLabel(b, words.propWine, 0.28, y, 0.33);
  // fedora
  group(t, { x: 0.6, y, z: row }, () => {
    b.cylinder(0.17, 0.17, 0.012, '#4a4035', 0, 0.006, 0, 12);
    b.cylinder(0.09, 0.1, 0.11, '#4a4035', 0, 0.06, 0, 10);
    b.cylinder(0.102, 0.102, 0.025, C.black, 0, 0.025, 0, 10);
  });
  tapeLabel(b, words.propHat, 0.6, y, 0.33);
  // globe on a stand
  group(t, { x: 0.9, y, z: row - 0.05 }, () => {
    b.cylinder(0.06, 0.07, 0.02, C.darkWood, 0, 0.01, 0, 8);
    b.rod([0, 0.02, 0], [0, 0.1, 0], 0.008, C.darkWood, 4);
    b.sphere(0.11, '#3a78a8', 0, 0.21, 0, 10);
    b.sphere(0.06, '#7aa05a', 0.04, 0.24, 0.07, 6);
    b.sphere(0.05, '#c2a060', -0.06, 0.17, 0.07, 6);
    xf(b, { y: 0.21, rz: 0.4 }, () => xf(b, { rx: Math.PI / 2 }, () => b.torus(0.125, 0.006, '#c9a13b', 0, 0, 0, 12)));
  });
  tapeLabel(b, words.propGlobe, 0.9, y, 0.33);
  // back row: book stack and a typewriter
  let by = y;
  for (let k = 0; k < 4; k++) {
    const h = 0.04 + rand() * 0.03;
    rbox(b, 0.24, h, 0.17, ['#7a2b2b', '#2b4a7a', '#3b5b36', '#8a6a3a'][k]!, -0.7, by + h / 2, -0.25, 0, (rand() - 0.5) * 0.4);
    by += h;
  }
  group(t, { x: 0.1, y, z: -0.24 }, () => {
    b.box(0.36, 0.1, 0.26, '#2f3a33', 0, 0.05, 0);
    rbox(b, 0.34, 0.03, 0.14, '#2f3a33', 0, 0.1, 0.06, 0.25);
    for (let r = 0; r < 3; r++) for (let k = 0; k < 8; k++) rquad(b, 0.024, 0.024, C.white, -0.13 + k * 0.037 + r * 0.01, 0.118 + r * 0.02, 0.11 - r * 0.035, -1.2);
    xcyl(b, 0.03, 0.42, C.black, 0, 0.15, -0.06, 8);
    b.box(0.2, 0.14, 0.004, C.paper, 0, 0.22, -0.07);
  });
  tapeLabel(b, words.propTypewriter, 0.45, y, -0.25);
  // clear storage tote under the table
  b.box(0.6, 0.3, 0.4, '#b9c4c9', 0.5, 0.15, -0.05);
  b.box(0.62, 0.03, 0.42, '#2f65b8', 0.5, 0.31, -0.05);
};

/** A garment seen side-on on the rail: body slab, hanger hook and bar. */
function garment(b: MeshBuilder, x: number, rail: number, len: number, color: ColorLike, bag: boolean, rand: () => number): void {
  const y0 = rail - 0.06;
  b.rod([x, rail + 0.03, 0], [x, rail - 0.06, 0], 0.004, C.chrome, 3);
  if (bag) {
    b.box(0.07, len, 0.6, color, x, y0 - len / 2, 0);
    b.box(0.072, len - 0.1, 0.012, C.lightGrey, x, y0 - len / 2, 0.3);
    b.box(0.005, 0.09, 0.06, C.paper, x + 0.04, y0 - 0.15, 0.2);
    return;
  }
  const twist = (rand() - 0.5) * 0.7;
  xf(b, { x, y: y0 - 0.02, ry: twist, rz: (rand() - 0.5) * 0.05 }, () => {
    b.rod([0, 0.02, -0.21], [0, 0.02, 0.21], 0.008, C.wood, 4);
    b.box(0.045, 0.14, 0.36, color, 0, -0.07, 0);
    b.box(0.05, len - 0.12, 0.46, color, 0, -0.12 - (len - 0.12) / 2, 0);
    b.box(0.06, 0.05, 0.12, shade(color), 0, -0.01, 0.0);
    rbox(b, 0.055, len * 0.75, 0.08, shade(color), 0.01, -0.06 - len * 0.37, 0.24, -0.06);
  });
}

const costumeRack: PropBuilder = (t, rand, words) => {
  const b = t.solid;
  const rail = 1.7;
  const halfW = 0.85;
  for (const sx of [-1, 1]) {
    const x = sx * halfW;
    b.rod([x, 0.1, 0], [x, rail, 0], 0.016, C.chrome, 6);
    b.rod([x, 0.1, -0.3], [x, 0.1, 0.3], 0.016, C.chrome, 6);
    for (const sz of [-1, 1]) {
      b.box(0.04, 0.05, 0.04, C.steel, x, 0.075, sz * 0.3);
      zcyl(b, 0.035, 0.025, C.rubber, x, 0.035, sz * 0.3, 8);
    }
  }
  b.rod([-halfW - 0.03, rail, 0], [halfW + 0.03, rail, 0], 0.014, C.chrome, 6);
  b.rod([-halfW, 0.12, 0.22], [halfW, 0.12, 0.22], 0.01, C.chrome, 5);
  b.rod([-halfW, 0.12, -0.22], [halfW, 0.12, -0.22], 0.01, C.chrome, 5);
  const palette = ['#8e2f3a', '#2f4f7a', '#d8c7a0', '#3e5b3a', '#c56a2f', '#4a3b5e', '#e8e2d6', '#6b6b6b', '#2a2a2a', '#b8863b', '#7a9ab8', '#a33b5e'];
  let x = -halfW + 0.1;
  let k = 0;
  while (x < halfW - 0.08) {
    const bag = k === 2 || k === 9 || k === 10;
    const len = bag ? 1.15 : 0.6 + rand() * 0.55;
    const color = bag ? (k === 9 ? C.navy : C.black) : palette[(k * 5) % palette.length]!;
    garment(b, x, rail, len, color, bag, rand);
    x += bag ? 0.085 : 0.06 + rand() * 0.025;
    k++;
  }
  // a coat hung facing out on the end hook, so the rack reads as clothes from the front too
  b.rod([halfW, 1.55, 0], [halfW + 0.12, 1.55, 0], 0.008, C.chrome, 4);
  group(t, { x: halfW + 0.16, y: 1.54, z: 0.0, ry: Math.PI / 2 }, () => {
    b.rod([-0.2, -0.03, 0], [0.2, -0.03, 0], 0.008, C.wood, 4);
    b.box(0.42, 0.8, 0.07, '#8a5a2e', 0, -0.45, 0);
    b.box(0.44, 0.16, 0.08, '#8a5a2e', 0, -0.1, 0);
    for (const sx of [-1, 1]) {
      b.rod([sx * 0.22, -0.08, 0], [sx * 0.25, -0.68, 0.01], 0.05, '#7c5028', 6);
      rquad(b, 0.09, 0.28, '#6a421f', sx * 0.06, -0.16, 0.037, 0, 0, sx * 0.25);
    }
    for (let i = 0; i < 3; i++) b.sphere(0.012, C.black, 0.03, -0.35 - i * 0.15, 0.04, 6);
  });
  // boots and a shoe box on the base rails, a rack tag
  for (const sx of [-1, 1]) {
    b.box(0.1, 0.25, 0.1, '#3a2518', -0.35 + sx * 0.06, 0.25, 0.12);
    b.box(0.1, 0.06, 0.24, '#3a2518', -0.35 + sx * 0.06, 0.16, 0.19);
  }
  b.box(0.34, 0.13, 0.22, '#e2d8c8', 0.3, 0.19, 0.05);
  b.box(0.15, 0.1, 0.004, C.paper, -halfW + 0.05, rail - 0.14, 0.016);
  pixelText(b, words.costumeLead, -halfW + 0.05, rail - 0.125, 0.019, 0.006, C.gripBlack);
  pixelText(b, format(words.costumeScenes, { from: 4, to: 9 }), -halfW + 0.05, rail - 0.165, 0.019, 0.005, C.gripBlack);
};

/** A slightly darker tone of a garment colour for sleeves and collars. */
function shade(color: ColorLike): string {
  return `#${new THREE.Color(color).multiplyScalar(0.72).getHexString()}`;
}

const makeupMirror: PropBuilder = (t) => {
  const b = t.solid;
  group(t, { z: -0.45 }, () => {
    const top = 0.8;
    // counter with drawers
    b.box(1.5, 0.04, 0.55, C.white, 0, top - 0.02, 0);
    b.box(1.46, top - 0.04, 0.5, '#d9d6cf', 0, (top - 0.04) / 2, -0.02);
    for (const x of [-0.5, 0.5]) for (let k = 0; k < 3; k++) {
      b.box(0.4, 0.2, 0.01, '#e8e5de', x, 0.15 + k * 0.22, 0.235);
      b.box(0.12, 0.015, 0.02, C.steel, x, 0.2 + k * 0.22, 0.245);
    }
    // Hollywood mirror: frame, glass with a couple of highlight streaks, round bulbs all round
    group(t, { y: top, z: -0.18 }, () => {
      b.box(1.2, 0.92, 0.05, C.black, 0, 0.5, 0);
      b.quad(1.0, 0.74, '#a9b7c2', 0, 0.5, 0.026);
      rquad(b, 0.06, 0.7, '#c9d4dc', -0.2, 0.5, 0.027, 0, 0, 0.5);
      rquad(b, 0.03, 0.6, '#c9d4dc', -0.1, 0.5, 0.027, 0, 0, 0.5);
      const bulbs: [number, number][] = [];
      for (let i = 0; i < 7; i++) bulbs.push([-0.54 + i * 0.18, 0.9]);
      for (let j = 0; j < 4; j++) { bulbs.push([-0.54, 0.72 - j * 0.19]); bulbs.push([0.54, 0.72 - j * 0.19]); }
      for (const [bx, by] of bulbs) {
        zcyl(b, 0.022, 0.03, C.chrome, bx, by, 0.035, 6);
        t.glow.sphere(0.038, '#fff2cf', bx, by, 0.07, 6);
      }
    });
    // brushes in a cup, palettes, bottles, a wig on a head block
    b.cylinder(0.045, 0.04, 0.12, C.black, -0.45, top + 0.06, 0.1, 8);
    for (let k = 0; k < 6; k++) {
      const a = k * 1.05;
      b.rod([-0.45, top + 0.05, 0.1], [-0.45 + Math.cos(a) * 0.04, top + 0.22, 0.1 + Math.sin(a) * 0.04], 0.006, k % 2 ? C.black : '#b5753f', 3);
      b.sphere(0.011, k % 2 ? '#5a4030' : '#e6d0b0', -0.45 + Math.cos(a) * 0.045, top + 0.235, 0.1 + Math.sin(a) * 0.045, 6, 1.6);
    }
    const shades = ['#e8b89a', '#c98e6c', '#8f5c3d', '#b84a5e', '#6a3d5e', '#d9a06e'];
    for (const [px, pz] of [[-0.2, 0.12], [0.02, 0.16]] as const) {
      b.box(0.18, 0.015, 0.12, C.black, px, top + 0.0075, pz);
      for (let i = 0; i < 6; i++) rquad(b, 0.035, 0.035, shades[i]!, px - 0.055 + (i % 3) * 0.055, top + 0.016, pz - 0.025 + Math.floor(i / 3) * 0.05, -Math.PI / 2);
    }
    for (let k = 0; k < 4; k++) b.cylinder(0.022, 0.022, 0.1 + (k % 2) * 0.04, ['#f0e6da', '#d8b090', C.black, '#c0394a'][k]!, 0.2 + k * 0.06, top + 0.05 + (k % 2) * 0.02, 0.05, 6);
    b.cylinder(0.05, 0.06, 0.12, C.white, 0.55, top + 0.06, 0.02, 8);
    b.sphere(0.1, '#e6d7c4', 0.55, top + 0.23, 0.02, 8, 1.15);
    b.sphere(0.108, '#5a3421', 0.55, top + 0.26, -0.01, 8, 1.2);
    coffeeCup(b, -0.62, top, 0.15);
  });
  // makeup chair facing the mirror; the visitor sees its back
  group(t, { z: 0.35, ry: Math.PI }, () => {
    b.cylinder(0.28, 0.3, 0.04, C.chrome, 0, 0.02, 0, 12);
    b.cylinder(0.04, 0.04, 0.42, C.chrome, 0, 0.25, 0, 8);
    b.box(0.52, 0.12, 0.5, C.black, 0, 0.52, 0);
    b.box(0.5, 0.5, 0.1, C.black, 0, 0.86, -0.25);
    b.box(0.28, 0.1, 0.08, C.black, 0, 1.2, -0.23);
    b.box(0.04, 0.08, 0.04, C.chrome, 0, 1.13, -0.24);
    for (const sx of [-1, 1]) {
      b.box(0.08, 0.06, 0.44, C.black, sx * 0.29, 0.72, 0.0);
      b.box(0.03, 0.14, 0.03, C.chrome, sx * 0.29, 0.63, 0.15);
    }
    b.box(0.4, 0.03, 0.12, C.chrome, 0, 0.25, 0.36);
    b.rod([0, 0.42, 0.2], [0, 0.26, 0.34], 0.015, C.chrome, 5);
  });
};

export const ART_PROPS = {
  flat,
  'paint-station': paintStation,
  'prop-table': propTable,
  'costume-rack': costumeRack,
  'makeup-mirror': makeupMirror,
} satisfies Record<string, PropBuilder>;
