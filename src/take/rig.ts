import * as THREE from 'three';
import type { HotSetDef, SetFile, SetWords } from '../content/types';
import type { FigurePart } from '../set/figure';
import { drawGear, drawPerformer, hotSetMatrix, type RigPart } from '../set/hot-set';
import type { HotSetLayout } from '../set/layout';
import { bakeLight, setLights } from '../set/light';
import { MeshBuilder } from '../set/mesh-builder';
import type { PropTargets } from '../set/prop-types';
import { hashString } from '../set/random';
import type { Steps } from '../slices';

/**
 * The hot set's performers and gear as ONE skinned mesh: every part of every figure (thigh, shin,
 * forearm, head…), the slate, the boom and the dolly hang on bones of one skeleton, so the whole
 * moving crew is one draw call and animating it is writing bone rotations, never geometry. The
 * parts are drawn by the same code as the static set's copy (src/set/hot-set.ts), in the same
 * first positions, with their light baked the same way, so swapping one for the other is invisible.
 */

const DEG = Math.PI / 180;

/** Each part's parent: a forearm turns with its upper arm, the slate with the hand holding it. */
const PARENT: Readonly<Record<RigPart, RigPart | null>> = {
  root: null, pelvis: 'root', spine: 'pelvis', head: 'spine',
  thighR: 'pelvis', shinR: 'thighR', thighL: 'pelvis', shinL: 'thighL',
  upperArmR: 'spine', forearmR: 'upperArmR', upperArmL: 'spine', forearmL: 'upperArmL',
  slate: 'forearmR', clapstick: 'slate', boom: 'spine', held: 'forearmR',
  gear: null, lamp: 'gear',
};

export type Bones = Partial<Record<RigPart, THREE.Bone>>;

export interface RiggedPerformer {
  readonly id: string;
  readonly bones: Bones;
  /** First position in the hot set's frame, and facing (degrees, hot set frame). */
  readonly at: readonly [number, number];
  readonly facing: number;
}

export interface RiggedGear {
  readonly id: string;
  readonly type: 'dolly' | 'red-light';
  readonly bones: Bones;
  readonly at: readonly [number, number];
  readonly rotation: number;
}

export interface CrewRig {
  /** Add to the set's root: the mesh and its bones, in the set's own frame. */
  readonly group: THREE.Group;
  readonly mesh: THREE.SkinnedMesh;
  readonly performers: ReadonlyMap<string, RiggedPerformer>;
  readonly gear: ReadonlyMap<string, RiggedGear>;
  /** The hot set's frame (world = frame × local), for turning hot-set coordinates into the set's. */
  readonly frame: THREE.Matrix4;
  readonly triangles: number;
  dispose(): void;
}

interface Range {
  readonly bone: number;
  readonly solid: number;
  readonly glow: number;
}

/** Collects bones and the vertex ranges they own while the parts are drawn. */
class RigRecorder {
  readonly bones: THREE.Bone[] = [];
  /** Bind positions in the set's frame. */
  readonly bind: THREE.Vector3[] = [];
  readonly ranges: Range[] = [];
  constructor(private readonly t: PropTargets) {}

  /** A mark callback for one performer or gear: its bones by part. */
  marker(owner: string, bones: Bones): (part: RigPart, joint: readonly [number, number, number]) => void {
    return (part, joint) => {
      const bone = new THREE.Bone();
      bone.name = `${owner}:${part}`;
      bones[part] = bone;
      this.bones.push(bone);
      this.bind.push(new THREE.Vector3(...joint).applyMatrix4(this.t.solid.matrix));
      this.ranges.push({ bone: this.bones.length - 1, solid: this.t.solid.triangleCount * 3, glow: this.t.glow.triangleCount * 3 });
    };
  }
}

/** Joins the bones of one owner: each under its parent part, placed at its joint, unrotated but for the root's yaw. */
function link(bones: Bones, bind: ReadonlyMap<THREE.Bone, THREE.Vector3>, yaw: number, group: THREE.Group): void {
  const inverseYaw = new THREE.Quaternion().setFromAxisAngle(THREE.Object3D.DEFAULT_UP, -yaw);
  for (const [part, bone] of Object.entries(bones) as [RigPart, THREE.Bone][]) {
    const parentPart = PARENT[part];
    const parent = parentPart ? bones[parentPart] : undefined;
    const at = bind.get(bone)!;
    if (!parent) {
      bone.position.copy(at);
      bone.rotation.set(0, yaw, 0);
      group.add(bone);
    } else {
      bone.position.copy(at).sub(bind.get(parent)!).applyQuaternion(inverseYaw);
      parent.add(bone);
    }
  }
}

/** The skinned geometry: solids (light baked) then glow, each vertex bound whole to its part's bone. */
function skinnedGeometry(t: PropTargets, ranges: readonly Range[]): THREE.BufferGeometry {
  const solid = t.solid.build({ uv: false });
  bakeLight(solid, setLights());
  const glow = t.glow.build({ uv: false });
  const ns = solid.getAttribute('position').count;
  const ng = glow.getAttribute('position').count;
  const position = new Float32Array((ns + ng) * 3);
  const color = new Float32Array((ns + ng) * 3);
  position.set(solid.getAttribute('position').array as Float32Array, 0);
  position.set(glow.getAttribute('position').array as Float32Array, ns * 3);
  color.set(solid.getAttribute('color').array as Float32Array, 0);
  color.set(glow.getAttribute('color').array as Float32Array, ns * 3);
  const skinIndex = new Uint16Array((ns + ng) * 4);
  const skinWeight = new Float32Array((ns + ng) * 4);
  ranges.forEach((r, i) => {
    const next = ranges[i + 1];
    for (let v = r.solid; v < (next?.solid ?? ns); v++) skinIndex[v * 4] = r.bone;
    for (let v = r.glow; v < (next?.glow ?? ng); v++) skinIndex[(ns + v) * 4] = r.bone;
  });
  for (let v = 0; v < ns + ng; v++) skinWeight[v * 4] = 1;
  solid.dispose();
  glow.dispose();
  const geo = new THREE.BufferGeometry();
  geo.setAttribute('position', new THREE.BufferAttribute(position, 3));
  geo.setAttribute('color', new THREE.BufferAttribute(color, 3));
  geo.setAttribute('skinIndex', new THREE.Uint16BufferAttribute(skinIndex, 4));
  geo.setAttribute('skinWeight', new THREE.BufferAttribute(skinWeight, 4));
  return geo;
}

/** Builds the rig, a performer or a piece of gear a step (the take's chunk runs it in slices). */
export function* buildRigSteps(set: SetFile, words: SetWords, hot: HotSetLayout): Steps<CrewRig> {
  const def: HotSetDef = hot.def;
  const t: PropTargets = { solid: new MeshBuilder(1 << 16), glow: new MeshBuilder(1 << 10), screen: new MeshBuilder(64) };
  const recorder = new RigRecorder(t);
  const colorOf = new Map(set.roles.map((r) => [r.id, set.departments.find((d) => d.id === r.department)?.color ?? '#888888']));
  const performers = new Map<string, RiggedPerformer>();
  const gear = new Map<string, RiggedGear>();
  const owners: { bones: Bones; yaw: number }[] = [];
  for (const p of def.performers) {
    const bones: Bones = {};
    // The same seed as the static copy (build-set.ts): the same person.
    drawPerformer(t.solid, def, p, { color: colorOf.get(p.role) ?? '#888888', seed: hashString(`hot:${p.id}`) }, recorder.marker(p.id, bones));
    performers.set(p.id, { id: p.id, bones, at: p.at, facing: p.facing ?? 0 });
    owners.push({ bones, yaw: (def.facing + (p.facing ?? 0)) * DEG });
    yield;
  }
  for (const g of def.gear) {
    const bones: Bones = {};
    drawGear(t, def, g, words, recorder.marker(g.id, bones), true);
    gear.set(g.id, { id: g.id, type: g.type, bones, at: g.at, rotation: g.rotation ?? 0 });
    owners.push({ bones, yaw: (def.facing + (g.rotation ?? 0)) * DEG });
    yield;
  }
  const geometry = skinnedGeometry(t, recorder.ranges);
  const triangles = geometry.getAttribute('position').count / 3;
  for (const b of Object.values(t)) b.dispose();
  yield;

  const group = new THREE.Group();
  group.name = 'hot-set-rig';
  const bind = new Map(recorder.bones.map((b, i) => [b, recorder.bind[i]!]));
  for (const o of owners) link(o.bones, bind, o.yaw, group);
  group.updateMatrixWorld(true);
  const material = new THREE.MeshBasicMaterial({ vertexColors: true });
  const mesh = new THREE.SkinnedMesh(geometry, material);
  mesh.name = 'hot-set-crew';
  // Its bounds move with the bones: culling would need them recomputed every frame, and the crew is
  // in view from almost everywhere on the stage anyway.
  mesh.frustumCulled = false;
  group.add(mesh);
  mesh.bind(new THREE.Skeleton(recorder.bones), new THREE.Matrix4());
  return {
    group, mesh, performers, gear, triangles,
    frame: hotSetMatrix(def, [0, 0]),
    dispose() {
      group.removeFromParent();
      geometry.dispose();
      material.dispose();
      mesh.skeleton.dispose();
    },
  };
}

export type { FigurePart };
