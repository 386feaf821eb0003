import * as THREE from 'three';
import type { CrewLayout } from '../set/layout';
import type { Bones, CrewRig } from './rig';
import { gestureAt, lastOf, positionAt, yawAt, type Track, type Tracks } from './tracks';

/**
 * Poses the rig for a moment of the take: each performer where their track puts them, walking legs
 * when they move, the gestures of their calls, and a little idle motion (breath, weight shift, a
 * glance around) so the set looks alive between takes. Bone rotations are offsets from the pose
 * the figure was drawn in; nothing is allocated per frame.
 */

const spot: [number, number] = [0, 0];
const local = new THREE.Vector3();
const world = new THREE.Vector3();
const toTarget = new THREE.Vector3();

/** A stable phase per performer, so they do not breathe in step. */
function phaseOf(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) % 997;
  return (h / 997) * Math.PI * 2;
}

function reset(bones: Bones): void {
  for (const bone of Object.values(bones)) {
    if (bone.parent && !(bone.parent as THREE.Bone).isBone) continue; // roots are placed, not reset
    bone.rotation.set(0, 0, 0);
    bone.scale.set(1, 1, 1);
  }
}

/** Legs and arms swinging with the distance walked. */
function walkCycle(b: Bones, stride: number, amount: number): void {
  const s = Math.sin(stride) * amount;
  if (b.thighR) b.thighR.rotation.x = -0.45 * s;
  if (b.thighL) b.thighL.rotation.x = 0.45 * s;
  if (b.shinR) b.shinR.rotation.x = 0.55 * Math.max(0, s) * amount;
  if (b.shinL) b.shinL.rotation.x = 0.55 * Math.max(0, -s) * amount;
  if (b.upperArmR) b.upperArmR.rotation.x += 0.25 * s;
  if (b.upperArmL) b.upperArmL.rotation.x -= 0.25 * s;
}

function idle(b: Bones, clock: number, phase: number): void {
  if (b.spine) {
    b.spine.rotation.x = 0.012 * Math.sin(clock * 1.4 + phase);
    b.spine.rotation.z = 0.02 * Math.sin(clock * 0.45 + phase);
  }
  if (b.pelvis) b.pelvis.rotation.z = 0.02 * Math.sin(clock * 0.45 + phase + 1);
  if (b.head) b.head.rotation.y = 0.22 * Math.sin(clock * 0.23 + phase) * Math.sin(clock * 0.11 + phase * 2);
}

/** The arm, head and body gestures playing at `t`. */
function gestures(b: Bones, track: Track, t: number, clock: number): void {
  const g = (kind: Parameters<typeof gestureAt>[1]): number => gestureAt(track, kind, t)?.weight ?? 0;
  const raise = g('raise-hand');
  const point = g('point');
  const touch = g('touch-up');
  const slate = Math.max(g('show-slate'), g('clap-slate'));
  if (b.upperArmR) {
    b.upperArmR.rotation.x += -2.5 * raise - 1.35 * point - 1.7 * touch - 1.1 * slate;
    b.upperArmR.rotation.z += -0.25 * raise;
  }
  if (b.forearmR) b.forearmR.rotation.x += -0.5 * raise - 0.6 * touch - 0.3 * slate;
  if (b.upperArmL) b.upperArmL.rotation.x += -1.1 * slate;
  const nod = g('nod');
  const speak = g('speak');
  const lean = g('lean');
  const write = g('write');
  if (b.head) b.head.rotation.x = 0.22 * Math.sin((t * Math.PI * 4) % (Math.PI * 2)) * nod + 0.05 * Math.sin(clock * 9) * speak + 0.15 * lean + 0.35 * write;
  if (b.upperArmL) b.upperArmL.rotation.x += -0.55 * speak * (0.6 + 0.4 * Math.sin(clock * 3)) - 0.7 * write;
  if (b.forearmL) b.forearmL.rotation.x += -0.5 * speak - 0.5 * write + 0.08 * Math.sin(clock * 14) * write;
  if (b.spine) b.spine.rotation.x += 0.35 * lean;
  if (b.clapstick) {
    // Open while the slate is shown; shut in the first tenth of a second of the clap.
    const clap = gestureAt(track, 'clap-slate', t);
    const shut = clap ? Math.min(1, (t - clap.gesture.t0) / 0.1) : 0;
    b.clapstick.rotation.z = clap ? 0.55 * (1 - shut) * clap.weight : 0.55 * g('show-slate');
  }
}

export class Animator {
  private readonly phases = new Map<string, number>();
  private readonly lastSpot = new Map<string, [number, number]>();
  private readonly stride = new Map<string, number>();

  constructor(private readonly rig: CrewRig, private readonly tracks: Tracks, private readonly layouts: ReadonlyMap<string, CrewLayout>) {
    for (const id of tracks.byId.keys()) {
      this.phases.set(id, phaseOf(id));
      this.stride.set(id, 0);
    }
  }

  /** Poses everyone for take time `t` (0: first positions); `clock` drives the idle motion. */
  pose(t: number, clock: number): void {
    for (const [id, p] of this.rig.performers) {
      const track = this.tracks.byId.get(id);
      if (track) this.posePerformer(id, p.bones, track, t, clock);
    }
    for (const [id, g] of this.rig.gear) {
      const track = this.tracks.byId.get(id);
      if (track) this.poseGear(g.type, g.bones, track, t);
    }
  }

  private place(root: THREE.Bone, track: Track, t: number): [number, number] {
    positionAt(track, t, spot);
    local.set(spot[0], 0, spot[1]).applyMatrix4(this.rig.frame);
    root.position.x = local.x;
    root.position.z = local.z;
    root.rotation.set(0, yawAt(track, t) + frameYaw(this.rig.frame), 0);
    return spot;
  }

  private posePerformer(id: string, b: Bones, track: Track, t: number, clock: number): void {
    if (!b.root) return;
    reset(b);
    const [x, z] = this.place(b.root, track, t);
    let last = this.lastSpot.get(id);
    if (!last) this.lastSpot.set(id, (last = [x, z]));
    const moved = Math.hypot(x - last[0], z - last[1]);
    last[0] = x;
    last[1] = z;
    const stride = (this.stride.get(id) ?? 0) + (moved / 0.65) * Math.PI;
    this.stride.set(id, stride);
    idle(b, clock, this.phases.get(id) ?? 0);
    walkCycle(b, stride, Math.min(1, moved * 60));
    gestures(b, track, t, clock);
    this.poseBoom(b, track, t);
    const layout = this.layouts.get(id);
    if (layout) {
      b.root.getWorldPosition(world);
      layout.feet.set(world.x, layout.feet.y, world.z);
      layout.head.set(world.x, layout.head.y, world.z);
    }
  }

  /** Rest (pole down), up over the actors, or swung to follow one of them. */
  private poseBoom(b: Bones, track: Track, t: number): void {
    if (!b.boom) return;
    const state = lastOf(track, ['boom-up', 'boom-follow', 'boom-rest'], t);
    const up = state && state.kind !== 'boom-rest' ? Math.min(1, (t - state.t0) / 1.2) : state ? 1 - Math.min(1, (t - state.t0) / 1.2) : 0;
    b.boom.rotation.x = 0.75 * (1 - up);
    if (b.upperArmR) b.upperArmR.rotation.x += -2.2 * up;
    if (b.upperArmL) b.upperArmL.rotation.x += -2.2 * up;
    if (state?.kind === 'boom-follow' && state.target) {
      const target = this.rig.performers.get(state.target)?.bones.root;
      if (target && b.root) {
        // Swing the pole (and turn the body a little) toward whom it follows.
        toTarget.copy(target.position).sub(b.root.position);
        const yaw = Math.atan2(toTarget.x, toTarget.z) - b.root.rotation.y;
        const swing = Math.atan2(Math.sin(yaw), Math.cos(yaw)) * Math.min(1, (t - state.t0) / 0.8);
        b.boom.rotation.y = swing * 0.6;
        if (b.spine) b.spine.rotation.y += swing * 0.4;
      }
    }
  }

  private poseGear(type: 'dolly' | 'red-light', b: Bones, track: Track, t: number): void {
    if (!b.gear) return;
    this.place(b.gear, track, t);
    if (type === 'red-light' && b.lamp) {
      const state = lastOf(track, ['switch-on', 'switch-off'], t);
      const on = state?.kind === 'switch-on';
      b.lamp.scale.setScalar(on ? 1 : 0.001);
    }
  }
}

/** The yaw of the hot set's frame (its facing), radians. */
function frameYaw(frame: THREE.Matrix4): number {
  const e = frame.elements;
  return Math.atan2(e[8]!, e[10]!);
}
