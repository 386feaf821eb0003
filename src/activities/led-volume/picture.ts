import { toolkit } from '../toolkit';

import type { TimeDef, WeatherDef } from './params';

// The set's building kit, from the host (see toolkit.ts for why it is not imported).
const { seededRandom } = toolkit();

/**
 * The world the LED wall plays, painted with Canvas 2D from the look's colours (content): a road
 * running out through hills to the horizon, as for a driving scene shot with a car door in front of
 * the wall. Painted only when the look changes (a few milliseconds on a small canvas); rain and snow
 * are separate small tiles that the view scrolls, so nothing is repainted while they fall.
 */

/** The wall's picture, about its 2.3 : 1 shape so round things stay round. */
export const PICTURE_W = 768;
export const PICTURE_H = 336;
/** Rain and snow tiles, repeated across the wall. */
export const FALL_TILE = 128;

const HORIZON = 0.62;

type Rgb = readonly [number, number, number];

const rgbOf = (hex: string): Rgb => {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
const css = (c: Rgb, alpha = 1): string => `rgba(${Math.round(Math.min(255, c[0]))},${Math.round(Math.min(255, c[1]))},${Math.round(Math.min(255, c[2]))},${alpha.toFixed(3)})`;

/** A colour under the time of day's light: clouds and haze go gold at sunset and blue at night. */
function lit(hex: string, time: TimeDef): Rgb {
  const c = rgbOf(hex);
  const l = rgbOf(time.light);
  const k = Math.min(1, Math.max(0.45, time.brightness)) / 255;
  return [c[0] * l[0] * k, c[1] * l[1] * k, c[2] * l[2] * k];
}

interface Paint {
  readonly ctx: CanvasRenderingContext2D;
  readonly W: number;
  readonly H: number;
  readonly horizon: number;
  readonly time: TimeDef;
  readonly weather: WeatherDef;
  readonly rand: () => number;
}

/** A hill line across the picture: a few sines with seeded phases, `rise` above the horizon. */
function hills(p: Paint, rise: number, bumps: number, color: string | CanvasGradient, toY: number): void {
  const { ctx, W, H, horizon, rand } = p;
  const phases = [rand() * 6.3, rand() * 6.3, rand() * 6.3];
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.moveTo(0, toY);
  for (let i = 0; i <= 96; i++) {
    const x = i / 96;
    const h = 0.55 + 0.3 * Math.sin(x * bumps * 6.28 + phases[0]!) + 0.12 * Math.sin(x * bumps * 15 + phases[1]!) + 0.05 * Math.sin(x * bumps * 41 + phases[2]!);
    ctx.lineTo(x * W, horizon - h * rise * H);
  }
  ctx.lineTo(W, toY);
  ctx.closePath();
  ctx.fill();
}

function paintSky(p: Paint): void {
  const { ctx, W, H, horizon, time, weather, rand } = p;
  const sky = ctx.createLinearGradient(0, 0, 0, horizon);
  sky.addColorStop(0, time.sky[0]);
  sky.addColorStop(0.55, time.sky[1]);
  sky.addColorStop(1, time.sky[2]);
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, W, horizon + 1);
  const stars = Math.round(220 * time.stars * (1 - weather.overcast));
  for (let i = 0; i < stars; i++) {
    const y = rand() ** 1.5 * horizon * 0.8;
    ctx.fillStyle = `rgba(255,250,235,${((1 - y / horizon) * (0.4 + rand() * 0.6)).toFixed(3)})`;
    ctx.fillRect(rand() * W, y, i % 13 === 0 ? 2 : 1, i % 13 === 0 ? 2 : 1);
  }
  // the sun or the moon, dimmed behind cloud
  const clear = 1 - weather.overcast * 0.92;
  const x = time.bodyAt[0] * W;
  const y = time.bodyAt[1] * H;
  const body = rgbOf(time.bodyColor);
  const glowR = time.body === 'sun' ? H * 0.55 : H * 0.22;
  const glow = ctx.createRadialGradient(x, y, 0, x, y, glowR);
  glow.addColorStop(0, css(body, 0.7 * clear));
  glow.addColorStop(0.25, css(body, 0.25 * clear));
  glow.addColorStop(1, css(body, 0));
  ctx.fillStyle = glow;
  ctx.fillRect(x - glowR, y - glowR, glowR * 2, glowR * 2);
  ctx.fillStyle = css(body, clear);
  ctx.beginPath();
  ctx.arc(x, y, time.body === 'sun' ? H * 0.045 : H * 0.038, 0, Math.PI * 2);
  ctx.fill();
  if (time.body === 'moon') {
    // maria: the moon's darker seas
    ctx.fillStyle = `rgba(120,130,160,${(0.35 * clear).toFixed(3)})`;
    for (const [dx, dy, r] of [[-0.3, -0.2, 0.35], [0.25, 0.2, 0.28], [0.1, -0.35, 0.18]] as const) {
      ctx.beginPath();
      ctx.arc(x + dx * H * 0.038, y + dy * H * 0.038, r * H * 0.038, 0, Math.PI * 2);
      ctx.fill();
    }
  }
}

function paintClouds(p: Paint): void {
  const { ctx, W, H, horizon, time, weather, rand } = p;
  if (weather.overcast > 0) {
    // a veil of cloud: thickest overhead, thinning toward the horizon
    const veil = lit(weather.overcastColor, time);
    const g = ctx.createLinearGradient(0, 0, 0, horizon);
    g.addColorStop(0, css(veil, weather.overcast));
    g.addColorStop(1, css(veil, weather.overcast * 0.75));
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, W, horizon + 1);
  }
  const body = lit(weather.cloudColor, time);
  const edge = lit('#ffffff', time);
  const count = Math.round(weather.clouds * 34);
  for (let i = 0; i < count; i++) {
    const cx = rand() * W;
    const cy = H * (0.05 + rand() * 0.42);
    const rx = W * (0.03 + rand() * 0.07) * (0.6 + weather.overcast);
    const ry = rx * (0.28 + rand() * 0.12);
    // lit from above, darker underneath: heavy storm clouds read by their shading
    const shade = ctx.createLinearGradient(0, cy - ry * 1.6, 0, cy + ry);
    shade.addColorStop(0, css(mix(body, edge, 0.3), 0.5 + 0.4 * weather.overcast));
    shade.addColorStop(1, css(mix(body, [0, 0, 0], 0.35 * weather.overcast), 0.5 + 0.4 * weather.overcast));
    for (let b = 0; b < 4; b++) {
      const bx = cx + (b - 1.5) * rx * 0.55;
      const by = cy - Math.sin((b / 3) * Math.PI) * ry * 0.6;
      ctx.fillStyle = shade;
      ctx.beginPath();
      ctx.ellipse(bx, by, rx * 0.55, ry, 0, 0, Math.PI * 2);
      ctx.fill();
    }
    // their undersides catch the low sun, or the moon
    ctx.fillStyle = css(edge, 0.22 * (1 - weather.overcast * 0.7));
    ctx.beginPath();
    ctx.ellipse(cx, cy + ry * 0.45, rx * 1.1, ry * 0.35, 0, 0, Math.PI * 2);
    ctx.fill();
  }
}

function paintLand(p: Paint): void {
  const { ctx, W, H, horizon, time, weather } = p;
  const far = rgbOf(time.land[0]);
  const near = rgbOf(time.land[1]);
  const snow = rgbOf(time.snow);
  const haze = mix(far, rgbOf(time.sky[2]), 0.35);
  const capped = (base: Rgb, rise: number): string | CanvasGradient => {
    if (!weather.snowCover) return css(base);
    const g = ctx.createLinearGradient(0, horizon - rise * H, 0, horizon);
    g.addColorStop(0, css(snow));
    g.addColorStop(0.45, css(mix(snow, base, 0.5)));
    g.addColorStop(1, css(base));
    return g;
  };
  hills(p, 0.2, 2.2, capped(haze, 0.2), horizon + 2);
  hills(p, 0.1, 3.5, capped(mix(far, near, 0.45), 0.1), horizon + 2);
  // the ground, lighter toward the horizon
  const groundTop = weather.snowCover ? snow : mix(near, far, 0.5);
  const groundBottom = weather.snowCover ? mix(snow, near, 0.35) : near;
  const g = ctx.createLinearGradient(0, horizon, 0, H);
  g.addColorStop(0, css(groundTop));
  g.addColorStop(1, css(groundBottom));
  ctx.fillStyle = g;
  ctx.fillRect(0, horizon, W, H - horizon);
}

/** A road to the vanishing point, its centre line, and pines either side shrinking with distance. */
function paintRoad(p: Paint): void {
  const { ctx, W, H, horizon, time, weather, rand } = p;
  const cx = W * 0.5;
  const asphalt = lit(weather.snowCover ? '#5a5e66' : '#3a3a40', time);
  ctx.fillStyle = css(asphalt);
  ctx.beginPath();
  ctx.moveTo(cx - 2, horizon);
  ctx.lineTo(cx + 2, horizon);
  ctx.lineTo(cx + W * 0.2, H);
  ctx.lineTo(cx - W * 0.2, H);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = css(lit('#f0d878', time));
  for (let i = 0; i < 9; i++) {
    const t0 = (i + 0.1) / 9;
    const t1 = (i + 0.55) / 9;
    const y0 = horizon + (H - horizon) * t0 * t0;
    const y1 = horizon + (H - horizon) * t1 * t1;
    const w = 1 + 6 * t1;
    ctx.fillRect(cx - w / 2, y0, w, y1 - y0);
  }
  const pine = mix(rgbOf(time.land[1]), [0, 0, 0], 0.45);
  const snow = rgbOf(time.snow);
  for (let i = 0; i < 14; i++) {
    const t = 0.12 + (i / 14) * 0.88;
    const depth = t * t;
    const y = horizon + (H - horizon) * depth;
    const side = i % 2 === 0 ? -1 : 1;
    const x = cx + side * (W * 0.2 * depth + W * (0.02 + rand() * 0.04) * (0.3 + depth));
    const h = H * (0.04 + 0.2 * depth);
    ctx.fillStyle = css(pine);
    ctx.beginPath();
    ctx.moveTo(x, y - h);
    ctx.lineTo(x + h * 0.28, y);
    ctx.lineTo(x - h * 0.28, y);
    ctx.closePath();
    ctx.fill();
    if (weather.snowCover) {
      ctx.fillStyle = css(snow, 0.9);
      ctx.beginPath();
      ctx.moveTo(x, y - h);
      ctx.lineTo(x + h * 0.12, y - h * 0.58);
      ctx.lineTo(x - h * 0.12, y - h * 0.58);
      ctx.closePath();
      ctx.fill();
    }
  }
}

/** The weather dims and tints the whole world (a storm darkens it, snow cools it). */
function paintWeatherTint(p: Paint): void {
  const { ctx, W, H, weather } = p;
  // half the weather's tint, and less than its dimming: the picture must still read as a place
  const k = Math.min(1, 0.6 + 0.4 * weather.brightness);
  const c = mix([255, 255, 255], rgbOf(weather.light), 0.5);
  if (k >= 1 && weather.light.toLowerCase() === '#ffffff') return;
  ctx.globalCompositeOperation = 'multiply';
  ctx.fillStyle = css([c[0] * k, c[1] * k, c[2] * k]);
  ctx.fillRect(0, 0, W, H);
  ctx.globalCompositeOperation = 'source-over';
}

/** A lightning strike: the sky lights up and a forked bolt runs down to the hills. */
function paintFlash(p: Paint, color: string): void {
  const { ctx, W, H, horizon, rand } = p;
  const c = rgbOf(color);
  ctx.globalCompositeOperation = 'lighter';
  const g = ctx.createLinearGradient(0, 0, 0, horizon);
  g.addColorStop(0, css(c, 0.45));
  g.addColorStop(1, css(c, 0.15));
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, W, horizon);
  ctx.globalCompositeOperation = 'source-over';
  const bolt: [number, number][] = [];
  let x = W * (0.3 + rand() * 0.15);
  for (let y = H * 0.08; y < horizon - H * 0.08; y += H * 0.05) {
    bolt.push([x, y]);
    x += (rand() - 0.5) * W * 0.03;
  }
  for (const [width, alpha] of [[10, 0.25], [3.5, 1]] as const) {
    ctx.strokeStyle = css(c, alpha);
    ctx.lineWidth = width;
    ctx.beginPath();
    bolt.forEach(([bx, by], i) => (i === 0 ? ctx.moveTo(bx, by) : ctx.lineTo(bx, by)));
    ctx.stroke();
  }
}

/**
 * While the camera rolls: the engine draws the tracked camera's view (its inner frustum) in full
 * detail; outside it the wall only has to light the set, so it is shown a little dimmer and framed.
 */
function paintFrustum(p: Paint, frustum: Frustum): void {
  const { ctx, W, H } = p;
  const [l, t, r, b] = [frustum[0] * W, frustum[1] * H, frustum[2] * W, frustum[3] * H];
  ctx.fillStyle = 'rgba(0,0,0,0.38)';
  ctx.fillRect(0, 0, W, t);
  ctx.fillRect(0, b, W, H - b);
  ctx.fillRect(0, t, l, b - t);
  ctx.fillRect(r, t, W - r, b - t);
  ctx.strokeStyle = 'rgba(255,255,255,0.7)';
  ctx.lineWidth = 2;
  ctx.strokeRect(l, t, r - l, b - t);
}

/** The panels' horizontal seams, which the picture covers. */
function paintSeams(p: Paint): void {
  const { ctx, W, H } = p;
  ctx.fillStyle = 'rgba(0,0,0,0.28)';
  for (let r = 1; r < 6; r++) ctx.fillRect(0, Math.round((H * r) / 6), W, 1);
}

/** [left, top, right, bottom] of the picture, 0 to 1, y down. */
export type Frustum = readonly [number, number, number, number];

/**
 * Paints the wall's picture for a look; `flash` (its colour) adds a lightning strike on the same
 * clouds and hills; `frustum` shows the camera's view while it rolls.
 */
export function paintPicture(ctx: CanvasRenderingContext2D, time: TimeDef, weather: WeatherDef, flash: string | null, frustum: Frustum | null): void {
  const W = ctx.canvas.width;
  const H = ctx.canvas.height;
  // a fixed seed: the same look is the same picture every time, and its flash lines up with it
  const p: Paint = { ctx, W, H, horizon: H * HORIZON, time, weather, rand: seededRandom(0x1ed5ca1e) };
  paintSky(p);
  paintClouds(p);
  paintLand(p);
  paintRoad(p);
  paintWeatherTint(p);
  if (flash !== null) paintFlash(p, flash);
  if (frustum !== null) paintFrustum(p, frustum);
  paintSeams(p);
}

/** One tile of falling rain (long slanted streaks) or snow (soft flakes), seamless when repeated. */
export function paintFall(ctx: CanvasRenderingContext2D, kind: 'rain' | 'snow'): void {
  const S = ctx.canvas.width;
  const rand = seededRandom(kind === 'rain' ? 0x4a1 : 0x5e0);
  ctx.clearRect(0, 0, S, S);
  const wrapped = (draw: (ox: number, oy: number) => void): void => {
    for (const ox of [-S, 0, S]) for (const oy of [-S, 0, S]) draw(ox, oy);
  };
  if (kind === 'rain') {
    ctx.strokeStyle = 'rgba(210,222,240,0.4)';
    ctx.lineWidth = 1.3;
    for (let i = 0; i < 30; i++) {
      const x = rand() * S;
      const y = rand() * S;
      const len = 18 + rand() * 16;
      wrapped((ox, oy) => {
        ctx.beginPath();
        ctx.moveTo(x + ox, y + oy);
        ctx.lineTo(x + ox - len * 0.12, y + oy + len);
        ctx.stroke();
      });
    }
    return;
  }
  for (let i = 0; i < 60; i++) {
    const x = rand() * S;
    const y = rand() * S;
    const r = 0.8 + rand() * 1.4;
    ctx.fillStyle = `rgba(255,255,255,${(0.6 + rand() * 0.4).toFixed(3)})`;
    wrapped((ox, oy) => {
      ctx.beginPath();
      ctx.arc(x + ox, y + oy, r, 0, Math.PI * 2);
      ctx.fill();
    });
  }
}
