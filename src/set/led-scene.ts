import * as THREE from 'three';
import { SOFTWARE_CANVAS } from '../world-ui/text-canvas';
import { seededRandom } from './random';
import type { Steps } from '../slices';

/**
 * The picture the LED volume plays: a desert canyon at golden hour, painted procedurally with
 * Canvas 2D so it ships as code, looks the same on every load, and needs no image or font.
 *
 * The canvas is wide (4:1) but the curved wall it is stretched over is only about 2.3:1, so
 * texels end up taller than wide. Round things (sun, stars) are drawn squashed by that ratio so
 * they come out round on the wall.
 */

/** Width / height of the LED wall surface the picture is made for (arc length 8.3 m × 3.6 m). */
export const LED_DISPLAY_ASPECT = 2.3;

/**
 * uv rectangle of the LED picture that fills a screen of the given aspect without distortion,
 * centred on (cu, cv) and dv tall: monitors showing "what the camera sees" use it.
 */
export function ledSlice(cu: number, cv: number, dv: number, aspect = 16 / 9): [number, number, number, number] {
  const du = (dv * aspect) / LED_DISPLAY_ASPECT;
  const u0 = Math.min(Math.max(cu - du / 2, 0), 1 - du);
  const v0 = Math.min(Math.max(cv - dv / 2, 0), 1 - dv);
  return [u0, v0, u0 + du, v0 + dv];
}


/**
 * Ridge line: n+1 heights in about [-1, 1], summed octaves of smooth value noise. `bumps` is the
 * number of big hills across the full width; finer octaves add crags.
 */
function ridge(rand: () => number, n: number, bumps: number, roughness = 0.5, octaves = 4): number[] {
  const out = new Array<number>(n + 1).fill(0);
  let amp = 1;
  let norm = 0;
  for (let o = 0; o < octaves; o++) {
    const cells = Math.round(bumps * 2 ** o);
    const lattice = Array.from({ length: cells + 2 }, () => rand() * 2 - 1);
    for (let i = 0; i <= n; i++) {
      const x = (i / n) * cells;
      const k = Math.floor(x);
      const f = x - k;
      const t = (1 - Math.cos(f * Math.PI)) / 2;
      out[i]! += (lattice[k]! * (1 - t) + lattice[k + 1]! * t) * amp;
    }
    norm += amp;
    amp *= roughness;
  }
  return out.map((v) => v / norm);
}

/** What every step of the LED painting shares: the canvas, its size, the seeded random numbers
 * (drawn in a fixed order, so the picture is the same on every load) and the scene's layout. */
interface Painter {
  readonly ctx: CanvasRenderingContext2D;
  readonly W: number;
  readonly H: number;
  readonly rand: () => number;
  /** Vertical squash for round shapes (see the module comment). */
  readonly sq: number;
  readonly horizon: number;
  readonly sunX: number;
  readonly sunY: number;
}

/** Sky: deep blue overhead through violet and rose to a hot amber horizon. */
function paintSky(p: Painter): void {
  const { ctx, W, horizon } = p;
  // sky: deep blue overhead through violet and rose to a hot amber horizon
  const sky = ctx.createLinearGradient(0, 0, 0, horizon);
  sky.addColorStop(0, '#0a1633');
  sky.addColorStop(0.28, '#1f3266');
  sky.addColorStop(0.55, '#6b3f78');
  sky.addColorStop(0.75, '#d0646a');
  sky.addColorStop(0.9, '#f39a52');
  sky.addColorStop(1, '#ffd27e');
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, W, horizon + 2);
}

/** Stars, fading out toward the glow. */
function paintStars(p: Painter): void {
  const { ctx, W, H, rand, sq } = p;
  // stars fade out toward the glow
  for (let i = 0; i < 260; i++) {
    const x = rand() * W;
    const y = Math.pow(rand(), 1.6) * H * 0.38;
    const a = (1 - y / (H * 0.38)) * (0.35 + rand() * 0.65);
    const r = 0.5 + rand() * (i % 17 === 0 ? 1.8 : 0.9);
    ctx.fillStyle = `rgba(255,248,235,${a.toFixed(3)})`;
    ctx.beginPath();
    ctx.ellipse(x, y, r, Math.max(0.5, r * sq), 0, 0, Math.PI * 2);
    ctx.fill();
  }
}

/** The sun: a broad warm bloom, then the disc just above the far ridge. */
function paintSun(p: Painter): void {
  const { ctx, W, sq, sunX, sunY } = p;
  // sun glow: broad warm bloom, then the disc sitting just above the far ridge
  ctx.save();
  ctx.globalCompositeOperation = 'lighter';
  ctx.translate(sunX, sunY);
  ctx.scale(1, sq);
  const bloom = ctx.createRadialGradient(0, 0, 0, 0, 0, W * 0.28);
  bloom.addColorStop(0, 'rgba(255,220,150,0.85)');
  bloom.addColorStop(0.15, 'rgba(255,170,90,0.45)');
  bloom.addColorStop(0.45, 'rgba(240,110,80,0.16)');
  bloom.addColorStop(1, 'rgba(200,80,90,0)');
  ctx.fillStyle = bloom;
  ctx.fillRect(-W * 0.3, -W * 0.3, W * 0.6, W * 0.6);
  ctx.restore();
  ctx.save();
  ctx.translate(sunX, sunY);
  ctx.scale(1, sq);
  const disc = ctx.createRadialGradient(0, 0, 0, 0, 0, W * 0.022);
  disc.addColorStop(0, '#fffbe8');
  disc.addColorStop(0.8, '#ffe9a8');
  disc.addColorStop(1, 'rgba(255,210,120,0)');
  ctx.fillStyle = disc;
  ctx.beginPath();
  ctx.arc(0, 0, W * 0.022, 0, Math.PI * 2);
  ctx.fill();
  ctx.restore();
}

/** Long thin clouds lit from below, brighter near the sun. */
function paintClouds(p: Painter): void {
  const { ctx, W, H, rand, horizon, sunX } = p;
  // long thin clouds lit from below, brighter near the sun
  for (let i = 0; i < 22; i++) {
    const cx = rand() * W;
    const cy = H * (0.18 + rand() * 0.34);
    const rx = W * (0.04 + rand() * 0.12);
    const ry = H * (0.006 + rand() * 0.014);
    const near = Math.max(0, 1 - Math.abs(cx - sunX) / (W * 0.5));
    const lit = cy / horizon;
    const r = Math.round(150 + 105 * lit);
    const g = Math.round(70 + 90 * lit * (0.5 + near * 0.5));
    const b = Math.round(120 - 40 * lit);
    ctx.fillStyle = `rgba(${r},${g},${b},${(0.25 + 0.4 * near).toFixed(3)})`;
    ctx.beginPath();
    ctx.ellipse(cx, cy, rx, ry, 0, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = `rgba(255,${Math.min(255, g + 60)},160,${(0.15 + 0.35 * near * lit).toFixed(3)})`;
    ctx.beginPath();
    ctx.ellipse(cx + rx * 0.1, cy + ry * 0.5, rx * 0.7, ry * 0.45, 0, 0, Math.PI * 2);
    ctx.fill();
  }
}

/** A silhouette band: fills under a ridge line with a vertical gradient. */
function band(p: Painter, pts: number[], base: number, amp: number, top: string, bottom: string, toY = p.H): void {
  const { ctx, W } = p;

    const grad = ctx.createLinearGradient(0, base - amp, 0, toY);
    grad.addColorStop(0, top);
    grad.addColorStop(1, bottom);
    ctx.fillStyle = grad;
    ctx.beginPath();
    ctx.moveTo(0, toY);
    pts.forEach((h, i) => ctx.lineTo((i / (pts.length - 1)) * W, base - h * amp));
    ctx.lineTo(W, toY);
    ctx.closePath();
    ctx.fill();
}

/** Far ranges: hazy violet, soft peaks. */
function paintFarRanges(p: Painter): void {
  const { H, rand, horizon } = p;
  // far ranges: hazy violet, soft peaks
  band(p, ridge(rand, 512, 9, 0.5).map((h) => h + 0.55), horizon - H * 0.01, H * 0.1, '#a06a8a', '#c98a7a', horizon + H * 0.05);
  band(p, ridge(rand, 512, 14, 0.55).map((h) => h + 0.4), horizon + H * 0.02, H * 0.07, '#84506e', '#b4706a', horizon + H * 0.08);
}

/** Mid-distance mesas and buttes: flat tops, steep cliffs, sun-side faces lit. */
function paintMesas(p: Painter): void {
  const { ctx, W, H, rand, horizon, sunX } = p;
  // mid-distance mesas and buttes: flat tops, steep cliffs, sun-side faces lit
  const mesas = [
    { x: 0.08, w: 0.16, h: 0.2 }, { x: 0.3, w: 0.09, h: 0.14 }, { x: 0.42, w: 0.05, h: 0.19 },
    { x: 0.74, w: 0.12, h: 0.16 }, { x: 0.9, w: 0.14, h: 0.22 }, { x: 0.62, w: 0.035, h: 0.12 },
  ];
  for (const m of mesas) {
    const x0 = (m.x - m.w / 2) * W;
    const x1 = (m.x + m.w / 2) * W;
    const base = horizon + H * 0.06;
    const top = base - m.h * H;
    const talus = m.w * W * 0.18;
    const grad = ctx.createLinearGradient(0, top, 0, base);
    grad.addColorStop(0, '#b8583e');
    grad.addColorStop(0.55, '#7a3430');
    grad.addColorStop(1, '#4a2229');
    ctx.fillStyle = grad;
    ctx.beginPath();
    ctx.moveTo(x0 - talus, base);
    ctx.lineTo(x0 - talus * 0.3, base - (base - top) * 0.35);
    ctx.lineTo(x0, top + (base - top) * 0.08);
    ctx.lineTo(x0 + talus * 0.15, top);
    const steps = 8;
    for (let i = 1; i <= steps; i++) ctx.lineTo(x0 + talus * 0.15 + ((x1 - x0 - talus * 0.3) * i) / steps, top - (rand() - 0.5) * H * 0.006);
    ctx.lineTo(x1, top + (base - top) * 0.1);
    ctx.lineTo(x1 + talus * 0.3, base - (base - top) * 0.4);
    ctx.lineTo(x1 + talus, base);
    ctx.closePath();
    ctx.fill();
    // the face turned toward the sun catches the light
    const facing = m.x * W < sunX ? 1 : -1;
    ctx.save();
    ctx.clip();
    const edge = facing > 0 ? x1 : x0;
    const lit = ctx.createLinearGradient(edge, 0, edge - facing * m.w * W * 0.6, 0);
    lit.addColorStop(0, 'rgba(255,170,90,0.55)');
    lit.addColorStop(1, 'rgba(255,170,90,0)');
    ctx.fillStyle = lit;
    ctx.fillRect(x0 - talus, top - 4, x1 - x0 + talus * 2, base - top + 8);
    // strata
    for (let k = 1; k < 6; k++) {
      ctx.fillStyle = `rgba(40,15,20,${(0.08 + (k % 2) * 0.07).toFixed(2)})`;
      ctx.fillRect(x0 - talus, top + (base - top) * (k / 6.5), x1 - x0 + talus * 2, Math.max(1, H * 0.004));
    }
    ctx.restore();
  }
}

/** Desert floor: warm near the horizon, darker toward the viewer. */
function paintFloor(p: Painter): void {
  const { ctx, W, H, rand, horizon } = p;
  // desert floor: warm near the horizon, darker toward the viewer
  const floor = ctx.createLinearGradient(0, horizon + H * 0.04, 0, H);
  floor.addColorStop(0, '#b9663f');
  floor.addColorStop(0.4, '#8a4530');
  floor.addColorStop(1, '#3b1d1b');
  ctx.fillStyle = floor;
  ctx.beginPath();
  const floorLine = ridge(rand, 64, 6, 0.4, 2);
  ctx.moveTo(0, H);
  floorLine.forEach((h, i) => ctx.lineTo((i / 64) * W, horizon + H * 0.055 + h * H * 0.008));
  ctx.lineTo(W, H);
  ctx.fill();
}

/** A dry riverbed winding toward the sun, holding the sky's reflection. */
function paintRiver(p: Painter): void {
  const { ctx, W, H, horizon, sunX } = p;
  // a dry riverbed winding toward the sun, holding the sky's reflection
  ctx.save();
  ctx.globalCompositeOperation = 'lighter';
  const river = ctx.createLinearGradient(0, horizon + H * 0.06, 0, H);
  river.addColorStop(0, 'rgba(255,190,110,0.55)');
  river.addColorStop(1, 'rgba(160,80,90,0.15)');
  ctx.fillStyle = river;
  ctx.beginPath();
  const rTop = horizon + H * 0.062;
  const bank = (f: number, side: number): [number, number] => {
    const x = sunX + Math.sin(f * 5.2) * W * 0.09 * f - W * 0.18 * f * f;
    return [x + side * W * (0.002 + 0.045 * f * f), rTop + (H - rTop) * f];
  };
  for (let i = 0; i <= 24; i++) ctx.lineTo(...bank(i / 24, 1));
  for (let i = 24; i >= 0; i--) ctx.lineTo(...bank(i / 24, -1));
  ctx.closePath();
  ctx.fill();
  ctx.restore();
}

/** Near canyon walls framing both ends, with strata. */
function paintWalls(p: Painter): void {
  const { ctx, W, H, rand } = p;
  // near canyon walls framing both ends, with strata
  const wall = (fromLeft: boolean): void => {
    const pts = ridge(rand, 96, 5, 0.5, 3);
    const reach = W * 0.2;
    ctx.beginPath();
    const x0 = fromLeft ? 0 : W;
    ctx.moveTo(x0, H);
    for (let i = 0; i <= 96; i++) {
      const f = i / 96;
      const x = fromLeft ? f * reach : W - f * reach;
      // terraced cliff: steep faces between flat ledges, as canyon sandstone weathers
      const g = f * f * 5;
      const step = Math.floor(g);
      const fr = g - step;
      const t = fr < 0.55 ? 0 : (fr - 0.55) / 0.45;
      const y = H * (0.2 + ((step + t * t * (3 - 2 * t)) / 5) * 0.62) + pts[i]! * H * 0.02;
      ctx.lineTo(x, y);
    }
    ctx.lineTo(fromLeft ? reach : W - reach, H);
    ctx.closePath();
    const g = ctx.createLinearGradient(0, H * 0.2, 0, H);
    g.addColorStop(0, fromLeft ? '#6a2e26' : '#8a3f2c');
    g.addColorStop(1, '#24100f');
    ctx.fillStyle = g;
    ctx.fill();
    ctx.save();
    ctx.clip();
    for (let k = 0; k < 14; k++) {
      ctx.fillStyle = `rgba(${k % 3 === 0 ? '255,150,90' : '20,8,8'},${k % 3 === 0 ? 0.12 : 0.18})`;
      const y = H * (0.24 + k * 0.055) + rand() * H * 0.01;
      ctx.fillRect(fromLeft ? 0 : W - reach, y, reach, H * 0.006 + rand() * H * 0.01);
    }
    ctx.restore();
  };
  wall(true);
  wall(false);
}

/** Foreground rocks and saguaro silhouettes. */
function paintForeground(p: Painter): void {
  const { ctx, W, H, rand, sq } = p;
  // foreground rocks and saguaro silhouettes
  ctx.fillStyle = '#1c0c0d';
  for (let i = 0; i < 14; i++) {
    const x = rand() * W;
    const r = W * (0.006 + rand() * 0.02);
    ctx.beginPath();
    ctx.ellipse(x, H - r * 0.2, r, r * sq * 0.7, 0, Math.PI, 0);
    ctx.fill();
  }
  const cactus = (x: number, h: number): void => {
    const w = h * 0.1;
    const trunk = (cx: number, y0: number, y1: number, cw: number): void => {
      ctx.fillRect(cx - cw / 2, y1, cw, y0 - y1);
      ctx.beginPath();
      ctx.ellipse(cx, y1, cw / 2, (cw / 2) * sq, 0, Math.PI, 0);
      ctx.fill();
    };
    trunk(x, H, H - h, w);
    const ax = w * 1.6;
    ctx.fillRect(x - ax, H - h * 0.45 - w * 0.3, ax, w * 0.55);
    trunk(x - ax + w * 0.35, H - h * 0.45, H - h * 0.72, w * 0.7);
    ctx.fillRect(x, H - h * 0.6 - w * 0.3, ax * 0.9, w * 0.5);
    trunk(x + ax * 0.9 - w * 0.3, H - h * 0.6, H - h * 0.85, w * 0.6);
  };
  cactus(W * 0.24, H * 0.26);
  cactus(W * 0.81, H * 0.2);
  cactus(W * 0.37, H * 0.12);
}

/** Warm haze along the horizon ties the layers together. */
function paintHaze(p: Painter): void {
  const { ctx, W, H, horizon } = p;
  // warm haze along the horizon ties the layers together
  const haze = ctx.createLinearGradient(0, horizon - H * 0.08, 0, horizon + H * 0.1);
  haze.addColorStop(0, 'rgba(255,180,120,0)');
  haze.addColorStop(0.5, 'rgba(255,170,110,0.22)');
  haze.addColorStop(1, 'rgba(255,170,110,0)');
  ctx.fillStyle = haze;
  ctx.fillRect(0, horizon - H * 0.08, W, H * 0.18);
}

// In this order: each layer draws over the last, and takes its random numbers after the last's.
const LAYERS = [paintSky, paintStars, paintSun, paintClouds, paintFarRanges, paintMesas, paintFloor, paintRiver, paintWalls, paintForeground, paintHaze];
export const LED_LAYERS = LAYERS.length;

/** The picture painted layer by layer, a step each (start-up runs them in slices). */
function* ledSceneSteps(width: number, height: number): Steps<HTMLCanvasElement> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', SOFTWARE_CANVAS);
  if (!ctx) return canvas;
  const W = width;
  const H = height;
  const p: Painter = { ctx, W, H, rand: seededRandom(0x5eed1234), sq: (H / W) * LED_DISPLAY_ASPECT, horizon: H * 0.7, sunX: W * 0.57, sunY: H * 0.585 };
  for (const step of LAYERS) {
    step(p);
    yield;
  }
  return canvas;
}

/** The LED picture as a texture for the screen material (LED wall and on-set monitors). */
export function* ledTextureSteps(): Steps<THREE.CanvasTexture> {
  const texture = new THREE.CanvasTexture(yield* ledSceneSteps(2048, 512));
  texture.colorSpace = THREE.SRGBColorSpace;
  texture.anisotropy = 4;
  texture.wrapS = THREE.ClampToEdgeWrapping;
  texture.wrapT = THREE.ClampToEdgeWrapping;
  return texture;
}
