import * as THREE from 'three';
import type { Scene } from '../aframe-typed';
import { arrivalYaw, type CrewLayout } from '../set/layout';
import type { TourSystem } from '../systems/tour';
import { pickTarget, selectActions } from '../input/pick';

/** The model's scale on the table: the 36 m soundstage becomes about 0.9 m across. */
export const AR_DEFAULT_SCALE = 1 / 40;
export const AR_MIN_SCALE = 1 / 200;
export const AR_MAX_SCALE = 1 / 8;
const LIFE_SIZE_RADIUS = 4.5;

export type ArPhase = 'finding' | 'ready' | 'placed';

/** A crew member's head on the screen, CSS px in the overlay. */
export interface ScreenPoint {
  role: string;
  x: number;
  y: number;
}

export interface ArModeDeps {
  readonly scene: Scene;
  readonly rig: THREE.Object3D;
  readonly camera: THREE.Object3D;
  readonly tour: TourSystem;
  readonly showShell: (visible: boolean) => void;
  /** Meshes whose material is clipped to one station in life-size mode. */
  readonly clipped: readonly THREE.Material[];
  /** Station labels: hidden in AR (at 1:40 they would bury the model; the DOM overlay names stations). */
  readonly labels: () => THREE.Object3D;
  readonly crew: readonly CrewLayout[];
  /** Called whenever the phase, placement or life-size station changes, to refresh the overlay. */
  readonly onChange: () => void;
}

// Scratch for the per-frame paths.
const m4 = new THREE.Matrix4();
const place = new THREE.Matrix4();
const tmp = new THREE.Matrix4();
const origin = new THREE.Vector3();
const direction = new THREE.Vector3();
const quat = new THREE.Quaternion();
const projected = new THREE.Vector3();

/**
 * Mobile AR: a hit-test reticle on real surfaces, a tap to put the whole set down as a tabletop
 * model (rotate, resize, move again), a tap on a station to read about it, and a life-size mode that
 * stands one station around the visitor. The world itself never moves: the rig (the reference
 * space's place in the world) is set to the inverse of the model's placement, so anything attached
 * to the rig, like the reticle, stays in real-world coordinates.
 */
export class ArMode {
  readonly reticle: THREE.Mesh<THREE.RingGeometry, THREE.MeshBasicMaterial>;
  phase: ArPhase = 'finding';
  scale = AR_DEFAULT_SCALE;
  yaw = 0;
  lifeSize: string | null = null;
  /** Tracking was lost on the last frame (no viewer pose). */
  lost = false;
  private readonly anchor = new THREE.Vector3();
  /** Where the model stood before life size, to go back to. */
  private miniature = { anchor: new THREE.Vector3(), yaw: 0 };
  /** The station the clipping box was last set for (undefined: not set yet). */
  private clipFor: string | null | undefined = undefined;
  private readonly raycaster = new THREE.Raycaster();
  private readonly clipPlanes = [0, 1, 2, 3].map(() => new THREE.Plane());
  private session: XRSession | null = null;
  private hitSource: XRHitTestSource | null = null;
  private readonly onSelect = (e: Event): void => this.select(e as XRInputSourceEvent);
  private readonly onScreen: ScreenPoint[] = [];
  private readonly points: ScreenPoint[] = [];

  constructor(private readonly deps: ArModeDeps) {
    const mat = new THREE.MeshBasicMaterial({ color: '#ffd166', side: THREE.DoubleSide, depthTest: false, transparent: true, opacity: 0.95 });
    this.reticle = new THREE.Mesh(new THREE.RingGeometry(0.05, 0.07, 32).rotateX(-Math.PI / 2), mat);
    this.reticle.name = 'ar-reticle';
    this.reticle.renderOrder = 60;
    this.reticle.visible = false;
    this.reticle.matrixAutoUpdate = false;
  }

  start(session: XRSession): void {
    this.session = session;
    this.phase = 'finding';
    this.lifeSize = null;
    this.scale = AR_DEFAULT_SCALE;
    this.yaw = 0;
    this.deps.showShell(false);
    this.deps.rig.add(this.reticle);
    session.addEventListener('select', this.onSelect);
    // Hit-test from the centre of the view ("viewer" space): the ring sits where the phone points.
    void session
      .requestReferenceSpace('viewer')
      .then((space) => session.requestHitTestSource?.({ space }))
      .then((source) => {
        if (this.session === session && source) this.hitSource = source;
        else source?.cancel();
      })
      .catch((err: unknown) => console.warn('Backlot: AR hit-test is not available; the set is placed in front of you instead.', err));
    this.apply(); // nothing of the set shows until it is placed
  }

  stop(): void {
    if (!this.session) return;
    this.session.removeEventListener('select', this.onSelect);
    this.hitSource?.cancel();
    this.hitSource = null;
    this.session = null;
    this.reticle.visible = false;
    this.reticle.removeFromParent();
    this.deps.showShell(true);
    this.setClip(null);
    this.deps.labels().visible = true;
    this.clipFor = undefined;
    const rig = this.deps.rig;
    rig.scale.set(1, 1, 1);
    rig.quaternion.identity();
  }

  update(): void {
    const renderer = this.deps.scene.renderer as THREE.WebGLRenderer;
    const frame = renderer.xr.getFrame() as XRFrame | null;
    const refSpace = renderer.xr.getReferenceSpace();
    if (!this.session || !frame || !refSpace) return;
    const lost = !frame.getViewerPose(refSpace);
    if (lost !== this.lost) {
      this.lost = lost;
      this.deps.onChange();
    }
    if (this.phase === 'placed') {
      this.reticle.visible = false;
      return;
    }
    const hit = this.hitSource ? frame.getHitTestResults(this.hitSource)[0] : undefined;
    const pose = hit?.getPose(refSpace);
    this.reticle.visible = Boolean(pose);
    if (pose) this.reticle.matrix.fromArray(pose.transform.matrix);
    const phase: ArPhase = pose ? 'ready' : 'finding';
    if (phase !== this.phase) {
      this.phase = phase;
      this.deps.onChange();
    }
  }

  /** Puts the model down at the reticle (or, with no surface found, 1 m ahead on the floor). */
  placeHere(): void {
    if (this.reticle.visible) this.anchor.setFromMatrixPosition(this.reticle.matrix);
    else {
      const cam = this.deps.camera;
      this.anchor.set(cam.position.x, 0, cam.position.z).add(direction.set(0, 0, -1).applyQuaternion(cam.quaternion).setY(0).normalize());
    }
    // Turn the model so its start side faces the visitor.
    const cam = this.deps.camera;
    this.yaw = Math.atan2(cam.position.x - this.anchor.x, cam.position.z - this.anchor.z);
    this.phase = 'placed';
    this.lifeSize = null;
    this.apply();
  }

  replace(): void {
    this.phase = 'finding';
    this.lifeSize = null;
    this.apply();
  }

  rotate(radians: number): void {
    this.yaw += radians;
    this.apply();
  }

  resize(factor: number): void {
    this.scale = THREE.MathUtils.clamp(this.scale * factor, AR_MIN_SCALE, AR_MAX_SCALE);
    this.apply();
  }

  /** Life size: the station stands 1:1 around the visitor, who looks at it from its tape mark. */
  showLifeSize(station: string | null): void {
    if (!station) {
      // Back to the model where it stood on the table, turned as the visitor left it.
      this.lifeSize = null;
      this.anchor.copy(this.miniature.anchor);
      this.yaw = this.miniature.yaw;
      this.apply();
      return;
    }
    if (!this.lifeSize) this.miniature = { anchor: this.anchor.clone(), yaw: this.yaw };
    this.lifeSize = station;
    {
      const cam = this.deps.camera;
      this.anchor.set(cam.position.x, 0, cam.position.z);
      const layout = this.deps.tour.layout(station);
      // The visitor's current heading becomes the station's arrival heading.
      this.yaw = Math.atan2(-direction.set(0, 0, -1).applyQuaternion(cam.quaternion).x, -direction.z) - arrivalYaw(layout);
    }
    this.apply();
  }

  /** Sets the rig to the inverse of the model's placement: ref = T(anchor) R(yaw) S(scale) T(-centre). */
  private apply(): void {
    const rig = this.deps.rig;
    const centre = this.lifeSize ? this.deps.tour.layout(this.lifeSize).spot : null;
    const scale = this.lifeSize ? 1 : this.scale;
    place.makeTranslation(this.anchor.x, this.anchor.y, this.anchor.z);
    place.multiply(tmp.makeRotationY(this.yaw));
    place.multiply(tmp.makeScale(scale, scale, scale));
    if (centre) place.multiply(tmp.makeTranslation(-centre.x, 0, -centre.z));
    if (this.phase !== 'placed') place.makeScale(1e-4, 1e-4, 1e-4).setPosition(0, -1000, 0); // nothing shows until placed
    m4.copy(place).invert();
    m4.decompose(rig.position, rig.quaternion, rig.scale);
    rig.updateMatrixWorld(true);
    if (this.clipFor !== this.lifeSize) {
      this.clipFor = this.lifeSize;
      this.setClip(this.lifeSize ? this.clipCentre(this.lifeSize) : null);
    }
    this.deps.labels().visible = false;
    this.deps.onChange();
  }

  /** Between the station's props and its tape mark: the middle of what the visitor looks at. */
  private clipCentre(station: string): THREE.Vector3 {
    const layout = this.deps.tour.layout(station);
    return new THREE.Vector3().addVectors(layout.origin, layout.spot).multiplyScalar(0.5);
  }

  /** Life size shows one station only: four planes around it clip the rest of the set away. */
  private setClip(centre: THREE.Vector3 | null): void {
    const planes = centre ? this.clipPlanes : null;
    if (centre) {
      const r = LIFE_SIZE_RADIUS;
      this.clipPlanes[0]!.set(new THREE.Vector3(1, 0, 0), -(centre.x - r));
      this.clipPlanes[1]!.set(new THREE.Vector3(-1, 0, 0), centre.x + r);
      this.clipPlanes[2]!.set(new THREE.Vector3(0, 0, 1), -(centre.z - r));
      this.clipPlanes[3]!.set(new THREE.Vector3(0, 0, -1), centre.z + r);
    }
    (this.deps.scene.renderer as THREE.WebGLRenderer).localClippingEnabled = Boolean(planes);
    for (const mat of this.deps.clipped) {
      mat.clippingPlanes = planes;
      mat.needsUpdate = true;
    }
  }

  /** A tap (or trigger) places the model, then picks stations and crew on it. */
  private select(event: XRInputSourceEvent): void {
    if (this.phase !== 'placed') {
      this.placeHere();
      return;
    }
    const refSpace = (this.deps.scene.renderer as THREE.WebGLRenderer).xr.getReferenceSpace();
    const pose = refSpace ? event.frame.getPose(event.inputSource.targetRaySpace, refSpace) : null;
    const tour = this.deps.tour;
    if (!pose || !tour.state) return;
    this.deps.rig.updateMatrixWorld(true);
    m4.fromArray(pose.transform.matrix).premultiply(this.deps.rig.matrixWorld);
    origin.setFromMatrixPosition(m4);
    m4.decompose(projected, quat, direction);
    direction.set(0, 0, -1).applyQuaternion(quat).normalize();
    this.raycaster.set(origin, direction);
    const target = pickTarget(this.raycaster, this.deps.scene);
    // At life size the other stations are clipped away: their (invisible) hit shapes do not count.
    if (!target || (this.lifeSize && target.station !== this.lifeSize)) return;
    for (const action of selectActions(target, tour.state.station, false)) tour.dispatch(action);
  }

  /**
   * Screen positions (CSS px in the overlay) of the current station's crew heads, for the DOM role
   * tags: at 1:40 the 3D tags would be a few millimetres tall.
   */
  crewOnScreen(width: number, height: number): ScreenPoint[] {
    const out = this.onScreen;
    out.length = 0;
    const station = this.deps.tour.state?.station;
    if (this.phase !== 'placed' || !station) return out;
    const xrCamera = (this.deps.scene.renderer as THREE.WebGLRenderer).xr.getCamera();
    const eye = xrCamera.cameras[0] ?? xrCamera;
    for (const c of this.deps.crew) {
      if (c.station !== station) continue;
      projected.set(c.head.x, c.head.y + 0.25, c.head.z).project(eye);
      if (projected.z > 1 || Math.abs(projected.x) > 1.1 || Math.abs(projected.y) > 1.1) continue;
      // Reuses the points of earlier frames: this runs every frame in AR.
      const p = (this.points[out.length] ??= { role: '', x: 0, y: 0 });
      p.role = c.role;
      p.x = ((projected.x + 1) / 2) * width;
      p.y = ((1 - projected.y) / 2) * height;
      out.push(p);
    }
    return out;
  }

  dispose(): void {
    this.stop();
    this.reticle.geometry.dispose();
    this.reticle.material.dispose();
  }
}
