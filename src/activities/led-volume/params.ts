/**
 * The LED volume activity's settings (scenes/activities/<id>.json, checked against
 * scenes/schema/activity-led-volume.schema.json) as types, and the wall's shape. Pure: the spec,
 * the logic and the view all read it.
 */

export const TIME_IDS = ['dawn', 'noon', 'sunset', 'night'] as const;
export const WEATHER_IDS = ['clear', 'storm', 'snow'] as const;
export type TimeId = (typeof TIME_IDS)[number];
export type WeatherId = (typeof WEATHER_IDS)[number];

export interface Look {
  readonly time: TimeId;
  readonly weather: WeatherId;
}

type Vec2 = readonly [number, number];

export interface TimeDef {
  readonly id: TimeId;
  /** Overhead, halfway down, at the horizon. */
  readonly sky: readonly [string, string, string];
  readonly body: 'sun' | 'moon';
  /** [across, down] the picture, 0 to 1. */
  readonly bodyAt: Vec2;
  readonly bodyColor: string;
  readonly stars: number;
  /** Far hills, near ground. */
  readonly land: readonly [string, string];
  readonly snow: string;
  readonly light: string;
  readonly brightness: number;
}

export interface WeatherDef {
  readonly id: WeatherId;
  readonly overcast: number;
  readonly overcastColor: string;
  readonly clouds: number;
  readonly cloudColor: string;
  readonly fall: 'none' | 'rain' | 'snow';
  readonly lightning: boolean;
  readonly snowCover: boolean;
  readonly light: string;
  readonly brightness: number;
}

export interface Placed {
  readonly at: Vec2;
  readonly facing: number;
}

export interface LedParams {
  readonly version: 1;
  readonly start: Look;
  readonly requests: readonly Look[];
  readonly times: readonly TimeDef[];
  readonly weathers: readonly WeatherDef[];
  /** What the camera sees of the picture: [left, top, right, bottom], 0 to 1, y down. */
  readonly frustum: readonly [number, number, number, number];
  readonly lightning: { readonly color: string; readonly brightness: number; readonly minGap: number; readonly maxGap: number };
  readonly stage: { readonly color: string; readonly brightness: number };
  readonly pool: { readonly depth: number; readonly brightness: number };
  readonly standIn: Placed & { readonly costume: string };
  readonly carDoor: Placed & { readonly paint: string };
  readonly chair: Placed;
}

/**
 * The curved LED wall as src/set/props/lighting.ts (ledWall) draws it, in the prop's own frame:
 * twelve flat panels on an arc of radius `radius` whose centre is `centreZ` in front of the prop's
 * origin, covering `arc` radians, the picture from `base` to `base + height` above the floor. The
 * activity draws its own picture over those panels, so the two must agree.
 */
export const WALL = {
  radius: 5.2,
  panels: 12,
  arc: 1.6,
  base: 0.35,
  height: 3.6,
  centreZ: 5.2 - 1.4,
  /** The ceiling strip hung above the panels (its tiles: 0.66 m deep, tilted toward the stage). */
  ceilingRise: 0.35,
  ceilingOut: 0.35,
  ceilingTilt: Math.PI / 2 - 0.35,
} as const;

/** The wall prop's placement in the station's frame (from scenes/set.json). */
export interface WallPlacement {
  readonly at: Vec2;
  /** Degrees, as scenes/set.json gives it. */
  readonly rotation: number;
  readonly scale: number;
}

/**
 * Where a point of the station's frame is relative to the wall: its distance in from the panels
 * (negative behind them) and its angle along the arc (0 in the middle). Used to keep the stand-ins
 * in front of the wall and to fade the light's pool.
 */
export function wallCoords(p: Vec2, wall: WallPlacement): { inFront: number; angle: number } {
  const rad = (wall.rotation * Math.PI) / 180;
  const dx = (p[0] - wall.at[0]) / wall.scale;
  const dz = (p[1] - wall.at[1]) / wall.scale;
  // into the prop's frame: undo its yaw
  const x = dx * Math.cos(rad) - dz * Math.sin(rad);
  const z = dx * Math.sin(rad) + dz * Math.cos(rad);
  const rx = x;
  const rz = z - WALL.centreZ;
  const r = Math.hypot(rx, rz);
  return { inFront: (WALL.radius - r) * wall.scale, angle: Math.atan2(rx, -rz) };
}
