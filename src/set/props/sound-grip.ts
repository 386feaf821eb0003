import type { ColorLike, MeshBuilder, Vec3 } from '../mesh-builder';
import type { PropBuilder } from '../prop-types';
import { ledSlice } from '../led-scene';
import { C, aligned, arcPoints, group, pixelText, polyline, rbox, xf, zcyl } from './kit';
import { appleBox, cStand, gripHead, headphones, monitor } from './gear';

const boomPole: PropBuilder = (t, rand) => {
  const b = t.solid;
  group(t, { x: -0.25, z: -0.25 }, () => {
    cStand(b, 1.5, 0.9);
    gripHead(b, 0, 1.53, 0);
  });
  // pole: telescoping carbon sections, coiled cable along it, fluffy windshield at the tip
  const butt: Vec3 = [-1.25, 1.02, -0.58];
  const tip: Vec3 = [0.95, 2.2, 0.15];
  aligned(b, butt, tip, (len) => {
    const sections = [0.017, 0.015, 0.013, 0.011];
    sections.forEach((r, i) => {
      const y0 = (i * len) / sections.length;
      b.cylinder(r, r, len / sections.length + 0.02, C.black, 0, y0 + len / sections.length / 2, 0, 6);
      b.cylinder(r + 0.005, r + 0.005, 0.03, C.darkGrey, 0, y0 + 0.01, 0, 6);
    });
    b.cylinder(0.022, 0.022, 0.12, C.rubber, 0, 0.06, 0, 6);
    // cable spirals loosely along the pole
    const pts: Vec3[] = [];
    for (let k = 0; k <= 16; k++) {
      const y = 0.1 + (k / 16) * (len - 0.2);
      pts.push([Math.cos(k * 1.4) * 0.025, y, Math.sin(k * 1.4) * 0.025]);
    }
    polyline(b, pts, 0.004, C.charcoal, 3);
    // shock mount cradle then the windshield ("dead cat") along the pole axis
    b.box(0.09, 0.03, 0.09, C.black, 0, len + 0.02, 0);
    xf(b, { y: len + 0.2 }, () => {
      // fur: the body plus many small tufts breaking its outline
      b.sphere(0.085, '#948c7f', 0, 0, 0, 10, 2.4);
      for (let k = 0; k < 26; k++) {
        const a = rand() * Math.PI * 2;
        const y = (rand() - 0.5) * 0.38;
        const r = 0.085 * Math.sqrt(Math.max(0, 1 - (y / 0.204) ** 2));
        b.sphere(0.024, ['#a59d90', '#857d70', '#9a9284'][k % 3]!, Math.cos(a) * r, y, Math.sin(a) * r, 5);
      }
    });
  });
  // mixer bag on an apple box, headphones hung on the stand
  appleBox(b, 0.203, 0.65, 0, -0.55, 0.3);
  group(t, { x: 0.65, y: 0.203, z: -0.55, ry: 0.3 }, () => {
    b.box(0.36, 0.2, 0.2, C.charcoal, 0, 0.1, 0);
    b.box(0.3, 0.01, 0.16, C.darkGrey, 0, 0.205, 0);
    for (let k = 0; k < 6; k++) t.glow.box(0.008, 0.03, 0.003, k < 4 ? '#3be36b' : '#ffce3a', -0.1 + k * 0.02, 0.15, 0.101);
    polyline(b, arcPoints(0, 0.2, 0, 0.12, 0.2, Math.PI - 0.2, 5, 'xy'), 0.008, C.black, 4);
  });
  headphones(b, -0.25, 1.12, -0.19, 0, C.black);
};

const soundCart: PropBuilder = (t, _rand, words) => {
  const b = t.solid;
  const w = 1.0;
  const d = 0.6;
  // black steel cart: corner posts, three shelves, push handle, casters
  for (const sx of [-1, 1]) {
    for (const sz of [-1, 1]) {
      b.box(0.035, 0.95, 0.035, C.gripBlack, sx * (w / 2 - 0.02), 0.6, sz * (d / 2 - 0.02));
      b.box(0.04, 0.06, 0.04, C.darkGrey, sx * (w / 2 - 0.05), 0.1, sz * (d / 2 - 0.05));
      zcyl(b, 0.06, 0.04, C.rubber, sx * (w / 2 - 0.05), 0.06, sz * (d / 2 - 0.05), 10);
    }
  }
  for (const y of [0.15, 0.55, 0.95]) b.box(w, 0.025, d, C.charcoal, 0, y, 0);
  b.box(w + 0.02, 0.04, d + 0.02, C.gripBlack, 0, 0.965, 0);
  polyline(b, [[-w / 2, 0.9, -0.22], [-w / 2 - 0.12, 0.95, -0.22], [-w / 2 - 0.12, 0.95, 0.22], [-w / 2, 0.9, 0.22]], 0.014, C.chrome, 6);
  // mixer on a slope at the front edge: faders, knob rows, LED meters
  group(t, { y: 0.985, z: 0.1, rx: 0.12 }, () => {
    b.box(0.56, 0.07, 0.34, C.darkGrey, -0.1, 0.035, 0);
    b.box(0.54, 0.004, 0.32, '#4b4e55', -0.1, 0.072, 0);
    // meter bridge: a row of LED bar meters facing the mixer (and the visitor)
    b.box(0.54, 0.12, 0.04, C.black, -0.1, 0.13, -0.16);
    for (let i = 0; i < 8; i++) {
      const x = -0.33 + i * 0.065;
      const lit = 4 + ((i * 3) % 5);
      for (let k = 0; k < lit; k++) t.glow.quad(0.03, 0.008, k < 5 ? '#39e36a' : k < 7 ? '#ffd23a' : '#ff3b2f', x, 0.085 + k * 0.012, -0.139);
    }
    for (let i = 0; i < 8; i++) {
      const x = -0.33 + i * 0.065;
      b.box(0.008, 0.004, 0.11, C.black, x, 0.075, 0.08);
      b.box(0.024, 0.02, 0.014, C.lightGrey, x, 0.085, 0.06 + ((i * 37) % 7) * 0.006);
      for (let k = 0; k < 3; k++) b.cylinder(0.011, 0.011, 0.018, k === 0 ? C.red : C.black, x, 0.083, -0.03 - k * 0.035, 6);
      for (let k = 0; k < 6; k++) {
        const lit = k < 2 + ((i * 5) % 5);
        if (!lit) continue;
        t.glow.box(0.02, 0.004, 0.008, k < 4 ? '#39e36a' : k < 5 ? '#ffd23a' : '#ff3b2f', x, 0.076, -0.135 + k * 0.012 - 0.0);
      }
    }
  });
  // recorder with a colour screen and a small picture monitor on an arm
  b.box(0.28, 0.08, 0.22, C.black, 0.33, 1.025, 0.12);
  t.glow.push().translate(0.33, 1.066, 0.1).rotateX(-Math.PI / 2 + 0.0);
  t.glow.quad(0.13, 0.08, '#173a5c');
  for (let k = 0; k < 4; k++) t.glow.quad(0.01, 0.02 + k * 0.012, '#4ce08a', -0.04 + k * 0.018, -0.01, 0.001);
  t.glow.quad(0.05, 0.008, '#ffffff', 0.03, 0.02, 0.001);
  t.glow.pop();
  b.rod([0.4, 0.98, -0.22], [0.4, 1.3, -0.22], 0.012, C.chrome, 6);
  group(t, { x: 0.4, y: 1.4, z: -0.2, ry: -0.2, rx: -0.1 }, () => {
    monitor(t, 0.2, 0.12, { uv: ledSlice(0.55, 0.55, 0.78) });
  });
  // antenna distribution mast with two shark-fin paddles
  b.rod([-0.44, 0.98, -0.26], [-0.44, 1.75, -0.26], 0.013, C.chrome, 6);
  b.box(0.3, 0.04, 0.04, C.gripBlack, -0.44, 1.75, -0.26);
  for (const sx of [-1, 1]) {
    group(t, { x: -0.44 + sx * 0.14, y: 1.77, z: -0.26, rz: -sx * 0.3 }, () => {
      b.box(0.14, 0.22, 0.012, C.black, 0, 0.12, 0);
      b.box(0.02, 0.04, 0.02, C.steel, 0, 0.0, 0);
    });
  }
  b.rod([-0.44, 1.7, -0.26], [-0.46, 0.98, -0.24], 0.005, C.black, 3);
  // wireless receivers in the middle shelf: rack faces with blue displays
  b.box(0.5, 0.2, 0.3, C.charcoal, -0.15, 0.665, 0.08);
  for (let k = 0; k < 4; k++) {
    const x = -0.33 + k * 0.12;
    b.box(0.1, 0.16, 0.01, C.darkGrey, x, 0.665, 0.235);
    t.glow.quad(0.07, 0.03, '#2d7bff', x, 0.7, 0.241);
    t.glow.quad(0.012, 0.012, k === 2 ? '#ff3b2f' : '#3be36b', x - 0.025, 0.63, 0.241);
  }
  // timecode box, battery on the bottom shelf, headphones hung on the handle
  b.box(0.1, 0.05, 0.08, C.orange, 0.3, 0.59, 0.15);
  b.box(0.32, 0.18, 0.22, '#8c1f1f', 0.2, 0.255, 0.05);
  b.box(0.3, 0.04, 0.2, C.black, 0.2, 0.36, 0.05);
  t.glow.quad(0.04, 0.015, '#3be36b', 0.2, 0.3, 0.161);
  xf(b, { x: -w / 2 - 0.1, y: 0.75, z: 0.0, rz: Math.PI / 2 }, () => headphones(b, 0, 0, 0, Math.PI / 2));
  // coiled XLR hanging on the side
  xf(b, { x: w / 2 + 0.02, y: 0.45, z: 0.0, rz: Math.PI / 2 }, () => b.torus(0.13, 0.012, C.charcoal, 0, 0, 0, 12));
  b.box(0.36, 0.07, 0.01, C.gripBlack, -0.25, 0.9, d / 2 + 0.005);
  pixelText(b, words.soundCart, -0.25, 0.9, d / 2 + 0.011, 0.011, C.yellow);
};

/** An over-under coil lying on the floor: a few stacked loops, one tail with a connector. */
function coil(b: MeshBuilder, x: number, z: number, r: number, tube: number, color: ColorLike, loops: number, rand: () => number, tail: readonly (readonly [number, number])[], plug: ColorLike): void {
  for (let i = 0; i < loops; i++) {
    const jx = (rand() - 0.5) * 0.04;
    const jz = (rand() - 0.5) * 0.04;
    b.torus(r * (0.92 + rand() * 0.12), tube, color, x + jx, tube + i * tube * 1.5, z + jz, 12);
  }
  b.box(0.05, tube * loops * 1.8, tube * 3, C.red, x + r, tube * loops * 0.9, z);
  const pts: Vec3[] = [[x - r, tube, z], ...tail.map(([px, pz]) => [px, tube, pz] as Vec3)];
  polyline(b, pts, tube, color, 5);
  const end = pts[pts.length - 1]!;
  const prev = pts[pts.length - 2]!;
  aligned(b, prev, end, (len) => b.cylinder(tube * 2, tube * 2, 0.09, plug, 0, len + 0.04, 0, 6));
}

const cableCoil: PropBuilder = (t, rand) => {
  const b = t.solid;
  coil(b, -0.55, -0.3, 0.28, 0.018, C.black, 5, rand, [[-1.0, 0.2], [-1.3, 0.5]], C.steel);
  coil(b, 0.35, -0.45, 0.32, 0.022, C.orange, 5, rand, [[0.2, 0.3], [0.55, 0.8], [0.75, 1.0]], C.yellow);
  coil(b, 0.1, 0.45, 0.2, 0.012, C.darkGrey, 4, rand, [[-0.35, 0.9], [-0.7, 1.1]], C.steel);
  // yellow-lidded cable crossover ramp across a run
  group(t, { x: 0.55, z: 0.75, ry: 0.5 }, () => {
    b.box(0.5, 0.05, 0.62, C.black, 0, 0.025, 0);
    b.box(0.3, 0.012, 0.6, C.yellow, 0, 0.056, 0);
    for (const sx of [-1, 1]) rbox(b, 0.12, 0.02, 0.62, C.black, sx * 0.29, 0.02, 0, 0, 0, sx * 0.3);
  });
  // cube tap on the orange stinger's end
  b.box(0.07, 0.07, 0.07, C.orange, 0.85, 0.035, 1.12);
};

const appleBoxProp: PropBuilder = (t, rand, words) => {
  const b = t.solid;
  let y = 0;
  const stack: [number, string][] = [[0.203, words.gripBox], [0.203, ''], [0.102, ''], [0.051, ''], [0.019, '']];
  for (const [h, label] of stack) {
    appleBox(b, h, (rand() - 0.5) * 0.04, y, (rand() - 0.5) * 0.04, (rand() - 0.5) * 0.16, label);
    y += h;
  }
  // a full apple stood on end ("New York") and a half lying beside
  group(t, { x: 0.55, z: 0.05, ry: -0.25 }, () => {
    b.box(0.305, 0.508, 0.203, C.apple, 0, 0.254, 0);
    b.box(0.309, 0.012, 0.207, C.appleEdge, 0, 0.502, 0);
    b.box(0.14, 0.12, 0.004, C.darkWood, 0, 0.35, 0.102);
    pixelText(b, '#3', 0, 0.15, 0.102, 0.014, C.gripBlack);
  });
  appleBox(b, 0.102, -0.2, 0, 0.5, 0.5);
};

const crashMat: PropBuilder = (t, _rand, words) => {
  const b = t.solid;
  const blue = '#2553a8';
  const seam = '#163a7a';
  // port-a-pit: deep landing bag, a top skin pad, vinyl seams and carry handles
  b.box(2.4, 0.56, 1.8, blue, 0, 0.28, 0);
  for (const x of [-0.6, 0, 0.6]) b.box(0.015, 0.565, 1.805, seam, x, 0.28, 0);
  for (const y of [0.05, 0.51]) b.box(2.41, 0.02, 1.81, seam, 0, y, 0);
  // folding landing mat on top: four panels with creases between
  for (let k = 0; k < 4; k++) b.box(0.54, 0.14, 1.6, k % 2 ? '#3168c4' : '#2d60b8', -0.8 + k * 0.55, 0.63, -0.02);
  b.box(2.2, 0.02, 1.61, seam, 0.025, 0.6, -0.02);
  for (const x of [-0.8, 0.8]) {
    polyline(b, arcPoints(x, 0.36, 0.905, 0.07, 0, Math.PI, 4, 'xy'), 0.012, C.black, 4);
    polyline(b, arcPoints(x, 0.36, -0.905, 0.07, 0, Math.PI, 4, 'xy'), 0.012, C.black, 4);
  }
  for (const z of [-0.4, 0.4]) {
    polyline(b, arcPoints(1.205, 0.36, z, 0.07, 0, Math.PI, 4, 'zy'), 0.012, C.black, 4);
    polyline(b, arcPoints(-1.205, 0.36, z, 0.07, 0, Math.PI, 4, 'zy'), 0.012, C.black, 4);
  }
  // landing mark: an X of yellow tape
  for (const a of [0.6, -0.6]) rbox(b, 0.7, 0.004, 0.05, C.yellow, 0.1, 0.702, 0.0, 0, a);
  pixelText(b, words.stuntMat, 0, 0.3, 0.901, 0.03, C.white);
  // spare landing mats stacked at the end: red and blue vinyl
  group(t, { x: 0.5, z: 1.2, ry: 0.06 }, () => {
    for (let k = 0; k < 3; k++) {
      b.box(1.3, 0.1, 0.55, k % 2 ? '#2c4f8f' : '#b23a34', 0, 0.05 + k * 0.102, 0);
      b.box(1.31, 0.012, 0.56, '#1a1a1a', 0, 0.05 + k * 0.102, 0);
    }
  });
};

/** Triangular truss along y: three chords with zigzag lacing on each face. */
function triTruss(b: MeshBuilder, len: number, size: number, color: ColorLike): void {
  const r = size / Math.sqrt(3);
  const chords: [number, number][] = [0, 1, 2].map((i) => {
    const a = (i * Math.PI * 2) / 3 + Math.PI / 2;
    return [Math.cos(a) * r, Math.sin(a) * r];
  });
  for (const [x, z] of chords) b.rod([x, 0, z], [x, len, z], 0.024, color, 6);
  const steps = Math.max(2, Math.round(len / 0.4));
  for (let f = 0; f < 3; f++) {
    const [ax, az] = chords[f]!;
    const [bx, bz] = chords[(f + 1) % 3]!;
    for (let s = 0; s < steps; s++) {
      const y0 = (s * len) / steps;
      const y1 = ((s + 1) * len) / steps;
      if (s % 2 === 0) b.rod([ax, y0, az], [bx, y1, bz], 0.008, color, 3);
      else b.rod([bx, y0, bz], [ax, y1, az], 0.008, color, 3);
    }
  }
}

/** Vertical sheave (pulley wheel) facing z. */
function sheave(b: MeshBuilder, x: number, y: number, z: number, r: number): void {
  xf(b, { x, y, z, rx: Math.PI / 2 }, () => b.torus(r, 0.018, C.steel, 0, 0, 0, 10));
  zcyl(b, r * 0.5, 0.03, C.darkGrey, x, y, z, 8);
  b.box(0.05, r * 2 + 0.06, 0.06, C.red, x, y + 0.02, z - 0.05);
}

const stuntRig: PropBuilder = (t, _rand, words) => {
  const b = t.solid;
  const H = 3.7;
  const span = 1.2;
  const alu = '#c6cacf';
  for (const sx of [-1, 1]) {
    group(t, { x: sx * span }, () => {
      // base plate with outriggers and stage weights
      b.box(0.6, 0.03, 0.6, C.darkGrey, 0, 0.015, 0);
      for (const a of [0.785, 2.356, -0.785, -2.356]) b.rod([0, 0.05, 0], [Math.sin(a) * 0.4, 0.02, Math.cos(a) * 0.4], 0.02, C.darkGrey, 4);
      b.box(0.36, 0.12, 0.22, C.sandbag, 0, 0.09, sx * 0.0 + 0.0);
      b.box(0.34, 0.02, 0.2, C.black, 0, 0.16, 0);
      triTruss(b, H, 0.29, alu);
    });
  }
  // header across the top
  xf(b, { y: H + 0.12, rz: -Math.PI / 2 }, () => xf(b, { y: -span - 0.15 }, () => triTruss(b, span * 2 + 0.3, 0.29, alu)));
  // hang point: shackle, pulley; line runs over a second pulley at the right tower top then down to the descender
  const lz = 0.34;
  sheave(b, 0, H - 0.05, lz, 0.09);
  sheave(b, span, H - 0.05, lz, 0.09);
  const lineColor = '#f2f2ea';
  b.rod([0, H - 0.14, lz], [0, 1.72, lz], 0.007, lineColor, 4);
  b.rod([0, H + 0.04, lz], [span, H + 0.04, lz], 0.007, lineColor, 4);
  b.rod([span + 0.09, H - 0.05, lz], [span + 0.02, 1.16, lz + 0.06], 0.007, lineColor, 4);
  // descender: a black fan-brake drum in a red housing, bolted to the tower
  group(t, { x: span, y: 1.0, z: lz + 0.06 }, () => {
    b.box(0.2, 0.28, 0.14, C.red, 0, 0, 0);
    zcyl(b, 0.09, 0.1, C.black, 0, -0.02, 0.1, 10);
    b.box(0.04, 0.08, 0.04, C.steel, 0.02, 0.16, 0);
    b.box(0.06, 0.04, 0.2, C.steel, 0, 0.0, -0.14);
    b.rod([0, -0.14, 0.0], [0.02, -0.7, 0.0], 0.007, lineColor, 4);
    pixelText(b, words.decelerator, 0, 0.1, 0.071, 0.007, C.white);
  });
  // harness: spreader bar, two risers, waist belt, leg loops, shoulder straps
  group(t, { y: 1.72, z: lz }, () => {
    b.box(0.04, 0.05, 0.04, C.steel, 0, 0, 0);
    b.rod([-0.14, -0.06, 0], [0.14, -0.06, 0], 0.012, C.charcoal, 6);
    for (const sx of [-1, 1]) {
      b.rod([sx * 0.14, -0.06, 0], [sx * 0.17, -0.45, 0], 0.006, lineColor, 3);
      b.rod([sx * 0.17, -0.45, 0.05], [sx * 0.15, -0.72, 0.09], 0.02, C.black, 4);
      b.rod([sx * 0.17, -0.45, -0.05], [sx * 0.15, -0.72, -0.09], 0.02, C.black, 4);
      b.box(0.05, 0.05, 0.02, C.steel, sx * 0.17, -0.45, 0);
    }
    b.torus(0.16, 0.03, C.black, 0, -0.75, 0, 12);
    b.box(0.08, 0.06, 0.03, C.red, 0, -0.75, 0.17);
    for (const sx of [-1, 1]) xf(b, { x: sx * 0.08, y: -0.88, rz: sx * 0.25 }, () => b.torus(0.085, 0.022, C.black, 0, 0, 0, 10));
  });
  // a landing pad under the line
  b.box(1.4, 0.25, 1.0, '#2553a8', 0, 0.125, 0.45);
  b.box(1.41, 0.015, 1.01, '#163a7a', 0, 0.24, 0.45);
};

export const SOUND_GRIP_PROPS = {
  'boom-pole': boomPole,
  'sound-cart': soundCart,
  'cable-coil': cableCoil,
  'apple-box': appleBoxProp,
  'crash-mat': crashMat,
  'stunt-rig': stuntRig,
} satisfies Record<string, PropBuilder>;
