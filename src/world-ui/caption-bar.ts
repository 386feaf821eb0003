import * as THREE from 'three';
import { font, SOFTWARE_CANVAS, wrapText, type TextDirection } from './text-canvas';

const WIDTH_M = 1.0;
const HEIGHT_M = 0.15;
const PX = 1024;
const PX_H = Math.round((PX * HEIGHT_M) / WIDTH_M);

/**
 * Captions in a headset: a bar fixed below the centre of view, where subtitles sit in a cinema,
 * drawn over everything. Only shown in VR while a caption is up (the screen has the DOM captions).
 */
export class CaptionBar {
  readonly mesh: THREE.Mesh<THREE.PlaneGeometry, THREE.MeshBasicMaterial>;
  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly texture: THREE.CanvasTexture;
  private painted = '';

  /** The locale's direction and code: right-to-left captions, and line breaks for its script. */
  constructor(private readonly locale: { readonly dir?: TextDirection; readonly lang?: string } = {}) {
    this.canvas = document.createElement('canvas');
    this.canvas.width = PX;
    this.canvas.height = PX_H;
    this.ctx = this.canvas.getContext('2d', SOFTWARE_CANVAS)!;
    this.texture = new THREE.CanvasTexture(this.canvas);
    this.texture.colorSpace = THREE.SRGBColorSpace;
    this.texture.anisotropy = 4;
    const material = new THREE.MeshBasicMaterial({ map: this.texture, transparent: true, depthTest: false, depthWrite: false });
    this.mesh = new THREE.Mesh(new THREE.PlaneGeometry(WIDTH_M, HEIGHT_M), material);
    this.mesh.name = 'vr-captions';
    this.mesh.position.set(0, -0.3, -1.1);
    this.mesh.rotation.x = 0.2; // tilted up toward the eyes
    this.mesh.renderOrder = 999;
    this.mesh.frustumCulled = false;
    this.mesh.visible = false;
  }

  /** Shows a caption (or hides the bar with null). Text is painted only when it changes. */
  show(text: string | null, highContrast: boolean): void {
    this.mesh.visible = text !== null;
    if (text === null || `${highContrast}:${text}` === this.painted) return;
    this.painted = `${highContrast}:${text}`;
    const { ctx } = this;
    ctx.clearRect(0, 0, PX, PX_H);
    ctx.fillStyle = highContrast ? '#000000' : 'rgba(10, 11, 15, 0.82)';
    ctx.beginPath();
    ctx.roundRect(0, 0, PX, PX_H, 24);
    ctx.fill();
    if (highContrast) {
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 4;
      ctx.stroke();
    }
    let size = 46;
    ctx.font = font(size, true);
    const wrap = { lang: this.locale.lang };
    let lines = wrapText(ctx, text, PX - 60, wrap);
    while (lines.length > 2 && size > 30) {
      size -= 4;
      ctx.font = font(size, true);
      lines = wrapText(ctx, text, PX - 60, wrap);
    }
    // Cues are at most two lines of about 42 characters; a longer hand-made one keeps its start.
    if (lines.length > 3) lines = [...lines.slice(0, 2), `${lines[2]}…`];
    ctx.fillStyle = highContrast ? '#ffe14d' : '#ffffff';
    ctx.textAlign = 'center';
    ctx.direction = this.locale.dir ?? 'ltr';
    ctx.textBaseline = 'middle';
    const lh = size * 1.2;
    const top = PX_H / 2 - ((lines.length - 1) * lh) / 2;
    lines.forEach((line, i) => ctx.fillText(line, PX / 2, top + i * lh));
    this.texture.needsUpdate = true;
  }

  dispose(): void {
    this.mesh.geometry.dispose();
    this.mesh.material.dispose();
    this.texture.dispose();
  }
}
