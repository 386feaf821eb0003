import * as THREE from 'three';
import { defineSystem, type Entity, type TypedSystem } from '../aframe-typed';
import { tourReducer, type TourAction, type TourState } from '../tour/state';
import { EYE_HEIGHT, arrivalYaw, type BuiltSet, type StationLayout } from '../set/layout';
import { SEATED_LIFT, placeHead, viewYaw, type XrMode } from '../xr/rig';
import { NavGate } from './nav-gate';

export const TOUR_SYSTEM = 'tour';

export type Listener = (state: TourState, previous: TourState) => void;

export interface Fader {
  /** Fades the view to black (true) or back (false); resolves when done. */
  fade(on: boolean): Promise<void>;
}

export interface TourSetup {
  readonly set: BuiltSet;
  readonly initial: TourState;
  readonly rig: Entity;
  readonly camera: Entity;
  readonly fader: Fader;
  /** Who owns the XR mode (the xr system): the tour only reads it. */
  readonly xr: { readonly mode: XrMode };
}

interface Travel {
  readonly from: THREE.Vector3;
  readonly to: THREE.Vector3;
  readonly fromYaw: number;
  readonly toYaw: number;
  readonly fromPitch: number;
  readonly toPitch: number;
  readonly duration: number;
  elapsed: number;
  /** Turning only (faceStation): the position does not change. */
  readonly turnOnly: boolean;
}

const WALK_SPEED = 2.2; // m/s, a brisk walk
const WALL_MARGIN = 0.6;
const WALK_KEYS: Readonly<Record<string, readonly [number, number]>> = {
  KeyW: [0, 1], ArrowUp: [0, 1], KeyS: [0, -1], ArrowDown: [0, -1],
  KeyA: [-1, 0], ArrowLeft: [-1, 0], KeyD: [1, 0], ArrowRight: [1, 0],
};

// Module-level scratch for the per-frame path: walking and travel allocate nothing per frame.
const scratchMove = new THREE.Vector3();

const easeInOut = (t: number): number => (t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2);
const shortestAngle = (from: number, to: number): number => {
  let d = (to - from) % (Math.PI * 2);
  if (d > Math.PI) d -= Math.PI * 2;
  if (d < -Math.PI) d += Math.PI * 2;
  return from + d;
};

interface LookControls {
  yawObject: THREE.Object3D;
  pitchObject: THREE.Object3D;
}

interface TourMethods {
  state: TourState | null;
  setupData: TourSetup | null;
  listeners: Listener[];
  travel: Travel | null;
  fading: boolean;
  keys: Set<string>;
  arrivalHooks: ((station: string) => void)[];
  /** Whether the visitor may walk on their own (a classroom's lock and pause shut it). */
  gate: NavGate;
  /** inline (screen), vr or ar, as the xr system says: in a headset every move is a fade. */
  mode(this: TourSystem): XrMode;
  /** The xr system changed the mode: travel stops; back on the screen the visitor stands at the station. */
  xrModeChanged(this: TourSystem, mode: XrMode): void;
  /** Runs `hook(station)` on every arrival; returns its remover. */
  addArrivalHook(this: TourSystem, hook: (station: string) => void): () => void;
  arrived(this: TourSystem, station: string): void;
  /** A move that is a fade (a VR teleport): black, `place()`, back; travelling meanwhile. */
  fadeMove(this: TourSystem, place: () => void): Promise<void>;
  /** A fade that cannot finish (a session started or ended mid-fade) no longer counts as travel. */
  cancelFade(this: TourSystem): void;
  onKeyDown: (e: KeyboardEvent) => void;
  onKeyUp: (e: KeyboardEvent) => void;
  onBlur: () => void;
  setup(this: TourSystem, setup: TourSetup): void;
  dispatch(this: TourSystem, action: TourAction): void;
  subscribe(this: TourSystem, listener: Listener): () => void;
  layout(this: TourSystem, id: string): StationLayout;
  isTravelling(this: TourSystem): boolean;
  faceStation(this: TourSystem, id: string, instant?: boolean): void;
  /** Turns the view (on a screen) to this yaw and pitch, radians, as faceStation does. */
  turnTo(this: TourSystem, yaw: number, pitch: number, instant?: boolean): void;
  placeAt(this: TourSystem, id: string): void;
  /** The yaw the visitor looks along; `mode` to read it as on the screen while a session starts. */
  visitorYaw(this: TourSystem, mode?: XrMode): number;
  visitorPosition(this: TourSystem, target: THREE.Vector3): THREE.Vector3;
  look(this: TourSystem): LookControls | null;
  startTravel(this: TourSystem, id: string): void;
  /** The travel phase of the frame: glides, turns and keyboard walking. */
  step(this: TourSystem, dt: number): void;
  stepTravel(this: TourSystem, dt: number): void;
  stepWalk(this: TourSystem, dt: number): void;
  /** Undoes setup: keyboard listeners off, listeners and hooks dropped, state gone. */
  teardown(this: TourSystem): void;
}

export type TourSystem = TypedSystem<TourMethods>;

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));

/**
 * Owns the tour state machine on the A-Frame side and moves the visitor: travel (glide or fade)
 * and keyboard walking, as the travel phase of the frame (src/app/phases.ts). Other features
 * subscribe to its state and dispatch actions; none writes its fields.
 */
defineSystem<TourMethods>(TOUR_SYSTEM, {
  state: null,
  setupData: null,
  listeners: [],
  travel: null,
  fading: false,
  keys: new Set(),
  arrivalHooks: [],
  gate: new NavGate(),
  onKeyDown: () => undefined,
  onKeyUp: () => undefined,
  onBlur: () => undefined,

  init() {
    this.arrivalHooks = [];
    this.listeners = [];
    this.keys = new Set();
    this.gate = new NavGate();
    this.onKeyDown = (e: KeyboardEvent) => {
      if (e.code in WALK_KEYS && !isTyping(e.target) && !e.altKey && !e.ctrlKey && !e.metaKey) {
        this.keys.add(e.code);
        if (e.code.startsWith('Arrow')) e.preventDefault(); // arrows walk instead of scrolling
      }
    };
    this.onKeyUp = (e: KeyboardEvent) => {
      this.keys.delete(e.code);
    };
    this.onBlur = () => this.keys.clear();
  },

  setup(setup) {
    this.setupData = setup;
    this.state = setup.initial;
    // Listening starts with a tour to walk in (and ends with it: see teardown).
    window.addEventListener('keydown', this.onKeyDown);
    window.addEventListener('keyup', this.onKeyUp);
    window.addEventListener('blur', this.onBlur);
    const at = setup.initial.station;
    if (at) this.placeAt(at);
  },

  mode() {
    return this.setupData?.xr.mode ?? 'inline';
  },

  dispatch(action) {
    const previous = this.state;
    if (!previous || !this.gate.allows(action)) return;
    const next = tourReducer(previous, action);
    if (next === previous) return;
    this.state = next;
    if (next.trip !== previous.trip && next.station) this.startTravel(next.station);
    else if (next.trip !== previous.trip) this.travel = null; // a reset: whoever placed the visitor did so
    else if (next.focus !== null && next.focus !== previous.focus) this.faceStation(next.order[next.focus]!);
    for (const listener of this.listeners) listener(next, previous);
  },

  subscribe(listener) {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  },

  addArrivalHook(hook) {
    this.arrivalHooks.push(hook);
    return () => {
      this.arrivalHooks = this.arrivalHooks.filter((h) => h !== hook);
    };
  },

  arrived(station) {
    for (const hook of this.arrivalHooks) hook(station);
  },

  async fadeMove(place) {
    const fader = this.setupData!.fader;
    this.fading = true;
    await fader.fade(true);
    place();
    // The visitor may have left the headset during the fade: then there is nothing to fade back.
    if (this.mode() === 'vr') await fader.fade(false);
    this.fading = false;
  },

  cancelFade() {
    this.fading = false;
  },

  xrModeChanged(mode) {
    this.travel = null;
    this.keys.clear();
    const rig = this.setupData?.rig.object3D;
    if (!rig) return;
    // Back on the screen: level the rig again (seated lift off) and stand at the station.
    if (mode === 'inline') {
      rig.position.y = 0;
      rig.scale.set(1, 1, 1);
      if (this.state?.station) this.placeAt(this.state.station);
    }
    // Entering VR: the VR controls place the head on the first tracked frame.
  },

  layout(id) {
    const layout = this.setupData?.set.stations.get(id);
    if (!layout) throw new Error(`unknown station ${id}`);
    return layout;
  },

  isTravelling() {
    return this.travel !== null || this.fading;
  },

  look() {
    const look = this.setupData?.camera.components['look-controls'] as unknown as LookControls | undefined;
    return look ?? null;
  },

  visitorYaw(mode) {
    if ((mode ?? this.mode()) !== 'inline') return viewYaw(this.setupData!.camera.object3D);
    const rig = this.setupData!.rig.object3D;
    return rig.rotation.y + (this.look()?.yawObject.rotation.y ?? 0);
  },

  visitorPosition(target) {
    if (this.mode() === 'vr') {
      this.setupData!.camera.object3D.getWorldPosition(target);
      target.y = 0;
      return target;
    }
    return target.copy(this.setupData!.rig.object3D.position);
  },

  /** Puts the visitor at a station's viewing spot instantly (start-up, deep links, reload). */
  placeAt(id) {
    const layout = this.layout(id);
    const rig = this.setupData!.rig.object3D;
    if (this.mode() === 'ar') return; // the AR placement owns the rig
    if (this.mode() === 'vr') {
      placeHead(rig, this.setupData!.camera.object3D, layout.spot, arrivalYaw(layout), this.state?.settings.seated ? SEATED_LIFT : 0);
      return;
    }
    rig.position.copy(layout.spot);
    rig.rotation.y = arrivalYaw(layout);
    const look = this.look();
    if (look) {
      look.yawObject.rotation.y = 0;
      look.pitchObject.rotation.x = 0;
    }
  },

  faceStation(id, instant = false) {
    if (this.mode() !== 'inline') return; // nobody turns a headset wearer's head for them
    const layout = this.layout(id);
    const rig = this.setupData!.rig.object3D;
    // Aim between the station and its tape mark, pitched down enough that the mark (where the
    // focus ring is) stays in view even when it is close by.
    const aimX = (layout.origin.x + layout.spot.x) / 2;
    const aimZ = (layout.origin.z + layout.spot.z) / 2;
    const toYaw = Math.atan2(-(aimX - rig.position.x), -(aimZ - rig.position.z));
    const markDistance = Math.hypot(layout.spot.x - rig.position.x, layout.spot.z - rig.position.z);
    const markBelow = Math.atan2(EYE_HEIGHT, Math.max(markDistance, 0.1));
    this.turnTo(toYaw, -THREE.MathUtils.clamp(markBelow - 0.35, 0, 0.6), instant);
  },

  turnTo(toYaw, toPitch, instant = false) {
    if (this.mode() !== 'inline') return;
    const rig = this.setupData!.rig.object3D;
    const currentYaw = this.visitorYaw();
    const look = this.look();
    rig.rotation.y = currentYaw;
    if (look) look.yawObject.rotation.y = 0;
    const target = shortestAngle(currentYaw, toYaw);
    if (instant || this.state?.settings.reducedMotion) {
      rig.rotation.y = target;
      if (look) look.pitchObject.rotation.x = toPitch;
      return;
    }
    this.travel = {
      from: rig.position.clone(), to: rig.position.clone(), fromYaw: currentYaw, toYaw: target,
      fromPitch: look?.pitchObject.rotation.x ?? 0, toPitch, duration: 0.45, elapsed: 0, turnOnly: true,
    };
  },

  startTravel(id) {
    const setup = this.setupData!;
    const layout = this.layout(id);
    const rig = setup.rig.object3D;
    if (this.mode() === 'ar') {
      this.arrived(id); // AR: the panel opens over the model; nobody travels
      return;
    }
    // No glide in a headset (moving the view the body does not feel is what makes people sick), nor
    // for visitors who prefer reduced motion: a short fade, a cut, a fade back.
    if (this.mode() === 'vr' || this.state?.settings.reducedMotion) {
      this.travel = null;
      this.fading = true;
      void setup.fader.fade(true).then(async () => {
        this.placeAt(id);
        this.arrived(id);
        await setup.fader.fade(false);
        this.fading = false;
      });
      return;
    }
    const look = this.look();
    const currentYaw = this.visitorYaw();
    rig.rotation.y = currentYaw;
    if (look) look.yawObject.rotation.y = 0;
    const distance = rig.position.distanceTo(layout.spot);
    this.travel = {
      from: rig.position.clone(), to: layout.spot.clone(), fromYaw: currentYaw, toYaw: shortestAngle(currentYaw, arrivalYaw(layout)),
      fromPitch: look?.pitchObject.rotation.x ?? 0, toPitch: 0,
      duration: THREE.MathUtils.clamp(distance / 6, 0.6, 1.8), elapsed: 0, turnOnly: false,
    };
  },

  stepTravel(dt) {
    const travel = this.travel;
    if (!travel) return;
    travel.elapsed = Math.min(travel.duration, travel.elapsed + dt);
    const t = easeInOut(travel.elapsed / travel.duration);
    const rig = this.setupData!.rig.object3D;
    if (!travel.turnOnly) rig.position.lerpVectors(travel.from, travel.to, t);
    rig.rotation.y = travel.fromYaw + (travel.toYaw - travel.fromYaw) * t;
    const look = this.look();
    if (look) look.pitchObject.rotation.x = travel.fromPitch + (travel.toPitch - travel.fromPitch) * t;
    if (travel.elapsed >= travel.duration) {
      this.travel = null;
      if (!travel.turnOnly && this.state?.station) this.arrived(this.state.station);
    }
  },

  stepWalk(dt) {
    if (this.keys.size === 0 || this.travel || this.fading || this.mode() !== 'inline' || this.gate.locked) return;
    let forward = 0;
    let strafe = 0;
    for (const code of this.keys) {
      const k = WALK_KEYS[code];
      if (k) {
        strafe += k[0];
        forward += k[1];
      }
    }
    if (forward === 0 && strafe === 0) return;
    const yaw = this.visitorYaw();
    // Forward is -z rotated by yaw; right is +x rotated by yaw.
    scratchMove.set(-Math.sin(yaw) * forward + Math.cos(yaw) * strafe, 0, -Math.cos(yaw) * forward - Math.sin(yaw) * strafe);
    scratchMove.normalize().multiplyScalar(WALK_SPEED * dt);
    const rig = this.setupData!.rig.object3D;
    const { halfWidth, halfDepth } = this.setupData!.set.bounds;
    rig.position.x = THREE.MathUtils.clamp(rig.position.x + scratchMove.x, -halfWidth + WALL_MARGIN, halfWidth - WALL_MARGIN);
    rig.position.z = THREE.MathUtils.clamp(rig.position.z + scratchMove.z, -halfDepth + WALL_MARGIN, halfDepth - WALL_MARGIN);
  },

  step(dt) {
    if (!this.setupData || !this.state) return;
    this.stepTravel(dt);
    this.stepWalk(dt);
  },

  teardown() {
    window.removeEventListener('keydown', this.onKeyDown);
    window.removeEventListener('keyup', this.onKeyUp);
    window.removeEventListener('blur', this.onBlur);
    this.listeners = [];
    this.arrivalHooks = [];
    this.keys.clear();
    this.travel = null;
    this.fading = false;
    this.setupData = null;
    this.state = null;
  },
});
