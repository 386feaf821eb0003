import * as THREE from 'three';
import type { MeshBuilder } from '../mesh-builder';
import type { SetWords } from '../../content/types';
import type { PropBuilder, PropTargets } from '../prop-types';
import { ledSlice } from '../led-scene';
import { format } from '../../ui/dom';
import { C, group, pixelText, rbox, xcyl, xf, zcyl } from './kit';
import { appleBox, cStand, cinemaCamera, deskStand, directorChair, floorCable, headphones, labelTape, monitor, table } from './gear';

/** What each camera sees of the LED world: a wide on the sun, a mesa close-up, a cactus single. */
const A_CAM = ledSlice(0.55, 0.55, 0.78);
const B_CAM = ledSlice(0.72, 0.42, 0.35);
const C_CAM = ledSlice(0.24, 0.32, 0.5);

/** Fluid head with a pan bar trailing back-left; the camera sits on top at y = 0.12. */
function fluidHead(b: MeshBuilder): void {
  b.cylinder(0.07, 0.08, 0.05, C.charcoal, 0, 0.025, 0, 10);
  b.box(0.14, 0.07, 0.15, C.gripBlack, 0, 0.085, 0);
  xcyl(b, 0.045, 0.17, C.charcoal, 0, 0.085, 0, 10);
  b.box(0.12, 0.015, 0.18, C.darkGrey, 0, 0.1275, 0);
  b.rod([-0.06, 0.09, -0.06], [-0.2, 0.02, -0.48], 0.013, C.gripBlack, 6);
  b.rod([-0.2, 0.02, -0.48], [-0.22, 0.01, -0.54], 0.018, C.rubber, 6);
}

/** Straight dolly track, 2.8 m along x: two steel pipes on wooden ties, and the car's cable on the floor. */
export function dollyTrack(t: PropTargets): void {
  const b = t.solid;
  for (let i = 0; i < 5; i++) {
    const x = -1.3 + i * 0.65;
    b.box(0.1, 0.04, 0.9, C.darkWood, x, 0.02, 0);
  }
  for (const z of [-0.31, 0.31]) {
    xcyl(b, 0.024, 2.8, C.chrome, 0, 0.064, z, 8);
    for (const x of [-1.4, 1.4]) xcyl(b, 0.027, 0.04, C.steel, x, 0.064, z, 8);
  }
  floorCable(b, [[0.5, -0.1], [0.9, -0.55], [1.3, -0.65]], C.black, 0.009);
}

/** Fluid-head yaw of the camera-dolly station's car: the lens looks toward the visitor's right. */
const DOLLY_AIM = 0.55;
/** Where the fluid head's pan axis stands on the car (x, in the car's frame) and its top (y). */
const HEAD = { x: 0.12, y: 1.01 } as const;
/** The camera's baseplate sits this far above the pan axis top (the fluid head's height). */
const HEAD_TO_CAMERA = 0.135;
/** Lens axis above the camera's baseplate, and the matte box's front edge ahead of the body centre (gear.ts cinemaCamera). */
const CAMERA_LENS_Y = 0.11;
const MATTE_BOX_FRONT = 0.5;

/**
 * Where a virtual camera goes to see what the dolly's camera sees, in the car's frame (origin on
 * the floor between the wheel trucks, the track along x), measured from the drawn geometry: `y` is
 * the lens axis height above the floor (1.255 m); the lens axis crosses the fluid head's pan axis at
 * x = `x` (0.12 m), z = 0; `forward` (0.51 m) is a point on that axis just in front of the matte
 * box, so a virtual camera there is not inside it (its glass would hide the view); `glass` is the
 * lens's front element. `dollyLens(aim)` turns this into a point and a direction.
 */
export const DOLLY_LENS = {
  x: HEAD.x,
  y: HEAD.y + HEAD_TO_CAMERA + CAMERA_LENS_Y,
  forward: MATTE_BOX_FRONT + 0.01,
  /** The lens's front glass, ahead of the pan axis along the aim (inside the matte box). */
  glass: 0.372,
} as const;

/**
 * The lens point (car frame) and its unit view direction for a fluid-head yaw `aim`: the same
 * convention as dollyCar's `aim` (0 looks along +z, π along -z).
 */
export function dollyLens(aim = DOLLY_AIM): { position: [number, number, number]; direction: [number, number, number] } {
  const dx = Math.sin(aim);
  const dz = Math.cos(aim);
  return {
    position: [DOLLY_LENS.x + dx * DOLLY_LENS.forward, DOLLY_LENS.y, dz * DOLLY_LENS.forward],
    direction: [dx, 0, dz],
  };
}

/**
 * Everything that rides the dolly track, around the car's own origin (on the floor between the
 * wheel trucks; the pipes run along x at z = ±0.31): wheel trucks, chassis, hydraulic column, seat,
 * push bar, fluid head and camera.
 * `aim` is the fluid head's yaw in radians about +y. cinemaCamera points along +z, so at aim 0 the
 * lens looks along the car's local +z (toward the visitor); aim π makes it look along the car's
 * local -z (into a set whose open side faces +z, as the hot set's dolly does); positive aims turn it
 * toward +x. Default 0.55, the camera-dolly station's pose. DOLLY_LENS / dollyLens give the lens.
 */
export function dollyCar(t: PropTargets, words: SetWords, opts: { aim?: number } = {}): void {
  const b = t.solid;
  // wheel trucks riding the pipes
  for (const x of [-0.32, 0.32]) {
    for (const z of [-0.31, 0.31]) {
      b.box(0.2, 0.05, 0.07, C.darkGrey, x, 0.16, z);
      for (const dx of [-0.06, 0.06]) {
        zcyl(b, 0.045, 0.03, C.rubber, x + dx, 0.125, z - 0.025, 10);
        zcyl(b, 0.045, 0.03, C.rubber, x + dx, 0.125, z + 0.025, 10);
      }
    }
  }
  // chassis with a steel deck, dolly grip platform
  b.box(0.95, 0.12, 0.72, '#3b4250', 0, 0.24, 0);
  b.box(0.97, 0.02, 0.74, C.steel, 0, 0.31, 0);
  b.box(0.3, 0.03, 0.5, C.rubber, -0.28, 0.33, 0);
  pixelText(b, format(words.dolly, { n: 2 }), 0.1, 0.24, 0.362, 0.012, C.white);
  // hydraulic column and arm
  b.cylinder(0.08, 0.09, 0.36, '#3b4250', 0.12, 0.5, 0, 10);
  b.cylinder(0.05, 0.05, 0.3, C.chrome, 0.12, 0.83, 0, 10);
  b.cylinder(0.1, 0.1, 0.03, C.steel, 0.12, 0.995, 0, 10);
  // seat on an outrigger arm, pushbar at the back
  b.rod([-0.3, 0.32, -0.3], [-0.48, 0.7, -0.48], 0.022, C.steel, 6);
  b.cylinder(0.17, 0.16, 0.07, C.black, -0.5, 0.74, -0.5, 10);
  b.box(0.2, 0.03, 0.06, C.steel, -0.48, 0.7, -0.48);
  for (const z of [-0.3, 0.3]) b.rod([-0.47, 0.3, z], [-0.56, 1.0, z], 0.016, C.chrome, 6);
  b.rod([-0.56, 1.0, -0.34], [-0.56, 1.0, 0.34], 0.018, C.chrome, 6);
  b.rod([-0.56, 1.0, -0.2], [-0.56, 1.0, 0.2], 0.024, C.rubber, 6);
  // steering handle on the chassis side
  b.rod([0.2, 0.32, 0.36], [0.28, 0.42, 0.48], 0.01, C.chrome, 4);
  group(t, { x: HEAD.x, y: HEAD.y, ry: opts.aim ?? DOLLY_AIM }, () => {
    fluidHead(b);
    group(t, { y: HEAD_TO_CAMERA }, () => cinemaCamera(t));
  });
}

/** The camera-dolly station: the track with the car parked 0.1 m right of its middle. */
const cameraDolly: PropBuilder = (t, _rand, words) => {
  dollyTrack(t);
  group(t, { x: 0.1 }, () => dollyCar(t, words));
};

const cameraTripod: PropBuilder = (t) => {
  const b = t.solid;
  const top = 1.12;
  const leg = (a: number, y: number, off: number): [number, number, number] => {
    const r = 0.07 + ((top - y) / top) * 0.5;
    return [Math.sin(a) * r + Math.cos(a) * off, y, Math.cos(a) * r - Math.sin(a) * off];
  };
  for (let i = 0; i < 3; i++) {
    const a = 0.35 + (i * Math.PI * 2) / 3;
    for (const off of [-0.018, 0.018]) {
      b.rod(leg(a, top, off), leg(a, 0.5, off), 0.011, C.charcoal, 5);
      b.rod(leg(a, 0.52, off), leg(a, 0.03, off), 0.008, C.alu, 5);
    }
    const [lx, , lz] = leg(a, 0.52, 0);
    b.box(0.07, 0.05, 0.05, C.gripBlack, lx, 0.52, lz);
    const [fx, , fz] = leg(a, 0.02, 0);
    b.box(0.05, 0.03, 0.07, C.rubber, fx, 0.015, fz);
    // mid-level spreader arm to the centre hub
    b.rod([0, 0.3, 0], leg(a, 0.3, 0), 0.009, C.gripBlack, 4);
    b.box(0.05, 0.04, 0.05, C.gripBlack, ...leg(a, 0.3, 0));
  }
  b.cylinder(0.05, 0.05, 0.05, C.gripBlack, 0, 0.3, 0, 8);
  b.cylinder(0.11, 0.08, 0.08, C.gripBlack, 0, top, 0, 10);
  b.cylinder(0.015, 0.015, 0.3, C.steel, 0, top - 0.2, 0, 6);
  group(t, { y: top + 0.04, ry: 0.45 }, () => {
    fluidHead(b);
    group(t, { y: 0.135 }, () => cinemaCamera(t));
  });
};

const monitorStand: PropBuilder = (t, _rand, words) => {
  const b = t.solid;
  cStand(b, 1.42, 0.4);
  // yoke on the baby pin, monitor tilted slightly down toward the viewer
  b.box(0.5, 0.02, 0.03, C.gripBlack, 0, 1.44, 0);
  for (const sx of [-1, 1]) b.box(0.02, 0.2, 0.03, C.gripBlack, sx * 0.25, 1.53, 0);
  group(t, { y: 1.62, rx: -0.12 }, () => {
    monitor(t, 0.42, 0.26, { uv: A_CAM, hood: true });
    b.box(0.16, 0.1, 0.06, C.charcoal, 0, -0.02, -0.09);
    b.box(0.14, 0.11, 0.05, C.darkGrey, 0, 0.0, -0.135);
    labelTape(b, format(words.cameraLetter, { letter: 'A' }), 0, -0.155, 0.001, 0.007);
  });
  // SDI cable taped down the column to the floor
  b.rod([0.05, 1.52, -0.12], [0.03, 1.3, -0.03], 0.006, C.black, 4);
  b.rod([0.03, 1.3, -0.03], [0.03, 0.3, -0.03], 0.006, C.black, 4);
  b.rod([0.03, 0.3, -0.03], [0.06, 0.008, -0.1], 0.006, C.black, 4);
  floorCable(b, [[0.06, -0.1], [0.2, -0.5], [0.7, -0.9]], C.black, 0.008);
  appleBox(b, 0.203, -0.6, 0, 0.6, 0.4);
};

const directorChairProp: PropBuilder = (t, _rand, words) => {
  directorChair(t, words.director);
  const b = t.solid;
  // script on the seat, coffee on the ground
  rbox(b, 0.22, 0.02, 0.28, C.paper, 0.04, 0.47, 0.03, 0, 0.3);
  rbox(b, 0.22, 0.002, 0.28, '#cf8a3c', 0.04, 0.481, 0.03, 0, 0.3);
  b.cylinder(0.045, 0.035, 0.13, C.white, 0.42, 0.065, 0.25, 8);
  b.cylinder(0.047, 0.047, 0.015, C.gripBlack, 0.42, 0.137, 0.25, 8);
};

const videoVillage: PropBuilder = (t, rand, words) => {
  const b = t.solid;
  group(t, { z: -0.35 }, () => {
    const top = table(b, 1.8, 0.7, 0.74, C.black, C.charcoal);
    // black duvetyne skirt hides the cable mess under the table
    b.box(1.8, 0.62, 0.01, C.canvasBlack, 0, 0.42, 0.35);
    const mons: { x: number; w: number; h: number; uv: readonly [number, number, number, number]; label: string }[] = [
      { x: -0.6, w: 0.5, h: 0.28, uv: C_CAM, label: format(words.cameraLetter, { letter: 'C' }) },
      { x: 0, w: 0.6, h: 0.34, uv: A_CAM, label: format(words.cameraLetter, { letter: 'A' }) },
      { x: 0.6, w: 0.5, h: 0.28, uv: B_CAM, label: format(words.cameraLetter, { letter: 'B' }) },
    ];
    for (const m of mons) {
      const yaw = -m.x * 0.35;
      group(t, { x: m.x, y: top, z: -0.1, ry: yaw }, () => {
        deskStand(b, 0.3);
        group(t, { y: 0.3 + m.h / 2 }, () => {
          monitor(t, m.w, m.h, { uv: m.uv, hood: true });
          labelTape(b, m.label, 0, -m.h / 2 - 0.009, 0.001, 0.0055);
        });
      });
    }
    // wireless video receiver with antennas
    b.box(0.18, 0.06, 0.12, C.darkGrey, 0.75, top + 0.03, 0.2);
    for (const dx of [-0.06, 0, 0.06]) b.rod([0.75 + dx, top + 0.06, 0.2], [0.75 + dx * 1.6, top + 0.22, 0.2], 0.006, C.black, 4);
    t.glow.box(0.015, 0.01, 0.003, '#35d06b', 0.7, top + 0.03, 0.261);
    headphones(b, -0.35, top, 0.2, 0.3 + rand() * 0.2);
    headphones(b, 0.3, top, 0.22, -0.4);
    rbox(b, 0.22, 0.012, 0.3, C.paper, -0.02, top + 0.006, 0.2, 0, 0.15);
    b.cylinder(0.045, 0.035, 0.13, C.white, 0.55, top + 0.065, 0.22, 8);
  });
  // director's chairs on the near side, looking at the monitors (names face the visitor)
  const names = [words.director, words.producer, words.scriptSupervisor];
  names.forEach((n, i) => {
    group(t, { x: (i - 1) * 0.68, z: 0.55 + (i === 1 ? 0.05 : 0), ry: Math.PI + (i - 1) * 0.12 }, () => directorChair(t, n, i === 0));
  });
  floorCable(b, [[0.9, -0.5], [1.2, -0.9], [1.45, -1.2]], C.black, 0.009);
};

const clapperboard: PropBuilder = (t, _rand, words) => {
  const b = t.solid;
  appleBox(b, 0.203, 0, 0, 0, 0.15, words.gripBox);
  xf(b, { y: 0.203, ry: 0.15 }, () => {
    // a full apple stood on its end as a pedestal
    xf(b, { z: -0.02 }, () => {
      b.box(0.305, 0.508, 0.203, C.apple, 0, 0.254, 0);
      b.box(0.309, 0.012, 0.207, C.appleEdge, 0, 0.502, 0);
      b.box(0.12, 0.1, 0.004, C.darkWood, 0, 0.33, 0.102);
    });
  });
  group(t, { y: 0.203 + 0.508, z: -0.02, ry: 0.15 }, () => {
    // slate leaning back against a wedge
    group(t, { y: 0, z: 0.02, rx: -0.22 }, () => {
      const w = 0.3;
      const h = 0.24;
      b.box(w, h, 0.014, C.black, 0, h / 2, 0);
      const z = 0.0075;
      // white grid lines and captions
      for (const y of [0.06, 0.12]) b.quad(w - 0.02, 0.004, C.white, 0, y, z);
      b.quad(0.004, 0.06, C.white, -0.02, 0.09, z);
      b.quad(0.004, 0.06, C.white, 0.07, 0.09, z);
      pixelText(b, words.slateRoll, -0.08, 0.11, z, 0.0036, C.white);
      pixelText(b, words.slateScene, 0.025, 0.11, z, 0.0036, C.white);
      pixelText(b, words.slateTake, 0.105, 0.11, z, 0.0036, C.white);
      pixelText(b, 'A012', -0.08, 0.078, z, 0.005, C.white);
      pixelText(b, '24B', 0.025, 0.078, z, 0.006, C.white);
      pixelText(b, '3', 0.105, 0.078, z, 0.006, C.white);
      pixelText(b, words.slateProduction, -0.06, 0.2, z, 0.006, C.white);
      pixelText(b, words.slateDirector, -0.02, 0.165, z, 0.0035, C.white);
      pixelText(b, words.slateCamera, -0.02, 0.145, z, 0.0035, C.white);
      // timecode display
      b.box(0.2, 0.035, 0.006, '#150808', 0.02, 0.03, 0.008);
      t.glow.push().translate(0, 0, 0.012);
      pixelText(t.glow, '01:12:44:09', 0.02, 0.03, 0, 0.0032, '#ff3322');
      t.glow.pop();
      // sticks: bottom fixed, top opened on the left hinge
      const stick = (open: number, y: number): void => {
        xf(b, { x: -w / 2, y, rz: open }, () => {
          b.box(w, 0.035, 0.016, C.black, w / 2, 0.0175, 0);
          for (let i = 0; i < 6; i++) {
            b.push().translate(0.03 + i * 0.05, 0.0175, 0.0085);
            b.matrix.multiply(shearX(0.6));
            b.quad(0.024, 0.033, C.white);
            b.pop();
          }
        });
      };
      stick(0, h);
      stick(0.32, h + 0.036);
      b.box(0.02, 0.05, 0.02, C.steel, -w / 2 + 0.005, h + 0.03, 0);
    });
    b.box(0.18, 0.03, 0.05, C.darkWood, 0, 0.015, -0.06);
  });
  // camera tape roll and marker on the lower box
  b.torus(0.05, 0.018, '#d14a4a', 0.17, 0.22, 0.12, 10);
  b.rod([-0.2, 0.215, 0.1], [-0.08, 0.215, 0.12], 0.008, C.black, 5);
};

/** Skews the clapper stripes into parallelograms like real sticks. */
function shearX(k: number): THREE.Matrix4 {
  return new THREE.Matrix4().set(1, k, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1);
}

export const CAMERA_PROPS = {
  'camera-dolly': cameraDolly,
  'camera-tripod': cameraTripod,
  'monitor-stand': monitorStand,
  'director-chair': directorChairProp,
  'video-village': videoVillage,
  clapperboard,
} satisfies Record<string, PropBuilder>;
