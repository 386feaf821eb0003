import { toolkit } from '../toolkit';
import * as THREE from 'three';
import type { MeshBuilder } from '../../set/mesh-builder';
import type { LampFrame } from './lamps';
import type { LampId, Quality } from './logic';
import type { V3 } from './shade';

// The set's building kit, from the host (see toolkit.ts for why it is not imported).
const { meshBuilder } = toolkit();

/**
 * Each lamp's beam as a faint cone of haze (film sets run a hazer for exactly this: to see where
 * the light goes). From where the visitor stands most lamps are seen from the side or behind, so
 * the beam is what says a lamp is on, how bright it is and where it points; it fades out before
 * the face so it never washes over what is being lit. One open cone per lamp (two for the key,
 * one per quality), drawn additively in one mesh.
 */

export interface BeamPart {
  readonly lamp: LampId;
  /** The key's beam for one quality; null for the fill and the back light. */
  readonly quality: Quality | null;
  readonly first: number;
  readonly end: number;
  /** How thick its haze is, relative to the key's. */
  readonly haze: number;
}

export interface Beams {
  readonly geometry: THREE.BufferGeometry;
  readonly parts: readonly BeamPart[];
  /** Per vertex: 0 at the lamp, 1 where the beam fades out. */
  readonly along: Float32Array;
}

interface Cone {
  readonly lamp: LampId;
  readonly quality: Quality | null;
  /** Where it starts (from the lamp's centre, along its axis) and its radius there. */
  readonly start: number;
  readonly r0: number;
  /** How much of the way to the face it runs, and its radius at its end. */
  readonly reach: number;
  readonly r1: number;
  readonly haze: number;
}

const CONES: readonly Cone[] = [
  { lamp: 'key', quality: 'hard', start: 0.14, r0: 0.09, reach: 0.8, r1: 0.2, haze: 1 },
  { lamp: 'key', quality: 'soft', start: 0.13, r0: 0.28, reach: 0.8, r1: 0.34, haze: 0.8 },
  // The fill stands between the visitor and the face: its haze stops short.
  { lamp: 'fill', quality: null, start: 0.04, r0: 0.15, reach: 0.45, r1: 0.22, haze: 0.6 },
  // The back light's beam crosses in front of the backdrop: thin, so it is not read as spill.
  { lamp: 'back', quality: null, start: 0.1, r0: 0.06, reach: 0.7, r1: 0.14, haze: 0.45 },
];

const UP = new THREE.Vector3(0, 1, 0);

export function buildBeams(lamps: Readonly<Record<LampId, LampFrame>>): Beams {
  const b = meshBuilder(1024);
  const parts: BeamPart[] = [];
  const ends: { pos: V3; axis: V3; start: number; length: number }[] = [];
  for (const cone of CONES) {
    const f = lamps[cone.lamp];
    const axis = new THREE.Vector3(...f.axis);
    const length = Math.max(0.1, f.reach * cone.reach - cone.start);
    const centre = new THREE.Vector3(...f.pos).addScaledVector(axis, cone.start + length / 2);
    const geo = new THREE.CylinderGeometry(cone.r1, cone.r0, length, 10, 1, true);
    const m = new THREE.Matrix4().compose(centre, new THREE.Quaternion().setFromUnitVectors(UP, axis), new THREE.Vector3(1, 1, 1));
    const first = b.triangleCount * 3;
    b.geometry(geo, '#ffffff', m);
    geo.dispose();
    parts.push({ lamp: cone.lamp, quality: cone.quality, first, end: b.triangleCount * 3, haze: cone.haze });
    ends.push({ pos: f.pos, axis: f.axis, start: cone.start, length });
  }
  const geometry = b.build({ uv: false });
  b.dispose();
  const pos = geometry.getAttribute('position').array;
  const along = new Float32Array(pos.length / 3);
  parts.forEach((part, i) => {
    const e = ends[i]!;
    for (let v = part.first; v < part.end; v++) {
      const d = (pos[v * 3]! - e.pos[0]) * e.axis[0] + (pos[v * 3 + 1]! - e.pos[1]) * e.axis[1] + (pos[v * 3 + 2]! - e.pos[2]) * e.axis[2];
      along[v] = Math.min(1, Math.max(0, (d - e.start) / e.length));
    }
  });
  return { geometry, parts, along };
}
