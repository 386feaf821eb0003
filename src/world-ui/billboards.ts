import * as THREE from 'three';
import type { Steps } from '../slices';
import { fitText, SOFTWARE_CANVAS, type TextDirection } from './text-canvas';

/** One card in a batch: drawn once into the shared atlas, then placed and shown/hidden cheaply. */
export interface BillboardEntry {
  readonly key: string;
  /** Size in metres. */
  readonly width: number;
  readonly height: number;
  /** Paints the card into a w×h pixel box whose top-left is (0, 0). */
  readonly draw: (ctx: CanvasRenderingContext2D, w: number, h: number) => void;
}

const VERTEX = /* glsl */ `
attribute vec3 center;
attribute vec2 corner;
attribute float shown;
varying vec2 vUv;
void main() {
  vUv = uv;
  // Offset in view space, so every card faces the viewer (also per eye in stereo).
  vec4 mv = modelViewMatrix * vec4(center, 1.0);
  mv.xy += corner * shown;
  gl_Position = projectionMatrix * mv;
}`;

const FRAGMENT = /* glsl */ `
uniform sampler2D map;
varying vec2 vUv;
void main() {
  vec4 c = texture2D(map, vUv);
  if (c.a < 0.03) discard;
  gl_FragColor = c;
}`;

/**
 * Many text cards (station labels, role tags) in ONE draw call: a canvas atlas, a quad per card
 * whose corners are pushed out in view space by the vertex shader. Showing, hiding or moving a card
 * rewrites a few floats, never rebuilds anything. The cards are drawn by `paint()`.
 */
export class BillboardBatch {
  readonly mesh: THREE.Mesh;
  private readonly index = new Map<string, number>();
  private readonly centers: THREE.BufferAttribute;
  private readonly shown: THREE.BufferAttribute;
  private readonly sizes: { width: number; height: number }[];
  private readonly texture: THREE.CanvasTexture;
  private painting: { canvas: HTMLCanvasElement; entries: readonly BillboardEntry[]; slots: readonly { x: number; y: number; w: number; h: number }[] } | null;

  constructor(entries: readonly BillboardEntry[], pxPerMetre: number, options: { depthTest: boolean; renderOrder: number }) {
    // Shelf-pack the cards into an atlas at most 2048 wide.
    const pad = 4;
    const atlasW = 2048;
    const slots: { x: number; y: number; w: number; h: number }[] = [];
    let x = 0;
    let y = 0;
    let rowH = 0;
    for (const e of entries) {
      const w = Math.ceil(e.width * pxPerMetre);
      const h = Math.ceil(e.height * pxPerMetre);
      if (x + w > atlasW) {
        x = 0;
        y += rowH + pad;
        rowH = 0;
      }
      slots.push({ x, y, w, h });
      x += w + pad;
      rowH = Math.max(rowH, h);
    }
    const atlasH = THREE.MathUtils.ceilPowerOfTwo(Math.max(1, y + rowH));
    const canvas = document.createElement('canvas');
    canvas.width = atlasW;
    canvas.height = atlasH;
    this.painting = { canvas, entries, slots };

    const n = entries.length;
    const center = new Float32Array(n * 12);
    const corner = new Float32Array(n * 8);
    const uv = new Float32Array(n * 8);
    const shown = new Float32Array(n * 4);
    const position = new Float32Array(n * 12);
    const indices: number[] = [];
    entries.forEach((e, i) => {
      const s = slots[i]!;
      const u0 = s.x / atlasW;
      const u1 = (s.x + s.w) / atlasW;
      const v1 = 1 - s.y / atlasH;
      const v0 = 1 - (s.y + s.h) / atlasH;
      // Anchor is the card's bottom centre (a tag sits above a head, a label above a station).
      const corners = [
        [-e.width / 2, 0, u0, v0],
        [e.width / 2, 0, u1, v0],
        [e.width / 2, e.height, u1, v1],
        [-e.width / 2, e.height, u0, v1],
      ];
      corners.forEach(([cx, cy, cu, cv], k) => {
        corner.set([cx!, cy!], (i * 4 + k) * 2);
        uv.set([cu!, cv!], (i * 4 + k) * 2);
      });
      const b = i * 4;
      indices.push(b, b + 1, b + 2, b, b + 2, b + 3);
      this.index.set(e.key, i);
    });
    this.sizes = entries.map((e) => ({ width: e.width, height: e.height }));

    const geo = new THREE.BufferGeometry();
    // `position` is unused by the shader but three.js needs it for bounds; centres carry placement.
    geo.setAttribute('position', new THREE.BufferAttribute(position, 3));
    this.centers = new THREE.BufferAttribute(center, 3);
    this.centers.setUsage(THREE.DynamicDrawUsage);
    this.shown = new THREE.BufferAttribute(shown, 1);
    this.shown.setUsage(THREE.DynamicDrawUsage);
    geo.setAttribute('center', this.centers);
    geo.setAttribute('corner', new THREE.BufferAttribute(corner, 2));
    geo.setAttribute('uv', new THREE.BufferAttribute(uv, 2));
    geo.setAttribute('shown', this.shown);
    geo.setIndex(indices);

    this.texture = new THREE.CanvasTexture(canvas);
    this.texture.colorSpace = THREE.NoColorSpace; // raw canvas colours in, raw out (shader has no colour management)
    this.texture.anisotropy = 4;
    const material = new THREE.ShaderMaterial({
      vertexShader: VERTEX,
      fragmentShader: FRAGMENT,
      uniforms: { map: { value: this.texture } },
      transparent: true,
      depthWrite: false,
      depthTest: options.depthTest,
    });
    this.mesh = new THREE.Mesh(geo, material);
    this.mesh.frustumCulled = false; // cards are offset in the shader; bounds would be wrong
    this.mesh.renderOrder = options.renderOrder;
  }

  /**
   * Draws the cards into the atlas, one a step (start-up runs them in slices: a few dozen cards of
   * text took one task of 150 ms, 0.6 s on a phone). Run once, before the batch is first drawn.
   */
  *paint(): Steps<void> {
    if (!this.painting) return;
    const { canvas, entries, slots } = this.painting;
    this.painting = null;
    const ctx = canvas.getContext('2d', SOFTWARE_CANVAS)!;
    for (const [i, e] of entries.entries()) {
      const s = slots[i]!;
      ctx.save();
      ctx.translate(s.x, s.y);
      ctx.beginPath();
      ctx.rect(0, 0, s.w, s.h);
      ctx.clip();
      e.draw(ctx, s.w, s.h);
      ctx.restore();
      yield;
    }
    this.texture.needsUpdate = true;
  }

  has(key: string): boolean {
    return this.index.has(key);
  }

  size(key: string): { width: number; height: number } {
    return this.sizes[this.slot(key)]!;
  }

  /** Places a card's bottom centre at a world position. */
  setAnchor(key: string, x: number, y: number, z: number): void {
    const i = this.slot(key);
    for (let k = 0; k < 4; k++) this.centers.setXYZ(i * 4 + k, x, y, z);
    this.centers.needsUpdate = true;
  }

  /** Shows or hides a card; `scale` enlarges a shown one about its anchor (a tag whose person is speaking). */
  setShown(key: string, visible: boolean, scale = 1): void {
    const i = this.slot(key);
    const value = visible ? scale : 0;
    if (this.shown.getX(i * 4) === value) return;
    for (let k = 0; k < 4; k++) this.shown.setX(i * 4 + k, value);
    this.shown.needsUpdate = true;
  }

  isShown(key: string): boolean {
    return this.shown.getX(this.slot(key) * 4) > 0;
  }

  dispose(): void {
    this.mesh.geometry.dispose();
    (this.mesh.material as THREE.Material).dispose();
    this.texture.dispose();
  }

  private slot(key: string): number {
    const i = this.index.get(key);
    if (i === undefined) throw new Error(`no billboard "${key}"`);
    return i;
  }
}

export interface CardOptions {
  readonly title: string;
  readonly subtitle?: string;
  readonly color: string;
  readonly titleFont: string;
  readonly subtitleFont?: string;
  readonly background: string;
  readonly foreground: string;
  readonly muted: string;
  /** The locale's direction: right-to-left puts the bar on the right and right-aligns the text. Default ltr. */
  readonly dir?: TextDirection;
  /** The locale's code: text too long is cut between graphemes of this language. */
  readonly lang?: string;
}

/**
 * Rounded card with a coloured side bar, a bold first line and a regular second line; text too
 * long ends in "…" (cut between graphemes, so never inside an emoji or a letter with its marks).
 */
export function drawCard(ctx: CanvasRenderingContext2D, w: number, h: number, opts: CardOptions): void {
  const rtl = opts.dir === 'rtl';
  const r = Math.min(18, h * 0.2);
  ctx.beginPath();
  ctx.roundRect(2, 2, w - 4, h - 4, r);
  ctx.fillStyle = opts.background;
  ctx.fill();
  ctx.lineWidth = 3;
  ctx.strokeStyle = opts.color;
  ctx.stroke();
  const bar = Math.max(8, h * 0.09);
  ctx.fillStyle = opts.color;
  ctx.fillRect(rtl ? w - 2 - r * 0.4 - bar : 2 + r * 0.4, h * 0.18, bar, h * 0.64);
  const left = 2 + r * 0.4 + bar + h * 0.14;
  const maxW = w - left - h * 0.12;
  // Left-to-right cards leave the alignment alone (as they always did); right-to-left ones set it
  // for this card only.
  if (rtl) {
    ctx.save();
    ctx.direction = 'rtl';
    ctx.textAlign = 'right';
  }
  const x = rtl ? w - left : left;
  ctx.textBaseline = 'middle';
  ctx.fillStyle = opts.foreground;
  ctx.font = opts.titleFont;
  if (opts.subtitle && opts.subtitleFont) {
    ctx.fillText(fitText(ctx, opts.title, maxW, opts.lang), x, h * 0.35);
    ctx.font = opts.subtitleFont;
    ctx.fillStyle = opts.muted;
    ctx.fillText(fitText(ctx, opts.subtitle, maxW, opts.lang), x, h * 0.7);
  } else {
    ctx.fillText(fitText(ctx, opts.title, maxW, opts.lang), x, h * 0.52);
  }
  if (rtl) ctx.restore();
}
