import * as THREE from 'three';
import type { Scene } from '../aframe-typed';
import type { TourSystem } from '../systems/tour';
import type { PanelButtons, PanelButton } from '../set/panel-buttons';
import type { TourAction } from '../tour/state';
import { pickTarget, selectActions, type PickTarget } from './pick';
import { ARC_SAMPLES, isWalkable, teleportArc, type WalkableArea } from './teleport';
import { SnapTurner } from './snap-turn';
import { SEATED_LIFT, placeHead, turnAboutHead, viewYaw } from './rig';

const RAY_LENGTH = 12;
const SMOOTH_SPEED = 1.6; // m/s: a calm walk
const DEAD_ZONE = 0.2;
const RAY_IDLE = '#cfd3dc';
const RAY_HOT = '#ffd166';
const ARC_OK = '#5ee08a';
const ARC_NO = '#ff5a5a';

/** What one input source (a controller, a hand, a gaze-and-pinch) is pointing at. */
type Aim =
  | { readonly kind: 'button'; readonly button: PanelButton; readonly distance: number }
  | { readonly kind: 'target'; readonly target: PickTarget }
  | { readonly kind: 'floor'; readonly x: number; readonly z: number; readonly valid: boolean }
  | { readonly kind: 'none' };

interface Pointer {
  readonly ray: THREE.Line<THREE.BufferGeometry, THREE.LineBasicMaterial>;
  readonly cursor: THREE.Mesh<THREE.SphereGeometry, THREE.MeshBasicMaterial>;
  readonly arc: THREE.Line<THREE.BufferGeometry, THREE.LineBasicMaterial>;
  readonly landing: THREE.Mesh<THREE.RingGeometry, THREE.MeshBasicMaterial>;
}

export interface VrControlsDeps {
  readonly scene: Scene;
  readonly rig: THREE.Object3D;
  readonly camera: THREE.Object3D;
  readonly tour: TourSystem;
  readonly buttons: PanelButtons;
  readonly area: WalkableArea;
  readonly notice: (text: string) => void;
  readonly teleportRefused: string;
  /** Hover feedback for a station: a ring on its tape mark (null clears it). */
  readonly hoverStation: (station: string | null) => void;
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
  readonly group = new THREE.Group();
  readonly vignette: THREE.Mesh<THREE.RingGeometry, THREE.MeshBasicMaterial>;
  private readonly pointers: Pointer[];
  private readonly raycaster = new THREE.Raycaster();
  private readonly snap = new SnapTurner();
  private session: XRSession | null = null;
  private needsPlacing = false;
  private readonly onSelect = (e: Event): void => this.select(e as XRInputSourceEvent);

  constructor(private readonly deps: VrControlsDeps) {
    this.group.name = 'vr-controls';
    this.group.visible = false;
    this.pointers = [0, 1].map(() => this.makePointer());
    const vignetteMat = new THREE.MeshBasicMaterial({ color: '#000000', transparent: true, opacity: 0, depthTest: false, depthWrite: false });
    // At 0.3 m an inner radius of 0.16 m leaves about 55° of clear view in the middle.
    this.vignette = new THREE.Mesh(new THREE.RingGeometry(0.16, 0.9, 32), vignetteMat);
    this.vignette.position.set(0, 0, -0.3);
    this.vignette.renderOrder = 999;
    this.vignette.visible = false;
    this.vignette.name = 'comfort-vignette';
  }

  private makePointer(): Pointer {
    const rayGeo = new THREE.BufferGeometry().setFromPoints([new THREE.Vector3(), new THREE.Vector3(0, 0, -1)]);
    const ray = new THREE.Line(rayGeo, new THREE.LineBasicMaterial({ color: RAY_IDLE, transparent: true, opacity: 0.9 }));
    const cursor = new THREE.Mesh(new THREE.SphereGeometry(0.02, 10, 8), new THREE.MeshBasicMaterial({ color: RAY_HOT, depthTest: false }));
    cursor.renderOrder = 50;
    const arcGeo = new THREE.BufferGeometry();
    arcGeo.setAttribute('position', new THREE.BufferAttribute(new Float32Array((ARC_SAMPLES + 1) * 3), 3).setUsage(THREE.DynamicDrawUsage));
    const arc = new THREE.Line(arcGeo, new THREE.LineBasicMaterial({ color: ARC_OK }));
    const landing = new THREE.Mesh(new THREE.RingGeometry(0.22, 0.3, 32).rotateX(-Math.PI / 2), new THREE.MeshBasicMaterial({ color: ARC_OK, side: THREE.DoubleSide }));
    for (const o of [ray, cursor, arc, landing]) {
      o.frustumCulled = false;
      o.visible = false;
      this.group.add(o);
    }
    return { ray, cursor, arc, landing };
  }

  start(session: XRSession): void {
    this.session = session;
    this.group.visible = true;
    this.needsPlacing = true;
    this.snap.reset();
    session.addEventListener('select', this.onSelect);
  }

  stop(): void {
    this.session?.removeEventListener('select', this.onSelect);
    this.session = null;
    this.group.visible = false;
    this.vignette.visible = false;
    this.deps.buttons.setHover(null);
    this.deps.hoverStation(null);
  }

  get active(): boolean {
    return this.session !== null;
  }

  /** The one per-frame step in VR, called from the tour's ordered update. */
  update(dt: number): void {
    const session = this.session;
    const frame = (this.deps.scene.renderer as THREE.WebGLRenderer).xr.getFrame() as XRFrame | null;
    const refSpace = (this.deps.scene.renderer as THREE.WebGLRenderer).xr.getReferenceSpace();
    if (!session || !frame || !refSpace) return;
    const { tour, rig, camera } = this.deps;
    if (this.needsPlacing && frame.getViewerPose(refSpace)) {
      // First tracked frame: now the head pose is known, stand the visitor where they were.
      this.needsPlacing = false;
      if (tour.state?.station) tour.placeAt(tour.state.station);
      else {
        camera.getWorldPosition(headPos);
        placeHead(rig, camera, { x: rig.position.x, z: rig.position.z }, viewYaw(camera), tour.state?.settings.seated ? SEATED_LIFT : 0);
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
      const aim = this.aimFrom(frame, refSpace, source);
      this.draw(pointer, aim);
      if (aim.kind === 'button') hoveredButton = aim.button;
      if (aim.kind === 'target') hoveredStation = aim.target.station;
    }
    for (let i = slot; i < this.pointers.length; i++) this.hide(this.pointers[i]!);
    this.deps.buttons.setHover(hoveredButton);
    this.deps.hoverStation(hoveredStation);
    this.smoothMove(dt, settings?.smoothMove ? moveY : 0);
  }

  /** Where an input source's target ray points this frame, in world space. */
  private aimFrom(frame: XRFrame, refSpace: XRReferenceSpace, source: XRInputSource): Aim {
    const pose = frame.getPose(source.targetRaySpace, refSpace);
    if (!pose) return { kind: 'none' };
    m4.fromArray(pose.transform.matrix).premultiply(this.deps.rig.matrixWorld);
    origin.setFromMatrixPosition(m4);
    quat.setFromRotationMatrix(m4);
    direction.set(0, 0, -1).applyQuaternion(quat).normalize();
    this.raycaster.set(origin, direction);
    this.raycaster.far = RAY_LENGTH;
    const button = this.deps.buttons.hit(this.raycaster);
    if (button) return { kind: 'button', button: button.button, distance: button.distance };
    const target = pickTarget(this.raycaster, this.deps.scene);
    if (target) return { kind: 'target', target };
    const arc = teleportArc(origin, direction, this.deps.area);
    if (arc.landing) return { kind: 'floor', x: arc.landing.x, z: arc.landing.z, valid: arc.valid };
    return { kind: 'none' };
  }

  private draw(p: Pointer, aim: Aim): void {
    // The ray starts at the hand; origin/direction still hold this source's ray from aimFrom.
    const straight = aim.kind === 'floor' ? 0 : aim.kind === 'button' ? aim.distance : aim.kind === 'target' ? aim.target.distance : RAY_LENGTH * 0.25;
    const pos = p.ray.geometry.getAttribute('position') as THREE.BufferAttribute;
    pos.setXYZ(0, origin.x, origin.y, origin.z);
    pos.setXYZ(1, origin.x + direction.x * straight, origin.y + direction.y * straight, origin.z + direction.z * straight);
    pos.needsUpdate = true;
    p.ray.geometry.computeBoundingSphere();
    p.ray.visible = aim.kind !== 'floor';
    p.ray.material.color.set(aim.kind === 'button' || aim.kind === 'target' ? RAY_HOT : RAY_IDLE);
    p.cursor.visible = aim.kind === 'button' || aim.kind === 'target';
    if (p.cursor.visible) p.cursor.position.set(origin.x + direction.x * straight, origin.y + direction.y * straight, origin.z + direction.z * straight);
    const onFloor = aim.kind === 'floor';
    p.arc.visible = onFloor;
    p.landing.visible = onFloor;
    if (aim.kind === 'floor') {
      const arc = teleportArc(origin, direction, this.deps.area);
      const arcPos = p.arc.geometry.getAttribute('position') as THREE.BufferAttribute;
      arc.points.forEach((pt, i) => arcPos.setXYZ(i, pt.x, pt.y, pt.z));
      for (let i = arc.points.length; i <= ARC_SAMPLES; i++) arcPos.setXYZ(i, aim.x, 0, aim.z);
      arcPos.needsUpdate = true;
      const colour = aim.valid ? ARC_OK : ARC_NO;
      p.arc.material.color.set(colour);
      p.landing.material.color.set(colour);
      p.landing.position.set(aim.x, 0.02, aim.z);
    }
  }

  private hide(p: Pointer): void {
    p.ray.visible = p.cursor.visible = p.arc.visible = p.landing.visible = false;
  }

  /** A select (trigger, pinch, gaze-and-pinch) acts on what its own ray points at, at that moment. */
  private select(event: XRInputSourceEvent): void {
    const refSpace = (this.deps.scene.renderer as THREE.WebGLRenderer).xr.getReferenceSpace();
    const { tour } = this.deps;
    if (!refSpace || !tour.state || tour.isTravelling()) return;
    this.deps.rig.updateMatrixWorld(true);
    const aim = this.aimFrom(event.frame, refSpace, event.inputSource);
    const dispatch = (a: TourAction): void => tour.dispatch(a);
    switch (aim.kind) {
      case 'button':
        dispatch(aim.button === 'close' ? { type: 'escape' } : { type: aim.button });
        break;
      case 'target':
        for (const action of selectActions(aim.target, tour.state.station, tour.isTravelling())) dispatch(action);
        break;
      case 'floor':
        if (aim.valid) void this.teleport(aim.x, aim.z);
        else this.deps.notice(this.deps.teleportRefused);
        break;
      case 'none':
        break;
    }
  }

  /** Free teleport: a short fade, the head lands on the point, still facing the same way. */
  private async teleport(x: number, z: number): Promise<void> {
    const { rig, camera, tour } = this.deps;
    const fader = tour.setupData!.fader;
    tour.fading = true;
    await fader.fade(true);
    placeHead(rig, camera, { x, z }, viewYaw(camera), tour.state?.settings.seated ? SEATED_LIFT : 0);
    await fader.fade(false);
    tour.fading = false;
  }

  private smoothMove(dt: number, stickY: number): void {
    const moving = stickY !== 0 && !this.deps.tour.isTravelling();
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
    for (const p of this.pointers) {
      for (const o of [p.ray, p.cursor, p.arc, p.landing]) {
        o.geometry.dispose();
        o.material.dispose();
      }
    }
    this.vignette.geometry.dispose();
    this.vignette.material.dispose();
    this.group.removeFromParent();
  }
}
