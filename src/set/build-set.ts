import * as THREE from 'three';
import type { SetFile, SetWords, StationDef } from '../content/types';
import { viewSpot } from '../content/geometry';
import { MeshBuilder } from './mesh-builder';
import type { PropTargets } from './prop-types';
import { PROP_BUILDERS } from './props';
import { buildFigure, figureHeadHeight } from './figure';
import { createLedTexture } from './led-scene';
import { buildSoundstage } from './soundstage';
import { seededRandom } from './random';
import type { BuiltSet, CrewLayout, StationLayout } from './layout';

const DEG = Math.PI / 180;

function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}


interface Lookups {
  readonly departmentColor: ReadonlyMap<string, string>;
  readonly roleDepartment: ReadonlyMap<string, string>;
  readonly stageColor: ReadonlyMap<string, string>;
}

/**
 * Builds the whole set from content: the soundstage shell, every station's props, every crew
 * figure and the tape marks, merged into three meshes (lit solids, unlit glow, LED-screen picture).
 * `words` are what the signs, slates and labels say, in the visitor's language.
 */
export function buildSet(set: SetFile, words: SetWords): BuiltSet {
  const targets: PropTargets = { solid: new MeshBuilder(), glow: new MeshBuilder(), screen: new MeshBuilder() };
  // The shell goes in first: its vertices lead each buffer, so a draw range can skip it (AR model).
  buildSoundstage(targets, set.soundstage);
  const shellVertices = { solid: targets.solid.triangleCount * 3, glow: targets.glow.triangleCount * 3 };
  const lookups: Lookups = {
    departmentColor: new Map(set.departments.map((d) => [d.id, d.color])),
    roleDepartment: new Map(set.roles.map((r) => [r.id, r.department])),
    stageColor: new Map(set.stages.map((s) => [s.id, s.color])),
  };
  const stations = new Map<string, StationLayout>();
  const crew: CrewLayout[] = [];
  for (const station of set.stations) stations.set(station.id, buildStation(targets, station, lookups, words, crew));
  return assemble(targets, shellVertices, { stations, crew, bounds: { halfWidth: set.soundstage.width / 2, halfDepth: set.soundstage.depth / 2 } });
}

/** One station: its props (with click boxes), the tape mark where the visitor stands, its crew. */
function buildStation(targets: PropTargets, station: StationDef, lookups: Lookups, words: SetWords, crew: CrewLayout[]): StationLayout {
  const yaw = station.facing * DEG;
  const origin = new THREE.Vector3(station.position[0], 0, station.position[1]);
  const [sx, sz] = viewSpot(station);
  const spot = new THREE.Vector3(sx, 0, sz);
  const rand = seededRandom(hashString(station.id));
  const propBoxes: THREE.Box3[] = [];
  let top = 2.4;

  for (const prop of station.props) {
    const start = targets.solid.triangleCount;
    for (const b of Object.values(targets)) {
      b.push().translate(origin.x, 0, origin.z).rotateY(yaw).translate(prop.at[0], 0, prop.at[1]).rotateY((prop.rotation ?? 0) * DEG).scale(prop.scale ?? 1);
    }
    PROP_BUILDERS[prop.type](targets, rand, words);
    for (const b of Object.values(targets)) b.pop();
    if (targets.solid.triangleCount > start) {
      const box = targets.solid.boundsSince(start);
      // A huge box (the LED wall) would swallow clicks meant for the crew in front of it: keep it, it is
      // behind them, and raycasting takes the nearest hit.
      propBoxes.push(box);
      top = Math.max(top, Math.min(box.max.y, 4.6));
    }
  }

  // Tape marks where the visitor stands: a ring in the stage colour and a "T" of gaffer tape.
  const tape = lookups.stageColor.get(station.stage) ?? '#ffd166';
  targets.solid.push().translate(spot.x, 0.004, spot.z).rotateY(yaw);
  targets.solid.torus(0.55, 0.03, tape, 0, 0, 0, 28);
  targets.solid.box(0.6, 0.006, 0.07, tape, 0, 0, -0.2);
  targets.solid.box(0.07, 0.006, 0.45, tape, 0, 0, 0.05);
  targets.solid.pop();

  station.crew.forEach((member, i) => {
    const department = lookups.roleDepartment.get(member.role) ?? '';
    const color = lookups.departmentColor.get(department) ?? '#888888';
    const pose = member.pose ?? 'stand';
    const local = new THREE.Vector3(member.at[0], 0, member.at[1]).applyAxisAngle(THREE.Object3D.DEFAULT_UP, yaw);
    const feet = origin.clone().add(local);
    targets.solid.push().translate(feet.x, 0, feet.z).rotateY(yaw + (member.facing ?? 0) * DEG);
    buildFigure(targets.solid, { color, pose, seed: hashString(`${station.id}:${member.role}:${i}`) });
    targets.solid.pop();
    crew.push({ role: member.role, station: station.id, department, feet, head: new THREE.Vector3(feet.x, figureHeadHeight(pose), feet.z) });
  });

  return { id: station.id, origin, yaw, spot, labelAnchor: new THREE.Vector3(origin.x, top + 0.5, origin.z), propBoxes, def: station };
}

/** The three merged meshes, their materials, the LED picture and the set's light. */
function assemble(
  targets: PropTargets,
  shellVertices: { solid: number; glow: number },
  layout: Pick<BuiltSet, 'stations' | 'crew' | 'bounds'>,
): BuiltSet {
  const root = new THREE.Group();
  root.name = 'backlot-set';
  const solidGeo = targets.solid.build();
  const glowGeo = targets.glow.build();
  const screenGeo = targets.screen.build();
  const triangles = targets.solid.triangleCount + targets.glow.triangleCount + targets.screen.triangleCount;
  for (const b of Object.values(targets)) b.dispose();

  const solidMat = new THREE.MeshLambertMaterial({ vertexColors: true });
  const glowMat = new THREE.MeshBasicMaterial({ vertexColors: true });
  const ledTexture = createLedTexture();
  const screenMat = new THREE.MeshBasicMaterial({ map: ledTexture, vertexColors: true });
  const meshes = [
    new THREE.Mesh(solidGeo, solidMat),
    new THREE.Mesh(glowGeo, glowMat),
    new THREE.Mesh(screenGeo, screenMat),
  ];
  meshes.forEach((mesh, i) => (mesh.name = ['set-solid', 'set-glow', 'set-screen'][i]!));
  for (const mesh of meshes) {
    mesh.matrixAutoUpdate = false; // static: never recompute their matrices per frame
    if (mesh.geometry.getAttribute('position').count > 0) root.add(mesh);
  }

  // Cheap baked-feeling light: a warm key from the grid, a cool fill, sky/ground ambience. No shadows.
  const hemi = new THREE.HemisphereLight('#c9d3e6', '#3b352d', 1.6);
  const key = new THREE.DirectionalLight('#ffe8c4', 1.6);
  key.position.set(6, 12, 4);
  const fill = new THREE.DirectionalLight('#9fb7ff', 0.6);
  fill.position.set(-8, 6, -6);
  root.add(hemi, key, fill);

  return {
    root,
    showShell(visible) {
      solidGeo.setDrawRange(visible ? 0 : shellVertices.solid, Infinity);
      glowGeo.setDrawRange(visible ? 0 : shellVertices.glow, Infinity);
    },
    ...layout,
    triangles,
    dispose() {
      for (const mesh of meshes) mesh.geometry.dispose();
      solidMat.dispose();
      glowMat.dispose();
      screenMat.dispose();
      ledTexture.dispose();
    },
  };
}
