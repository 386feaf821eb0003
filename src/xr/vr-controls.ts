import * as THREE from 'three';
import type { Scene } from '../aframe-typed';
import type { TourSystem } from '../systems/tour';
import type { PanelButton } from '../world-ui/panel-buttons';
import { circleInto, type LineRange, type OverlayLines } from '../world-ui/overlay-lines';
import { pickTarget, selectActions, type PickTarget } from '../input/pick';
import { isWalkable, teleportArc, type Arc, type Vec3Like, type WalkableArea } from './teleport';
import { HOVER_SEGMENTS, POINTERS, POINTER_SEGMENTS, RING_RADII, RING_SEGMENTS, SEG_ARC, SEG_CURSOR, SEG_RAY, SEG_RING } from './segments';
import { SnapTurner } from './snap-turn';
import { SEATED_LIFT, placeHead, turnAboutHead, viewYaw, type XrMode } from './rig';

const RAY_LENGTH = 12;
const SMOOTH_SPEED = 1.6; // m/s: a calm walk
const DEAD_ZONE = 0.2;
const RAY_IDLE = new THREE.Color('#cfd3dc');
const RAY_HOT = new THREE.Color('#ffd166');
const ARC_OK = new THREE.Color('#5ee08a');
const ARC_NO = new THREE.Color('#ff5a5a');

/**
 * Something else in the world a headset can point at, press and drag (an activity's panel): it
 * stops the ray like the panel does. Select pressed on it is `press`; while held, the same
 * pointer's ray goes to `drag` every frame; letting go is `release`.
 */
export interface XrSurface {
  /** Distance along the ray to the surface, or null when the ray misses it. */
  hit(raycaster: THREE.Raycaster): number | null;
  /** A pointer's ray over the surface this frame (null: none is). */
  hover(raycaster: THREE.Raycaster | null): void;
  press(raycaster: THREE.Raycaster): void;
  drag(raycaster: THREE.Raycaster): void;
  release(): void;
}

/** What one input source (a controller, a hand, a gaze-and-pinch) is pointing at. */
type Aim =
  | { readonly kind: 'surface'; readonly surface: XrSurface; readonly distance: number }
  | { readonly kind: 'button'; readonly button: PanelButton; readonly distance: number }
  | { readonly kind: 'target'; readonly target: PickTarget }
  | { readonly kind: 'panel'; readonly distance: number }
  | { readonly kind: 'floor'; readonly x: number; readonly z: number; readonly valid: boolean; readonly arc: Arc }
  | { readonly kind: 'none' }
  | { readonly kind: 'untracked' };

/** What a pointer showed on the last frame (tests and the bench read these). */
export interface AimSummary {
  readonly hand: XRHandedness;
  readonly kind: Aim['kind'];
  readonly valid?: boolean;
  readonly station?: string;
  readonly button?: PanelButton;
}

/** The panel as the VR controls see it: pointable buttons and their hover. */
export interface PanelTarget {
  /** Null when the ray misses the panel; button null when it hits the panel but no (enabled) button. */
  hitPanel(raycaster: THREE.Raycaster): { button: PanelButton | null; distance: number } | null;
  hoverButton(button: PanelButton | null): void;
}

export interface VrControlsDeps {
  readonly scene: Scene;
  readonly rig: THREE.Object3D;
  readonly camera: THREE.Object3D;
  readonly tour: TourSystem;
  /** The XR mode's owner. */
  readonly xr: { readonly mode: XrMode };
  readonly panel: PanelTarget;
  readonly lines: OverlayLines;
  readonly area: WalkableArea;
  readonly notice: (text: string) => void;
  readonly teleportRefused: string;
  /** The panel's "Shoot a take" / "Stop the take" (at the hot set's stations). */
  readonly startTake: () => void;
  /** The panel's "Try it" (at a station with a hands-on activity). */
  readonly openActivity: () => void;
  /** Other pointable surfaces (an activity's panel), looked up each frame. */
  readonly surfaces: () => Iterable<XrSurface>;
}

// Scratch for the per-frame pose path: nothing here allocates per frame.
const m4 = new THREE.Matrix4();
const origin = new THREE.Vector3();
const direction = new THREE.Vector3();
const quat = new THREE.Quaternion();
const headPos = new THREE.Vector3();

/**
 * Headset input: a ray per controller or hand (and for Vision Pro's gaze-and-pinch while it lasts),
 * select to go to a station, open a role card or press a panel button, an arc to jump anywhere on
 * the open floor, snap turns on the thumbstick and, if the visitor asked for it, thumbstick walking
 * with a comfort vignette. Rays are read from the session's input sources directly, so controllers,
 * tracked hands and transient pointers all take the same path.
 */
export class VrControls {
  readonly vignette: THREE.Mesh<THREE.RingGeometry, THREE.MeshBasicMaterial>;
  private readonly pointers: LineRange[];
  /** Arc sample points per pointer (and one for selects), reused frame to frame. */
  private readonly arcPoints: Vec3Like[][] = Array.from({ length: POINTERS + 1 }, () => []);
  private readonly hoverRing: LineRange;
  private hoveredStation: string | null = null;
  /** Each pointer's aim on the last frame, by slot (null: slot unused). Read only by aims(). */
  private readonly lastAims: ({ hand: XRHandedness; aim: Aim } | null)[] = [];
  private readonly raycaster = new THREE.Raycaster();
  private readonly snap = new SnapTurner();
  private session: XRSession | null = null;
  private needsPlacing = false;
  /** Where the visitor stood and looked on the screen, for placing them in the headset. */
  private from = { x: 0, z: 0, yaw: 0 };
  private readonly onSelect = (e: Event): void => this.select(e as XRInputSourceEvent);
  /** Which surface each input source pressed and still holds (a slider being dragged). */
  private readonly held = new Map<XRInputSource, XrSurface>();
  private readonly onSelectStart = (e: Event): void => this.selectStart(e as XRInputSourceEvent);
  private readonly onSelectEnd = (e: Event): void => {
    const source = (e as XRInputSourceEvent).inputSource;
    this.held.get(source)?.release();
    this.held.delete(source);
  };

  constructor(private readonly deps: VrControlsDeps) {
    this.pointers = Array.from({ length: POINTERS }, () => deps.lines.allocate(POINTER_SEGMENTS));
    this.hoverRing = deps.lines.allocate(HOVER_SEGMENTS);
    const vignetteMat = new THREE.MeshBasicMaterial({ color: '#000000', transparent: true, opacity: 0, depthTest: false, depthWrite: false });
    // At 0.3 m an inner radius of 0.16 m leaves about 55° of clear view in the middle.
    this.vignette = new THREE.Mesh(new THREE.RingGeometry(0.16, 0.9, 32), vignetteMat);
    this.vignette.position.set(0, 0, -0.3);
    this.vignette.renderOrder = 999;
    this.vignette.visible = false;
    this.vignette.name = 'comfort-vignette';
  }

  start(session: XRSession, from: { x: number; z: number; yaw: number }): void {
    this.session = session;
    this.from = from;
    this.needsPlacing = true;
    this.snap.reset();
    session.addEventListener('select', this.onSelect);
    session.addEventListener('selectstart', this.onSelectStart);
    session.addEventListener('selectend', this.onSelectEnd);
  }

  stop(): void {
    this.session?.removeEventListener('select', this.onSelect);
    this.session?.removeEventListener('selectstart', this.onSelectStart);
    this.session?.removeEventListener('selectend', this.onSelectEnd);
    for (const surface of this.held.values()) surface.release();
    this.held.clear();
    this.session = null;
    this.vignette.visible = false;
    this.deps.panel.hoverButton(null);
    for (const p of this.pointers) p.clearAll();
    this.showHover(null);
    this.lastAims.length = 0;
  }

  /** What each pointer aimed at on the last frame (for tests and the bench; built on request). */
  aims(): AimSummary[] {
    return this.lastAims.flatMap((entry): AimSummary[] => {
      if (!entry) return [];
      const { hand, aim } = entry;
      if (aim.kind === 'floor') return [{ hand, kind: aim.kind, valid: aim.valid }];
      if (aim.kind === 'target') return [{ hand, kind: aim.kind, station: aim.target.station }];
      if (aim.kind === 'button') return [{ hand, kind: aim.kind, button: aim.button }];
      if (aim.kind === 'surface') return [{ hand, kind: aim.kind }];
      return [{ hand, kind: aim.kind }];
    });
  }

  /** The one per-frame step in VR, called from the tour's ordered update. */
  update(dt: number): void {
    const session = this.session;
    const frame = (this.deps.scene.renderer as THREE.WebGLRenderer).xr.getFrame() as XRFrame | null;
    const refSpace = (this.deps.scene.renderer as THREE.WebGLRenderer).xr.getReferenceSpace();
    if (!session || !frame || !refSpace) return;
    const { tour, rig, camera } = this.deps;
    const viewer = this.needsPlacing ? frame.getViewerPose(refSpace) : undefined;
    if (viewer) {
      // First tracked frame. The camera entity only receives the head pose when the frame is
      // rendered (after this update), so take it from the viewer pose now, then stand the visitor
      // where they were and reopen the panel in front of them.
      this.needsPlacing = false;
      const t = viewer.transform;
      camera.position.set(t.position.x, t.position.y, t.position.z);
      camera.quaternion.set(t.orientation.x, t.orientation.y, t.orientation.z, t.orientation.w);
      if (tour.state?.station) {
        tour.placeAt(tour.state.station);
        tour.arrived(tour.state.station);
      } else {
        placeHead(rig, camera, this.from, this.from.yaw, tour.state?.settings.seated ? SEATED_LIFT : 0);
      }
    }
    const settings = tour.state?.settings;
    if (settings) {
      const lift = settings.seated ? SEATED_LIFT : 0;
      if (rig.position.y !== lift) rig.position.y = lift;
    }
    rig.updateMatrixWorld(true);

    let slot = 0;
    let hoveredButton: PanelButton | null = null;
    let hoveredSurface: XrSurface | null = null;
    let hoveredStation: string | null = null;
    let moveY = 0;
    for (const source of session.inputSources) {
      // Thumbsticks (xr-standard mapping: axes 2 and 3): right stick turns, left stick walks.
      const axes = source.gamepad?.axes;
      if (axes && axes.length >= 4) {
        if (source.handedness !== 'left' && settings) {
          const turn = this.snap.update(axes[2]!, settings.snapTurn);
          if (turn !== 0 && !tour.isTravelling()) turnAboutHead(rig, camera, THREE.MathUtils.degToRad(turn));
        }
        if (source.handedness === 'left' && Math.abs(axes[3]!) > DEAD_ZONE) moveY = axes[3]!;
      }
      if (slot >= this.pointers.length || source.targetRayMode === 'screen') continue;
      const pointer = this.pointers[slot++]!;
      const aim = this.aimFrom(frame, refSpace, source, this.arcPoints[slot - 1]!);
      this.draw(pointer, aim);
      const last = this.lastAims[slot - 1];
      if (last) {
        last.hand = source.handedness;
        last.aim = aim;
      } else this.lastAims[slot - 1] = { hand: source.handedness, aim };
      if (aim.kind === 'button') hoveredButton = aim.button;
      if (aim.kind === 'target') hoveredStation = aim.target.station;
      // raycaster still holds this source's ray from aimFrom.
      const held = this.held.get(source);
      if (held) held.drag(this.raycaster);
      if (aim.kind === 'surface' && !hoveredSurface) {
        hoveredSurface = aim.surface;
        aim.surface.hover(this.raycaster);
      }
    }
    for (const surface of this.deps.surfaces()) if (surface !== hoveredSurface) surface.hover(null);
    for (let i = slot; i < this.pointers.length; i++) {
      this.pointers[i]!.clearAll();
      this.lastAims[i] = null;
    }
    this.deps.panel.hoverButton(hoveredButton);
    this.showHover(hoveredStation);
    this.smoothMove(dt, settings?.smoothMove ? moveY : 0);
  }

  /** Where an input source's target ray points this frame, in world space. */
  private aimFrom(frame: XRFrame, refSpace: XRReferenceSpace, source: XRInputSource, arcPoints: Vec3Like[]): Aim {
    const pose = frame.getPose(source.targetRaySpace, refSpace);
    if (!pose) return { kind: 'untracked' };
    m4.fromArray(pose.transform.matrix).premultiply(this.deps.rig.matrixWorld);
    origin.setFromMatrixPosition(m4);
    quat.setFromRotationMatrix(m4);
    direction.set(0, 0, -1).applyQuaternion(quat).normalize();
    this.raycaster.set(origin, direction);
    this.raycaster.far = RAY_LENGTH;
    // The panels are drawn over everything, so they also stop the ray: what is behind cannot be picked.
    const surface = this.nearestSurface();
    if (surface) return { kind: 'surface', surface: surface.surface, distance: surface.distance };
    const panel = this.deps.panel.hitPanel(this.raycaster);
    if (panel) return panel.button ? { kind: 'button', button: panel.button, distance: panel.distance } : { kind: 'panel', distance: panel.distance };
    const target = pickTarget(this.raycaster, this.deps.scene);
    if (target) return { kind: 'target', target };
    const arc = teleportArc(origin, direction, this.deps.area, 0, arcPoints);
    if (arc.landing) return { kind: 'floor', x: arc.landing.x, z: arc.landing.z, valid: arc.valid, arc };
    return { kind: 'none' };
  }

  private nearestSurface(): { surface: XrSurface; distance: number } | null {
    let best: { surface: XrSurface; distance: number } | null = null;
    for (const surface of this.deps.surfaces()) {
      const distance = surface.hit(this.raycaster);
      if (distance !== null && (!best || distance < best.distance)) best = { surface, distance };
    }
    return best;
  }

  /** Select pressed: on a surface it acts at once (and may be dragged until let go). */
  private selectStart(event: XRInputSourceEvent): void {
    const refSpace = (this.deps.scene.renderer as THREE.WebGLRenderer).xr.getReferenceSpace();
    if (!refSpace) return;
    this.deps.rig.updateMatrixWorld(true);
    const aim = this.aimFrom(event.frame, refSpace, event.inputSource, this.arcPoints[POINTERS]!);
    if (aim.kind !== 'surface') return;
    aim.surface.press(this.raycaster);
    this.held.set(event.inputSource, aim.surface);
  }

  private draw(p: LineRange, aim: Aim): void {
    // origin/direction still hold this source's ray from aimFrom.
    p.clearAll();
    if (aim.kind === 'untracked') return; // no pose this frame: draw nothing rather than a stale ray
    if (aim.kind === 'none') {
      const d = RAY_LENGTH * 0.25;
      p.set(SEG_RAY, origin.x, origin.y, origin.z, origin.x + direction.x * d, origin.y + direction.y * d, origin.z + direction.z * d, RAY_IDLE);
      return;
    }
    if (aim.kind !== 'floor') {
      const d = aim.kind === 'target' ? aim.target.distance : aim.distance;
      const hx = origin.x + direction.x * d, hy = origin.y + direction.y * d, hz = origin.z + direction.z * d;
      p.set(SEG_RAY, origin.x, origin.y, origin.z, hx, hy, hz, RAY_HOT);
      const c = 0.03;
      p.set(SEG_CURSOR, hx - c, hy, hz, hx + c, hy, hz, RAY_HOT);
      p.set(SEG_CURSOR + 1, hx, hy - c, hz, hx, hy + c, hz, RAY_HOT);
      p.set(SEG_CURSOR + 2, hx, hy, hz - c, hx, hy, hz + c, RAY_HOT);
      return;
    }
    const colour = aim.valid ? ARC_OK : ARC_NO;
    const arc = aim.arc;
    for (let i = 0; i + 1 < arc.points.length; i++) {
      const a = arc.points[i]!, b = arc.points[i + 1]!;
      p.set(SEG_ARC + i, a.x, a.y, a.z, b.x, b.y, b.z, colour);
    }
    RING_RADII.forEach((r, k) => circleInto(p, SEG_RING + k * RING_SEGMENTS, RING_SEGMENTS, aim.x, 0.02, aim.z, r, colour));
  }

  /** A ring on the tape mark of the station a pointer is on, so the visitor sees where select goes. */
  private showHover(station: string | null): void {
    if (station === this.hoveredStation) return;
    this.hoveredStation = station;
    this.hoverRing.clearAll();
    if (!station) return;
    const spot = this.deps.tour.layout(station).spot;
    circleInto(this.hoverRing, 0, 32, spot.x, 0.03, spot.z, 0.8, RAY_HOT);
    circleInto(this.hoverRing, 32, 32, spot.x, 0.03, spot.z, 0.86, RAY_HOT);
  }

  /** A select (trigger, pinch, gaze-and-pinch) acts on what its own ray points at, at that moment. */
  private select(event: XRInputSourceEvent): void {
    const refSpace = (this.deps.scene.renderer as THREE.WebGLRenderer).xr.getReferenceSpace();
    const { tour } = this.deps;
    if (!refSpace || !tour.state || tour.isTravelling()) return;
    this.deps.rig.updateMatrixWorld(true);
    const aim = this.aimFrom(event.frame, refSpace, event.inputSource, this.arcPoints[POINTERS]!);
    switch (aim.kind) {
      case 'button':
        if (aim.button === 'take') this.deps.startTake();
        else if (aim.button === 'activity') this.deps.openActivity();
        else tour.dispatch(aim.button === 'close' ? { type: 'escape' } : { type: aim.button });
        break;
      case 'target':
        for (const action of selectActions(aim.target, tour.state.station, false)) tour.dispatch(action);
        break;
      case 'floor':
        if (tour.gate.locked) tour.gate.refuse(); // a teacher has locked navigation
        else if (aim.valid) void this.teleport(aim.x, aim.z);
        else this.deps.notice(this.deps.teleportRefused);
        break;
      case 'surface': // acted on at selectstart
      case 'panel':
      case 'none':
      case 'untracked':
        break;
    }
  }

  /** Free teleport: a short fade, the head lands on the point, still facing the same way. */
  private async teleport(x: number, z: number): Promise<void> {
    const { rig, camera, tour, xr } = this.deps;
    await tour.fadeMove(() => {
      // The visitor may have taken the headset off during the fade: then there is nothing to move.
      if (xr.mode === 'vr') placeHead(rig, camera, { x, z }, viewYaw(camera), tour.state?.settings.seated ? SEATED_LIFT : 0);
    });
  }

  private smoothMove(dt: number, stickY: number): void {
    const moving = stickY !== 0 && !this.deps.tour.isTravelling() && !this.deps.tour.gate.locked;
    const mat = this.vignette.material;
    mat.opacity = THREE.MathUtils.clamp(mat.opacity + (moving ? 4 : -4) * dt, 0, 0.92);
    this.vignette.visible = mat.opacity > 0;
    if (!moving) return;
    const yaw = viewYaw(this.deps.camera);
    const step = -stickY * SMOOTH_SPEED * dt; // stick forward is negative y
    const rig = this.deps.rig;
    const nx = rig.position.x - Math.sin(yaw) * step;
    const nz = rig.position.z - Math.cos(yaw) * step;
    this.deps.camera.getWorldPosition(headPos);
    if (isWalkable(headPos.x + (nx - rig.position.x), headPos.z + (nz - rig.position.z), this.deps.area)) rig.position.set(nx, rig.position.y, nz);
  }

  dispose(): void {
    this.stop();
    this.vignette.geometry.dispose();
    this.vignette.material.dispose();
  }
}
