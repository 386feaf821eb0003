import { WALL, type LedParams, type TimeDef, type WallPlacement, type WeatherDef } from './params';

/**
 * The light the LED wall throws on what stands in front of it, as numbers: its colour for a look
 * (linear RGB, the set's vertex-colour space), and how much of it each vertex of the stand-ins and
 * each point of the floor receives. Pure (no three.js): the geometry never moves, so the share of
 * the wall each vertex sees is computed once, and a change of sky is one multiply per vertex.
 */

export type RGB = [number, number, number];

/** sRGB "#rrggbb" to linear RGB (how three.js turns a hex colour into a vertex colour). */
export function linearOf(hex: string, out: RGB = [0, 0, 0]): RGB {
  const n = Number.parseInt(hex.slice(1), 16);
  const channel = (v: number): number => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  out[0] = channel((n >> 16) & 255);
  out[1] = channel((n >> 8) & 255);
  out[2] = channel(n & 255);
  return out;
}

/** The wall's light for a time of day under a weather: the time's colour tinted and dimmed by the weather. */
export function wallLight(time: TimeDef, weather: WeatherDef, out: RGB = [0, 0, 0]): RGB {
  const t = linearOf(time.light);
  const w = linearOf(weather.light);
  const k = time.brightness * weather.brightness;
  out[0] = t[0] * w[0] * k;
  out[1] = t[1] * w[1] * k;
  out[2] = t[2] * w[2] * k;
  return out;
}

/** A lightning strike's light. */
export function flashLight(lightning: LedParams['lightning'], out: RGB = [0, 0, 0]): RGB {
  linearOf(lightning.color, out);
  out[0] *= lightning.brightness;
  out[1] *= lightning.brightness;
  out[2] *= lightning.brightness;
  return out;
}

/** Points spread over the wall's panels and its ceiling strip, in the station's frame (x, y, z triples). */
export function wallSamples(wall: WallPlacement): Float32Array {
  const columns = 7;
  const heights = [WALL.base + 0.5, WALL.base + WALL.height * 0.5, WALL.base + WALL.height - 0.4];
  const out = new Float32Array(columns * (heights.length + 1) * 3);
  const rad = (wall.rotation * Math.PI) / 180;
  const c = Math.cos(rad);
  const s = Math.sin(rad);
  let i = 0;
  const put = (x: number, y: number, z: number): void => {
    // prop frame to station frame: yaw, scale, then the prop's place (as src/set/build-set.ts does)
    out[i++] = wall.at[0] + (x * c + z * s) * wall.scale;
    out[i++] = y * wall.scale;
    out[i++] = wall.at[1] + (-x * s + z * c) * wall.scale;
  };
  for (let k = 0; k < columns; k++) {
    const a = -WALL.arc / 2 + ((k + 0.5) * WALL.arc) / columns;
    for (const y of heights) put(Math.sin(a) * WALL.radius, y, WALL.centreZ - Math.cos(a) * WALL.radius);
    // the ceiling strip, hung in front of the panels' tops
    const r = WALL.radius - WALL.ceilingOut - 0.3;
    put(Math.sin(a) * r, WALL.base + WALL.height + WALL.ceilingRise, WALL.centreZ - Math.cos(a) * r);
  }
  return out;
}

/** Light from every sample reaching a point with a normal: Lambert, with a gentle fall-off over distance. */
function gather(samples: Float32Array, px: number, py: number, pz: number, nx: number, ny: number, nz: number): number {
  let sum = 0;
  for (let k = 0; k < samples.length; k += 3) {
    const dx = samples[k]! - px;
    const dy = samples[k + 1]! - py;
    const dz = samples[k + 2]! - pz;
    const d2 = dx * dx + dy * dy + dz * dz;
    const d = Math.sqrt(d2);
    const lambert = (nx * dx + ny * dy + nz * dz) / d;
    if (lambert > 0) sum += lambert / (1 + d2 / 9);
  }
  return sum;
}

/**
 * Each vertex's share of the wall's light: 1 for a surface facing the wall's middle from 2 m away.
 * A floor of `wrap` stands for the light that reaches round the body from a wall that surrounds it
 * (a volume is a big, wrapping source), so even the side turned away picks up its colour.
 */
export function wallFactors(positions: ArrayLike<number>, normals: ArrayLike<number>, wall: WallPlacement, wrap = 0.5): Float32Array {
  const samples = wallSamples(wall);
  const n = positions.length / 3;
  const out = new Float32Array(n);
  // reference: the middle of the wall's floor line, 2 m out, 1.5 m up, facing it
  const rad = (wall.rotation * Math.PI) / 180;
  const midZ = WALL.centreZ - WALL.radius + 2;
  const rx = wall.at[0] + midZ * Math.sin(rad) * wall.scale;
  const rz = wall.at[1] + midZ * Math.cos(rad) * wall.scale;
  const reference = gather(samples, rx, 1.5, rz, -Math.sin(rad), 0, -Math.cos(rad));
  for (let v = 0; v < n; v++) {
    const i = v * 3;
    // scaled parts (a figure's build) leave normals that are not unit length
    const len = Math.hypot(normals[i]!, normals[i + 1]!, normals[i + 2]!) || 1;
    const direct = gather(samples, positions[i]!, positions[i + 1]!, positions[i + 2]!, normals[i]! / len, normals[i + 1]! / len, normals[i + 2]! / len);
    out[v] = Math.min(1.6, wrap + (1 - wrap) * (direct / reference));
  }
  return out;
}
