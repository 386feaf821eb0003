import type { StationDef, Vec2 } from './types';

/**
 * Where things stand on the floor, from a station's content: where the visitor looks from, and
 * where a prop or crew member placed in the station's own frame ends up. Shared by the set builder
 * and the content checks, so both measure the same place.
 */
export const DEFAULT_VIEW_DISTANCE = 3.2;
export const DEG = Math.PI / 180;

/** Where the visitor stands to look at a station: viewDistance in front of it along its facing. */
export function viewSpot(station: { position: readonly [number, number]; facing: number; viewDistance?: number }): [number, number] {
  const d = station.viewDistance ?? DEFAULT_VIEW_DISTANCE;
  const rad = station.facing * DEG;
  return [station.position[0] + Math.sin(rad) * d, station.position[1] + Math.cos(rad) * d];
}

/**
 * World floor position of a prop or crew member placed `at` in a station's own frame: the offset
 * turned by the station's facing about the vertical axis, then added to its origin. This is the
 * placement src/set/build-set.ts makes (translate to the origin, rotateY(facing), translate(at));
 * a unit test holds the two together with three.js's own matrices.
 */
export function placeInStation(station: Pick<StationDef, 'position' | 'facing'>, at: Vec2): [number, number] {
  const rad = station.facing * DEG;
  const c = Math.cos(rad);
  const s = Math.sin(rad);
  return [station.position[0] + at[0] * c + at[1] * s, station.position[1] - at[0] * s + at[1] * c];
}
