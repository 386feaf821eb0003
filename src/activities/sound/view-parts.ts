import { toolkit } from '../toolkit';
import * as THREE from 'three';
import type { MeshBuilder } from '../../set/mesh-builder';

// The set's building kit, from the host (see toolkit.ts for why it is not imported).
const { C, buildFigure, hashString, meshBuilder, pixelText, seededRandom } = toolkit();




/**
 * The sound activity's geometry, each part built once: the stand-ins, the boom's pole and its mic
 * in a windshield, the camera's frame lines, the cart's big level meter. The view (view.ts) only
 * moves, recolours and shows or hides them afterwards.
 */

const DEG = Math.PI / 180;

/** The windshield: a furry capsule along its axis (+y, the mic's nose). */
export const WINDSHIELD = { radius: 0.075, halfLength: 0.19, fur: 0.018 } as const;
/** The mic points down at the mouths at this angle below the horizontal. */
export const MIC_PITCH = 50 * DEG;
/** The pole as built; it telescopes (is scaled along its axis) to reach from behind the hands to the mic. */
export const POLE_LENGTH = 2.4;
/** How much pole sticks out behind the boom operator's hands. */
export const POLE_BEHIND = 0.5;

/** Lowest point of the windshield below its centre, at MIC_PITCH (an ellipsoid's vertical half-extent). */
export function micDrop(): number {
  const a = WINDSHIELD.halfLength * Math.sin(MIC_PITCH);
  const b = WINDSHIELD.radius * Math.cos(MIC_PITCH);
  return Math.sqrt(a * a + b * b) + WINDSHIELD.fur;
}

/** A stand-in in the costume's colour; returns the top of their head. */
export function drawActor(b: MeshBuilder, a: { readonly at: readonly [number, number]; readonly facing: number; readonly color: string }, seed: string): number {
  const start = b.triangleCount;
  b.push().translate(a.at[0], 0, a.at[1]).rotateY(a.facing * DEG);
  buildFigure(b, { color: a.color, pose: 'stand', seed: hashString(seed) });
  b.pop();
  return b.boundsSince(start).max.y;
}

/** The boom pole from its butt (origin) along +y to the tip: carbon sections, their joints, the grip. */
export function poleParts(): MeshBuilder {
  const b = meshBuilder(2048);
  const sections = [0.019, 0.016, 0.013, 0.011];
  const part = POLE_LENGTH / sections.length;
  sections.forEach((r, i) => {
    b.cylinder(r, r, part + 0.02, C.black, 0, part * i + part / 2, 0, 6);
    b.cylinder(r + 0.005, r + 0.005, 0.035, C.darkGrey, 0, part * i + 0.015, 0, 6);
  });
  b.cylinder(0.024, 0.024, 0.16, C.rubber, 0, 0.08, 0, 6);
  b.cylinder(0.014, 0.014, 0.05, C.steel, 0, POLE_LENGTH - 0.02, 0, 6);
  return b;
}

/** Shock mount and windshield, centred on the windshield, its nose along +y; the mount at -y meets the pole. */
export function micParts(): MeshBuilder {
  const b = meshBuilder(4096);
  const rand = seededRandom(hashString('sound:windshield'));
  const { radius, halfLength } = WINDSHIELD;
  b.sphere(radius, '#a39b8d', 0, 0, 0, 10, halfLength / radius);
  // Tufts break the outline, so it reads as the furry "dead cat" and not a grey sausage.
  for (let k = 0; k < 30; k++) {
    const ang = rand() * Math.PI * 2;
    const y = (rand() - 0.5) * 1.8 * halfLength;
    const r = radius * Math.sqrt(Math.max(0, 1 - (y / halfLength) ** 2));
    b.sphere(0.022, ['#b3ab9c', '#8f8779', '#a69e90'][k % 3]!, Math.cos(ang) * r, y, Math.sin(ang) * r, 5);
  }
  b.box(0.07, 0.05, 0.07, C.black, 0, -halfLength - 0.03, 0);
  return b;
}

/**
 * The frame lines at the mic's depth, centred on the picture, in white (the material tints them):
 * the top edge across the whole width, corner marks for the rest, and its label over the top left.
 */
export function frameGeometry(width: number, height: number, label: string): THREE.BufferGeometry {
  const b = meshBuilder(2048);
  const top = height / 2;
  const bar = 0.03;
  const tick = 0.2;
  b.box(width, bar, 0.01, '#ffffff', 0, top, 0);
  for (const sx of [-1, 1]) {
    const x = (sx * width) / 2;
    b.box(0.022, tick, 0.01, '#ffffff', x, top - tick / 2, 0);
    b.box(0.022, tick, 0.01, '#ffffff', x, -top + tick / 2, 0);
    b.box(tick, 0.022, 0.01, '#ffffff', x - (sx * tick) / 2, -top, 0);
  }
  pixelText(b, label, -width / 2, top + 0.075, 0, 0.018, '#ffffff', 'left', width * 0.36);
  return finish(b);
}

/** The signs over the picture, in one mesh drawn in part: [first vertex, count] of each. */
export interface SignParts {
  readonly geometry: THREE.BufferGeometry;
  readonly inShot: readonly [number, number];
  readonly rec: readonly [number, number];
  readonly tone: readonly [number, number];
}

/** How far in front of the frame lines the signs float, so the actors' bodies never cut through them. */
export const SIGNS_FORWARD = 0.25;

/**
 * The viewfinder's signs over the picture, as a camera's monitor shows them: "Boom in shot!" along
 * the bottom (red on black), a red REC in the top right while sound rolls, and "Room tone" while
 * it is recorded. In the order in-shot, REC, room tone, so any set of them that can show together
 * is one run of vertices (room tone always records, so it never shows without REC).
 */
export function signGeometry(width: number, height: number, words: { inShot: string; rec: string; tone: string }): SignParts {
  const b = meshBuilder(4096);
  const bottom = -height / 2;
  const mark = (): number => b.triangleCount * 3;
  const s0 = mark();
  const inShotWidth = pixelText(b, words.inShot, 0, bottom + 0.1, 0, 0.022, '#ff4a3a', 'center', width * 0.74);
  b.quad(inShotWidth + 0.08, 0.16, '#120d0e', 0, bottom + 0.1, -0.004);
  const s1 = mark();
  // REC at the top left, as a camera's viewfinder shows it: the mic dips in at the middle.
  const top = height / 2 - 0.09;
  b.quad(0.06, 0.06, '#ff2a22', -width / 2 + 0.09, top, 0);
  pixelText(b, words.rec, -width / 2 + 0.15, top, 0, 0.018, '#ff2a22', 'left', 0.22);
  const s2 = mark();
  const toneWidth = pixelText(b, words.tone, 0, bottom + 0.34, 0, 0.03, '#ffc23a', 'center', width * 0.8);
  b.quad(toneWidth + 0.1, 0.22, '#14110a', 0, bottom + 0.34, -0.004);
  const s3 = mark();
  return { geometry: finish(b), inShot: [s0, s1 - s0], rec: [s1, s2 - s1], tone: [s2, s3 - s2] };
}

/** The last line of the sound report, top left inside the picture under REC ("Take 3 - good"): rebuilt per take. */
export function logGeometry(width: number, height: number, text: string, color: string): THREE.BufferGeometry {
  const b = meshBuilder(512);
  pixelText(b, text, -width / 2 + 0.06, height / 2 - 0.19, 0, 0.02, color, 'left', width * 0.5);
  return finish(b);
}

export interface MeterParts {
  readonly geometry: THREE.BufferGeometry;
  /** First vertex of each light, bottom up: the voice column, then the room's; then the REC lamp's. */
  readonly voice: readonly number[];
  readonly room: readonly number[];
  readonly rec: number;
  /** Vertices a light has (a quad: two triangles). */
  readonly perLight: number;
}

export const METER = { width: 0.44, height: 0.6, column: 0.13 } as const;

/**
 * The cart's big level meter, facing +z with its foot at the origin: two columns of lights (the voice
 * and the room), their names, and a REC lamp on top. Unlit: a meter is light. The housing is solid
 * and goes in the static mesh (drawHousing).
 */
export function meterGeometry(segments: number, words: { voice: string; room: string; rec: string }): MeterParts {
  const b = meshBuilder(2048);
  // Names at the top, under the REC lamp: the cart's own mixer hides the meter's foot.
  const y0 = 0.03;
  const lightH = (METER.height - 0.1 - y0) / segments;
  const voice: number[] = [];
  const room: number[] = [];
  const columns: [number, number[]][] = [[-0.1, voice], [0.1, room]];
  for (const [x, list] of columns) {
    for (let i = 0; i < segments; i++) {
      list.push(b.triangleCount * 3);
      b.quad(METER.column, lightH * 0.72, '#222222', x, y0 + lightH * (i + 0.5), 0.002);
    }
  }
  const names = METER.height - 0.045;
  pixelText(b, words.voice, -0.1, names, 0.002, 0.011, '#d8dde6', 'center', 0.15);
  pixelText(b, words.room, 0.1, names, 0.002, 0.011, '#d8dde6', 'center', 0.15);
  const rec = b.triangleCount * 3;
  b.quad(0.16, 0.06, '#3a1010', 0, METER.height + 0.05, 0.002);
  pixelText(b, words.rec, 0, METER.height + 0.05, 0.004, 0.01, '#f4f4f4', 'center', 0.14);
  return { geometry: finish(b), voice, room, rec, perLight: 6 };
}

/** The meter's housing and the monitor's bezel and arm, in the static (lit) mesh. */
export function drawMeterHousing(b: MeshBuilder): void {
  b.box(METER.width + 0.04, METER.height + 0.02, 0.06, C.gripBlack, 0, METER.height / 2, -0.032);
  b.box(0.19, 0.08, 0.05, C.gripBlack, 0, METER.height + 0.05, -0.03);
  b.box(0.05, 0.12, 0.05, C.darkGrey, 0, -0.06, -0.04);
}

/** The monitor's bezel, its back and a sun hood, centred on the screen (facing +z). */
export function drawMonitorHousing(b: MeshBuilder, width: number, height: number): void {
  b.box(width + 0.04, height + 0.04, 0.05, C.black, 0, 0, -0.027);
  b.box(width * 0.5, height * 0.5, 0.04, C.charcoal, 0, 0, -0.07);
  b.box(width + 0.06, 0.012, 0.12, C.black, 0, height / 2 + 0.026, 0.03);
}

function finish(b: MeshBuilder): THREE.BufferGeometry {
  const geo = b.build({ uv: false });
  b.dispose();
  return geo;
}
