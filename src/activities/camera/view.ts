import * as THREE from 'three';
import { SET_LAYER } from '../../take/monitor';
import type { ActivityEnv } from '../types';
import type { CameraState } from './logic';
import { actorDistance, angleOfView, axis, lensOf, setupFor, type CameraParams } from './params';
import { ATLAS, paintFlat, paintStatus } from './paint';
import { Picture, PICTURE_SIZE } from './picture';
import { paintBoard, paintFocusAid, paintGhost, type BoardText } from './sketch';
import { inSlices, yieldToMain } from '../../slices';
import { buildCar, buildCards, buildHead, buildScreen, buildStaticSteps, carAlong, CAR_TO_LENS, LENS_FORWARD, LENS_UP } from './rig';

/**
 * The camera activity's 3D side: the stand-ins, the track and the dolly at the camera station,
 * the monitor showing the camera's picture and the storyboard beside it. A change of lens or shot
 * size rolls the dolly to its new mark (a glide, a jump with reduced motion) and asks the monitor
 * for one new picture, with the new lens and focus; nothing is drawn again until the next change.
 */

/** Seconds the dolly grip takes to roll the car to a new mark. */
const GLIDE_S = 1.4;
const DEG = Math.PI / 180;

// Scratch for frame(): no allocation per frame.
const lensPoint = new THREE.Vector3();
const lookPoint = new THREE.Vector3();

/** What the view is built from, made in pieces (see buildCameraView) so no piece is a long task. */
interface Parts {
  readonly rig: THREE.BufferGeometry;
  readonly car: THREE.BufferGeometry;
  readonly head: THREE.BufferGeometry;
  readonly atlas: HTMLCanvasElement;
  readonly ghost: HTMLCanvasElement;
}

export interface ViewWords {
  readonly marks: Readonly<Record<'a' | 'b', string>>;
  readonly board: BoardText;
  readonly sign: string;
}

/**
 * Builds the view a piece a task: the gear's geometry, the dolly's, the flat's painting, the
 * storyboard's sketches (each a few milliseconds to a few tens on a phone), giving the main thread
 * back in between, so opening the card never freezes the page.
 */
export async function buildCameraView(env: ActivityEnv<CameraParams>, p: CameraParams, words: ViewWords, start: CameraState): Promise<CameraView> {
  const facing = env.station.def.facing;
  const rig = await inSlices(buildStaticSteps(p, words.marks, facing));
  await yieldToMain();
  const car = buildCar(p.camera.lensHeight - LENS_UP, facing);
  const head = buildHead(facing);
  await yieldToMain();
  const atlas = document.createElement('canvas');
  atlas.width = ATLAS.width;
  atlas.height = ATLAS.height;
  const g = atlas.getContext('2d')!;
  paintFlat(g, p.backdrop.width, p.backdrop.height, words.sign);
  await yieldToMain();
  paintBoard(g, p, p.target, words.board);
  const ghost = document.createElement('canvas');
  ghost.width = PICTURE_SIZE.width;
  ghost.height = PICTURE_SIZE.height;
  paintGhost(ghost.getContext('2d')!, p, p.target, words.marks);
  await yieldToMain();
  return new CameraView(env, p, { rig, car, head, atlas, ghost }, start);
}

export class CameraView {
  private readonly meshes: THREE.Mesh[] = [];
  private readonly materials: THREE.Material[] = [];
  private readonly car = new THREE.Group();
  private readonly head: THREE.Mesh;
  private readonly picture: Picture;
  private readonly overlayCanvas = document.createElement('canvas');
  private readonly overlay: THREE.CanvasTexture;
  private readonly ghost: THREE.CanvasTexture;
  private readonly atlas: THREE.CanvasTexture;
  private readonly pivotY: number;
  /** The set's meshes put on the lens's layer for one picture (kept to take them off again). */
  private readonly added: THREE.Object3D[] = [];
  /** How long the last picture's passes took, ms (the bench and tests: shader compiles show here). */
  private readonly passMs = [0, 0];
  private pass = 0;
  private passesSeen = 0;
  /** Where the car's middle is along the axis now, and where it is rolling to. */
  private carNow: number;
  private carFrom: number;
  private carTo: number;
  private glide = 1;
  private tiltNow = 0;
  private tiltFrom = 0;
  private tiltTo = 0;

  constructor(private readonly env: ActivityEnv<CameraParams>, private readonly p: CameraParams, parts: Parts, start: CameraState) {
    this.pivotY = p.camera.lensHeight - LENS_UP;
    const flat = new THREE.MeshBasicMaterial({ vertexColors: true });
    this.materials.push(flat);
    this.add(new THREE.Mesh(parts.rig, flat), true, 'camera-activity-rig');

    // The car and head are not on the set's layer: the lens never sees its own dolly.
    const body = new THREE.Mesh(parts.car, flat);
    this.head = new THREE.Mesh(parts.head, flat);
    this.head.position.set(0, this.pivotY, CAR_TO_LENS - LENS_FORWARD);
    body.name = 'camera-activity-car';
    this.head.name = 'camera-activity-head';
    this.car.add(body, this.head);
    this.car.rotation.y = p.camera.heading * DEG;
    this.meshes.push(body, this.head);
    env.group.add(this.car);

    this.atlas = new THREE.CanvasTexture(parts.atlas);
    this.atlas.colorSpace = THREE.SRGBColorSpace;
    this.atlas.anisotropy = 4;
    const cards = new THREE.MeshBasicMaterial({ map: this.atlas, vertexColors: true });
    this.materials.push(cards);
    this.add(new THREE.Mesh(buildCards(p), cards), true, 'camera-activity-cards');

    this.overlayCanvas.width = PICTURE_SIZE.width;
    this.overlayCanvas.height = PICTURE_SIZE.height;
    this.overlay = new THREE.CanvasTexture(this.overlayCanvas);
    this.overlay.colorSpace = THREE.SRGBColorSpace;
    this.ghost = new THREE.CanvasTexture(parts.ghost);
    this.ghost.colorSpace = THREE.SRGBColorSpace;
    this.picture = new Picture(this.overlay, this.ghost);
    // Textured and vertex-coloured like the set's screens: the same shader program, none new.
    const screen = new THREE.MeshBasicMaterial({ map: this.picture.texture, vertexColors: true });
    this.materials.push(screen);
    // Not on the set's layer: the lens must never see its own monitor (it would draw into the texture it reads).
    this.add(new THREE.Mesh(buildScreen(p), screen), false, 'camera-activity-monitor');

    if (env.renderer) this.picture.warm(env.renderer, this.lensMaterials());
    const setup = setupFor(p, start.lens, start.shot);
    this.carNow = this.carFrom = this.carTo = carAlong(p, setup.distance);
    this.tiltNow = this.tiltFrom = this.tiltTo = setup.tilt;
    this.placeCar();
  }

  /** Every material the lens draws: the set's own meshes' and this activity's on the set's layer. */
  private lensMaterials(): THREE.Material[] {
    const out = new Set<THREE.Material>();
    const take = (o: THREE.Object3D): void => {
      const mesh = o as THREE.Mesh;
      if (!mesh.isMesh) return;
      for (const m of Array.isArray(mesh.material) ? mesh.material : [mesh.material]) out.add(m);
    };
    for (const child of this.env.set.root.children) if (child !== this.env.group) take(child);
    for (const mesh of this.meshes) if (mesh.layers.isEnabled(SET_LAYER)) take(mesh);
    return [...out];
  }

  private add(mesh: THREE.Mesh, onSetLayer: boolean, name: string): void {
    mesh.name = name;
    mesh.matrixAutoUpdate = false;
    mesh.updateMatrix();
    if (onSetLayer) mesh.layers.enable(SET_LAYER);
    this.meshes.push(mesh);
    this.env.group.add(mesh);
  }

  /**
   * Shows a new state: the dolly rolls to its mark, the head tilts, the monitor gets a new picture;
   * `compare` lays the storyboard's sketch over that picture.
   */
  show(s: CameraState, line: string, animate: boolean, compare = false): void {
    const p = this.p;
    const setup = setupFor(p, s.lens, s.shot);
    const to = carAlong(p, setup.distance);
    if (to !== this.carTo || setup.tilt !== this.tiltTo) {
      this.carFrom = this.carNow;
      this.tiltFrom = this.tiltNow;
      this.carTo = to;
      this.tiltTo = setup.tilt;
      this.glide = animate && !this.env.reducedMotion() ? 0 : 1;
      if (this.glide === 1) {
        this.carNow = to;
        this.tiltNow = setup.tilt;
        this.placeCar();
      }
    }
    const marks = this.overlayCanvas.getContext('2d')!;
    marks.clearRect(0, 0, PICTURE_SIZE.width, PICTURE_SIZE.height);
    paintFocusAid(marks, p, s);
    paintStatus(marks, line);
    this.overlay.needsUpdate = true;
    this.aimLens(setup.position, setup.tilt);
    const lens = lensOf(p, s.lens);
    this.picture.setOptics({
      fov: angleOfView(p, lens.focalMm).vertical,
      focalMm: lens.focalMm,
      stop: p.stop,
      sensorWidthMm: p.sensor.widthMm,
      focusM: actorDistance(p, setup, s.focus),
    });
    this.picture.setGhost(compare);
    this.picture.request();
  }

  /** Puts the picture's camera at the lens for a dolly mark (x, z in the station's frame) and a tilt. */
  private aimLens(position: readonly [number, number], tilt: number): void {
    const [ux, uz] = axis(this.p);
    // The lens point turns with the head about the tilt axis, which stands LENS_FORWARD behind it.
    const back = LENS_FORWARD;
    const px = position[0] - ux * back;
    const pz = position[1] - uz * back;
    const forward = LENS_FORWARD * Math.cos(tilt) - LENS_UP * Math.sin(tilt);
    const up = LENS_FORWARD * Math.sin(tilt) + LENS_UP * Math.cos(tilt);
    lensPoint.set(px + ux * forward, this.pivotY + up, pz + uz * forward);
    lookPoint.set(lensPoint.x + ux * Math.cos(tilt), lensPoint.y + Math.sin(tilt), lensPoint.z + uz * Math.cos(tilt));
    const g = this.env.group;
    g.updateMatrixWorld();
    g.localToWorld(lensPoint);
    g.localToWorld(lookPoint);
    const cam = this.picture.camera;
    cam.position.copy(lensPoint);
    cam.up.set(0, 1, 0);
    cam.lookAt(lookPoint);
    cam.updateMatrixWorld();
  }

  private placeCar(): void {
    const [ux, uz] = axis(this.p);
    const s = this.carNow;
    this.car.position.set(this.p.camera.aim[0] + ux * s, 0, this.p.camera.aim[1] + uz * s);
    // The head's +z is the lens; a positive tilt looks up (a negative turn about x).
    this.head.rotation.x = -this.tiltNow;
    this.car.updateMatrixWorld();
  }

  /** Per frame: the dolly's glide, and the monitor's passes when a picture is due. */
  frame(dt: number): void {
    if (this.glide < 1) {
      this.glide = Math.min(1, this.glide + dt / GLIDE_S);
      // ease in and out, as a dolly grip pushes and then brakes onto the mark
      const k = this.glide * this.glide * (3 - 2 * this.glide);
      this.carNow = this.carFrom + (this.carTo - this.carFrom) * k;
      this.tiltNow = this.tiltFrom + (this.tiltTo - this.tiltFrom) * k;
      this.placeCar();
    }
    const renderer = this.env.renderer;
    if (!renderer || !this.picture.pending) return;
    const t0 = performance.now();
    if (!this.picture.drawsSet) {
      this.picture.step(renderer, this.env.set.root);
      this.timed(t0);
      return;
    }
    // The lens sees the set's layer. The set's own meshes are on it only while a take is loaded:
    // put the ones that are not on it for this one picture, and take them off again.
    const added = this.added;
    added.length = 0;
    for (const child of this.env.set.root.children) {
      if (child === this.env.group || child.layers.isEnabled(SET_LAYER)) continue;
      child.layers.enable(SET_LAYER);
      added.push(child);
    }
    this.picture.step(renderer, this.env.set.root);
    for (const child of added) child.layers.disable(SET_LAYER);
    this.timed(t0);
  }

  private timed(since: number): void {
    // Only passes that ran (while the programs compile, a step waits and does nothing).
    if (this.picture.stats.passes === this.passesSeen) return;
    this.passesSeen = this.picture.stats.passes;
    this.passMs[this.pass] = Math.round(performance.now() - since);
    this.pass = (this.pass + 1) % this.passMs.length;
  }

  /**
   * Draws one picture before the card opens, a pass a task, with the rig shown only inside each
   * pass: its first draw compiles the set's and the rig's render-target programs, which on a GPU
   * that cannot compile in parallel blocks the page for up to a second or two a program. Done while
   * the visitor reads the station's text, "Try it" then opens at once.
   */
  async prepare(state: CameraState, overlay: string): Promise<void> {
    if (!this.env.renderer) return;
    this.show(state, overlay, false);
    for (let i = 0; i < 8 && this.picture.pending; i++) {
      await yieldToMain();
      const shown = this.env.group.visible;
      this.env.group.visible = true;
      this.setVisible(true);
      try {
        this.frame(0);
      } finally {
        this.setVisible(false);
        this.env.group.visible = shown;
      }
    }
  }

  /**
   * The stand-ins, the dolly and the boards are there while the card is open: closed, they leave
   * the station as it was (and their triangles out of every other station's view).
   */
  setVisible(visible: boolean): void {
    for (const m of this.meshes) m.visible = visible;
  }

  /** Tests and the bench. */
  debug(): Record<string, unknown> {
    return {
      carAlong: Number(this.carNow.toFixed(3)),
      gliding: this.glide < 1,
      pictures: this.picture.stats.pictures,
      picturePending: this.picture.pending,
      passMs: [...this.passMs],
    };
  }

  dispose(): void {
    for (const m of this.meshes) {
      m.removeFromParent();
      m.geometry.dispose();
    }
    this.car.removeFromParent();
    for (const m of this.materials) m.dispose();
    this.atlas.dispose();
    this.overlay.dispose();
    this.ghost.dispose();
    this.picture.dispose();
  }
}
