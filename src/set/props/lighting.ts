import type { PropBuilder } from '../prop-types';
import { C, frustum, group, rbox, xcyl, xf, zcyl } from './kit';
import { cStand, floorCable, gripHead, lightStand, sandbag } from './gear';

const softbox: PropBuilder = (t) => {
  const b = t.solid;
  const [, top] = lightStand(b, 1.75, 0.55, C.gripBlack, 0.3);
  sandbag(b, Math.sin(0.3) * 0.35, Math.cos(0.3) * 0.35, 0.3 + Math.PI / 2, C.black);
  // LED panel head in a yoke; the softbox hangs on its speed ring, tilted down at the subject
  group(t, { y: top, ry: -0.35 }, () => {
    b.box(0.06, 0.06, 0.06, C.gripBlack, 0, 0.02, 0);
    b.box(0.7, 0.03, 0.04, C.gripBlack, 0, 0.05, -0.05);
    for (const sx of [-1, 1]) b.box(0.03, 0.32, 0.04, C.gripBlack, sx * 0.35, 0.2, -0.05);
    group(t, { y: 0.3, rx: 0.22 }, () => {
      b.box(0.6, 0.5, 0.14, C.darkGrey, 0, 0, -0.2);
      b.box(0.56, 0.46, 0.02, C.grey, 0, 0, -0.28);
      for (let i = 0; i < 5; i++) b.box(0.5, 0.01, 0.02, C.charcoal, 0, -0.2 + i * 0.1, -0.29);
      b.box(0.14, 0.1, 0.03, C.black, 0.12, -0.1, -0.3);
      t.glow.box(0.05, 0.02, 0.003, '#5ab0ff', 0.12, -0.1, -0.283);
      zcyl(b, 0.36, 0.04, C.black, 0, 0, -0.11, 12);
      xf(b, { z: 0.25 }, () => frustum(b, 1.2, 0.9, 0.66, 0.42, C.black));
      // front diffusion, then a fabric egg crate over it
      t.glow.quad(1.14, 0.84, '#fff4e2', 0, 0, 0.585);
      for (let i = -3; i <= 3; i++) b.box(0.005, 0.84, 0.07, C.black, i * 0.163, 0, 0.6);
      for (let j = -2; j <= 2; j++) b.box(1.14, 0.005, 0.07, C.black, 0, j * 0.168, 0.6);
      b.box(1.22, 0.03, 0.09, C.black, 0, 0.435, 0.6);
      b.box(1.22, 0.03, 0.09, C.black, 0, -0.435, 0.6);
      b.box(0.03, 0.9, 0.09, C.black, -0.6, 0, 0.6);
      b.box(0.03, 0.9, 0.09, C.black, 0.6, 0, 0.6);
    });
  });
  // power cable down the stand to a dimmer box on the floor
  b.rod([0.05, top + 0.15, -0.25], [0.03, 0.9, -0.06], 0.006, C.black, 4);
  b.rod([0.03, 0.9, -0.06], [0.03, 0.56, -0.03], 0.006, C.black, 4);
  b.box(0.2, 0.12, 0.14, C.darkGrey, -0.45, 0.06, -0.5);
  t.glow.box(0.04, 0.015, 0.003, '#ffb020', -0.45, 0.08, -0.429);
  floorCable(b, [[0.03, -0.03], [-0.35, -0.4], [-0.45, -0.43]], C.black, 0.008);
  floorCable(b, [[-0.55, -0.55], [-1.1, -1.0], [-1.4, -1.1]], C.black, 0.009);
};

const fresnel: PropBuilder = (t) => {
  const b = t.solid;
  const [, top] = lightStand(b, 1.45, 0.5, C.alu, 0.2);
  sandbag(b, Math.sin(0.2) * 0.33, Math.cos(0.2) * 0.33, 0.2 + Math.PI / 2);
  group(t, { y: top, ry: 0.45 }, () => {
    // yoke: vertical arms either side of the housing, locked with knobs
    b.box(0.05, 0.05, 0.05, C.darkGrey, 0, 0, 0);
    b.box(0.52, 0.03, 0.05, C.darkGrey, 0, 0.03, 0);
    for (const sx of [-1, 1]) {
      b.box(0.03, 0.3, 0.05, C.darkGrey, sx * 0.25, 0.18, 0);
      xcyl(b, 0.04, 0.04, C.black, sx * 0.285, 0.3, 0, 8);
    }
    group(t, { y: 0.3, rx: 0.12 }, () => {
      const body = '#3f4a58';
      // drum housing with cooling fins and a vented top hat
      zcyl(b, 0.21, 0.38, body, 0, 0, -0.02, 12);
      for (const z of [-0.14, -0.06, 0.02]) zcyl(b, 0.225, 0.02, C.darkGrey, 0, 0, z, 12);
      b.box(0.2, 0.08, 0.2, body, 0, 0.23, -0.05);
      b.box(0.24, 0.02, 0.24, C.darkGrey, 0, 0.28, -0.05);
      zcyl(b, 0.16, 0.08, C.darkGrey, 0, 0, -0.25, 12);
      b.rod([0, 0.3, -0.12], [0, 0.3, 0.05], 0.012, C.black, 5);
      b.rod([0, 0.21, -0.12], [0, 0.3, -0.12], 0.01, C.black, 4);
      b.rod([0, 0.21, 0.05], [0, 0.3, 0.05], 0.01, C.black, 4);
      // focus knob underneath, front accessory ring
      b.box(0.03, 0.08, 0.03, C.black, 0, -0.24, -0.1);
      zcyl(b, 0.225, 0.04, C.black, 0, 0, 0.19, 12);
      // stepped fresnel lens: concentric rings of warm glow
      t.glow.push().translate(0, 0, 0.212);
      zcyl(t.glow, 0.17, 0.006, '#ffcf7a', 0, 0, 0, 12);
      zcyl(t.glow, 0.125, 0.008, '#ffe6b0', 0, 0, 0.002, 12);
      zcyl(t.glow, 0.075, 0.01, '#fff6dc', 0, 0, 0.004, 12);
      zcyl(t.glow, 0.03, 0.012, '#ffffff', 0, 0, 0.006, 10);
      t.glow.pop();
      // four-leaf barn doors, opened out
      group(t, { z: 0.215 }, () => {
        for (const [rz, w, len] of [[0, 0.42, 0.24], [Math.PI, 0.42, 0.24], [Math.PI / 2, 0.4, 0.16], [-Math.PI / 2, 0.4, 0.16]] as const) {
          xf(b, { rz }, () => {
            xf(b, { y: 0.22, rx: -0.55 }, () => {
              b.box(w, 0.006, len, C.black, 0, 0, len / 2);
              b.box(0.04, 0.02, 0.02, C.steel, 0, 0.01, 0);
            });
          });
        }
      });
    });
  });
  // head cable to the stand and away to distro
  b.rod([0.0, 1.55, -0.2], [0.02, 1.0, -0.04], 0.007, C.black, 4);
  b.rod([0.02, 1.0, -0.04], [0.02, 0.6, -0.03], 0.007, C.black, 4);
  floorCable(b, [[0.02, -0.03], [0.3, -0.6], [0.9, -1.2], [1.3, -1.3]], C.black, 0.01);
  b.box(0.09, 0.04, 0.05, C.orange, 0.7, 0.02, -1.0);
};

const flag: PropBuilder = (t) => {
  const b = t.solid;
  const h = 1.55;
  cStand(b, h, 0.0);
  gripHead(b, 0, h + 0.03, 0);
  // 40" gobo arm reaching out over the subject, second knuckle holding the flag's pin
  const arm: [number, number, number] = [0.95, h + 0.25, 0.25];
  b.rod([0, h + 0.03, 0], arm, 0.011, C.chrome, 6);
  b.rod([-0.25, h + 0.03 - 0.07, -0.07], [0, h + 0.03, 0], 0.011, C.chrome, 6);
  group(t, { x: arm[0], y: arm[1], z: arm[2] }, () => {
    gripHead(b, -0.03, 0, 0);
    b.box(0.015, 0.015, 0.015, C.steel, 0, 0, 0);
    // 24×36 flag: chrome wire frame, black duvetyne, pin into the head
    group(t, { y: -0.05, ry: -0.3, rx: 0.25 }, () => {
      const fw = 0.62;
      const fh = 0.92;
      b.rod([0, 0, 0], [0, -0.1, 0], 0.006, C.chrome, 4);
      const cy = -0.1 - fh / 2;
      b.box(fw, fh, 0.006, C.black, fw / 2, cy, 0);
      for (const y of [cy - fh / 2, cy + fh / 2]) b.rod([0, y, 0], [fw, y, 0], 0.006, C.chrome, 4);
      for (const x of [0, fw]) b.rod([x, cy - fh / 2, 0], [x, cy + fh / 2, 0], 0.006, C.chrome, 4);
      b.box(0.05, 0.03, 0.02, C.steel, 0.0, cy + fh / 2, 0);
    });
  });
  // a second, smaller cutter leaning against the stand
  rbox(b, 0.3, 0.9, 0.01, C.black, -0.45, 0.46, -0.35, -0.15, 0.6);
};

/**
 * Curved LED volume: tall panels on an arc facing the visitor, each showing its slice of one
 * picture so the landscape runs continuously across the seams; a hung LED ceiling strip above.
 */
const ledWall: PropBuilder = (t) => {
  const b = t.solid;
  const R = 5.2;
  const panels = 12;
  const arc = 1.6; // radians of arc covered: chord ≈ 7.5 m
  const base = 0.35;
  const height = 3.6;
  const cz = R - 1.4; // arc centre sits in front (visitor side); the arc's middle is at z = -1.4
  const step = arc / panels;
  const panelW = 2 * R * Math.sin(step / 2);
  for (let i = 0; i < panels; i++) {
    const a = -arc / 2 + (i + 0.5) * step;
    const x = Math.sin(a) * R;
    const z = cz - Math.cos(a) * R;
    group(t, { x, z, ry: -a }, () => {
      // cabinet stack: panel face, black bezel seams, truss-frame behind
      b.box(panelW, height, 0.12, C.black, 0, base + height / 2, -0.07);
      t.screen.quad(panelW - 0.012, height - 0.02, '#ffffff', 0, base + height / 2, 0.001, [i / panels, 0, (i + 1) / panels, 1]);
      for (let r = 1; r < 6; r++) b.quad(panelW, 0.006, '#161616', 0, base + (height * r) / 6, 0.003);
      b.box(0.06, height + base + 0.3, 0.06, C.darkGrey, -panelW / 2 + 0.03, (height + base + 0.3) / 2, -0.2);
      b.rod([-panelW / 2 + 0.03, 0.05, -0.23], [-panelW / 2 + 0.03, 0.05, -0.75], 0.03, C.darkGrey, 4);
      b.rod([-panelW / 2 + 0.03, 1.6, -0.23], [-panelW / 2 + 0.03, 0.06, -0.75], 0.02, C.darkGrey, 4);
      b.box(0.3, 0.02, 0.3, C.darkGrey, -panelW / 2 + 0.03, 0.01, -0.72);
      if (i === panels - 1) b.box(0.06, height + base + 0.3, 0.06, C.darkGrey, panelW / 2 - 0.03, (height + base + 0.3) / 2, -0.2);
      // ceiling strip: a row of LED tiles tilted down toward the stage
      group(t, { y: base + height + 0.35, z: 0.35, rx: Math.PI / 2 - 0.35 }, () => {
        b.box(panelW, 0.7, 0.08, C.black, 0, 0, -0.05);
        t.glow.quad(panelW - 0.02, 0.66, i % 2 === 0 ? '#ffcf8a' : '#ffc27a', 0, 0, 0.001);
      });
      b.rod([0, base + height + 0.1, -0.1], [0, base + height + 0.42, 0.15], 0.02, C.darkGrey, 4);
    });
  }
  // floor rail and stage skirt in front of the panels
  for (let i = 0; i < panels; i++) {
    const a = -arc / 2 + (i + 0.5) * step;
    group(t, { x: Math.sin(a) * (R - 0.06), z: cz - Math.cos(a) * (R - 0.06), ry: -a }, () => {
      b.box(panelW + 0.01, base, 0.04, C.gripBlack, 0, base / 2, 0.02);
    });
  }
};

export const LIGHTING_PROPS = { softbox, fresnel, flag, 'led-wall': ledWall } satisfies Record<string, PropBuilder>;
