import { locateJsonError } from './json-locate';
import { checkSchema, propertyPath, type Schema } from './schema-check';
import setSchema from '../../scenes/schema/set.schema.json';
import localeSchema from '../../scenes/schema/locale.schema.json';
import { UI_KEYS, type ContentProblem, type LocaleFile, type SetFile, type UiKey } from './types';

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly ContentProblem[] };

/** UI strings that must carry these placeholders, because the app fills them in. */
export const UI_PLACEHOLDERS: Partial<Record<UiKey, readonly string[]>> = {
  unknownStation: ['{id}'],
  tourProgress: ['{visited}', '{total}'],
  focusHint: ['{title}'],
};

const DEFAULT_VIEW_DISTANCE = 3.2;

/** Where the visitor stands to look at a station: viewDistance in front of it along its facing. */
export function viewSpot(station: { position: readonly [number, number]; facing: number; viewDistance?: number }): [number, number] {
  const d = station.viewDistance ?? DEFAULT_VIEW_DISTANCE;
  const rad = (station.facing * Math.PI) / 180;
  return [station.position[0] + Math.sin(rad) * d, station.position[1] + Math.cos(rad) * d];
}

/** Parses JSON text, reporting a syntax error with the file, line, column and a plain reason. */
export function parseJson(text: string, file: string): Checked<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    const where = locateJsonError(text);
    const message = where
      ? `is not valid JSON (line ${where.line}, column ${where.column}): ${where.reason}`
      : `is not valid JSON: ${(err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ')}`;
    return { ok: false, problems: [{ file, path: '$', message }] };
  }
}

function duplicates<T>(items: readonly T[], key: (item: T) => string, file: string, path: (i: number) => string, what: string, out: ContentProblem[]): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const k = key(item);
    const first = seen.get(k);
    if (first !== undefined) out.push({ file, path: path(i), message: `${what} id "${k}" is used twice (first at index ${first})` });
    else seen.set(k, i);
  });
}

export function validateSet(raw: unknown, file = 'scenes/set.json'): Checked<SetFile> {
  const problems = checkSchema(raw, setSchema as Schema, file);
  if (problems.length > 0) return { ok: false, problems };
  const set = raw as SetFile;
  const p = (path: string, message: string): void => {
    problems.push({ file, path, message });
  };

  duplicates(set.stations, (s) => s.id, file, (i) => `$.stations[${i}].id`, 'station', problems);
  duplicates(set.roles, (r) => r.id, file, (i) => `$.roles[${i}].id`, 'role', problems);
  duplicates(set.departments, (d) => d.id, file, (i) => `$.departments[${i}].id`, 'department', problems);

  duplicates(set.stages, (s) => s.id, file, (i) => `$.stages[${i}].id`, 'stage', problems);

  if (!set.locales.includes(set.defaultLocale)) p('$.defaultLocale', `"${set.defaultLocale}" is not one of locales (${set.locales.join(', ')})`);

  const departments = new Set(set.departments.map((d) => d.id));
  set.roles.forEach((r, i) => {
    if (!departments.has(r.department)) p(`$.roles[${i}].department`, `department "${r.department}" is not defined in $.departments`);
  });

  const halfW = set.soundstage.width / 2;
  const halfD = set.soundstage.depth / 2;
  const inside = (x: number, z: number, margin: number): boolean => Math.abs(x) <= halfW - margin && Math.abs(z) <= halfD - margin;
  if (!inside(set.start.position[0], set.start.position[1], 0.5)) p('$.start.position', 'is outside the soundstage walls');

  // The stages are content: their order in $.stages is the order a film moves through them.
  const stageIds = set.stages.map((s) => s.id);
  const roles = new Set(set.roles.map((r) => r.id));
  const figureOf = new Map<string, string>();
  set.stations.forEach((station, si) => {
    const base = `$.stations[${si}]`;
    if (!stageIds.includes(station.stage)) p(`${base}.stage`, `stage "${station.stage}" is not defined in $.stages`);
    if (!inside(station.position[0], station.position[1], 0.5)) p(`${base}.position`, 'is outside the soundstage walls');
    const [vx, vz] = viewSpot(station);
    if (!inside(vx, vz, 0.4)) p(`${base}.viewDistance`, `puts the visitor's viewing spot (${vx.toFixed(1)}, ${vz.toFixed(1)}) outside the walls; lower it or turn the station`);
    station.crew.forEach((member, ci) => {
      const path = `${base}.crew[${ci}].role`;
      if (!roles.has(member.role)) p(path, `role "${member.role}" is not defined in $.roles`);
      const other = figureOf.get(member.role);
      if (other !== undefined) p(path, `role "${member.role}" already has a crew figure at station "${other}"`);
      else figureOf.set(member.role, station.id);
    });
  });
  set.roles.forEach((r, i) => {
    if (roles.has(r.id) && !figureOf.has(r.id)) p(`$.roles[${i}]`, `role "${r.id}" has no crew figure: add it to one station's crew`);
  });

  const ambience = set.audio?.ambience ?? {};
  const isAmbience = (id: string): boolean => Object.prototype.hasOwnProperty.call(ambience, id);
  if (set.audio?.bed !== undefined && !isAmbience(set.audio.bed)) p('$.audio.bed', `"${set.audio.bed}" is not defined in $.audio.ambience`);
  set.stations.forEach((station, si) => {
    if (station.ambience !== undefined && !isAmbience(station.ambience)) p(`$.stations[${si}].ambience`, `"${station.ambience}" is not defined in $.audio.ambience`);
  });
  for (const [id, a] of Object.entries(ambience)) {
    if (a.loop[1] <= 0) p(`${propertyPath('$.audio.ambience', id)}.loop`, 'the loop length must be more than 0 ms');
  }

  const stationIds = new Set(set.stations.map((s) => s.id));
  set.kiosk?.attractStations?.forEach((id, i) => {
    if (!stationIds.has(id)) p(`$.kiosk.attractStations[${i}]`, `"${id}" is not a station id`);
  });
  const inTour = new Set<string>();
  set.tour.forEach((id, i) => {
    if (!stationIds.has(id)) p(`$.tour[${i}]`, `"${id}" is not a station id`);
    else if (inTour.has(id)) p(`$.tour[${i}]`, `"${id}" is in the tour twice`);
    inTour.add(id);
  });
  for (const id of stationIds) if (!inTour.has(id)) p('$.tour', `station "${id}" is missing from the tour`);
  // The guided tour follows the production stages: a station may not come before an earlier stage's.
  const stageIndex = new Map(set.stations.map((s) => [s.id, stageIds.indexOf(s.stage)]));
  let latest = -1;
  set.tour.forEach((id, i) => {
    const stage = stageIndex.get(id);
    if (stage === undefined || stage < 0 || set.tour.indexOf(id) !== i) return; // unknown or repeated: reported above
    if (stage < latest) p(`$.tour[${i}]`, `"${id}" (${stageIds[stage]}) comes after a ${stageIds[latest]} station; the tour must follow the production stages in order`);
    latest = Math.max(latest, stage);
  });

  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: set };
}

/** Checks one locale file against the set: every station, role, stage and department needs its text. */
export function validateLocale(raw: unknown, set: SetFile, file: string, expectedCode?: string): Checked<LocaleFile> {
  const problems = checkSchema(raw, localeSchema as Schema, file);
  if (problems.length > 0) return { ok: false, problems };
  const locale = raw as LocaleFile;
  const p = (path: string, message: string): void => {
    problems.push({ file, path, message });
  };
  if (expectedCode !== undefined && locale.locale !== expectedCode) p('$.locale', `is "${locale.locale}" but the file is for "${expectedCode}"`);

  const needs = (section: 'stages' | 'departments' | 'stations' | 'roles', ids: readonly string[], what: string): void => {
    const have = locale[section];
    for (const id of ids) if (!Object.hasOwn(have, id)) p(propertyPath(`$.${section}`, id), `is missing: ${what} "${id}" (scenes/set.json) needs its text`);
    const known = new Set(ids);
    for (const id of Object.keys(have)) if (!known.has(id)) p(propertyPath(`$.${section}`, id), `"${id}" is not a ${what} in scenes/set.json (check the spelling)`);
  };
  needs('stages', set.stages.map((s) => s.id), 'stage');
  needs('departments', set.departments.map((d) => d.id), 'department');
  needs('stations', set.stations.map((s) => s.id), 'station');
  needs('roles', set.roles.map((r) => r.id), 'role');

  for (const key of UI_KEYS) {
    for (const placeholder of UI_PLACEHOLDERS[key] ?? []) {
      if (!locale.ui[key].includes(placeholder)) p(`$.ui.${key}`, `must contain the placeholder ${placeholder}`);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: locale };
}

export function formatProblem(problem: ContentProblem): string {
  return `${problem.file} ${problem.path}: ${problem.message}`;
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
