import * as THREE from 'three';

/**
 * What the camera sees, on the video-village monitor: a small render target drawn from the dolly
 * camera's lens a few times a second, only while a take plays and the monitor is in view. It draws
 * only the set's layer (the set, the crew), never the visitor's interface (tags, panels, captions).
 */

/** The layer the set's meshes and the crew are also on: the monitor camera sees nothing else. */
export const SET_LAYER = 3;
const SIZE = { width: 320, height: 180 } as const;
/** Redraws a second: a monitor at video village reads as live at this rate, at a fraction of the cost. */
const RATE = 10;

const sphere = new THREE.Sphere();
const frustum = new THREE.Frustum();
const viewProjection = new THREE.Matrix4();

export interface MonitorPlacement {
  /** The screen's centre and facing, in the set's frame. */
  readonly matrix: THREE.Matrix4;
  readonly width: number;
  readonly height: number;
}

export class Monitor {
  readonly screen: THREE.Mesh;
  readonly camera = new THREE.PerspectiveCamera(40, SIZE.width / SIZE.height, 0.15, 40);
  private readonly target = new THREE.WebGLRenderTarget(SIZE.width, SIZE.height, { depthBuffer: true });
  private readonly material: THREE.MeshBasicMaterial;
  private since = Infinity;
  /** For the bench and tests: how many times it was drawn, and the draw calls of the last time. */
  readonly stats = { renders: 0, calls: 0 };

  constructor(placement: MonitorPlacement) {
    // Textured and vertex-coloured (white) like the set's screens: the same shader program, none new.
    this.material = new THREE.MeshBasicMaterial({ map: this.target.texture, vertexColors: true });
    const plane = new THREE.PlaneGeometry(placement.width, placement.height);
    plane.setAttribute('color', new THREE.Float32BufferAttribute(new Array(plane.getAttribute('position').count * 3).fill(1), 3));
    this.screen = new THREE.Mesh(plane, this.material);
    this.screen.name = 'take-monitor';
    this.screen.matrixAutoUpdate = false;
    this.screen.matrix.copy(placement.matrix);
    this.screen.visible = false;
    this.camera.layers.set(SET_LAYER);
    this.camera.name = 'take-monitor-camera';
  }

  /** On while a take plays (the screen shows the picture), off between takes (the prop's own picture shows). */
  setLive(live: boolean): void {
    this.screen.visible = live;
    this.since = Infinity; // draw at once on the next frame
  }

  get live(): boolean {
    return this.screen.visible;
  }

  /** Draws the camera's view if it is due and the screen is in `viewer`'s view. */
  update(renderer: THREE.WebGLRenderer, scene: THREE.Object3D, viewer: THREE.Camera, dt: number): void {
    if (!this.screen.visible) return;
    this.since += dt;
    if (this.since < 1 / RATE || !this.inView(viewer)) return;
    this.since = 0;
    this.draw(renderer, scene);
  }

  /**
   * Draws the picture once now. Done once when the take is loaded, in a task of its own, so the
   * shaders a render target needs are compiled then, not as the first call of a take.
   */
  draw(renderer: THREE.WebGLRenderer, scene: THREE.Object3D): void {
    const xr = renderer.xr.enabled;
    const previous = renderer.getRenderTarget();
    // A headset's renderer would otherwise draw the picture from the visitor's eyes.
    renderer.xr.enabled = false;
    renderer.setRenderTarget(this.target);
    renderer.clear();
    renderer.render(scene, this.camera);
    this.stats.calls = renderer.info.render.calls;
    this.stats.renders++;
    renderer.setRenderTarget(previous);
    renderer.xr.enabled = xr;
  }

  private inView(viewer: THREE.Camera): boolean {
    this.screen.updateMatrixWorld();
    sphere.center.set(0, 0, 0);
    sphere.radius = 0.5;
    sphere.applyMatrix4(this.screen.matrixWorld);
    viewProjection.multiplyMatrices(viewer.projectionMatrix, viewer.matrixWorldInverse);
    return frustum.setFromProjectionMatrix(viewProjection).intersectsSphere(sphere);
  }

  /** Reads the picture back (tests): the mean brightness of the last frame drawn, 0–255. */
  meanBrightness(renderer: THREE.WebGLRenderer): number {
    const px = new Uint8Array(SIZE.width * SIZE.height * 4);
    renderer.readRenderTargetPixels(this.target, 0, 0, SIZE.width, SIZE.height, px);
    let sum = 0;
    for (let i = 0; i < px.length; i += 4) sum += (px[i]! + px[i + 1]! + px[i + 2]!) / 3;
    return sum / (SIZE.width * SIZE.height);
  }

  dispose(): void {
    this.screen.removeFromParent();
    this.screen.geometry.dispose();
    this.material.dispose();
    this.target.dispose();
  }
}
