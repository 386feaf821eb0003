import * as THREE from 'three';
import { FONT_STACK } from '../ui/fonts';
import { SOFTWARE_CANVAS } from './text-canvas';

export const PANEL_BUTTONS = ['previous', 'close', 'next'] as const;
export type PanelButton = (typeof PANEL_BUTTONS)[number];

const W = 1200;
const H = 150;
const WIDTH_M = 0.96;

/**
 * Pointable buttons under the 3D panel in a headset: Previous stop, Close, Next stop. One quad and
 * one small canvas (redrawn on hover), so the bar costs a single draw call.
 */
export class PanelButtons {
  readonly mesh: THREE.Mesh<THREE.PlaneGeometry, THREE.MeshBasicMaterial>;
  private readonly canvas = document.createElement('canvas');
  private readonly texture: THREE.CanvasTexture;
  private labels: Record<PanelButton, string> = { previous: '', close: '', next: '' };
  private disabled = new Set<PanelButton>();
  private hovered: PanelButton | null = null;
  // Scratch for hit tests (every frame per controller).
  private readonly hits: THREE.Intersection[] = [];

  constructor() {
    this.canvas.width = W;
    this.canvas.height = H;
    this.texture = new THREE.CanvasTexture(this.canvas);
    this.texture.colorSpace = THREE.SRGBColorSpace;
    const material = new THREE.MeshBasicMaterial({ map: this.texture, transparent: true, depthTest: false, depthWrite: false });
    this.mesh = new THREE.Mesh(new THREE.PlaneGeometry(WIDTH_M, (WIDTH_M * H) / W), material);
    this.mesh.name = 'panel-buttons';
    this.mesh.renderOrder = 31;
    this.mesh.visible = false;
  }

  setLabels(labels: Record<PanelButton, string>, disabled: readonly PanelButton[]): void {
    const same = PANEL_BUTTONS.every((b) => labels[b] === this.labels[b]) && disabled.length === this.disabled.size && disabled.every((d) => this.disabled.has(d));
    if (same) return;
    this.labels = { ...labels };
    this.disabled = new Set(disabled);
    this.draw();
  }

  /** Under the panel, in its plane, turned the same way. */
  placeUnder(panel: THREE.Mesh): void {
    this.mesh.quaternion.copy(panel.quaternion);
    this.mesh.position.set(0, -(panel.scale.y / 2 + 0.1), 0.01).applyQuaternion(panel.quaternion).add(panel.position);
    this.mesh.visible = panel.visible;
  }

  hide(): void {
    this.mesh.visible = false;
  }

  /** Which enabled button a ray points at, if any. */
  hit(raycaster: THREE.Raycaster): { button: PanelButton; distance: number; point: THREE.Vector3 } | null {
    if (!this.mesh.visible) return null;
    this.hits.length = 0;
    this.mesh.raycast(raycaster, this.hits);
    const h = this.hits[0];
    if (!h?.uv) return null;
    const button = PANEL_BUTTONS[Math.min(2, Math.floor(h.uv.x * 3))]!;
    return this.disabled.has(button) ? null : { button, distance: h.distance, point: h.point };
  }

  setHover(button: PanelButton | null): void {
    if (button === this.hovered) return;
    this.hovered = button;
    this.draw();
  }

  private draw(): void {
    const ctx = this.canvas.getContext('2d', SOFTWARE_CANVAS)!;
    ctx.clearRect(0, 0, W, H);
    const slot = W / 3;
    PANEL_BUTTONS.forEach((b, i) => {
      const x = i * slot + 12;
      const w = slot - 24;
      const off = this.disabled.has(b);
      const hot = this.hovered === b && !off;
      ctx.fillStyle = hot ? '#ffd166' : off ? 'rgba(30,32,40,0.55)' : 'rgba(22,24,31,0.94)';
      ctx.strokeStyle = hot ? '#ffffff' : 'rgba(255,255,255,0.35)';
      ctx.lineWidth = 4;
      ctx.beginPath();
      ctx.roundRect(x, 14, w, H - 28, 40);
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = hot ? '#16181f' : off ? 'rgba(255,255,255,0.35)' : '#ffffff';
      ctx.font = `700 46px ${FONT_STACK}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(this.labels[b], x + w / 2, H / 2 + 2, w - 30);
    });
    this.texture.needsUpdate = true;
  }

  dispose(): void {
    this.mesh.geometry.dispose();
    this.mesh.material.dispose();
    this.texture.dispose();
  }
}
