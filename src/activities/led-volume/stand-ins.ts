import { toolkit } from '../toolkit';
import * as THREE from 'three';
import type { MeshBuilder } from '../../set/mesh-builder';
import type { PropDef } from '../../content/types';
import { WALL, type LedParams, type WallPlacement } from './params';

// The set's building kit, from the host (see toolkit.ts for why it is not imported).
const { C, appleBox, buildFigure, foldingChair, rbox, xf } = toolkit();

/**
 * What the activity draws, in the station's frame: its own picture over the LED wall's panels and
 * ceiling strip (and over the on-set monitor that shows the wall), and what stands in front of the
 * wall to be lit by it: a stand-in on a mark, a car door on apple boxes, a folding chair.
 * `screen` is textured with the wall's picture (unlit); `solid` is lit per vertex by the view.
 */

const DEG = Math.PI / 180;
/** How far in front of the set's own panels the activity's picture sits (clear of their seams at 3 mm). */
const OVER_PANEL = 0.012;

/** Moves a builder into the wall prop's frame, as src/set/build-set.ts places props. */
function intoProp(b: MeshBuilder, at: readonly [number, number], rotation: number, scale: number): void {
  b.push().translate(at[0], 0, at[1]).rotateY(rotation * DEG).scale(scale);
}

/**
 * Quads over the wall's twelve panels, each showing its slice of the picture (as ledWall in
 * src/set/props/lighting.ts maps the set's picture), and over the ceiling strip, which shows the
 * sky overhead. `fall`: the panels only, further out, for the rain or snow layer.
 */
export function wallQuads(b: MeshBuilder, wall: WallPlacement, layer: 'picture' | 'fall'): void {
  const step = WALL.arc / WALL.panels;
  const panelW = 2 * WALL.radius * Math.sin(step / 2);
  intoProp(b, wall.at, wall.rotation, wall.scale);
  for (let i = 0; i < WALL.panels; i++) {
    const a = -WALL.arc / 2 + (i + 0.5) * step;
    const u0 = i / WALL.panels;
    const u1 = (i + 1) / WALL.panels;
    b.push().translate(Math.sin(a) * WALL.radius, 0, WALL.centreZ - Math.cos(a) * WALL.radius).rotateY(-a);
    const z = layer === 'fall' ? OVER_PANEL + 0.02 : OVER_PANEL;
    b.quad(panelW - 0.012, WALL.height - 0.02, '#ffffff', 0, WALL.base + WALL.height / 2, z, [u0, 0, u1, 1]);
    if (layer === 'picture') {
      b.push().translate(0, WALL.base + WALL.height + WALL.ceilingRise, WALL.ceilingOut).rotateX(WALL.ceilingTilt);
      // the top of the sky: the ceiling is the volume's overhead light
      b.quad(panelW - 0.008, 0.69, '#e6e6e6', 0, 0, 0.012, [u0, 0.9, u1, 0.985]);
      b.pop();
    }
    b.pop();
  }
  b.pop();
}

/**
 * The on-set monitor (the station's monitor-stand) shows the wall's picture: cover its screen with
 * ours, where monitorStand in src/set/props/camera.ts puts it (1.62 m up, tilted 0.12 rad, 0.42 × 0.26 m),
 * showing the camera's view of the wall.
 */
export function monitorQuad(b: MeshBuilder, prop: PropDef, frustum: readonly [number, number, number, number]): void {
  intoProp(b, prop.at, prop.rotation ?? 0, prop.scale ?? 1);
  b.push().translate(0, 1.62, 0).rotateX(-0.12);
  // what the camera sees of the wall (uv's v runs up the picture, the frustum's down)
  b.quad(0.42, 0.26, '#ffffff', 0, 0, 0.005, [frustum[0], 1 - frustum[3], frustum[2], 1 - frustum[1]]);
  b.pop();
  b.pop();
}

/** The stand-in on their mark: a figure in costume, and the camera team's tape T at their feet. */
function standIn(b: MeshBuilder, p: LedParams['standIn']): void {
  b.push().translate(p.at[0], 0, p.at[1]).rotateY(p.facing * DEG);
  buildFigure(b, { color: p.costume, pose: 'stand', seed: 0x57a4d1 });
  b.box(0.34, 0.004, 0.05, '#e84a3a', 0, 0.002, 0.28);
  b.box(0.05, 0.004, 0.22, '#e84a3a', 0, 0.002, 0.38);
  b.pop();
}

/**
 * A car door on two apple boxes, outside facing +z: paint, a chrome belt line and handle that pick
 * up the wall's light, a dark cabin behind the window. The window's glass is a `screen` quad that
 * shows the wall mirrored: the reflection a green screen could never put there.
 */
function carDoor(solid: MeshBuilder, screen: MeshBuilder, p: LedParams['carDoor']): void {
  for (const b of [solid, screen]) b.push().translate(p.at[0], 0, p.at[1]).rotateY(p.facing * DEG);
  appleBox(solid, 0.203, -0.28, 0, 0, 0.05);
  appleBox(solid, 0.203, 0.3, 0, 0, -0.04);
  const y0 = 0.203;
  const body = 0.62;
  solid.box(1.1, body, 0.09, p.paint, 0, y0 + body / 2, 0);
  solid.box(1.12, 0.04, 0.1, C.rubber, 0, y0 + 0.02, 0);
  solid.box(1.1, 0.035, 0.11, C.chrome, 0, y0 + body - 0.02, 0.005);
  solid.box(0.16, 0.03, 0.03, C.chrome, 0.3, y0 + body - 0.14, 0.055);
  // window frame: rear post, roof rail and the raked front pillar
  const top = y0 + body + 0.44;
  solid.box(0.05, 0.44, 0.06, p.paint, 0.52, y0 + body + 0.22, 0);
  solid.box(0.78, 0.05, 0.06, p.paint, 0.12, top, 0);
  rbox(solid, 0.05, 0.5, 0.06, p.paint, -0.4, y0 + body + 0.21, 0, 0, 0, -0.6);
  solid.box(0.9, 0.42, 0.02, '#0c0d10', 0.08, y0 + body + 0.21, -0.04);
  // the side mirror, on the front corner
  xf(solid, { x: -0.55, y: y0 + body + 0.06, z: 0.08 }, () => {
    solid.box(0.05, 0.03, 0.08, C.black, 0, 0, -0.04);
    solid.box(0.14, 0.09, 0.05, p.paint, 0, 0, 0.02);
  });
  screen.quad(0.9, 0.4, '#8a9098', 0.08, y0 + body + 0.21, 0.0, [0.34, 0.3, 0.06, 0.85]);
  for (const b of [solid, screen]) b.pop();
}

function chair(b: MeshBuilder, p: LedParams['chair']): void {
  b.push().translate(p.at[0], 0, p.at[1]).rotateY(p.facing * DEG);
  foldingChair(b, '#3c3f46');
  // the stand-in's jacket over its back
  b.box(0.36, 0.3, 0.05, '#7a6a52', 0, 0.72, -0.23);
  b.pop();
}

/** Everything that stands in front of the wall: `solid` takes the lit parts, `screen` the window's reflection. */
export function standIns(solid: MeshBuilder, screen: MeshBuilder, p: LedParams): void {
  standIn(solid, p.standIn);
  carDoor(solid, screen, p.carDoor);
  chair(solid, p.chair);
}

/**
 * The floor in front of the wall as a curved grid (arc columns × rows out from the panels) for the
 * pool of its light, with each vertex's share of it: brightest at the wall's foot, fading out over
 * `depth` metres and toward the wall's ends.
 */
export function poolGeometry(wall: WallPlacement, depth: number): { geometry: THREE.BufferGeometry; share: Float32Array } {
  const columns = 20;
  const rows = 8;
  const positions = new Float32Array((columns + 1) * (rows + 1) * 3);
  const share = new Float32Array((columns + 1) * (rows + 1));
  const rad = wall.rotation * DEG;
  const c = Math.cos(rad);
  const s = Math.sin(rad);
  const reach = WALL.arc / 2 + 0.08;
  let v = 0;
  for (let j = 0; j <= rows; j++) {
    const t = j / rows;
    const r = WALL.radius - 0.05 - t * (depth / wall.scale);
    for (let i = 0; i <= columns; i++) {
      const a = -reach + (2 * reach * i) / columns;
      const x = Math.sin(a) * r;
      const z = WALL.centreZ - Math.cos(a) * r;
      positions[v * 3] = wall.at[0] + (x * c + z * s) * wall.scale;
      positions[v * 3 + 1] = 0.006;
      positions[v * 3 + 2] = wall.at[1] + (-x * s + z * c) * wall.scale;
      const ends = Math.max(0, 1 - (Math.abs(a) / reach) ** 4);
      share[v] = (1 - t) ** 1.6 * ends;
      v++;
    }
  }
  const index: number[] = [];
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < columns; i++) {
      const a = j * (columns + 1) + i;
      const b = a + columns + 1;
      index.push(a, a + 1, b, a + 1, b + 1, b);
    }
  }
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', new THREE.BufferAttribute(positions, 3));
  geometry.setAttribute('color', new THREE.BufferAttribute(new Float32Array(share.length * 3), 3));
  geometry.setIndex(index);
  geometry.computeBoundingSphere();
  return { geometry, share };
}
