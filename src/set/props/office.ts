import type { ColorLike, MeshBuilder } from '../mesh-builder';
import type { PropBuilder } from '../prop-types';
import { ledSlice } from '../led-scene';
import { format } from '../../ui/dom';
import { C, group, pixelText, rquad, scribbleLines, xf } from './kit';
import { coffeeCup, foldingChair, officeChair, table } from './gear';

/** Paper lying flat on a surface at height y, turned by yaw; writing faces up. */
function sheet(b: MeshBuilder, x: number, y: number, z: number, yaw: number, rand: () => number, title = '', w = 0.21, d = 0.29): void {
  xf(b, { x, y, z, ry: yaw }, () => {
    b.box(w, 0.004, d, C.paper, 0, 0.002, 0);
    xf(b, { y: 0.0045, rx: -Math.PI / 2 }, () => {
      if (title) pixelText(b, title, 0, d / 2 - 0.03, 0, 0.0045, C.gripBlack);
      scribbleLines(b, w - 0.04, d - 0.08, 9, '#9a9a9a', 0, rand, 0, -0.02);
    });
  });
}

const productionDesk: PropBuilder = (t, rand, words) => {
  const b = t.solid;
  group(t, { z: -0.25 }, () => {
    const top = 0.75;
    b.box(1.6, 0.04, 0.75, C.wood, 0, top - 0.02, 0);
    b.box(0.42, top - 0.04, 0.7, C.darkWood, 0.55, (top - 0.04) / 2, 0);
    for (let k = 0; k < 3; k++) b.box(0.12, 0.015, 0.02, C.steel, 0.55, 0.6 - k * 0.22, 0.36);
    b.box(0.04, top - 0.04, 0.7, C.darkWood, -0.76, (top - 0.04) / 2, 0);
    b.box(1.5, 0.4, 0.02, C.darkWood, 0, top - 0.24, -0.34);
    // laptop facing the chair (and the visitor behind it)
    group(t, { x: -0.15, y: top, z: 0.02, ry: 0.15 }, () => {
      b.box(0.34, 0.018, 0.24, C.lightGrey, 0, 0.009, 0);
      b.box(0.28, 0.002, 0.1, C.charcoal, 0, 0.019, -0.03);
      group(t, { y: 0.018, z: -0.12, rx: -0.28 }, () => {
        b.box(0.34, 0.23, 0.01, C.lightGrey, 0, 0.115, -0.005);
        t.glow.quad(0.31, 0.2, '#eef2f7', 0, 0.115, 0.001);
        // a spreadsheet: header row, coloured status cells, grid rows
        t.glow.quad(0.31, 0.02, '#2b6cb0', 0, 0.205, 0.002);
        for (let r = 0; r < 7; r++) {
          for (let c = 0; c < 4; c++) {
            const col = c === 3 ? ['#5cc27a', '#f3c34a', '#e06a5a'][(r + c) % 3]! : '#c9d2de';
            t.glow.quad(0.065, 0.014, col, -0.11 + c * 0.074, 0.175 - r * 0.022, 0.002);
          }
        }
      });
    });
    // call sheets, a clipboard, phone, coffee
    for (let k = 0; k < 4; k++) sheet(b, 0.25, top + k * 0.004, 0.1, 0.2 + k * 0.05, rand, k === 3 ? words.callSheet : '');
    sheet(b, 0.48, top, 0.18, -0.3, rand, format(words.dayNumber, { n: 14 }));
    group(t, { x: -0.58, y: top, z: 0.12, ry: -0.2 }, () => {
      b.box(0.23, 0.008, 0.32, '#8a6a45', 0, 0.004, 0);
      b.box(0.1, 0.015, 0.03, C.chrome, 0, 0.012, -0.14);
      sheet(b, 0, 0.009, 0.01, 0, rand, words.crewList, 0.2, 0.26);
    });
    group(t, { x: 0.12, y: top, z: 0.22, ry: 0.6 }, () => {
      b.box(0.075, 0.01, 0.15, C.black, 0, 0.005, 0);
      xf(t.glow, { y: 0.0105, rx: -Math.PI / 2 }, () => t.glow.quad(0.065, 0.135, '#3a7bd5'));
    });
    coffeeCup(b, 0.62, top, 0.05);
    // walkie charger bank: six radios with antennas and charge lights
    group(t, { x: 0.3, y: top, z: -0.22 }, () => {
      b.box(0.58, 0.06, 0.13, C.black, 0, 0.03, 0);
      for (let k = 0; k < 6; k++) {
        const x = -0.24 + k * 0.096;
        b.box(0.06, 0.15, 0.035, C.gripBlack, x, 0.135, 0);
        b.rod([x + 0.018, 0.21, 0], [x + 0.018, 0.3, 0], 0.006, C.black, 4);
        b.box(0.01, 0.02, 0.01, C.orange, x - 0.015, 0.22, 0);
        t.glow.quad(0.012, 0.008, k === 4 ? '#ff3b2f' : '#3be36b', x, 0.045, 0.066);
      }
    });
    // binders
    for (let k = 0; k < 3; k++) b.box(0.06, 0.3, 0.26, ['#2f65b8', '#c23b2f', C.black][k]!, -0.7 + k * 0.065, top + 0.15, -0.2);
  });
  // chair pushed back from the desk, so the desk top stays in view
  group(t, { x: -0.45, z: 0.6, ry: Math.PI + 0.7 }, () => officeChair(b));
};

const scheduleBoard: PropBuilder = (t, _rand, words) => {
  const b = t.solid;
  // aluminium easel: two front legs, one back leg, board ledge
  for (const sx of [-1, 1]) b.rod([sx * 0.75, 0, 0.18], [sx * 0.62, 2.15, 0.0], 0.018, C.alu, 5);
  b.rod([0, 0, -0.75], [0, 2.05, -0.02], 0.018, C.alu, 5);
  b.rod([-0.6, 1.95, 0.0], [0.6, 1.95, 0.0], 0.014, C.alu, 5);
  group(t, { y: 0.72, z: 0.12, rx: -0.08 }, () => {
    b.box(1.7, 0.03, 0.1, C.alu, 0, 0, 0.03);
    for (let k = 0; k < 3; k++) b.box(0.14, 0.018, 0.018, [C.black, C.red, C.blue][k]!, -0.5 + k * 0.18, 0.024, 0.04);
    const W = 1.7;
    const H = 1.15;
    b.box(W, H, 0.025, C.white, 0, H / 2 + 0.015, 0);
    b.box(W + 0.03, 0.025, 0.03, C.alu, 0, H + 0.02, 0);
    for (const sx of [-1, 1]) b.box(0.025, H, 0.03, C.alu, sx * (W / 2 + 0.01), H / 2 + 0.015, 0);
    const z = 0.013;
    pixelText(b, words.shootingSchedule, -0.2, H - 0.06, z, 0.012, C.gripBlack);
    pixelText(b, format(words.weekNumber, { n: 3 }), 0.62, H - 0.06, z, 0.012, C.red);
    // stripboard: scene strips coloured by day/night, int/ext; black day-break strips
    const stripColors = ['#f7f5ee', '#f5d94a', '#3f6fc4', '#4c9c58'];
    const days = [7, 6, 8, 5];
    let x = -W / 2 + 0.08;
    const sy = 0.52;
    b.quad(0.92, 0.7, '#2a2b30', -W / 2 + 0.5, sy, z - 0.0005);
    days.forEach((n, d) => {
      for (let k = 0; k < n; k++) {
        const col = stripColors[(k * 7 + d * 3) % 4]!;
        b.quad(0.03, 0.62, col, x, sy, z);
        b.quad(0.018, 0.02, C.gripBlack, x, sy + 0.26, z + 0.001);
        b.quad(0.012, 0.1, '#555555', x, sy + 0.1 - (k % 3) * 0.05, z + 0.001);
        x += 0.034;
      }
      b.quad(0.03, 0.62, C.gripBlack, x, sy, z);
      xf(b, { x, y: sy, z: z + 0.001, rz: Math.PI / 2 }, () => pixelText(b, format(words.dayNumber, { n: d + 12 }), 0, 0, 0, 0.0055, C.white));
      x += 0.04;
    });
    // whiteboard notes on the right: call times in marker
    const nx = 0.55;
    pixelText(b, format(words.callTime, { time: '6:00' }), nx, 0.82, z, 0.01, C.blue, 'center');
    pixelText(b, format(words.sunsetTime, { time: '7:42' }), nx, 0.7, z, 0.008, C.red, 'center');
    for (let k = 0; k < 4; k++) b.quad(0.3 - k * 0.04, 0.008, '#4a4a4a', nx - 0.02, 0.55 - k * 0.07, z);
    for (let k = 0; k < 4; k++) b.cylinder(0.015, 0.015, 0.012, [C.red, C.yellow, C.green, C.blue][k]!, nx - 0.12 + k * 0.08, 0.22, z, 8);
  });
};

const scriptTable: PropBuilder = (t, rand, words) => {
  const b = t.solid;
  const top = table(b, 2.4, 0.9, 0.75, C.white, C.charcoal);
  b.box(2.42, 0.25, 0.92, '#f4f2ec', 0, top - 0.12, 0);
  const names = ['MAYA', words.detective, 'RUTH', 'JONAH', words.director, 'KAI'];
  const seats: [number, number][] = [[-0.8, 1], [0, 1], [0.8, 1], [-0.8, -1], [0, -1], [0.8, -1]];
  seats.forEach(([x, side], i) => {
    const z = side * 0.27;
    const yaw = side > 0 ? 0 : Math.PI;
    group(t, { x, y: top, z, ry: yaw + (rand() - 0.5) * 0.25 }, () => {
      // script: card cover, page block, two brass brads
      b.box(0.22, 0.028, 0.28, C.paper, 0, 0.014, 0);
      b.box(0.222, 0.003, 0.282, i === 4 ? '#f2d98a' : '#eae6da', 0, 0.0295, 0);
      for (const dz of [-0.09, 0.09]) b.box(0.012, 0.004, 0.012, '#c9a13b', -0.09, 0.032, dz);
      xf(b, { y: 0.032, rx: -Math.PI / 2 }, () => pixelText(b, format(words.scriptDraft, { n: 4 }), 0.01, 0.02, 0, 0.005, C.gripBlack));
      b.rod([0.14, 0.006, -0.06], [0.15, 0.006, 0.1], 0.004, C.yellow, 4);
    });
    // tent card with the character name printed on both faces
    group(t, { x, y: top, z: side * 0.06 }, () => {
      for (const s of [1, -1]) {
        xf(b, { y: 0.032, z: s * 0.015, ry: s > 0 ? 0 : Math.PI, rx: -0.4 }, () => {
          b.quad(0.16, 0.07, C.white);
          pixelText(b, names[i]!, 0, 0, 0.001, 0.006, C.gripBlack);
        });
      }
    });
    // water bottle
    b.cylinder(0.03, 0.03, 0.2, '#9fd0e8', x + 0.19, top + 0.1, side * 0.2, 6);
    b.cylinder(0.016, 0.016, 0.02, C.blue, x + 0.19, top + 0.21, side * 0.2, 6);
    group(t, { x, z: side * 0.72, ry: side > 0 ? Math.PI : 0 }, () => foldingChair(b));
  });
  coffeeCup(b, -1.05, top, -0.05);
  b.cylinder(0.06, 0.05, 0.22, '#d2e6ef', 0.4, top + 0.11, 0, 8);
};

/** A storyboard card: paper, panel border, a few sketched strokes, caption lines. */
function boardCard(b: MeshBuilder, x: number, y: number, z: number, rand: () => number, kind: number): void {
  const ink = '#2d2d33';
  const w = 0.4;
  const ph = 0.23;
  b.quad(w + 0.04, ph + 0.12, C.paper, x, y, z);
  const py = y + 0.035;
  const zi = z + 0.001;
  for (const sy of [-1, 1]) b.quad(w, 0.006, ink, x, py + (sy * ph) / 2, zi);
  for (const sx of [-1, 1]) b.quad(0.006, ph, ink, x + (sx * w) / 2, py, zi);
  const hy = py - ph / 2 + 0.05 + rand() * 0.06;
  const line = (x0: number, y0: number, len: number, a: number, th = 0.005): void => rquad(b, len, th, ink, x + x0, y0, zi, 0, 0, a);
  if (kind % 3 === 0) {
    // wide shot: horizon, mesa, tiny rider
    line(0, hy, w - 0.02, 0);
    line(-0.08, hy + 0.04, 0.12, 0.6);
    line(0.0, hy + 0.04, 0.12, -0.6);
    line(0.1, hy + 0.015, 0.07, 0.3);
    b.quad(0.012, 0.03, ink, x + 0.12, hy + 0.02, zi);
  } else if (kind % 3 === 1) {
    // close-up: head and shoulders with a speed arrow
    b.quad(0.06, 0.07, ink, x - 0.03, py + 0.02, zi);
    b.quad(0.05, 0.06, C.paper, x - 0.03, py + 0.02, zi + 0.0005);
    line(-0.03, py - 0.07, 0.16, 0);
    line(-0.1, py - 0.04, 0.1, 0.9);
    line(0.04, py - 0.04, 0.1, -0.9);
    line(0.13, py + 0.04, 0.08, 0);
    line(0.16, py + 0.05, 0.03, -0.7);
    line(0.16, py + 0.03, 0.03, 0.7);
  } else {
    // action: car with wheels, motion lines
    b.quad(0.16, 0.045, ink, x, hy + 0.03, zi);
    b.quad(0.08, 0.03, ink, x - 0.01, hy + 0.065, zi);
    b.quad(0.03, 0.03, ink, x - 0.05, hy + 0.0, zi);
    b.quad(0.03, 0.03, ink, x + 0.05, hy + 0.0, zi);
    for (let k = 0; k < 3; k++) line(-0.15, hy + 0.015 + k * 0.02, 0.06, 0, 0.004);
    line(0, hy - 0.02, w - 0.02, 0, 0.004);
  }
  scribbleLines(b, w - 0.04, 0.08, 3, '#8a8a8a', zi, rand, x, y - ph / 2 - 0.04);
  b.cylinder(0.008, 0.008, 0.012, kind % 2 ? C.red : C.blue, x, y + 0.165, z + 0.006, 6);
}

const storyboardWall: PropBuilder = (t, rand, words) => {
  const b = t.solid;
  const W = 2.7;
  const H = 1.55;
  const y0 = 0.55;
  // rolling board: uprights on castered feet, cork face in a black frame
  for (const sx of [-1, 1]) {
    const x = sx * (W / 2 - 0.1);
    b.box(0.05, y0 + H + 0.1, 0.05, C.darkGrey, x, (y0 + H + 0.1) / 2, -0.05);
    b.box(0.06, 0.05, 0.7, C.darkGrey, x, 0.08, -0.05);
    for (const sz of [-1, 1]) b.sphere(0.035, C.rubber, x, 0.035, -0.05 + sz * 0.32, 6);
  }
  b.box(W, H, 0.04, '#b48a5a', 0, y0 + H / 2, 0);
  b.box(W + 0.04, 0.04, 0.05, C.black, 0, y0 + H, 0);
  b.box(W + 0.04, 0.04, 0.05, C.black, 0, y0, 0);
  for (const sx of [-1, 1]) b.box(0.04, H, 0.05, C.black, (sx * (W + 0.0)) / 2, y0 + H / 2, 0);
  const z = 0.021;
  b.quad(1.1, 0.09, C.paper, -0.6, y0 + H - 0.09, z);
  pixelText(b, format(words.storyboardScene, { n: 24, title: words.storyboardTitle }), -0.6, y0 + H - 0.09, z + 0.001, 0.011, C.gripBlack);
  let kind = 0;
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 5; c++) {
      const x = -1.04 + c * 0.52;
      const y = y0 + H - 0.34 - r * 0.42;
      if ((r === 0 && c === 4) || (r === 2 && c === 1)) {
        // colour key frames from the concept artist: a slice of the LED-wall world
        b.quad(0.44, 0.35, C.paper, x, y, z);
        t.screen.quad(0.4, 0.23, '#ffffff', x, y + 0.035, z + 0.001, ledSlice(0.15 + c * 0.15, 0.4, 0.45, 0.4 / 0.23));
        scribbleLines(b, 0.36, 0.08, 3, '#8a8a8a', z + 0.001, rand, x, y - 0.155);
        b.cylinder(0.008, 0.008, 0.012, C.yellow, x, y + 0.165, z + 0.006, 6);
      } else {
        boardCard(b, x, y, z, rand, kind++);
      }
    }
  }
  // sticky notes along the bottom edge
  for (let k = 0; k < 5; k++) rquad(b, 0.08, 0.08, ['#f7e26b', '#f59ac0', '#8fd3f5'][k % 3]!, 0.5 + k * 0.12, y0 + 0.07, z, 0, 0, (rand() - 0.5) * 0.3);
};

/** Movie poster in a black frame, facing +z: background, key art, title, credit block. */
function poster(b: MeshBuilder, x: number, y: number, z: number, bg: ColorLike, accent: ColorLike, title: string, inCinemas: string, art: (b: MeshBuilder, zi: number) => void): void {
  const w = 0.62;
  const h = 0.92;
  b.box(w + 0.05, h + 0.05, 0.03, C.black, x, y, z + 0.015);
  xf(b, { x, y, z: z + 0.031 }, () => {
    b.quad(w, h, bg, 0, 0, 0);
    art(b, 0.001);
    pixelText(b, title, 0, -h / 2 + 0.2, 0.004, title.length > 8 ? 0.011 : 0.015, accent);
    for (let k = 0; k < 3; k++) b.quad(w - 0.12, 0.008, '#bdbdbd', 0, -h / 2 + 0.1 - k * 0.018, 0.004);
    pixelText(b, inCinemas, 0, -h / 2 + 0.035, 0.004, 0.005, '#e8e8e8');
  });
}

const posterWall: PropBuilder = (t, _rand, words) => {
  const b = t.solid;
  const W = 2.8;
  const H = 2.5;
  const zf = -0.45;
  b.box(W, H, 0.08, '#262931', 0, H / 2, zf - 0.04);
  for (const x of [-1.1, 1.1]) {
    b.rod([x, 2.0, zf - 0.1], [x, 0.03, zf - 0.8], 0.025, C.plywood, 4);
    b.box(0.08, 0.04, 0.75, C.plywood, x, 0.02, zf - 0.45);
    b.box(0.2, 0.1, 0.12, C.gripBlack, x, 0.09, zf - 0.7);
  }
  const py = 1.42;
  poster(b, -1.02, py, zf, '#131a2e', '#f2c14e', words.filmNightShift, words.inCinemas, (p, zi) => {
    p.quad(0.3, 0.3, '#f2c14e', 0.1, 0.22, zi);
    p.quad(0.26, 0.26, '#131a2e', 0.15, 0.26, zi + 0.001);
    for (let k = 0; k < 5; k++) p.quad(0.08, 0.2 + k * 0.07, '#2a3553', -0.24 + k * 0.12, -0.12 + k * 0.035, zi + 0.002);
  });
  t.screen.quad(0.62, 0.6, '#ffffff', -0.34, py + 0.16, zf + 0.032, ledSlice(0.57, 0.5, 0.95, 0.62 / 0.6));
  poster(b, -0.34, py, zf, '#2b1b12', '#ffd9a0', words.filmDuneRun, words.inCinemas, () => undefined);
  poster(b, 0.34, py, zf, '#7a1f1f', '#ffffff', words.filmHeist, words.inCinemas, (p, zi) => {
    p.quad(0.5, 0.5, '#e8e2d6', 0, 0.12, zi);
    p.quad(0.12, 0.36, '#1a1a1a', -0.06, 0.07, zi + 0.001);
    p.quad(0.12, 0.12, '#1a1a1a', -0.06, 0.32, zi + 0.001);
    p.quad(0.2, 0.05, '#1a1a1a', 0.08, 0.15, zi + 0.001);
  });
  poster(b, 1.02, py, zf, '#0c2f3a', '#7ef0e0', words.filmOrbit, words.inCinemas, (p, zi) => {
    p.quad(0.36, 0.36, '#1e7f8a', 0, 0.15, zi);
    xf(p, { y: 0.15, rz: 0.785 }, () => p.quad(0.26, 0.26, '#7ef0e0', 0, 0, zi + 0.001));
    for (let k = 0; k < 9; k++) p.quad(0.008, 0.008, '#ffffff', -0.26 + ((k * 71) % 50) / 100, 0.0 + ((k * 37) % 40) / 100, zi + 0.002);
  });
  // picture lights over the posters
  for (const x of [-1.02, -0.34, 0.34, 1.02]) {
    b.rod([x, 2.2, zf], [x, 2.25, zf + 0.25], 0.01, C.black, 4);
    b.cylinder(0.04, 0.05, 0.12, C.black, x, 2.2, zf + 0.28, 8);
    t.glow.cylinder(0.045, 0.045, 0.004, '#fff1cf', x, 2.138, zf + 0.28, 8);
  }
  pixelText(b, words.nowShowing, 0, 2.35, zf + 0.001, 0.02, '#e8e2d6');
  // "coming soon" standee: printed silhouette on a cardboard cut-out with a back strut
  group(t, { x: 1.1, z: 0.8, ry: -0.55 }, () => {
    b.box(0.9, 1.75, 0.02, '#15151a', 0, 0.875, 0);
    const zs = 0.011;
    b.quad(0.84, 1.1, '#1d0f2a', 0, 1.2, zs);
    // eclipse: a black disc over a blazing corona, a lone figure on a ridge below
    xf(b, { y: 1.35, z: zs + 0.001, rx: Math.PI / 2 }, () => {
      b.cylinder(0.3, 0.3, 0.001, '#ffb347', 0, 0, 0, 16);
      b.cylinder(0.25, 0.25, 0.001, '#ffe08a', 0, 0.001, 0, 16);
      b.cylinder(0.23, 0.23, 0.001, '#0a0a0a', 0.02, 0.002, 0.01, 16);
    });
    b.quad(0.84, 0.12, '#0a0a0a', 0, 0.71, zs + 0.001);
    rquad(b, 0.5, 0.1, '#0a0a0a', -0.2, 0.78, zs + 0.001, 0, 0, 0.25);
    b.quad(0.035, 0.11, '#0a0a0a', 0.12, 0.83, zs + 0.002);
    b.quad(0.03, 0.03, '#0a0a0a', 0.12, 0.9, zs + 0.002);
    pixelText(b, words.comingLine1, 0, 0.47, zs + 0.001, 0.028, '#ffe08a');
    pixelText(b, words.comingLine2, 0, 0.35, zs + 0.001, 0.028, '#ffe08a');
    pixelText(b, words.filmEclipse, 0, 0.16, zs + 0.001, 0.02, '#ffb347');
    b.rod([0, 1.0, -0.01], [0, 0.02, -0.5], 0.012, '#b08a5a', 4);
  });
  // vertical digital screen shaped like a giant phone, playing a trailer
  group(t, { x: -0.95, z: 0.35, ry: 0.3 }, () => {
    b.box(0.5, 0.03, 0.4, C.charcoal, 0, 0.015, 0);
    b.box(0.08, 0.7, 0.08, C.charcoal, 0, 0.38, 0);
    b.box(0.62, 1.12, 0.06, C.black, 0, 1.3, 0);
    const zs = 0.031;
    t.glow.quad(0.56, 1.0, '#0b0b14', 0, 1.3, zs);
    t.glow.quad(0.56, 0.5, '#e8622c', 0, 1.38, zs + 0.001);
    t.glow.quad(0.56, 0.22, '#ffbb55', 0, 1.24, zs + 0.002);
    t.glow.quad(0.22, 0.28, '#241030', 0.06, 1.38, zs + 0.003);
    t.glow.quad(0.4, 0.03, '#ffffff', -0.06, 1.05, zs + 0.001);
    t.glow.quad(0.3, 0.02, '#9a9aa6', -0.11, 1.0, zs + 0.001);
    for (let k = 0; k < 3; k++) t.glow.quad(0.05, 0.05, k === 0 ? '#ff3b6b' : '#ffffff', 0.22, 1.2 + k * 0.09, zs + 0.004);
    t.glow.quad(0.5, 0.008, '#5a5a66', 0, 0.86, zs + 0.001);
    t.glow.quad(0.22, 0.008, '#ff3b6b', -0.14, 0.86, zs + 0.002);
    b.box(0.12, 0.015, 0.01, C.charcoal, 0, 1.83, 0.032);
    t.glow.quad(0.2, 0.012, '#e6e6ee', 0, 1.72, zs + 0.001);
  });
};

export const OFFICE_PROPS = {
  'production-desk': productionDesk,
  'schedule-board': scheduleBoard,
  'script-table': scriptTable,
  'storyboard-wall': storyboardWall,
  'poster-wall': posterWall,
} satisfies Record<string, PropBuilder>;
