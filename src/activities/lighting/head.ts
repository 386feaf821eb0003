import * as THREE from 'three';

/**
 * The stand-in's head: a sphere grid pushed into a face (brow ridge, eye sockets, nose, cheekbones,
 * lips, chin, a narrower jaw), with smooth normals. The set's figures have a low ball of a head
 * with quads for a face, which is fine for a crew member across the stage; this head is what the
 * visitor lights, so the brow and the nose must cast and catch light per vertex.
 *
 * Origin at the head's centre, facing +z, y up, metres.
 */

/** Half-sizes of the skull before the face is pushed out. */
const RX = 0.076;
const RY = 0.108;
const RZ = 0.095;
/** Rows (top to chin) and columns (round the head). Columns crowd at the front, where the face is. */
const ROWS = 24;
const COLS = 32;

const gauss = (x: number, s: number): number => Math.exp(-(x * x) / (s * s));
const smooth = (e0: number, e1: number, x: number): number => {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)));
  return t * t * (3 - 2 * t);
};

/** How far the face stands proud of the skull at the unit direction (dx, dy, dz), metres. */
function relief(dx: number, dy: number, dz: number): number {
  const front = smooth(0.5, 0.85, dz);
  if (front <= 0) return 0;
  const ax = Math.abs(dx);
  // Nose: a ridge from the bridge down to the tip, wider towards the tip, then tucked under.
  const s = Math.min(1, Math.max(0, (0.12 - dy) / 0.42));
  const tuck = dy < -0.3 ? gauss(dy + 0.3, 0.06) : 1;
  const bridge = dy > 0.12 ? gauss(dy - 0.12, 0.08) : 1;
  const nose = (0.005 + 0.032 * s ** 1.4) * tuck * bridge * gauss(dx, 0.1 + 0.08 * s);
  const wings = 0.006 * gauss(ax - 0.15, 0.07) * gauss(dy + 0.3, 0.06);
  const brow = 0.007 * gauss(dy - 0.21, 0.07) * gauss(dx, 0.55);
  const sockets = -0.011 * gauss(ax - 0.4, 0.16) * gauss(dy - 0.06, 0.09);
  const cheeks = 0.006 * gauss(ax - 0.55, 0.18) * gauss(dy + 0.08, 0.14);
  const lips = 0.006 * gauss(dy + 0.55, 0.05) * Math.exp(-((dx / 0.28) ** 4)) - 0.003 * gauss(dy + 0.575, 0.015) * gauss(dx, 0.25);
  const chin = 0.008 * gauss(dy + 0.85, 0.1) * gauss(dx, 0.25);
  return (nose + wings + brow + sockets + cheeks + lips) * front + chin * smooth(0.3, 0.7, dz);
}

/** A point of the face at unit direction (dx, dy, dz): the skull, shaped, plus the relief. */
export function facePoint(dx: number, dy: number, dz: number, out: THREE.Vector3): THREE.Vector3 {
  let x = RX * dx;
  let y = RY * dy;
  let z = RZ * dz;
  // The jaw narrows towards the chin; the back of the skull is fuller; the face is a flatter plane.
  if (dy < 0) x *= 1 - 0.3 * (-dy) ** 1.6;
  if (dz < 0) z *= 1 + 0.1 * Math.max(0, dy + 0.3);
  else z *= 1 - 0.06 * dz ** 4;
  const h = relief(dx, dy, dz);
  return out.set(x + dx * h, y + dy * h, z + dz * h);
}

/** Round the head: t in [-1, 1] to an angle from the front, crowded near the front. */
const around = (t: number): number => Math.PI * t * (0.55 + 0.45 * t * t);

/** Unit direction for a latitude θ (0 at the crown) and an angle φ from the front. */
function direction(theta: number, phi: number, out: THREE.Vector3): THREE.Vector3 {
  return out.set(Math.sin(theta) * Math.sin(phi), Math.cos(theta), Math.sin(theta) * Math.cos(phi));
}

/** The head as a non-indexed geometry (position, normal) with smooth normals. */
export function headGeometry(): THREE.BufferGeometry {
  const positions = new Float32Array((ROWS + 1) * COLS * 3);
  const dir = new THREE.Vector3();
  const p = new THREE.Vector3();
  for (let i = 0; i <= ROWS; i++) {
    const theta = (Math.PI * i) / ROWS;
    for (let j = 0; j < COLS; j++) {
      direction(theta, around(-1 + (2 * j) / COLS), dir);
      facePoint(dir.x, dir.y, dir.z, p).toArray(positions, (i * COLS + j) * 3);
    }
  }
  // Triangles as three.js's SphereGeometry winds them (outward), the last column joined to the first.
  const index: number[] = [];
  for (let i = 0; i < ROWS; i++) {
    for (let j = 0; j < COLS; j++) {
      const j1 = (j + 1) % COLS;
      const a = i * COLS + j1, b = i * COLS + j, c = (i + 1) * COLS + j, d = (i + 1) * COLS + j1;
      if (i > 0) index.push(a, b, d);
      if (i < ROWS - 1) index.push(b, c, d);
    }
  }
  const indexed = new THREE.BufferGeometry();
  indexed.setAttribute('position', new THREE.BufferAttribute(positions, 3));
  indexed.setIndex(index);
  indexed.computeVertexNormals();
  const geo = indexed.toNonIndexed();
  indexed.dispose();
  return geo;
}

/** Where a feature sits on the face: the surface point at (dx, dy) on the front, pushed out by `lift`. */
export function onFace(dx: number, dy: number, lift: number): THREE.Vector3 {
  const dz = Math.sqrt(Math.max(0, 1 - dx * dx - dy * dy));
  const p = facePoint(dx, dy, dz, new THREE.Vector3());
  return p.add(new THREE.Vector3(dx, dy, dz).multiplyScalar(lift));
}

/** The nose's tip (for its cast shadow on the cheek). */
export const noseTip = (): THREE.Vector3 => onFace(0, -0.27, 0);
