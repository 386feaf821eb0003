import * as THREE from 'three';
import type { CrewLayout } from '../set/layout';
import type { Bones, CrewRig } from './rig';
import { lastOf, positionAt, startedAt, weightOf, yawAt, type Track, type Tracks } from './tracks';

/**
 * Poses the rig for a moment of the take: each performer where their track puts them, walking legs
 * when they move, the gestures of their calls, and a little idle motion (breath, weight shift, a
 * glance around) so the set looks alive between takes. Bone rotations are offsets from the pose
 * the figure was drawn in; nothing is allocated per frame.
 */

const spot: [number, number] = [0, 0];
const local = new THREE.Vector3();
const toTarget = new THREE.Vector3();
const BOOM_STATES = ['boom-up', 'boom-follow', 'boom-rest'] as const;
const LIGHT_STATES = ['switch-on', 'switch-off'] as const;

/** A stable phase per performer, so they do not breathe in step. */
function phaseOf(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) % 997;
  return (h / 997) * Math.PI * 2;
}

/** Back to the pose they were drawn in (roots are placed, not reset). */
function reset(joints: readonly THREE.Bone[]): void {
  for (const bone of joints) {
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
  const raise = weightOf(track, 'raise-hand', t);
  const point = weightOf(track, 'point', t);
  const touch = weightOf(track, 'touch-up', t);
  const shown = weightOf(track, 'show-slate', t);
  const clap = weightOf(track, 'clap-slate', t);
  const slate = Math.max(shown, clap);
  if (b.upperArmR) {
    b.upperArmR.rotation.x += -2.5 * raise - 1.35 * point - 1.7 * touch - 0.45 * slate;
    b.upperArmR.rotation.z += -0.25 * raise;
  }
  if (b.forearmR) b.forearmR.rotation.x += -0.5 * raise - 0.6 * touch - 0.25 * slate;
  if (b.upperArmL) b.upperArmL.rotation.x += -0.45 * slate;
  const nod = weightOf(track, 'nod', t);
  const speak = weightOf(track, 'speak', t);
  const lean = weightOf(track, 'lean', t);
  const write = weightOf(track, 'write', t);
  if (b.head) b.head.rotation.x = 0.22 * Math.sin((t * Math.PI * 4) % (Math.PI * 2)) * nod + 0.05 * Math.sin(clock * 9) * speak + 0.15 * lean + 0.35 * write;
  if (b.upperArmL) b.upperArmL.rotation.x += -0.55 * speak * (0.6 + 0.4 * Math.sin(clock * 3)) - 0.7 * write;
  if (b.forearmL) b.forearmL.rotation.x += -0.5 * speak - 0.5 * write + 0.08 * Math.sin(clock * 14) * write;
  if (b.spine) b.spine.rotation.x += 0.35 * lean;
  if (b.clapstick) {
    // Open while the slate is shown; shut in the first tenth of a second of the clap.
    const shut = clap > 0 ? Math.min(1, (t - startedAt(track, 'clap-slate', t)) / 0.1) : 0;
    b.clapstick.rotation.z = clap > 0 ? 0.55 * (1 - shut) * clap : 0.55 * shown;
  }
}

/** One performer as the animator keeps them: everything a frame needs, found once. */
interface Actor {
  readonly bones: Bones;
  /** Every bone but the root, to put back each frame. */
  readonly joints: readonly THREE.Bone[];
  readonly track: Track;
  readonly layout: CrewLayout | undefined;
  readonly phase: number;
  /** Where they were last frame, and how far their legs have walked (radians of stride). */
  readonly last: [number, number];
  stride: number;
}

interface Prop {
  readonly type: 'dolly' | 'red-light';
  readonly bones: Bones;
  readonly track: Track;
}

export class Animator {
  private readonly actors: Actor[] = [];
  private readonly props: Prop[] = [];

  constructor(private readonly rig: CrewRig, tracks: Tracks, layouts: ReadonlyMap<string, CrewLayout>) {
    for (const [id, p] of rig.performers) {
      const track = tracks.byId.get(id);
      if (!track || !p.bones.root) continue;
      const joints = Object.values(p.bones).filter((b) => b !== p.bones.root);
      this.actors.push({ bones: p.bones, joints, track, layout: layouts.get(id), phase: phaseOf(id), last: [track.at[0], track.at[1]], stride: 0 });
    }
    for (const [id, g] of rig.gear) {
      const track = tracks.byId.get(id);
      if (track) this.props.push({ type: g.type, bones: g.bones, track });
    }
  }

  /** Poses everyone for take time `t` (0: first positions); `clock` drives the idle motion. */
  pose(t: number, clock: number): void {
    for (const a of this.actors) this.posePerformer(a, t, clock);
    for (const p of this.props) this.poseGear(p.type, p.bones, p.track, t);
  }

  private place(root: THREE.Bone, track: Track, t: number): [number, number] {
    positionAt(track, t, spot);
    local.set(spot[0], 0, spot[1]).applyMatrix4(this.rig.frame);
    root.position.x = local.x;
    root.position.z = local.z;
    root.rotation.set(0, yawAt(track, t) + frameYaw(this.rig.frame), 0);
    return spot;
  }

  private posePerformer(a: Actor, t: number, clock: number): void {
    const { bones: b, track, last } = a;
    reset(a.joints);
    const [x, z] = this.place(b.root!, track, t);
    const moved = Math.hypot(x - last[0], z - last[1]);
    last[0] = x;
    last[1] = z;
    a.stride += (moved / 0.65) * Math.PI;
    idle(b, clock, a.phase);
    walkCycle(b, a.stride, Math.min(1, moved * 60));
    gestures(b, track, t, clock);
    this.poseBoom(b, track, t);
    const layout = a.layout;
    if (layout && b.root) {
      // The set's frame, as every crew layout is (the rig's group sits unmoved in the set's root).
      layout.feet.set(b.root.position.x, layout.feet.y, b.root.position.z);
      layout.head.set(b.root.position.x, layout.head.y, b.root.position.z);
    }
  }

  /** Rest (pole down), up over the actors, or swung to follow one of them. */
  private poseBoom(b: Bones, track: Track, t: number): void {
    if (!b.boom) return;
    const state = lastOf(track, BOOM_STATES, t);
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
      const state = lastOf(track, LIGHT_STATES, t);
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
