import * as THREE from 'three';
import { drawPanel, SOFTWARE_CANVAS, type PanelSpec } from './text-canvas';
import { BUTTON_STRIP_PX, type PanelButton, type PanelButtons } from './panel-buttons';

const PANEL_DISTANCE = 1.35;
/** Reading distance in a headset, metres: close enough to read, far enough to focus without strain. */
const VR_DISTANCE = 1.3;
const MAX_ANGLE = (30 * Math.PI) / 180;
/** Angle kept free between the panel and the edge of the view, radians. */
const MARGIN = 0.06;

// Scratch for placement (runs on open, not per frame, but no reason to allocate).
const forward = new THREE.Vector3();

/**
 * The 3D explanation panel: one textured quad re-drawn when its text or the visitor's settings
 * change. It opens beside the station at a comfortable reading distance, turned to face the visitor,
 * and moves to the centre of the view when the screen is too narrow (phones held upright).
 */
export class InfoPanel {
  readonly mesh: THREE.Mesh<THREE.PlaneGeometry, THREE.MeshBasicMaterial>;
  private readonly canvas = document.createElement('canvas');
  /** The text as drawn; the texture is this plus, in a headset, the button strip below it. */
  private readonly source = document.createElement('canvas');
  private readonly texture: THREE.CanvasTexture;
  private buttons: PanelButtons | null = null;
  private textHeight = 0;
  // Scratch for ray hits (every frame per controller in VR).
  private readonly hits: THREE.Intersection[] = [];

  constructor() {
    this.texture = new THREE.CanvasTexture(this.canvas);
    this.texture.colorSpace = THREE.SRGBColorSpace;
    this.texture.anisotropy = 8;
    this.texture.minFilter = THREE.LinearMipmapLinearFilter;
    const material = new THREE.MeshBasicMaterial({ map: this.texture, transparent: true, depthWrite: false });
    this.mesh = new THREE.Mesh(new THREE.PlaneGeometry(1, 1), material);
    this.mesh.name = 'info-panel';
    this.mesh.renderOrder = 30;
    this.mesh.visible = false;
  }

  show(spec: PanelSpec): void {
    const image = drawPanel(spec, this.source);
    this.textHeight = image.height;
    this.compose(image.width);
    this.mesh.visible = true;
  }

  /** Buttons under the text (VR) or none (screen, where the HUD has them). */
  setButtons(buttons: PanelButtons | null): void {
    if (buttons === this.buttons) return;
    this.buttons = buttons;
    if (this.source.width > 0) this.compose(this.mesh.scale.x);
  }

  /** Repaints after the buttons' hover or labels changed. */
  repaintButtons(): void {
    if (this.buttons && this.source.width > 0) this.compose(this.mesh.scale.x);
  }

  private compose(widthM: number): void {
    const strip = this.buttons ? BUTTON_STRIP_PX : 0;
    const w = this.source.width;
    const h = this.source.height + strip;
    const resized = this.canvas.width !== w || this.canvas.height !== h;
    this.canvas.width = w; // also clears
    this.canvas.height = h;
    const ctx = this.canvas.getContext('2d', SOFTWARE_CANVAS)!;
    ctx.drawImage(this.source, 0, 0);
    this.buttons?.paint(ctx, this.source.height, w);
    // A canvas that changed size needs a fresh GPU texture; three.js re-uploads on needsUpdate.
    if (resized) this.texture.dispose();
    this.texture.needsUpdate = true;
    this.mesh.scale.set(widthM, this.textHeight * (h / this.source.height), 1);
  }

  /** Where a ray meets the visible panel, and which (enabled) button it is on, if any. */
  hitPanel(raycaster: THREE.Raycaster): { button: PanelButton | null; distance: number } | null {
    if (!this.mesh.visible) return null;
    this.hits.length = 0;
    this.mesh.raycast(raycaster, this.hits);
    const hit = this.hits[0];
    if (!hit?.uv) return null;
    const onStrip = this.buttons !== null && hit.uv.y <= BUTTON_STRIP_PX / this.canvas.height;
    return { button: onStrip ? this.buttons!.buttonAt(hit.uv.x) : null, distance: hit.distance };
  }

  hide(): void {
    this.mesh.visible = false;
  }

  /**
   * Places the panel for a visitor standing at `eye` looking along `yaw`, offset to the side by as
   * much as the field of view allows, so the station stays visible on the other side.
   */
  place(eye: THREE.Vector3, yaw: number, camera: THREE.PerspectiveCamera): void {
    const halfH = THREE.MathUtils.degToRad(camera.fov / 2);
    const halfFovX = Math.atan(Math.tan(halfH) * camera.aspect);
    const halfWidth = this.mesh.scale.x / 2;
    // On a narrow (portrait) screen the panel steps back until its whole width fits the view.
    const fitDistance = halfWidth / Math.tan(Math.max(0.1, halfFovX - MARGIN));
    const fitHeight = this.mesh.scale.y / 2 / Math.tan(Math.max(0.1, halfH - MARGIN));
    const distance = Math.max(PANEL_DISTANCE, fitDistance, Math.min(fitHeight, 3));
    const halfPanel = Math.atan(halfWidth / distance);
    const angle = THREE.MathUtils.clamp(halfFovX - halfPanel - MARGIN, 0, MAX_ANGLE);
    const dir = yaw - angle; // to the visitor's right
    forward.set(-Math.sin(dir), 0, -Math.cos(dir));
    this.mesh.position.set(eye.x + forward.x * distance, 0, eye.z + forward.z * distance);
    // Centre about eye height, but never into the floor for tall (large-text) panels.
    this.mesh.position.y = Math.max(eye.y + 0.08, this.mesh.scale.y / 2 + 0.25);
    // Turned only part-way toward the visitor: a panel square to the view direction reads without
    // perspective skew on a flat screen, and still faces a headset wearer closely enough.
    this.mesh.rotation.set(0, yaw - angle * 0.35, 0);
  }

  /**
   * In a headset: straight ahead of the visitor's head at a comfortable reading distance, a little
   * below eye level, square to them, drawn over the set so it is never inside a prop.
   */
  placeFacing(eye: THREE.Vector3, yaw: number): void {
    forward.set(-Math.sin(yaw), 0, -Math.cos(yaw));
    this.mesh.position.set(eye.x + forward.x * VR_DISTANCE, Math.max(eye.y - 0.12, this.mesh.scale.y / 2 + 0.2), eye.z + forward.z * VR_DISTANCE);
    this.mesh.rotation.set(0, yaw, 0);
    this.mesh.material.depthTest = false;
  }

  /** Back on a screen: depth-tested again, so it sits in the set like a sign. */
  depthTested(): void {
    this.mesh.material.depthTest = true;
  }

  dispose(): void {
    this.mesh.geometry.dispose();
    this.mesh.material.dispose();
    this.texture.dispose();
  }
}
