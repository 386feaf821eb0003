import * as THREE from 'three';
import { bakeLight, setLights } from '../../set/light';
import { SET_LAYER } from '../../take/monitor';
import type { StationLayout } from '../../set/layout';
import { isDone, type StuntState } from './logic';
import { Mover } from './movers';
import { HIP_HEIGHT, MATS_THICKNESS, drawLamp, drawMats, drawPerson, drawStage, drawStopSign, yawTowards, type Drawn, type SignWords } from './parts';
import type { CheckId, StuntsParams, Vec2 } from './spec';

/**
 * The stunt's state, shown at the station: the platform on the rig; the mats carried in; the green
 * tag; the crew in the fall zone, then in the meeting's circle, then behind the cone line; the
 * double climbing up and falling; the medic; the stand-by lamp; the safety officer's STOP sign.
 * `apply` is called when the state changes; `frame` only moves what is animating (no allocation).
 */

const DEG = Math.PI / 180;
/** Seconds the mats take to be carried in and laid down. */
const MATS_SECONDS = 0.9;
/** The fall's share spent leaning back off the platform before the drop. */
const LEAN = 0.18;
const LEAN_ANGLE = 20 * DEG;
/** The body lies this far above the mats' top: half its depth (figure.ts's torso). */
const LYING = 0.12;
/** Seconds the mats give under the landing, and how much. */
const BOUNCE_SECONDS = 0.35;
const BOUNCE = 0.12;
/** The stand-by lamp flashes this many times a second while the stunt rolls. */
const FLASH_RATE = 4;

/** The visitor's spot in the station's frame (the tag and the sign face it). */
function visitorSpot(station: StationLayout): Vec2 {
  const v = new THREE.Vector3().subVectors(station.spot, station.origin).applyAxisAngle(THREE.Object3D.DEFAULT_UP, -station.yaw);
  return [v.x, v.z];
}

const smooth = (t: number): number => t * t * (3 - 2 * t);

/** Everything the view draws, made before it is shown. */
export interface StuntGeometry {
  readonly stage: Drawn;
  readonly mats: THREE.BufferGeometry;
  readonly lamp: THREE.BufferGeometry;
  readonly sign: THREE.BufferGeometry;
  readonly crew: readonly THREE.BufferGeometry[];
  readonly double: THREE.BufferGeometry;
}

/**
 * Draws the view's geometry a piece at a time, awaiting `pause` between pieces (each figure is a
 * few hundred parts), so opening the activity on a slow phone is no long task.
 */
export async function drawStunt(station: StationLayout, p: StuntsParams, words: SignWords, pause: () => Promise<void>): Promise<StuntGeometry> {
  const rig = setLights();
  const bake = (geo: THREE.BufferGeometry, first: number, end: number): void => bakeLight(geo, rig, first, end);
  const stage = drawStage(p, yawTowards([p.tag[0], p.tag[2]], visitorSpot(station)), words, bake);
  await pause();
  const mats = drawMats(p, bake);
  const lamp = drawLamp(p);
  const sign = drawStopSign(words.stop);
  await pause();
  const crew: THREE.BufferGeometry[] = [];
  for (const [i, c] of p.crew.entries()) {
    crew.push(drawPerson(c.jacket, i === 0 ? 'hold' : 'stand', 0x57a7 + i * 7919, false, bake));
    await pause();
  }
  const double = drawPerson(p.double.jacket, 'stand', 0xd0b1e, true, bake);
  return { stage, mats, lamp, sign, crew, double };
}

export class StuntView {
  private readonly material = new THREE.MeshBasicMaterial({ vertexColors: true });
  private readonly meshes: THREE.Mesh[] = [];
  private readonly stage: Drawn;
  private readonly stageMesh: THREE.Mesh;
  private readonly mats: THREE.Mesh;
  private readonly lamp: THREE.Mesh;
  private readonly sign: THREE.Mesh;
  private readonly crew: Mover[];
  /** The double turns about the hips when falling: its mesh hangs below this pivot. */
  private readonly body = new THREE.Object3D();
  private readonly double: Mover;
  private readonly hipsStart: THREE.Vector3;
  private readonly hipsEnd: THREE.Vector3;
  private readonly fallLength: number;
  private matsT = MATS_SECONDS;
  /** Seconds since Roll; -1 before it. */
  private fallT = -1;
  private lampT = 0;
  private last: StuntState | null = null;

  constructor(private readonly group: THREE.Group, station: StationLayout, private readonly p: StuntsParams, g: StuntGeometry) {
    const spot = visitorSpot(station);
    this.stage = g.stage;
    this.stageMesh = this.mesh(g.stage.geometry, 'stage');
    this.mats = this.mesh(g.mats, 'mats');
    this.lamp = this.mesh(g.lamp, 'lamp');
    this.sign = this.mesh(g.sign, 'stop-sign');
    this.sign.position.set(...p.stopSign);
    this.sign.rotation.y = yawTowards([p.stopSign[0], p.stopSign[2]], spot);
    this.crew = g.crew.map((geo, i) => new Mover(this.mesh(geo, `crew-${i}`), 0, p.walkSpeed));
    this.body.rotation.order = 'YXZ';
    group.add(this.body);
    this.mesh(g.double, 'double', this.body).position.y = -HIP_HEIGHT;
    this.double = new Mover(this.body, HIP_HEIGHT, p.walkSpeed);
    this.hipsStart = new THREE.Vector3(p.deck.at[0], p.deck.height + HIP_HEIGHT, p.deck.at[1]);
    this.hipsEnd = new THREE.Vector3(p.fall.to[0], p.mats.base + MATS_THICKNESS + LYING, p.fall.to[1]);
    this.fallLength = p.fall.seconds + BOUNCE_SECONDS;
  }

  private mesh(geometry: THREE.BufferGeometry, name: string, parent: THREE.Object3D = this.group): THREE.Mesh {
    const m = new THREE.Mesh(geometry, this.material);
    m.name = `stunts-${name}`;
    m.layers.enable(SET_LAYER);
    parent.add(m);
    this.meshes.push(m);
    return m;
  }

  /** Shows `state`; `instant` skips every animation (reduced motion, a reset, a closed card). */
  apply(state: StuntState, instant: boolean): void {
    const order = this.p.order;
    const before = this.last;
    this.last = state;
    // The platform, then the effects of the rig, area and medic checks done so far (always the first few).
    let end = this.stage.ends.get('deck')!;
    for (const id of order.slice(0, state.done)) end = this.stage.ends.get(id) ?? end;
    this.stageMesh.geometry.setDrawRange(0, end);
    const matsIn = isDone(state, order, 'mats');
    this.mats.visible = matsIn;
    if (matsIn && !(before !== null && isDone(before, order, 'mats')) && !instant) this.matsT = 0;
    else if (!matsIn || instant) this.matsT = MATS_SECONDS;
    this.placeMats(this.matsT);
    this.mats.scale.y = 1;
    this.walk(state, instant);
    if (state.phase === 'prep') this.fallT = -1;
    else if (this.fallT < 0) this.fallT = instant ? this.fallLength : 0;
    if (this.fallT >= 0) this.placeFall(this.fallT);
    this.lamp.visible = state.phase !== 'prep';
    this.lampT = 0;
    this.sign.visible = state.stop !== null;
  }

  /** Moves what is animating; true on the frame the fall has landed. */
  frame(dt: number): boolean {
    if (this.matsT < MATS_SECONDS) this.placeMats((this.matsT += dt));
    for (let i = 0; i < this.crew.length; i++) this.crew[i]!.frame(dt);
    this.double.frame(dt);
    if (this.last?.phase !== 'rolling' || this.fallT < 0 || this.fallT >= this.fallLength) return false;
    this.fallT = Math.min(this.fallLength, this.fallT + dt);
    this.placeFall(this.fallT);
    this.lampT += dt;
    this.lamp.visible = this.fallT >= this.fallLength || Math.floor(this.lampT * FLASH_RATE) % 2 === 0;
    return this.fallT >= this.fallLength;
  }

  /** Ends every animation where it would have ended; true if a fall was cut short (it has landed). */
  settle(): boolean {
    if (this.matsT < MATS_SECONDS) this.placeMats((this.matsT = MATS_SECONDS));
    for (const m of this.crew) m.settle();
    if (this.last?.phase !== 'rolling' || this.fallT < 0) {
      this.double.settle();
      return false;
    }
    this.placeFall((this.fallT = this.fallLength));
    this.lamp.visible = true;
    return true;
  }

  private placeMats(t: number): void {
    const s = smooth(Math.min(1, t / MATS_SECONDS));
    const { from, at, base } = this.p.mats;
    // Carried in low, lifted over the crash mat's edge, laid down.
    this.mats.position.set(from[0] + (at[0] - from[0]) * s, base * s + 0.35 * Math.sin(Math.PI * s), from[1] + (at[1] - from[1]) * s);
  }

  /** The fall at time t (seconds since Roll): lean back, drop and turn flat, then the mats give. */
  private placeFall(t: number): void {
    const total = this.p.fall.seconds;
    const yaw = this.p.fall.facing * DEG;
    const u = Math.min(1, t / total);
    const { body, hipsStart, hipsEnd } = this;
    this.mats.scale.y = 1;
    if (u < LEAN) {
      body.position.copy(hipsStart);
      body.rotation.set(-LEAN_ANGLE * smooth(u / LEAN), yaw, 0);
      return;
    }
    const s = (u - LEAN) / (1 - LEAN);
    body.position.lerpVectors(hipsStart, hipsEnd, s);
    // Gravity: the drop grows with the square of the time, after a small push up and off.
    body.position.y = hipsStart.y + (hipsEnd.y - hipsStart.y) * s * s + 0.3 * s * (1 - s);
    body.rotation.set(-(LEAN_ANGLE + (90 * DEG - LEAN_ANGLE) * smooth(s)), yaw, 0);
    const b = t - total;
    if (b > 0) {
      const give = Math.sin(Math.PI * Math.min(1, b / BOUNCE_SECONDS));
      this.mats.scale.y = 1 - BOUNCE * give;
      body.position.y = hipsEnd.y - MATS_THICKNESS * BOUNCE * give;
    }
  }

  /** Where each person goes for this state: the fall zone, the meeting's circle, behind the line, the platform. */
  private walk(state: StuntState, instant: boolean): void {
    const p = this.p;
    const done = (id: CheckId): boolean => isDone(state, p.order, id);
    p.crew.forEach((c, i) => {
      const m = this.crew[i]!;
      if (done('area')) m.go('clear', [[c.clear[0], 0, c.clear[1]]], yawTowards(c.clear, p.fall.to), instant);
      else if (done('meeting')) m.go('meeting', [[c.meeting[0], 0, c.meeting[1]]], yawTowards(c.meeting, p.meetingCentre), instant);
      else m.go('start', [[c.start[0], 0, c.start[1]]], yawTowards(c.start, p.mats.at), instant);
    });
    const d = p.double;
    const [dx, dz] = p.deck.at;
    const [tx, tz] = p.tower;
    const h = p.deck.height;
    const yaw = p.fall.facing * DEG;
    if (state.phase !== 'prep') {
      // Rolled: on the platform at once if still climbing; the fall takes it from there.
      this.double.go('deck', [[dx, h, dz]], yaw, true);
      this.double.target = 'fall';
    } else if (done('area')) {
      // Up the ladder on the tower's front, then across onto the platform.
      this.double.go('deck', [[tx, 0, tz + 0.6], [tx, h, tz + 0.45], [dx, h, dz]], yaw, instant);
    } else if (done('meeting')) this.double.go('meeting', [[d.meeting[0], 0, d.meeting[1]]], yawTowards(d.meeting, p.meetingCentre), instant);
    else this.double.go('start', [[d.start[0], 0, d.start[1]]], yawTowards(d.start, p.deck.at), instant);
  }

  debug(): Record<string, unknown> {
    const v = new THREE.Vector3();
    const round = (a: readonly number[]): number[] => a.map((n) => +n.toFixed(2));
    return {
      matsVisible: this.mats.visible,
      matsLanded: this.matsT >= MATS_SECONDS,
      stageDrawn: this.stageMesh.geometry.drawRange.count,
      crew: this.crew.map((m) => ({ target: m.target, moving: m.moving, feet: round(m.feet(v).toArray()) })),
      double: { target: this.double.target, moving: this.double.moving, hips: round(this.body.position.toArray()), pitch: +this.body.rotation.x.toFixed(2) },
      fall: this.fallT < 0 ? null : +(this.fallT / this.fallLength).toFixed(2),
      lamp: this.lamp.visible,
      stopSign: this.sign.visible,
      triangles: this.meshes.reduce((n, m) => n + m.geometry.getAttribute('position').count / 3, 0),
      meshes: this.meshes.length,
    };
  }

  dispose(): void {
    for (const m of this.meshes) {
      m.removeFromParent();
      m.geometry.dispose();
    }
    this.body.removeFromParent();
    this.material.dispose();
  }
}
