/**
 * Free teleport: the arc a visitor throws from their hand to the floor, and whether they may land
 * there. Pure maths on plain numbers (no three.js), so it is unit-tested without a browser.
 */

export interface Vec3Like {
  x: number;
  y: number;
  z: number;
}

export interface WalkableArea {
  /** Half the soundstage's width (x) and depth (z), metres; the floor is centred on the origin. */
  readonly halfWidth: number;
  readonly halfDepth: number;
  /** Kept free along every wall, metres. */
  readonly margin: number;
}

export interface Arc {
  /** Sample points of the arc, world space, from the hand to the landing point (or the last sample). */
  readonly points: readonly Vec3Like[];
  /** Where the arc meets the floor (y = 0), or null when it never does within reach. */
  readonly landing: Vec3Like | null;
  /** True when the landing point is on the walkable floor. */
  readonly valid: boolean;
}

/** Launch speed (m/s) and gravity (m/s²): reaches about 6 m from a hand held level at 1.2 m. */
export const ARC_SPEED = 7;
export const ARC_GRAVITY = 9.8;
export const ARC_SAMPLES = 24;
const MAX_TIME = 2;

export function isWalkable(x: number, z: number, area: WalkableArea): boolean {
  return Math.abs(x) <= area.halfWidth - area.margin && Math.abs(z) <= area.halfDepth - area.margin;
}

/**
 * Throws a ballistic arc from `origin` along the unit vector `direction` and finds where it lands
 * on the floor plane y = floorY. `points` may be an array from an earlier call: its entries are
 * reused (the arc is recomputed every frame while a visitor aims at the floor).
 */
export function teleportArc(origin: Vec3Like, direction: Vec3Like, area: WalkableArea, floorY = 0, points: Vec3Like[] = []): Arc {
  const vx = direction.x * ARC_SPEED;
  const vy = direction.y * ARC_SPEED;
  const vz = direction.z * ARC_SPEED;
  // Solve floorY = y0 + vy t - g t² / 2 for the later root.
  const a = -ARC_GRAVITY / 2;
  const c = origin.y - floorY;
  const disc = vy * vy - 4 * a * c;
  const tLand = disc >= 0 ? (-vy - Math.sqrt(disc)) / (2 * a) : Infinity;
  const tEnd = Math.min(tLand > 0 ? tLand : Infinity, MAX_TIME);
  points.length = Math.min(points.length, ARC_SAMPLES + 1);
  for (let i = 0; i <= ARC_SAMPLES; i++) {
    const t = (tEnd * i) / ARC_SAMPLES;
    const p = (points[i] ??= { x: 0, y: 0, z: 0 });
    p.x = origin.x + vx * t;
    p.y = origin.y + vy * t + a * t * t;
    p.z = origin.z + vz * t;
  }
  if (!(tLand > 0 && tLand <= MAX_TIME)) return { points, landing: null, valid: false };
  const landing = { x: origin.x + vx * tLand, y: floorY, z: origin.z + vz * tLand };
  return { points, landing, valid: isWalkable(landing.x, landing.z, area) };
}
