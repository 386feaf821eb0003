import * as THREE from 'three';
import type { HotSetDef, SetFile, SetWords, StationDef } from '../content/types';
import { viewSpot } from '../content/geometry';
import { MeshBuilder } from './mesh-builder';
import type { PropTargets } from './prop-types';
import { PROP_BUILDERS } from './props';
import { buildFigure, figureHeadHeight } from './figure';
import { LED_LAYERS, ledTextureSteps } from './led-scene';
import type { Steps } from '../slices';
import { buildSoundstage } from './soundstage';
import { bakeLight, setLights } from './light';
import { drawGear, drawPerformer, hotSetMatrix } from './hot-set';
import { hashString, seededRandom } from './random';
import type { BuiltSet, CrewLayout, StationLayout } from './layout';

const DEG = Math.PI / 180;
/** The light is baked in this many steps (60 ms in one on a desktop: too long for one task). */
const BAKE_PIECES = 4;



interface Lookups {
  readonly departmentColor: ReadonlyMap<string, string>;
  readonly roleDepartment: ReadonlyMap<string, string>;
  readonly stageColor: ReadonlyMap<string, string>;
}

/** How many steps `buildSetSteps` takes (the loading bar's scale). */
export function buildStepCount(set: SetFile): number {
  const hot = set.hotSet ? set.hotSet.props.length + set.hotSet.performers.length + set.hotSet.gear.length : 0;
  const parts = set.stations.reduce((n, s) => n + s.props.length + s.crew.length, hot);
  return 1 + parts + 2 + BAKE_PIECES + LED_LAYERS;
}

/**
 * Builds the whole set from content: the soundstage shell, every station's props, every crew
 * figure and the tape marks, merged into three meshes (solids with their light baked in, glow,
 * LED-screen picture).
 * `words` are what the signs, slates and labels say, in the visitor's language. A generator: a
 * prop, a figure or a layer of the LED picture a step, so start-up can run it in slices
 * (`inSlices`) and a test straight through (`finish`).
 */
export function* buildSetSteps(set: SetFile, words: SetWords): Steps<BuiltSet> {
  // The built-in set has about 350,000 solid vertices: starting there saves seven doublings, which
  // copied 20 MB in one pause of 140 ms (0.5 s on a phone) halfway through the build.
  const targets: PropTargets = { solid: new MeshBuilder(1 << 19), glow: new MeshBuilder(1 << 14), screen: new MeshBuilder() };
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
  yield;
  for (const station of set.stations) stations.set(station.id, yield* buildStation(targets, station, lookups, words, crew));
  // The hot set last, its performers and gear at the very end: the rig may cut them off (showStatic).
  const hot = set.hotSet ? yield* buildHotSet(targets, set.hotSet, lookups, words, crew) : null;
  return yield* assemble(targets, { shell: shellVertices, performers: hot?.tail ?? null }, { stations, crew, hot: hot?.performers ?? null, bounds: { halfWidth: set.soundstage.width / 2, halfDepth: set.soundstage.depth / 2 } });
}

/** The set being shot: its props, then its performers and gear in their first positions. */
function* buildHotSet(targets: PropTargets, hot: HotSetDef, lookups: Lookups, words: SetWords, crew: CrewLayout[]): Steps<{ tail: { solid: number; glow: number }; performers: { def: HotSetDef; list: CrewLayout[] } }> {
  const rand = seededRandom(hashString('hot-set'));
  for (const prop of hot.props) {
    const m = hotSetMatrix(hot, prop.at, prop.rotation ?? 0).scale(new THREE.Vector3(prop.scale ?? 1, prop.scale ?? 1, prop.scale ?? 1));
    for (const b of Object.values(targets)) b.push().matrix.multiply(m);
    PROP_BUILDERS[prop.type](targets, rand, words);
    for (const b of Object.values(targets)) b.pop();
    yield;
  }
  const tail = { solid: targets.solid.triangleCount * 3, glow: targets.glow.triangleCount * 3 };
  const list: CrewLayout[] = [];
  for (const p of hot.performers) {
    const department = lookups.roleDepartment.get(p.role) ?? '';
    drawPerformer(targets.solid, hot, p, { color: lookups.departmentColor.get(department) ?? '#888888', seed: hashString(`hot:${p.id}`) });
    const feet = new THREE.Vector3().setFromMatrixPosition(hotSetMatrix(hot, p.at));
    list.push({ key: `hot:${p.id}`, role: p.role, station: hot.stations[0] ?? '', shownAt: hot.stations, department, feet, head: new THREE.Vector3(feet.x, figureHeadHeight(p.pose ?? 'stand'), feet.z) });
    yield;
  }
  for (const g of hot.gear) {
    drawGear(targets, hot, g, words);
    yield;
  }
  crew.push(...list);
  return { tail, performers: { def: hot, list } };
}

/** One station: its props (with click boxes), the tape mark where the visitor stands, its crew. */
function* buildStation(targets: PropTargets, station: StationDef, lookups: Lookups, words: SetWords, crew: CrewLayout[]): Steps<StationLayout> {
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
    yield;
  }

  // Tape marks where the visitor stands: a ring in the stage colour and a "T" of gaffer tape.
  const tape = lookups.stageColor.get(station.stage) ?? '#ffd166';
  targets.solid.push().translate(spot.x, 0.004, spot.z).rotateY(yaw);
  targets.solid.torus(0.55, 0.03, tape, 0, 0, 0, 28);
  targets.solid.box(0.6, 0.006, 0.07, tape, 0, 0, -0.2);
  targets.solid.box(0.07, 0.006, 0.45, tape, 0, 0, 0.05);
  targets.solid.pop();

  for (const [i, member] of station.crew.entries()) {
    const department = lookups.roleDepartment.get(member.role) ?? '';
    const color = lookups.departmentColor.get(department) ?? '#888888';
    const pose = member.pose ?? 'stand';
    const local = new THREE.Vector3(member.at[0], 0, member.at[1]).applyAxisAngle(THREE.Object3D.DEFAULT_UP, yaw);
    const feet = origin.clone().add(local);
    targets.solid.push().translate(feet.x, 0, feet.z).rotateY(yaw + (member.facing ?? 0) * DEG);
    buildFigure(targets.solid, { color, pose, seed: hashString(`${station.id}:${member.role}:${i}`) });
    targets.solid.pop();
    crew.push({ key: member.role, role: member.role, station: station.id, shownAt: [station.id], department, feet, head: new THREE.Vector3(feet.x, figureHeadHeight(pose), feet.z) });
    yield;
  }

  return { id: station.id, origin, yaw, spot, labelAnchor: new THREE.Vector3(origin.x, top + 0.5, origin.z), propBoxes, def: station };
}

/** The three merged meshes (the solids' light baked in), their materials and the LED picture. */
function* assemble(
  targets: PropTargets,
  ranges: { shell: { solid: number; glow: number }; performers: { solid: number; glow: number } | null },
  layout: Pick<BuiltSet, 'stations' | 'crew' | 'bounds'> & { hot: { def: HotSetDef; list: CrewLayout[] } | null },
): Steps<BuiltSet> {
  const root = new THREE.Group();
  root.name = 'backlot-set';
  const solidGeo = targets.solid.build({ uv: false });
  yield;
  const glowGeo = targets.glow.build({ uv: false });
  const screenGeo = targets.screen.build();
  const triangles = targets.solid.triangleCount + targets.glow.triangleCount + targets.screen.triangleCount;
  for (const b of Object.values(targets)) b.dispose();
  yield;

  // The solids carry their light in their colours (light.ts), so they and the glowing parts are
  // drawn alike: one unlit material, one shader program.
  const rig = setLights();
  const count = solidGeo.getAttribute('position').count;
  for (let piece = 0; piece < BAKE_PIECES; piece++) {
    bakeLight(solidGeo, rig, Math.floor((count * piece) / BAKE_PIECES), Math.floor((count * (piece + 1)) / BAKE_PIECES));
    yield;
  }
  const flatMat = new THREE.MeshBasicMaterial({ vertexColors: true });
  const ledTexture = yield* ledTextureSteps();
  const screenMat = new THREE.MeshBasicMaterial({ map: ledTexture, vertexColors: true });
  const meshes = [
    new THREE.Mesh(solidGeo, flatMat),
    new THREE.Mesh(glowGeo, flatMat),
    new THREE.Mesh(screenGeo, screenMat),
  ];
  meshes.forEach((mesh, i) => (mesh.name = ['set-solid', 'set-glow', 'set-screen'][i]!));
  for (const mesh of meshes) {
    mesh.matrixAutoUpdate = false; // static: never recompute their matrices per frame
    if (mesh.geometry.getAttribute('position').count > 0) root.add(mesh);
  }

  // What the two switches leave drawn: the shell (first) and the hot set's static performers (last).
  let shell = true;
  let performers = true;
  const applyRanges = (): void => {
    for (const [geo, key] of [[solidGeo, 'solid'], [glowGeo, 'glow']] as const) {
      const start = shell ? 0 : ranges.shell[key];
      const end = performers || !ranges.performers ? Infinity : ranges.performers[key];
      geo.setDrawRange(start, end === Infinity ? Infinity : Math.max(0, end - start));
    }
  };
  const { hot, ...rest } = layout;
  return {
    root,
    showShell(visible) {
      shell = visible;
      applyRanges();
    },
    hotSet: hot && {
      def: hot.def,
      performers: hot.list,
      showStatic(visible) {
        performers = visible;
        applyRanges();
      },
    },
    ...rest,
    triangles,
    dispose() {
      for (const mesh of meshes) mesh.geometry.dispose();
      flatMat.dispose();
      screenMat.dispose();
      ledTexture.dispose();
    },
  };
}
