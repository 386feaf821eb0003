import type { MeshBuilder, Vec3 } from '../../set/mesh-builder';
import type { Hand } from './params';

/**
 * The actor at the diner table, drawn into a MeshBuilder: seated, facing +z, origin on the floor
 * under the seat's centre. The set's own figure (src/set/figure.ts) has fixed arms and an always
 * open jacket; continuity needs both to change between takes, so this one is drawn here with the
 * same proportions: a jacket that is open (white shirt and red tie) or buttoned, and a mug held up
 * by the chin in one hand while the other forearm rests on the table.
 */

export const ACTOR = {
  skin: '#d9a47c',
  hair: '#2e221a',
  jacket: '#2f5f9e',
  jacketDark: '#1f3f6a',
  shirt: '#f4f1ea',
  tie: '#c0272d',
  trousers: '#26282e',
  shoes: '#17120f',
  mug: '#f6f2ea',
  mugBand: '#c0272d',
  coffee: '#3a2012',
} as const;

/** Seat height of the bench the actor sits on (its cushion's top), metres. */
export const SEAT_HEIGHT = 0.46;
const SHOULDER_Y = 0.99;

/** Where the held mug's centre is, in the actor's frame (side -1: the actor's right, at -x). */
export function mugCentre(hand: Hand): Vec3 {
  const s = hand === 'right' ? -1 : 1;
  return [s * 0.25, 1.13, 0.25];
}

/** Chest height and the torso's centre, in the actor's frame: where the jacket's ring goes. */
export const CHEST: Vec3 = [0, 0.86, 0.0];

/** A limb as a rod between two joints. */
function limb(b: MeshBuilder, a: Vec3, c: Vec3, r: number, color: string): void {
  b.rod(a, c, r, color, 6);
}

function legs(b: MeshBuilder): void {
  for (const s of [-1, 1]) {
    const hip: Vec3 = [s * 0.1, SEAT_HEIGHT + 0.07, 0.02];
    const knee: Vec3 = [s * 0.11, SEAT_HEIGHT + 0.07, 0.43];
    const ankle: Vec3 = [s * 0.11, 0.1, 0.46];
    limb(b, hip, knee, 0.072, ACTOR.trousers);
    limb(b, knee, ankle, 0.055, ACTOR.trousers);
    b.box(0.1, 0.075, 0.24, ACTOR.shoes, s * 0.11, 0.038, 0.52);
  }
}

/** The jacket's front: the difference between the takes that costume would have to fix. */
function jacketFront(b: MeshBuilder, open: boolean): void {
  // The torso's front leans back a little toward the shoulders: follow it, about the chest's middle.
  const mid = 0.8;
  b.push().translate(0, mid, 0.112).rotateX(-0.045);
  if (open) {
    // open: the jacket's halves fall apart and a wide shirt front with a red tie shows
    b.box(0.17, 0.39, 0.02, ACTOR.shirt, 0, 0, 0);
    b.box(0.04, 0.3, 0.012, ACTOR.tie, 0, 0.02, 0.014);
    b.box(0.055, 0.04, 0.014, ACTOR.tie, 0, 0.165, 0.014);
    for (const s of [-1, 1]) {
      b.push().translate(s * 0.1, 0, 0.006).rotateZ(s * 0.1);
      b.box(0.035, 0.4, 0.02, ACTOR.jacketDark, 0, 0, 0);
      b.pop();
    }
  } else {
    // buttoned: only a narrow V of shirt and tie at the collar; a seam and three buttons below it
    b.box(0.07, 0.07, 0.02, ACTOR.shirt, 0, 0.155, 0);
    b.box(0.03, 0.06, 0.012, ACTOR.tie, 0, 0.15, 0.012);
    for (const s of [-1, 1]) {
      b.push().translate(s * 0.035, 0.14, 0.012).rotateZ(s * 0.5);
      b.box(0.025, 0.12, 0.014, ACTOR.jacketDark, 0, 0, 0);
      b.pop();
    }
    b.box(0.008, 0.3, 0.016, ACTOR.jacketDark, 0, -0.05, 0);
    for (const y of [0.06, -0.04, -0.14]) b.box(0.026, 0.026, 0.022, '#111318', 0.02, y, 0.004);
  }
  b.pop();
}

function torso(b: MeshBuilder, open: boolean): void {
  b.box(0.34, 0.14, 0.3, ACTOR.trousers, 0, SEAT_HEIGHT + 0.07, 0.02);
  // elliptical torso, wider at the shoulders, and a round shoulder line
  b.push().translate(0, 0.79, 0).scale(1, 1, 0.62);
  b.cylinder(0.19, 0.16, 0.42, ACTOR.jacket, 0, 0, 0, 12);
  b.pop();
  b.push().translate(0, SHOULDER_Y, 0).scale(0.21, 0.07, 0.125);
  b.sphere(1, ACTOR.jacket, 0, 0, 0, 8);
  b.pop();
  jacketFront(b, open);
}

function head(b: MeshBuilder): void {
  b.cylinder(0.048, 0.052, 0.1, ACTOR.skin, 0, 1.06, 0, 8);
  b.sphere(0.1, ACTOR.skin, 0, 1.2, 0.01, 9, 1.18);
  b.sphere(0.108, ACTOR.hair, 0, 1.235, -0.018, 8, 1.0);
  // eyes, brows and mouth just proud of the face: a face reads at a distance
  for (const s of [-1, 1]) {
    b.quad(0.022, 0.013, '#1b1410', s * 0.037, 1.215, 0.106);
    b.quad(0.035, 0.009, ACTOR.hair, s * 0.037, 1.242, 0.104);
  }
  b.box(0.022, 0.032, 0.03, '#c8936c', 0, 1.185, 0.11);
  b.quad(0.045, 0.01, '#7a3b34', 0, 1.145, 0.105);
}

/** The mug, upright, its centre at c, its handle toward the outside (x sign s). */
function mug(b: MeshBuilder, c: Vec3, s: number): void {
  const [x, y, z] = c;
  b.cylinder(0.046, 0.04, 0.1, ACTOR.mug, x, y, z, 12);
  b.cylinder(0.047, 0.047, 0.022, ACTOR.mugBand, x, y + 0.015, z, 12);
  b.cylinder(0.04, 0.04, 0.004, ACTOR.coffee, x, y + 0.049, z, 12);
  b.box(0.03, 0.012, 0.014, ACTOR.mug, x + s * 0.055, y + 0.03, z);
  b.box(0.03, 0.012, 0.014, ACTOR.mug, x + s * 0.055, y - 0.025, z);
  b.box(0.012, 0.066, 0.014, ACTOR.mug, x + s * 0.068, y + 0.003, z);
}

function arms(b: MeshBuilder, cupHand: Hand): void {
  for (const s of [-1, 1]) {
    const holds = (s < 0 ? 'right' : 'left') === cupHand;
    const shoulder: Vec3 = [s * 0.2, SHOULDER_Y - 0.01, 0];
    if (holds) {
      // upper arm down to the side, forearm raised: the mug up by the chin, mid-sip, off the body
      const cup = mugCentre(cupHand);
      const elbow: Vec3 = [s * 0.29, 0.8, 0.1];
      // the hand grips the handle, on the mug's outer side
      const wrist: Vec3 = [cup[0] + s * 0.08, cup[1] - 0.05, cup[2] - 0.04];
      limb(b, shoulder, elbow, 0.05, ACTOR.jacket);
      limb(b, elbow, wrist, 0.044, ACTOR.jacket);
      b.sphere(0.042, ACTOR.skin, cup[0] + s * 0.075, cup[1] - 0.01, cup[2], 8, 1.2);
      mug(b, cup, s);
    } else {
      // the other forearm rests on the table top, the hand flat in front of the body
      const elbow: Vec3 = [s * 0.25, 0.8, 0.17];
      const wrist: Vec3 = [s * 0.19, 0.805, 0.42];
      limb(b, shoulder, elbow, 0.05, ACTOR.jacket);
      limb(b, elbow, wrist, 0.044, ACTOR.jacket);
      b.push().translate(s * 0.18, 0.795, 0.47).scale(0.05, 0.028, 0.065);
      b.sphere(1, ACTOR.skin, 0, 0, 0, 8);
      b.pop();
    }
  }
}

/** The seated actor as the take has them: jacket open or buttoned, the mug in one hand. */
export function drawActor(b: MeshBuilder, look: { readonly open: boolean; readonly hand: Hand }): void {
  legs(b);
  torso(b, look.open);
  arms(b, look.hand);
  head(b);
}
