import type { ColorLike, MeshBuilder, Vec3 } from '../mesh-builder';
import type { PropTargets } from '../prop-types';
import { ledSlice } from '../led-scene';
import { C, arcPoints, frustum, group, pixelText, polyline, rbox, xcyl, xf, zcyl } from './kit';

/**
 * Pieces of kit that appear in several props: stands, chairs, tables, monitors, the cinema camera.
 * Each draws in the caller's current frame.
 */

/** Shot bag draped over a stand leg: two squashed lumps either side of the leg. */
export function sandbag(b: MeshBuilder, x: number, z: number, yaw: number, color: ColorLike = C.sandbag): void {
  xf(b, { x, z, ry: yaw }, () => {
    for (const sz of [-1, 1]) b.push().translate(0, 0.05, sz * 0.065).scale(0.13, 0.055, 0.07).sphere(1, color, 0, 0, 0, 8).pop();
    b.box(0.17, 0.035, 0.07, color, 0, 0.095, 0);
    b.box(0.05, 0.03, 0.012, C.gripBlack, 0, 0.12, 0);
  });
}

/**
 * Chrome C-stand (Century stand): turtle base with three legs at staggered heights, a three-riser
 * column and a grip head on top. Returns the head position.
 */
export function cStand(b: MeshBuilder, height: number, legYaw = 0, bag = true): Vec3 {
  const legs = [0, 1, 2].map((i) => legYaw + (i * Math.PI * 2) / 3);
  legs.forEach((a, i) => {
    const attach = 0.11 + i * 0.07;
    const fx = Math.sin(a) * 0.45;
    const fz = Math.cos(a) * 0.45;
    b.rod([Math.sin(a) * 0.03, attach, Math.cos(a) * 0.03], [fx, 0.02, fz], 0.011, C.chrome, 5);
    b.box(0.03, 0.025, 0.05, C.rubber, fx, 0.0125, fz);
  });
  b.cylinder(0.032, 0.032, 0.26, C.steel, 0, 0.2, 0, 8);
  const s1 = Math.min(height, 1.25);
  b.cylinder(0.017, 0.017, s1 - 0.08, C.chrome, 0, 0.08 + (s1 - 0.08) / 2, 0, 6);
  b.cylinder(0.013, 0.013, height - s1 + 0.05, C.chrome, 0, (s1 + height) / 2, 0, 6);
  b.box(0.03, 0.04, 0.03, C.steel, 0, s1, 0);
  b.rod([0, s1, 0], [0.06, s1, 0], 0.006, C.steel, 4);
  b.box(0.025, 0.02, 0.012, C.gripBlack, 0.07, s1, 0);
  if (bag) sandbag(b, Math.sin(legs[0]!) * 0.3, Math.cos(legs[0]!) * 0.3, legs[0]! + Math.PI / 2);
  return [0, height, 0];
}

/** Grip head (knuckle): two discs on a horizontal bolt with a T-handle, axis along x. */
export function gripHead(b: MeshBuilder, x: number, y: number, z: number): void {
  xcyl(b, 0.035, 0.022, C.steel, x - 0.012, y, z, 8);
  xcyl(b, 0.035, 0.022, C.steel, x + 0.012, y, z, 8);
  b.rod([x + 0.023, y, z], [x + 0.07, y, z], 0.006, C.steel, 4);
  b.box(0.012, 0.05, 0.012, C.gripBlack, x + 0.075, y, z);
}

/** Three-leg light stand (baby / combo stand), black; returns the spigot top. */
export function lightStand(b: MeshBuilder, height: number, spread = 0.5, color: ColorLike = C.gripBlack, legYaw = 0): Vec3 {
  const collar = 0.55;
  for (let i = 0; i < 3; i++) {
    const a = legYaw + (i * Math.PI * 2) / 3;
    const fx = Math.sin(a) * spread;
    const fz = Math.cos(a) * spread;
    b.rod([0, collar, 0], [fx, 0.02, fz], 0.012, color, 5);
    b.rod([0, 0.3, 0], [fx * 0.5, 0.29, fz * 0.5], 0.007, color, 4);
    b.box(0.03, 0.03, 0.04, C.rubber, fx, 0.015, fz);
  }
  b.cylinder(0.03, 0.03, 0.08, color, 0, collar, 0, 8);
  b.cylinder(0.02, 0.02, 1.05 - 0.25, color, 0, 0.25 + 0.4, 0, 6);
  b.cylinder(0.015, 0.015, height - 1.0, C.alu, 0, (1.0 + height) / 2, 0, 6);
  b.box(0.045, 0.04, 0.045, color, 0, 1.04, 0);
  b.rod([0, 1.04, 0], [0, 1.04, 0.07], 0.005, color, 4);
  return [0, height, 0];
}

/** Folding production table; returns the top surface height. */
export function table(b: MeshBuilder, w: number, d: number, h: number, top: ColorLike = C.plywood, legs: ColorLike = C.charcoal): number {
  b.box(w, 0.035, d, top, 0, h - 0.0175, 0);
  b.box(w - 0.06, 0.06, 0.02, legs, 0, h - 0.065, d / 2 - 0.05);
  b.box(w - 0.06, 0.06, 0.02, legs, 0, h - 0.065, -d / 2 + 0.05);
  for (const sx of [-1, 1]) {
    for (const sz of [-1, 1]) b.box(0.035, h - 0.035, 0.035, legs, sx * (w / 2 - 0.08), (h - 0.035) / 2, sz * (d / 2 - 0.08));
    b.rod([sx * (w / 2 - 0.08), 0.12, -d / 2 + 0.08], [sx * (w / 2 - 0.08), 0.12, d / 2 - 0.08], 0.01, legs, 4);
  }
  return h;
}

/**
 * Director's chair: wooden frame with crossed legs, black canvas seat and back with a printed
 * name on both faces of the back. Faces +z.
 */
export function directorChair(t: PropTargets, name: string, tall = false): void {
  const b = t.solid;
  const seat = tall ? 0.76 : 0.46;
  const w = 0.56;
  const d = 0.44;
  const wood = C.wood;
  for (const z of [d / 2 - 0.02, -d / 2 + 0.02]) {
    b.rod([-w / 2, 0.02, z], [w / 2, seat, z], 0.018, wood, 6);
    b.rod([w / 2, 0.02, z], [-w / 2, seat, z], 0.018, wood, 6);
  }
  for (const sx of [-1, 1]) {
    const x = sx * (w / 2);
    b.box(0.035, 0.035, d, wood, x, seat, 0);
    b.box(0.035, 0.035, d, wood, x, 0.03, 0);
    b.box(0.03, 0.22, 0.03, wood, x, seat + 0.11, d / 2 - 0.03);
    b.box(0.03, seat < 0.5 ? 0.52 : 0.54, 0.03, wood, x, seat + 0.26, -d / 2 + 0.03);
    b.box(0.06, 0.025, d + 0.04, wood, x, seat + 0.23, 0.01);
  }
  if (tall) {
    b.box(w, 0.03, 0.05, wood, 0, 0.3, d / 2 + 0.02);
  }
  b.box(w - 0.02, 0.012, d - 0.04, C.canvasBlack, 0, seat - 0.01, 0);
  const backY = seat + 0.38;
  b.box(w + 0.04, 0.2, 0.012, C.canvasBlack, 0, backY, -d / 2 + 0.03);
  pixelText(b, name, 0, backY, -d / 2 + 0.03 + 0.0065, 0.012, C.white);
  xf(b, { z: -d / 2 + 0.03, ry: Math.PI }, () => pixelText(b, name, 0, backY, 0.0065, 0.012, C.white));
}

/** Grey metal folding chair, faces +z. */
export function foldingChair(b: MeshBuilder, color: ColorLike = C.darkGrey): void {
  b.box(0.42, 0.03, 0.4, color, 0, 0.45, 0.02);
  b.box(0.4, 0.2, 0.025, color, 0, 0.78, -0.2);
  for (const sx of [-1, 1]) {
    b.rod([sx * 0.2, 0.01, 0.2], [sx * 0.2, 0.9, -0.21], 0.011, C.steel, 5);
    b.rod([sx * 0.2, 0.01, -0.18], [sx * 0.2, 0.45, 0.15], 0.011, C.steel, 5);
  }
}

/** Office chair on a five-star base, faces +z. */
export function officeChair(b: MeshBuilder, color: ColorLike = C.charcoal): void {
  for (let i = 0; i < 5; i++) {
    const a = (i * Math.PI * 2) / 5;
    b.rod([0, 0.08, 0], [Math.sin(a) * 0.3, 0.06, Math.cos(a) * 0.3], 0.018, C.black, 4);
    b.sphere(0.028, C.black, Math.sin(a) * 0.3, 0.028, Math.cos(a) * 0.3, 6);
  }
  b.cylinder(0.025, 0.025, 0.36, C.steel, 0, 0.26, 0, 6);
  b.box(0.5, 0.08, 0.48, color, 0, 0.47, 0.02);
  b.box(0.46, 0.52, 0.07, color, 0, 0.85, -0.24);
  b.box(0.05, 0.2, 0.05, C.black, 0, 0.55, -0.23);
  for (const sx of [-1, 1]) {
    b.box(0.05, 0.025, 0.26, C.black, sx * 0.27, 0.67, 0.0);
    b.box(0.025, 0.16, 0.04, C.black, sx * 0.27, 0.58, -0.05);
  }
}

/**
 * Monitor facing +z, centred on its screen. With uv it shows a slice of the LED-volume picture
 * (what the camera sees); otherwise content draws flat glow graphics on the screen plane.
 */
export function monitor(t: PropTargets, w: number, h: number, opts: { uv?: readonly [number, number, number, number]; hood?: boolean; content?: (glow: MeshBuilder, w: number, h: number, z: number) => void; bezel?: ColorLike } = {}): void {
  const bezel = opts.bezel ?? C.black;
  t.solid.box(w + 0.03, h + 0.03, 0.04, bezel, 0, 0, -0.02);
  t.solid.box(w * 0.6, h * 0.6, 0.03, C.charcoal, 0, 0, -0.055);
  if (opts.uv) t.screen.quad(w, h, '#ffffff', 0, 0, 0.002, opts.uv);
  else t.glow.quad(w, h, C.screenDark, 0, 0, 0.002);
  opts.content?.(t.glow, w, h, 0.004);
  if (opts.hood) {
    const hd = Math.min(0.22, w * 0.4);
    t.solid.box(w + 0.05, 0.01, hd, C.black, 0, h / 2 + 0.02, hd / 2);
    t.solid.box(0.01, h + 0.04, hd, C.black, -w / 2 - 0.025, 0, hd / 2);
    t.solid.box(0.01, h + 0.04, hd, C.black, w / 2 + 0.025, 0, hd / 2);
  }
  t.glow.box(0.008, 0.008, 0.004, '#3cff6a', w / 2 - 0.01, -h / 2 - 0.009, 0.001);
}

/** Desk stand under a monitor: foot plate and a neck h tall; the caller puts the screen on top. */
export function deskStand(b: MeshBuilder, h: number): void {
  b.box(0.22, 0.015, 0.16, C.black, 0, 0.0075, 0);
  b.box(0.04, h, 0.025, C.black, 0, h / 2, -0.05);
}

/**
 * Cinema camera (ALEXA-style) pointing +z, origin under the centre of the body at the base of
 * its baseplate: lens, clamp-on matte box with a French flag, top handle, EVF, rods, follow focus,
 * battery and a red tally. About 0.7 m long.
 */
export function cinemaCamera(t: PropTargets, withMatteBox = true): void {
  const b = t.solid;
  // baseplate and 15 mm rods
  b.box(0.14, 0.025, 0.34, C.charcoal, 0, 0.0125, 0.02);
  for (const sx of [-1, 1]) b.rod([sx * 0.03, 0.04, -0.05], [sx * 0.03, 0.04, 0.42], 0.0075, C.chrome, 5);
  // body
  b.box(0.16, 0.17, 0.28, C.gripBlack, 0, 0.025 + 0.085, 0);
  b.box(0.15, 0.15, 0.05, C.charcoal, 0, 0.11, -0.16);
  b.box(0.13, 0.1, 0.06, C.darkGrey, 0, 0.1, -0.21);
  b.box(0.003, 0.12, 0.2, C.charcoal, 0.081, 0.11, -0.01);
  b.box(0.003, 0.04, 0.06, '#2b5fa8', 0.082, 0.16, 0.06);
  // lens mount, lens barrel with focus ring
  zcyl(b, 0.05, 0.03, C.steel, 0, 0.11, 0.155, 10);
  zcyl(b, 0.052, 0.2, C.black, 0, 0.11, 0.27, 10);
  zcyl(b, 0.058, 0.04, C.charcoal, 0, 0.11, 0.23, 10);
  zcyl(b, 0.06, 0.03, C.charcoal, 0, 0.11, 0.34, 10);
  t.glow.quad(0.06, 0.06, '#24324a', 0, 0.11, 0.372);
  // follow focus on the rods
  b.box(0.04, 0.06, 0.04, C.charcoal, -0.075, 0.07, 0.23);
  xcyl(b, 0.025, 0.02, C.lightGrey, -0.105, 0.07, 0.23, 8);
  // top handle
  b.box(0.03, 0.02, 0.26, C.charcoal, 0, 0.245, 0.0);
  b.box(0.03, 0.04, 0.02, C.charcoal, 0, 0.225, 0.11);
  b.box(0.03, 0.04, 0.02, C.charcoal, 0, 0.225, -0.11);
  // EVF on the operator side
  b.rod([-0.08, 0.18, 0.02], [-0.13, 0.2, -0.1], 0.01, C.charcoal, 5);
  b.box(0.05, 0.05, 0.12, C.gripBlack, -0.13, 0.2, -0.14);
  zcyl(b, 0.025, 0.04, C.rubber, -0.13, 0.2, -0.22, 8);
  // small on-board monitor on the other side
  b.box(0.012, 0.08, 0.12, C.black, 0.1, 0.19, -0.02);
  t.screen.push().translate(0.107, 0.19, -0.02).rotateY(Math.PI / 2).quad(0.1, 0.065, '#fff', 0, 0, 0, ledSlice(0.55, 0.55, 0.7, 0.1 / 0.065)).pop();
  // tally and record light
  t.glow.box(0.012, 0.012, 0.012, '#ff2a1a', 0.06, 0.2, 0.13);
  if (withMatteBox) {
    group(t, { z: 0.44, y: 0.11 }, () => {
      frustum(b, 0.24, 0.19, 0.12, 0.55, C.black);
      t.glow.quad(0.13, 0.1, '#1a2030', 0, 0, -0.055);
      // French flag hinged on top, tilted up
      rbox(b, 0.24, 0.004, 0.14, C.black, 0, 0.1, 0.11, -0.35);
      for (const sx of [-1, 1]) rbox(b, 0.004, 0.12, 0.11, C.black, sx * 0.12, 0, 0.1);
    });
  }
}

/** Over-ear headphones lying on a surface or hanging; band along x. */
export function headphones(b: MeshBuilder, x: number, y: number, z: number, yaw = 0, color: ColorLike = C.black): void {
  xf(b, { x, y, z, ry: yaw }, () => {
    for (const sx of [-1, 1]) {
      xcyl(b, 0.045, 0.035, color, sx * 0.085, 0.045, 0, 8);
      xcyl(b, 0.038, 0.012, C.darkGrey, sx * 0.062, 0.045, 0, 8);
    }
    polyline(b, arcPoints(0, 0.06, 0, 0.095, 0.05, Math.PI - 0.05, 6, 'xy'), 0.01, color, 4);
  });
}

/** Apple box (full 20×12×8 in by default) with hand holes, lying flat; origin at its base centre. */
export function appleBox(b: MeshBuilder, h = 0.203, x = 0, y = 0, z = 0, yaw = 0, label = ''): void {
  xf(b, { x, y, z, ry: yaw }, () => {
    b.box(0.508, h, 0.305, C.apple, 0, h / 2, 0);
    // plywood edge band just under the lid, proud of the sides
    b.box(0.512, 0.014, 0.309, C.appleEdge, 0, h - 0.022, 0);
    if (h > 0.08) {
      for (const sx of [-1, 1]) b.box(0.004, h * 0.25, 0.12, C.darkWood, sx * 0.255, h * 0.62, 0);
      for (const sz of [-1, 1]) b.box(0.14, h * 0.22, 0.004, C.darkWood, 0, h * 0.62, sz * 0.1535);
      if (label) pixelText(b, label, 0.0, h * 0.3, 0.1535, 0.011, C.gripBlack);
    }
  });
}

/** Strip of masking tape with a pencilled label, facing +z: how every department marks its kit. */
export function labelTape(b: MeshBuilder, text: string, x: number, y: number, z: number, px = 0.008, tape: ColorLike = C.tape): void {
  const w = Math.max(0.05, text.length * px * 4 + px * 2);
  b.quad(w, px * 8, tape, x, y, z);
  pixelText(b, text, x, y, z + 0.001, px, C.gripBlack);
}

/** A coffee cup with lid; origin at the base. */
export function coffeeCup(b: MeshBuilder, x: number, y: number, z: number, sleeve: ColorLike = '#8a5a34'): void {
  b.cylinder(0.045, 0.033, 0.13, C.white, x, y + 0.065, z, 8);
  b.cylinder(0.046, 0.042, 0.04, sleeve, x, y + 0.07, z, 8);
  b.cylinder(0.047, 0.047, 0.015, C.gripBlack, x, y + 0.137, z, 8);
}

/** Taped power/video cable lying along the floor through the given xz points. */
export function floorCable(b: MeshBuilder, pts: readonly (readonly [number, number])[], color: ColorLike = C.black, r = 0.01): void {
  polyline(b, pts.map(([x, z]) => [x, r, z] as Vec3), r, color, 4);
}

/** Stepladder (A-frame), aluminium, origin at its footprint centre, opening along z. */
export function stepLadder(b: MeshBuilder, h: number): void {
  const foot = h * 0.3;
  for (const sx of [-1, 1]) {
    b.rod([sx * 0.2, 0, foot], [sx * 0.16, h, 0.02], 0.018, C.alu, 4);
    b.rod([sx * 0.2, 0, -foot], [sx * 0.16, h, -0.02], 0.015, C.alu, 4);
  }
  const steps = Math.floor(h / 0.27);
  for (let i = 1; i <= steps; i++) {
    const y = (i * h) / (steps + 1);
    const z = foot * (1 - y / h) + 0.02;
    const w = 0.4 - (0.08 * y) / h;
    b.box(w, 0.025, 0.09, C.alu, 0, y, z);
  }
  b.box(0.38, 0.04, 0.2, C.orange, 0, h + 0.02, 0);
  b.rod([-0.18, h * 0.45, foot * 0.55], [0.18, h * 0.45, -foot * 0.55], 0.004, C.steel, 3);
}
