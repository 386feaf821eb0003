import { placeInStation } from './geometry';
import type { HotSetDef, SetFile, Vec2 } from './types';

/**
 * Cross-file checks of scenes/set.json's hot set (validate.ts runs them after the schema): roles and
 * stations it names exist, performer and gear ids are unique (the take names both by id), and
 * everything stands inside the walls. Shared with take-check.ts, which places a take's moves the same way.
 */

type Report = (path: string, message: string) => void;

/** How far inside the walls the hot set's things stay, metres (as validate.ts keeps stations'). */
export const HOT_SET_MARGIN = { origin: 0.5, prop: 0.3, figure: 0.3 } as const;

const where = ([x, z]: Vec2): string => `(${x.toFixed(1)}, ${z.toFixed(1)})`;

/**
 * World floor position of `at` in the hot set's own frame, and whether it is `margin` inside the
 * walls: the station convention (placeInStation), so the builder and the checks agree.
 */
export function placeOnHotSet(set: SetFile, hotSet: HotSetDef, at: Vec2, margin: number): { readonly world: string; readonly inside: boolean } {
  const [x, z] = placeInStation(hotSet, at);
  const inside = Math.abs(x) <= set.soundstage.width / 2 - margin && Math.abs(z) <= set.soundstage.depth / 2 - margin;
  return { world: where([x, z]), inside };
}

export function checkHotSet(set: SetFile, p: Report): void {
  const hotSet = set.hotSet;
  if (!hotSet) return;
  const stations = new Set(set.stations.map((s) => s.id));
  hotSet.stations.forEach((id, i) => {
    if (!stations.has(id)) p(`$.hotSet.stations[${i}]`, `"${id}" is not a station id`);
  });
  const roles = new Set(set.roles.map((r) => r.id));
  hotSet.performers.forEach((performer, i) => {
    if (!roles.has(performer.role)) p(`$.hotSet.performers[${i}].role`, `role "${performer.role}" is not defined in $.roles`);
  });
  checkIds(hotSet, p);
  checkHotSetPlacement(set, hotSet, p);
}

/** Performer and gear ids share one namespace: a take's `who` must name exactly one of them. */
function checkIds(hotSet: HotSetDef, p: Report): void {
  const seen = new Map<string, { readonly path: string; readonly what: string }>();
  const note = (id: string, path: string, what: 'performer' | 'gear'): void => {
    const first = seen.get(id);
    if (first === undefined) seen.set(id, { path, what });
    else if (first.what === what) p(path, `${what} id "${id}" is used twice (first at ${first.path})`);
    else p(path, `gear id "${id}" is already a performer's id (${first.path}); scenes/take.json names both by id, so they must differ`);
  };
  hotSet.performers.forEach((performer, i) => note(performer.id, `$.hotSet.performers[${i}].id`, 'performer'));
  hotSet.gear.forEach((gear, i) => note(gear.id, `$.hotSet.gear[${i}].id`, 'gear'));
}

function checkHotSetPlacement(set: SetFile, hotSet: HotSetDef, p: Report): void {
  const M = HOT_SET_MARGIN;
  const origin = placeOnHotSet(set, hotSet, [0, 0], M.origin);
  if (!origin.inside) p('$.hotSet.position', 'is outside the soundstage walls');
  hotSet.props.forEach((prop, i) => {
    const at = placeOnHotSet(set, hotSet, prop.at, M.prop);
    if (!at.inside) p(`$.hotSet.props[${i}].at`, `puts the ${prop.type} at ${at.world}, outside the soundstage walls (keep it ${M.prop} m inside)`);
  });
  hotSet.performers.forEach((performer, i) => {
    const at = placeOnHotSet(set, hotSet, performer.at, M.figure);
    if (!at.inside) p(`$.hotSet.performers[${i}].at`, `puts ${performer.id} (${performer.role}) at ${at.world}, outside the soundstage walls (keep them ${M.figure} m inside)`);
  });
  hotSet.gear.forEach((gear, i) => {
    const at = placeOnHotSet(set, hotSet, gear.at, M.prop);
    if (!at.inside) p(`$.hotSet.gear[${i}].at`, `puts the ${gear.type} "${gear.id}" at ${at.world}, outside the soundstage walls (keep it ${M.prop} m inside)`);
  });
}
