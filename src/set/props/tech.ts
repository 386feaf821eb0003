import type { ColorLike, MeshBuilder } from '../mesh-builder';
import type { PropBuilder, PropTargets } from '../prop-types';
import { ledSlice } from '../led-scene';
import { C, arcPoints, group, pixelText, polyline, rbox, rquad, xcyl, xf, zcyl } from './kit';
import { cinemaCamera, deskStand, headphones, monitor, officeChair, table } from './gear';

/** Studio monitor speaker facing +z, origin at its base. */
function speaker(b: MeshBuilder): void {
  b.box(0.17, 0.27, 0.2, C.black, 0, 0.135, 0);
  zcyl(b, 0.065, 0.02, C.charcoal, 0, 0.09, 0.1, 10);
  zcyl(b, 0.03, 0.024, '#505258', 0, 0.09, 0.1, 8);
  zcyl(b, 0.025, 0.015, C.charcoal, 0, 0.21, 0.1, 8);
}

/** Keyboard with a grid of keys; a few coloured shortcut keys like an editor's keyboard. */
function keyboard(b: MeshBuilder, x: number, y: number, z: number, coloured: boolean): void {
  xf(b, { x, y, z }, () => {
    b.box(0.44, 0.02, 0.15, C.charcoal, 0, 0.01, 0);
    for (let r = 0; r < 5; r++) {
      for (let k = 0; k < 14; k++) {
        const col = coloured && (k * 3 + r * 5) % 11 === 0 ? ['#3a7bd5', '#d94f4f', '#e0b43a', '#4caf6a'][(k + r) % 4]! : '#3b3d42';
        rquad(b, 0.022, 0.022, col, -0.19 + k * 0.029, 0.0205, -0.055 + r * 0.027, -Math.PI / 2);
      }
    }
  });
}

/** Timeline UI: ruler, video and audio tracks of clips, red playhead. */
function timelineScreen(g: MeshBuilder, w: number, h: number, z: number): void {
  g.quad(w, h, '#1a1d23', 0, 0, z);
  // source / record viewers on top
  g.quad(w * 0.42, h * 0.36, '#0c0e12', -w * 0.24, h * 0.27, z + 0.001);
  g.quad(w * 0.42, h * 0.36, '#0c0e12', w * 0.24, h * 0.27, z + 0.001);
  g.quad(w * 0.3, h * 0.22, '#8a5a3a', w * 0.24, h * 0.27, z + 0.002);
  g.quad(w * 0.14, h * 0.12, '#e0a060', w * 0.2, h * 0.22, z + 0.003);
  g.quad(w * 0.96, 0.004, '#5a606a', 0, h * 0.04, z + 0.001);
  const tracks = [
    { y: 0.0, col: '#7e57c2' },
    { y: -0.09, col: '#3f7bd9' },
    { y: -0.18, col: '#3f7bd9' },
    { y: -0.27, col: '#3fae6a' },
    { y: -0.34, col: '#3fae6a' },
    { y: -0.41, col: '#3fae6a' },
  ];
  tracks.forEach((tr, i) => {
    let x = -w / 2 + 0.02 + ((i * 0.03) % 0.05);
    let k = 0;
    while (x < w / 2 - 0.04) {
      const len = Math.min(0.04 + (((i + 3) * (k + 2) * 37) % 11) * 0.012, w / 2 - 0.01 - x);
      if (i !== 0 || k % 2 === 1) g.quad(len - 0.004, i < 3 ? 0.05 : 0.045, tr.col, x + len / 2, tr.y * h * 1.05 - 0.01, z + 0.001);
      x += len;
      k++;
    }
  });
  g.quad(0.004, h * 0.55, '#ff3030', w * 0.08, -h * 0.2, z + 0.002);
}

const editSuite: PropBuilder = (t) => {
  const b = t.solid;
  group(t, { z: -0.3 }, () => {
    const top = table(b, 1.9, 0.8, 0.74, '#26282d', C.black);
    const screens = [
      { x: -0.66, yaw: 0.32, w: 0.6, h: 0.34 },
      { x: 0, yaw: 0, w: 0.74, h: 0.42 },
      { x: 0.66, yaw: -0.32, w: 0.6, h: 0.34 },
    ];
    screens.forEach((s, i) => {
      group(t, { x: s.x, y: top, z: -0.18 + Math.abs(s.x) * 0.15, ry: s.yaw }, () => {
        deskStand(b, 0.15);
        group(t, { y: 0.17 + s.h / 2 }, () => {
          if (i === 0) monitor(t, s.w, s.h, { uv: ledSlice(0.3, 0.45, 0.6) });
          else if (i === 1) monitor(t, s.w, s.h, { content: timelineScreen });
          else monitor(t, s.w, s.h, {
            content: (g, w, h, z) => {
              g.quad(w, h, '#15181e', 0, 0, z);
              // media bins: a grid of clip thumbnails
              for (let r = 0; r < 3; r++) for (let c = 0; c < 4; c++) {
                g.quad(w * 0.2, h * 0.2, ['#c47a3a', '#4a6a9a', '#8a9a5a', '#b05050', '#d0a060', '#5a4a7a'][(r * 4 + c) % 6]!, -w * 0.36 + c * w * 0.24, h * 0.3 - r * h * 0.3, z + 0.001);
              }
            },
          });
        });
      });
    });
    keyboard(b, -0.05, top, 0.15, true);
    b.box(0.06, 0.025, 0.1, C.charcoal, 0.3, top + 0.0125, 0.17);
    // colour control surface with three trackballs
    group(t, { x: 0.55, y: top, z: 0.16 }, () => {
      b.box(0.4, 0.05, 0.2, C.charcoal, 0, 0.025, 0);
      for (let k = 0; k < 3; k++) {
        b.cylinder(0.05, 0.05, 0.01, C.black, -0.12 + k * 0.12, 0.055, 0.0, 10);
        b.sphere(0.035, '#3b3d42', -0.12 + k * 0.12, 0.06, 0.0, 8);
      }
    });
    for (const sx of [-1, 1]) group(t, { x: sx * 0.86, y: top, z: 0.05, ry: -sx * 0.4 }, () => speaker(b));
    // drive stack with activity lights, headphones
    for (let k = 0; k < 3; k++) {
      b.box(0.12, 0.04, 0.18, C.darkGrey, -0.75, top + 0.02 + k * 0.042, 0.22);
      t.glow.quad(0.01, 0.006, '#3a7bff', -0.72, top + 0.02 + k * 0.042, 0.311);
    }
    headphones(b, -0.45, top, 0.22, 0.4);
  });
  group(t, { x: 0.45, z: 0.5, ry: Math.PI - 0.5 }, () => officeChair(b));
};

/** Node-graph screen: coloured nodes wired together, like a model or compositing graph. */
function nodeGraph(g: MeshBuilder, w: number, h: number, z: number): void {
  g.quad(w, h, '#0b0f1a', 0, 0, z);
  const cols = ['#35e0ff', '#ff4fd8', '#7cff6b', '#ffd23a'];
  const layers = [3, 5, 5, 4, 2];
  const nodes: [number, number][][] = layers.map((n, i) => {
    const x = -w * 0.4 + (i * w * 0.8) / (layers.length - 1);
    return Array.from({ length: n }, (_, j) => [x, ((j - (n - 1) / 2) * h * 0.75) / Math.max(n - 1, 1)] as [number, number]);
  });
  for (let i = 0; i < nodes.length - 1; i++) {
    for (const [x0, y0] of nodes[i]!) {
      for (const [x1, y1] of nodes[i + 1]!) {
        if ((Math.round(x0 * 100) + Math.round(y0 * 100) + Math.round(y1 * 100)) % 3 === 0) continue;
        const len = Math.hypot(x1 - x0, y1 - y0);
        rquad(g, len, 0.0025, '#2c5a7a', (x0 + x1) / 2, (y0 + y1) / 2, z + 0.001, 0, 0, Math.atan2(y1 - y0, x1 - x0));
      }
    }
  }
  nodes.forEach((layer, i) => layer.forEach(([x, y]) => g.quad(0.028, 0.018, cols[i % cols.length]!, x, y, z + 0.002)));
}

/** Training-curve screen: bar chart of activations and a falling loss line. */
function chartScreen(g: MeshBuilder, w: number, h: number, z: number): void {
  g.quad(w, h, '#0b0f1a', 0, 0, z);
  for (let k = 0; k < 14; k++) {
    const bh = h * (0.1 + (((k * 7) % 9) / 9) * 0.35);
    g.quad(w * 0.04, bh, k % 4 === 0 ? '#ff4fd8' : '#35e0ff', -w * 0.42 + k * w * 0.06, -h * 0.42 + bh / 2, z + 0.001);
  }
  let px = -w * 0.45;
  let py = h * 0.4;
  for (let k = 1; k <= 12; k++) {
    const nx = -w * 0.45 + (k * w * 0.9) / 12;
    const ny = h * 0.4 - h * 0.35 * (1 - Math.exp(-k / 3.5)) + ((k % 3) - 1) * 0.01;
    rquad(g, Math.hypot(nx - px, ny - py), 0.004, '#7cff6b', (px + nx) / 2, (py + ny) / 2, z + 0.002, 0, 0, Math.atan2(ny - py, nx - px));
    px = nx;
    py = ny;
  }
}

/** 42U server rack with a smoked glass door, server fronts and status LEDs. */
function serverRack(t: PropTargets, rand: () => number): void {
  const b = t.solid;
  b.box(0.62, 2.0, 0.9, C.black, 0, 1.0, 0);
  b.box(0.56, 1.86, 0.01, '#23262c', 0, 1.0, 0.451);
  const leds = ['#3be36b', '#3a8bff', '#ffb020', '#3be36b'];
  for (let u = 0; u < 16; u++) {
    const y = 0.2 + u * 0.105;
    b.box(0.5, 0.085, 0.01, u % 5 === 0 ? '#4a4d55' : C.darkGrey, 0, y, 0.458);
    for (let k = 0; k < 6; k++) {
      if (rand() < 0.3) continue;
      t.glow.quad(0.016, 0.012, leds[(u + k) % 4]!, -0.2 + k * 0.025, y + 0.02, 0.464);
      if (k % 2 === 0) t.glow.quad(0.016, 0.012, leds[(u + k + 1) % 4]!, -0.2 + k * 0.025, y - 0.015, 0.464);
    }
    b.quad(0.2, 0.05, '#1b1d21', 0.12, y, 0.464);
  }
  for (let k = 0; k < 5; k++) b.quad(0.5, 0.008, '#111111', 0, 1.93 - k * 0.012, 0.452);
  b.box(0.03, 0.3, 0.04, C.steel, 0.26, 1.0, 0.47);
  b.box(0.22, 0.05, 0.004, C.white, 0, 1.93 - 0.08, 0.458);
  pixelText(b, 'GPU 01', 0, 1.85, 0.461, 0.006, C.gripBlack);
}

const aiConsole: PropBuilder = (t, rand) => {
  const b = t.solid;
  group(t, { x: -0.35, z: -0.3 }, () => {
    const top = table(b, 1.6, 0.8, 0.74, '#e6e6e6', C.darkGrey);
    const screens = [
      { x: -0.48, yaw: 0.25, w: 0.5, h: 0.3, draw: chartScreen },
      { x: 0.1, yaw: -0.05, w: 0.66, h: 0.38, draw: nodeGraph },
    ];
    for (const s of screens) {
      group(t, { x: s.x, y: top, z: -0.18, ry: s.yaw }, () => {
        deskStand(b, 0.15);
        group(t, { y: 0.17 + s.h / 2 }, () => monitor(t, s.w, s.h, { content: s.draw }));
      });
    }
    // a vertical code screen
    group(t, { x: 0.62, y: top, z: -0.1, ry: -0.35 }, () => {
      deskStand(b, 0.1);
      group(t, { y: 0.12 + 0.26 }, () => monitor(t, 0.28, 0.48, {
        content: (g, w, h, z) => {
          g.quad(w, h, '#0d1117', 0, 0, z);
          for (let k = 0; k < 16; k++) {
            const lw = w * (0.2 + (((k * 13) % 7) / 7) * 0.6);
            g.quad(lw, 0.008, ['#ff7b72', '#79c0ff', '#d2a8ff', '#a5d6ff', '#7ee787'][k % 5]!, -w * 0.42 + lw / 2 + (k % 3) * 0.015, h * 0.44 - k * 0.027, z + 0.001);
          }
        },
      }));
    });
    keyboard(b, 0.0, top, 0.16, false);
    b.box(0.06, 0.025, 0.1, C.charcoal, 0.3, top + 0.0125, 0.17);
    // small GPU box under the desk with a glowing fan ring
    b.box(0.24, 0.48, 0.5, C.black, 0.55, 0.24, 0);
    t.glow.quad(0.16, 0.005, '#35e0ff', 0.55, 0.4, 0.251);
  });
  group(t, { x: -0.35, z: 0.45, ry: Math.PI - 0.1 }, () => officeChair(b, '#3b3f48'));
  group(t, { x: 0.95, z: -0.35, ry: -0.25 }, () => serverRack(t, rand));
};

const drone: PropBuilder = (t) => {
  const b = t.solid;
  // landing pad with an H
  b.cylinder(0.75, 0.75, 0.012, C.orange, -0.3, 0.006, 0.1, 16);
  b.cylinder(0.6, 0.6, 0.002, '#f0f0f0', -0.3, 0.013, 0.1, 16);
  b.cylinder(0.58, 0.58, 0.002, C.orange, -0.3, 0.015, 0.1, 16);
  xf(b, { x: -0.3, y: 0.017, z: 0.1, rx: -Math.PI / 2 }, () => {
    b.quad(0.07, 0.4, C.white, -0.12, 0);
    b.quad(0.07, 0.4, C.white, 0.12, 0);
    b.quad(0.2, 0.07, C.white, 0, 0);
  });
  group(t, { x: -0.3, y: 0.017, z: 0.1, ry: 0.5 }, () => {
    // skids and landing legs
    for (const sx of [-1, 1]) {
      b.rod([sx * 0.22, 0.015, -0.25], [sx * 0.22, 0.015, 0.25], 0.012, C.black, 6);
      b.rod([sx * 0.22, 0.015, -0.12], [sx * 0.08, 0.42, -0.06], 0.012, C.black, 6);
      b.rod([sx * 0.22, 0.015, 0.12], [sx * 0.08, 0.42, 0.06], 0.012, C.black, 6);
    }
    const bodyY = 0.47;
    b.box(0.22, 0.09, 0.32, C.darkGrey, 0, bodyY, 0);
    b.sphere(0.15, C.charcoal, 0, bodyY + 0.05, 0, 10, 0.4);
    b.box(0.12, 0.06, 0.2, C.black, 0, bodyY + 0.1, -0.02);
    t.glow.quad(0.03, 0.012, '#3be36b', 0, bodyY + 0.1, 0.081);
    // four carbon arms to the motors, twin-blade props
    for (let i = 0; i < 4; i++) {
      const a = Math.PI / 4 + (i * Math.PI) / 2;
      const mx = Math.sin(a) * 0.5;
      const mz = Math.cos(a) * 0.5;
      b.rod([0, bodyY + 0.02, 0], [mx, bodyY + 0.06, mz], 0.016, C.black, 6);
      b.cylinder(0.04, 0.04, 0.06, C.charcoal, mx, bodyY + 0.08, mz, 10);
      b.cylinder(0.015, 0.015, 0.03, C.steel, mx, bodyY + 0.12, mz, 6);
      rbox(b, 0.46, 0.006, 0.035, C.black, mx, bodyY + 0.135, mz, 0, i * 0.7 + 0.3, 0);
      t.glow.box(0.02, 0.015, 0.02, mz > 0 ? '#ff2a2a' : '#2aff5a', mx, bodyY + 0.04, mz);
    }
    // gimbal and a small cinema camera under the nose
    b.box(0.04, 0.06, 0.04, C.darkGrey, 0, bodyY - 0.075, 0.05);
    b.box(0.24, 0.025, 0.04, C.darkGrey, 0, bodyY - 0.115, 0.05);
    for (const sx of [-1, 1]) b.box(0.025, 0.14, 0.04, C.darkGrey, sx * 0.12, bodyY - 0.19, 0.05);
    xcyl(b, 0.03, 0.28, C.black, 0, bodyY - 0.23, 0.05, 8);
    group(t, { y: bodyY - 0.3, z: 0.0, s: 0.55 }, () => cinemaCamera(t, false));
  });
  // open flight case with foam, remote controller and spare props
  group(t, { x: 0.85, z: -0.55, ry: -0.4 }, () => {
    b.box(0.75, 0.22, 0.55, C.black, 0, 0.11, 0);
    for (const sx of [-1, 1]) b.box(0.02, 0.225, 0.56, C.alu, sx * 0.375, 0.11, 0);
    b.box(0.7, 0.01, 0.5, '#3a3c40', 0, 0.222, 0);
    for (const sx of [-1, 1]) b.box(0.06, 0.04, 0.02, C.alu, sx * 0.2, 0.17, 0.285);
    group(t, { y: 0.22, z: -0.275, rx: -1.9 }, () => {
      b.box(0.75, 0.015, 0.55, C.black, 0, 0, 0.275);
      b.box(0.7, 0.02, 0.5, '#3a3c40', 0, -0.015, 0.275);
    });
    group(t, { x: -0.1, y: 0.235, z: 0.05 }, () => {
      b.box(0.22, 0.04, 0.13, C.darkGrey, 0, 0.02, 0);
      for (const sx of [-1, 1]) b.cylinder(0.006, 0.006, 0.04, C.black, sx * 0.07, 0.05, 0.01, 6);
      xf(b, { y: 0.04, z: -0.07, rx: -1.1 }, () => b.box(0.2, 0.12, 0.01, C.black, 0, 0.06, 0));
      xf(t.glow, { y: 0.04, z: -0.07, rx: -1.1 }, () => t.glow.quad(0.18, 0.1, '#3a7bd5', 0, 0.06, 0.006));
    });
    for (let k = 0; k < 2; k++) rbox(b, 0.42, 0.006, 0.035, C.black, 0.15, 0.232, -0.1 + k * 0.08, 0, 0.1, 0);
  });
};

/** VR headset standing on its face foam, visor toward +z, head strap looped behind. */
function vrHeadset(b: MeshBuilder, shell: ColorLike): void {
  const strap = shell === C.white ? C.lightGrey : C.charcoal;
  b.box(0.19, 0.11, 0.1, shell, 0, 0.065, 0);
  b.box(0.176, 0.096, 0.01, C.black, 0, 0.065, 0.051);
  for (const sx of [-1, 1]) b.box(0.016, 0.016, 0.004, '#3a3f4a', sx * 0.06, 0.095, 0.057);
  b.box(0.17, 0.08, 0.03, C.charcoal, 0, 0.065, -0.064);
  b.push().translate(0, 0.07, -0.15).scale(1, 1, 1.15);
  b.torus(0.085, 0.012, strap, 0, 0, 0, 12);
  b.pop();
  polyline(b, arcPoints(0, 0.07, -0.15, 0.098, 0.15, Math.PI - 0.15, 4, 'zy'), 0.01, strap, 4);
}

function controller(b: MeshBuilder, x: number, z: number, yaw: number): void {
  xf(b, { x, z, ry: yaw }, () => {
    b.rod([0, 0.02, 0], [0, 0.03, 0.13], 0.018, C.white, 6);
    xf(b, { y: 0.05, z: 0.15, rx: 0.7 }, () => b.torus(0.05, 0.01, C.white, 0, 0, 0, 10));
  });
}

const xrTable: PropBuilder = (t, _rand, words) => {
  const b = t.solid;
  group(t, { x: -0.25, z: -0.2 }, () => {
    const top = table(b, 1.6, 0.8, 0.76, C.white, C.steel);
    group(t, { x: -0.5, y: top, z: 0.12, ry: 0.35 }, () => vrHeadset(b, C.white));
    group(t, { x: -0.15, y: top, z: 0.16, ry: -0.15 }, () => vrHeadset(b, C.black));
    xf(b, { y: top }, () => {
      controller(b, 0.08, 0.22, 0.5);
      controller(b, 0.2, 0.26, -0.4);
    });
    // mirror monitor showing what the headset sees: two eye views side by side
    group(t, { x: -0.25, y: top, z: -0.22 }, () => {
      deskStand(b, 0.2);
      group(t, { y: 0.2 + 0.16 }, () => {
        monitor(t, 0.56, 0.32, {
          content: (g, w, h, z) => g.quad(w, h, '#050507', 0, 0, z),
        });
        for (const sx of [-1, 1]) t.screen.quad(0.26, 0.28, '#ffffff', sx * 0.137, 0, 0.006, ledSlice(0.57, 0.55, 0.62, 0.26 / 0.28));
      });
    });
    // phones lying on the table with lit screens
    for (let k = 0; k < 3; k++) {
      group(t, { x: 0.38 + k * 0.12, y: top, z: 0.15 - (k % 2) * 0.06, ry: (k - 1) * 0.2 }, () => {
        b.box(0.075, 0.009, 0.155, C.black, 0, 0.0045, 0);
        xf(t.glow, { y: 0.0095, rx: -Math.PI / 2 }, () => t.glow.quad(0.066, 0.142, ['#3a7bd5', '#e8622c', '#7e57c2'][k]!));
      });
    }
    // a phone in a table stand, playing back the 360 shot
    group(t, { x: 0.55, y: top, z: -0.2, ry: -0.2 }, () => {
      b.box(0.08, 0.02, 0.07, C.darkGrey, 0, 0.01, 0);
      xf(b, { y: 0.02, rx: -0.3 }, () => b.box(0.08, 0.16, 0.01, C.black, 0, 0.08, 0));
      xf(t.screen, { y: 0.02, rx: -0.3 }, () => t.screen.quad(0.07, 0.145, '#ffffff', 0, 0.08, 0.006, ledSlice(0.57, 0.5, 0.9, 0.07 / 0.145)));
    });
    b.rod([-0.7, top + 0.005, 0.3], [0.7, top + 0.005, 0.32], 0.003, C.white, 3);
    b.quad(0.44, 0.1, C.tape, 0, top - 0.06, 0.401);
    pixelText(b, words.xrLab, 0, top - 0.06, 0.402, 0.014, C.gripBlack);
  });
  // display pedestal with a headset on a head form and a glowing ring
  group(t, { x: 0.95, z: 0.35 }, () => {
    b.box(0.4, 1.05, 0.4, C.white, 0, 0.525, 0);
    b.box(0.42, 0.04, 0.42, C.lightGrey, 0, 1.07, 0);
    t.glow.cylinder(0.15, 0.15, 0.01, '#6fd0ff', 0, 1.095, 0, 12);
    b.cylinder(0.03, 0.04, 0.12, C.lightGrey, 0, 1.15, 0, 8);
    b.sphere(0.09, C.lightGrey, 0, 1.28, 0, 8, 1.2);
    // headset worn by the head form: visor over the face, strap round the back
    b.box(0.19, 0.11, 0.1, C.white, 0, 1.3, 0.1);
    b.box(0.17, 0.09, 0.01, C.black, 0, 1.3, 0.155);
    b.torus(0.1, 0.012, C.darkGrey, 0, 1.31, 0, 12);
  });
  // 360 camera on a slim tripod: a ball with six lenses
  group(t, { x: -1.1, z: 0.5 }, () => {
    for (let i = 0; i < 3; i++) {
      const a = (i * Math.PI * 2) / 3;
      b.rod([0, 0.5, 0], [Math.sin(a) * 0.32, 0.01, Math.cos(a) * 0.32], 0.009, C.black, 4);
    }
    b.rod([0, 0.45, 0], [0, 1.5, 0], 0.012, C.black, 6);
    b.sphere(0.075, C.charcoal, 0, 1.6, 0, 10);
    for (let i = 0; i < 6; i++) {
      const a = (i * Math.PI * 2) / 6;
      group(t, { y: 1.6, ry: a }, () => {
        zcyl(b, 0.028, 0.02, C.black, 0, 0, 0.075, 8);
        t.glow.quad(0.03, 0.03, '#1e2a44', 0, 0, 0.0855);
      });
    }
    t.glow.box(0.01, 0.01, 0.01, '#ff2a1a', 0, 1.68, 0.03);
  });
};

export const TECH_PROPS = {
  'edit-suite': editSuite,
  'ai-console': aiConsole,
  drone,
  'xr-table': xrTable,
} satisfies Record<string, PropBuilder>;
