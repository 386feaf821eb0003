import { toolkit } from '../toolkit';
import * as THREE from 'three';
import type { MeshBuilder, Vec3 } from '../../set/mesh-builder';
import { FOOTPRINT, SEAT_BEHIND, type ItemKind, type ItemState } from './params';
import { CHEST, mugCentre, SEAT_HEIGHT } from './stand-in';

// The set's building kit, from the host (see toolkit.ts for why it is not imported).
const { pixelText } = toolkit();

/**
 * The diner corner the two takes are shot in, drawn into a MeshBuilder in the tableau's frame:
 * the table's centre on the floor at the origin, the actor behind it at -z facing the visitor
 * (+z). The palette is the hot set's diner (formica, chrome, red vinyl), so it reads as the same
 * scene. Each item stays inside its FOOTPRINT (params.ts), which the content rules check.
 */

export const TABLE_TOP = 0.76;

const FORMICA = '#a8d4c6';
const CHROME = '#d3d7dd';
const VINYL = '#b31f2c';
const VINYL_DARK = '#7e1620';
const PIPING = '#f1ebdd';

/** Where the actor's seat is (its centre on the floor), for a table `depth` deep. */
export function seatZ(depth: number): number {
  return -depth / 2 - SEAT_BEHIND;
}

export function drawTable(b: MeshBuilder, width: number, depth: number): void {
  b.cylinder(0.22, 0.26, 0.03, CHROME, 0, 0.015, 0, 14);
  b.cylinder(0.04, 0.04, TABLE_TOP - 0.05, CHROME, 0, TABLE_TOP / 2, 0, 8);
  b.box(width * 0.5, 0.03, depth * 0.6, '#404247', 0, TABLE_TOP - 0.045, 0);
  b.box(width, 0.026, depth, FORMICA, 0, TABLE_TOP - 0.013, 0);
  for (const s of [-1, 1]) {
    b.box(0.012, 0.036, depth + 0.024, CHROME, s * (width / 2 + 0.006), TABLE_TOP - 0.016, 0);
    b.box(width, 0.036, 0.012, CHROME, 0, TABLE_TOP - 0.016, s * (depth / 2 + 0.006));
  }
}

/** A diner bench for one side of the table: red vinyl seat, channel-tufted back with a chrome cap. */
export function drawBench(b: MeshBuilder, width: number, z: number): void {
  b.push().translate(0, 0, z);
  b.box(width, SEAT_HEIGHT - 0.1, 0.46, VINYL_DARK, 0, (SEAT_HEIGHT - 0.1) / 2, -0.02);
  b.box(width + 0.01, 0.04, 0.47, CHROME, 0, 0.02, -0.02);
  b.box(width, 0.1, 0.48, VINYL, 0, SEAT_HEIGHT - 0.05, 0);
  b.rod([-width / 2, SEAT_HEIGHT - 0.045, 0.24], [width / 2, SEAT_HEIGHT - 0.045, 0.24], 0.05, VINYL, 6);
  b.rod([-width / 2, SEAT_HEIGHT - 0.005, 0.26], [width / 2, SEAT_HEIGHT - 0.005, 0.26], 0.007, PIPING, 4);
  b.box(width + 0.02, 0.8, 0.06, '#6b3b24', 0, SEAT_HEIGHT + 0.36, -0.29);
  b.box(width + 0.04, 0.025, 0.1, CHROME, 0, SEAT_HEIGHT + 0.77, -0.28);
  const n = 6;
  const step = width / n;
  for (let i = 0; i < n; i++) {
    // tufted channels: a box each, the back's wood showing in the gaps between them
    b.box(step - 0.012, 0.7, 0.05, VINYL, -width / 2 + step * (i + 0.5), SEAT_HEIGHT + 0.37, -0.235);
  }
  b.pop();
}

/** The take card clipped to the bench's back, the way a continuity photo shows which take it is. */
export function drawBoard(b: MeshBuilder, glow: MeshBuilder, word: string, take: number, x: number, z: number): void {
  const y = SEAT_HEIGHT + 0.79;
  b.box(0.3, 0.27, 0.02, '#141416', x, y + 0.15, z);
  b.box(0.31, 0.02, 0.025, '#f0c12c', x, y + 0.285, z);
  pixelText(glow, word, x, y + 0.23, z + 0.011, 0.014, '#f1eee6', 'center', 0.26);
  pixelText(glow, String(take), x, y + 0.1, z + 0.011, 0.022, '#f1eee6');
}

/** A frame round the take card: "look at the other take first". */
export function drawBoardMark(glow: MeshBuilder, x: number, z: number, color: string): void {
  const y = SEAT_HEIGHT + 0.79 + 0.15;
  for (const s of [-1, 1]) {
    glow.box(0.37, 0.022, 0.03, color, x, y + s * 0.17, z + 0.02);
    glow.box(0.022, 0.36, 0.03, color, x + s * 0.185, y, z + 0.02);
  }
}

function glass(b: MeshBuilder, fill: number): void {
  const h = 0.2;
  const r = 0.045;
  const liquid = Math.max(0.004, Math.min(1, fill) * (h - 0.01));
  b.cylinder(r * 0.85, r * 0.85, 0.01, '#dfeef2', 0, 0.005, 0, 10);
  b.cylinder(r, r * 0.85, liquid, '#f07f12', 0, 0.01 + liquid / 2, 0, 10);
  const empty = h - 0.01 - liquid;
  if (empty > 0.002) b.cylinder(r, r, empty, '#b9d6e2', 0, 0.01 + liquid + empty / 2, 0, 10);
  b.cylinder(r + 0.002, r + 0.002, 0.006, '#ffffff', 0, h - 0.003, 0, 10);
  // a striped straw: its tip shows above the rim whatever the level
  b.rod([0.01, 0.05, 0], [0.03, h + 0.07, 0.01], 0.005, '#e8e4da', 4);
  b.rod([0.027, h + 0.045, 0.009], [0.03, h + 0.07, 0.01], 0.0055, '#c0272d', 4);
}

function bottle(b: MeshBuilder): void {
  b.cylinder(0.036, 0.036, 0.14, '#b3161b', 0, 0.07, 0, 8);
  b.cylinder(0.016, 0.036, 0.04, '#b3161b', 0, 0.16, 0, 8);
  b.cylinder(0.015, 0.015, 0.025, '#f1eee6', 0, 0.192, 0, 8);
  // a label band so it reads as a bottle, not a red post
  b.cylinder(0.037, 0.037, 0.05, '#f1eee6', 0, 0.075, 0, 8);
  b.cylinder(0.0375, 0.0375, 0.02, '#3c9a4e', 0, 0.075, 0, 8);
}

function plate(b: MeshBuilder): void {
  b.cylinder(0.13, 0.1, 0.016, '#f4f1ea', 0, 0.008, 0, 12);
  // a burger: bun, patty, cheese, lettuce, a domed top
  b.cylinder(0.055, 0.055, 0.022, '#d9a45a', -0.03, 0.027, 0.0, 10);
  b.cylinder(0.058, 0.058, 0.018, '#5a3420', -0.03, 0.047, 0.0, 10);
  b.box(0.1, 0.005, 0.1, '#f2c12e', -0.03, 0.058, 0.0);
  b.cylinder(0.062, 0.062, 0.006, '#4f9a3a', -0.03, 0.063, 0.0, 10);
  b.push().translate(-0.03, 0.066, 0).scale(1, 0.5, 1);
  b.sphere(0.057, '#d9a45a', 0, 0, 0, 8);
  b.pop();
  // fries fanned on the other side
  for (let i = 0; i < 6; i++) {
    b.push().translate(0.065 + (i % 3) * 0.012, 0.024, -0.04 + i * 0.016).rotateY(0.4 * (i - 2.5)).rotateZ(0.25);
    b.box(0.07, 0.012, 0.012, '#f0c12c', 0, 0, 0);
    b.pop();
  }
}

function menu(b: MeshBuilder): void {
  b.box(0.11, 0.014, 0.05, CHROME, 0, 0.007, 0);
  b.push().translate(0, 0.012, 0).rotateX(-0.12);
  b.box(0.13, 0.19, 0.008, '#8e1c24', 0, 0.095, 0);
  b.quad(0.11, 0.16, '#efe4c8', 0, 0.095, 0.0045);
  b.quad(0.09, 0.025, '#c23b2f', 0, 0.155, 0.005);
  for (let i = 0; i < 4; i++) b.quad(0.06 + (i % 2) * 0.02, 0.007, '#8a7a66', 0, 0.12 - i * 0.022, 0.005);
  b.pop();
}

/** The lamp's base and stem; its shade is drawn unlit, as a lit practical reads. */
function lamp(b: MeshBuilder, glow: MeshBuilder): void {
  b.cylinder(0.055, 0.065, 0.025, '#b08a3c', 0, 0.0125, 0, 10);
  b.cylinder(0.009, 0.009, 0.2, '#b08a3c', 0, 0.12, 0, 6);
  glow.cylinder(0.045, 0.078, 0.1, '#ffe3b0', 0, 0.26, 0, 10);
  glow.cylinder(0.02, 0.02, 0.03, '#fff6da', 0, 0.21, 0, 8);
}

/**
 * One item as the take has it. `glow` takes the parts that are not lit by the set's light.
 * The actor's jacket and cup are drawn with the actor (stand-in.ts).
 */
export function drawItem(b: MeshBuilder, glow: MeshBuilder, id: ItemKind, state: ItemState): void {
  if (state.at === undefined) return;
  const [x, z] = state.at;
  b.push().translate(x, TABLE_TOP, z);
  glow.push().translate(x, TABLE_TOP, z);
  if (id === 'glass') glass(b, state.fill ?? 0);
  else if (id === 'bottle') bottle(b);
  else if (id === 'plate') plate(b);
  else if (id === 'menu') menu(b);
  else if (id === 'lamp') lamp(b, glow);
  glow.pop();
  b.pop();
}

/** How tall each item on the table stands (its straw, its shade), metres: where its marker's pin ends. */
const HEIGHT: Readonly<Partial<Record<ItemKind, number>>> = { glass: 0.27, bottle: 0.205, plate: 0.1, menu: 0.2, lamp: 0.31 };

/**
 * The ring round a noted (or a wrongly picked) item: centre, radius, squash along z and, for an
 * item on the table, a pin standing up from the ring's front a little above the item (so the mark
 * reads from the visitor's spot, and on the tabletop model where a ring alone is a hairline).
 */
export interface Mark {
  readonly at: Vec3;
  readonly radius: number;
  readonly squash: number;
  readonly pin: number;
  /** Stood up facing the visitor (a circle drawn round the thing on a continuity photo). */
  readonly upright: boolean;
}

/** Where an item's ring goes in this take, in the tableau's frame. */
export function markOf(id: ItemKind, state: ItemState, depth: number, hand: 'left' | 'right'): Mark | null {
  const zs = seatZ(depth);
  if (id === 'jacket') return { at: [CHEST[0], CHEST[1], zs + CHEST[2]], radius: 0.28, squash: 0.7, pin: 0, upright: false };
  if (id === 'cup') {
    const c = mugCentre(state.hand ?? hand);
    // up by the chin, a pin would cross the face: the held mug is circled instead
    return { at: [c[0], c[1], zs + c[2]], radius: 0.1, squash: 1, pin: 0, upright: true };
  }
  const r = FOOTPRINT[id];
  if (state.at === undefined || r === undefined) return null;
  return { at: [state.at[0], TABLE_TOP + 0.01, state.at[1]], radius: r + 0.04, squash: 1, pin: (HEIGHT[id] ?? 0.1) + 0.08, upright: false };
}

/**
 * A ring with a three-sided tube: at this size it reads as round, at a third of the triangles of
 * MeshBuilder's torus (the scene's 150k budget is nearly spent by the set itself).
 */
function ring(b: MeshBuilder, radius: number, color: string): void {
  const geo = new THREE.TorusGeometry(radius, 0.022, 3, 20).rotateX(Math.PI / 2);
  b.geometry(geo, color);
  geo.dispose();
}

export function drawMark(glow: MeshBuilder, mark: Mark, color: string): void {
  const [x, y, z] = mark.at;
  glow.push().translate(x, y, z).scale(1, 1, mark.squash);
  if (mark.upright) glow.rotateX(Math.PI / 2);
  ring(glow, mark.radius, color);
  glow.pop();
  if (mark.pin > 0) {
    const front = z + mark.radius;
    glow.rod([x, y, front], [x, y + mark.pin, front], 0.009, color, 4);
    glow.sphere(0.04, color, x, y + mark.pin + 0.03, front, 6);
  }
}
