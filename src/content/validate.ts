import { scanJson } from './json-locate';
import { checkSchema, propertyPath, type Schema } from './schema-check';
import setSchema from '../../scenes/schema/set.schema.json';
import localeSchema from '../../scenes/schema/locale.schema.json';
import { SET_WORD_KEYS, UI_KEYS, type ContentProblem, type LocaleFile, type SetFile, type SetWordKey, type StationDef, type UiKey, type Vec2 } from './types';
import { undrawable } from '../set/pixel-font';
import { placeInStation, viewSpot } from './geometry';
import { checkHotSet } from './hot-set-check';

export { placeInStation, viewSpot } from './geometry';
export { capProblems, deepFreeze, formatProblem, MAX_LISTED_PROBLEMS, totalProblems } from './problems';

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly ContentProblem[] };

/** UI strings that must carry these placeholders, because the app fills them in. */
export const UI_PLACEHOLDERS: Partial<Record<UiKey, readonly string[]>> = {
  unknownStation: ['{id}'],
  tourProgress: ['{visited}', '{total}'],
  focusHint: ['{title}'],
  stageKicker: ['{label}', '{stage}'],
  roleKicker: ['{label}', '{department}'],
  crewFooter: ['{label}', '{names}'],
  previousButton: ['{label}'],
  nextButton: ['{label}'],
  overlayButton: ['{label}', '{key}'],
  quizProgress: ['{label}', '{n}', '{total}'],
  dataClearedSummary: ['{summary}', '{cleared}'],
  saveOfflineProgress: ['{percent}'],
  saveOffline: ['{size}'],
  staffPinLocked: ['{seconds}'],
  activityOpen: ['{title}'],
  activitiesProgress: ['{done}', '{total}'],
  classErrCode: ['{length}'],
  classErrUnknown: ['{code}'],
  classErrTooLong: ['{max}'],
  classBadge: ['{code}', '{nickname}'],
  classGathered: ['{station}'],
  classMatesAt: ['{station}', '{names}'],
  classJoinAt: ['{url}'],
  classQrLabel: ['{code}'],
  classCount: ['{count}', '{cap}'],
  classQuizScore: ['{score}', '{answered}'],
};

/** Set-dressing words the set builder fills in (a sign without its number would be a blank). */
export const SET_WORD_PLACEHOLDERS: Partial<Record<SetWordKey, readonly string[]>> = {
  dayNumber: ['{n}'],
  weekNumber: ['{n}'],
  callTime: ['{time}'],
  sunsetTime: ['{time}'],
  scriptDraft: ['{n}'],
  storyboardScene: ['{n}', '{title}'],
  flatScene: ['{n}'],
  costumeScenes: ['{from}', '{to}'],
  dolly: ['{n}'],
  cameraLetter: ['{letter}'],
};

/** The kiosk PIN scenes/set.json ships with; check-content warns while a museum still uses it. */
export const SHIPPED_STAFF_PIN = '2468';

/** How far inside the walls things must stay, metres: a station's origin, its viewing spot, props and crew. */
const MARGIN = { origin: 0.5, view: 0.4, prop: 0.3, crew: 0.3 } as const;

/** Parses JSON text, reporting a syntax error with the file, line, column and a plain reason. */
export function parseJson(text: string, file: string): Checked<unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (err) {
    const where = scanJson(text).error;
    const message = where
      ? `is not valid JSON (line ${where.line}, column ${where.column}): ${where.reason}`
      : `is not valid JSON: ${(err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ')}`;
    return { ok: false, problems: [{ file, path: '$', message }] };
  }
  // JSON.parse keeps the last of two equal keys without a word; an author must hear about it.
  const scan = scanJson(text);
  const problems: ContentProblem[] = scan.duplicates.map((d) => ({ file, path: d.path, message: `is given twice in the same object (again at line ${d.line}, column ${d.column}); only the last one would count` }));
  if (scan.error) problems.push({ file, path: '$', message: `cannot be read (line ${scan.error.line}, column ${scan.error.column}): ${scan.error.reason}` });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

/** Reports each repeat of an id at its own path, naming where it was first used. */
export function reportDuplicateIds<T>(items: readonly T[], key: (item: T) => string, file: string, path: (i: number) => string, what: string, out: ContentProblem[]): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const k = key(item);
    const first = seen.get(k);
    if (first !== undefined) out.push({ file, path: path(i), message: `${what} id "${k}" is used twice (first at index ${first})` });
    else seen.set(k, i);
  });
}

type Report = (path: string, message: string) => void;

export function validateSet(raw: unknown, file = 'scenes/set.json'): Checked<SetFile> {
  const problems = checkSchema(raw, setSchema as Schema, file);
  if (problems.length > 0) return { ok: false, problems };
  const set = raw as SetFile;
  const p: Report = (path, message) => {
    problems.push({ file, path, message });
  };
  reportDuplicateIds(set.stations, (s) => s.id, file, (i) => `$.stations[${i}].id`, 'station', problems);
  reportDuplicateIds(set.roles, (r) => r.id, file, (i) => `$.roles[${i}].id`, 'role', problems);
  reportDuplicateIds(set.departments, (d) => d.id, file, (i) => `$.departments[${i}].id`, 'department', problems);
  reportDuplicateIds(set.stages, (s) => s.id, file, (i) => `$.stages[${i}].id`, 'stage', problems);
  if (!set.locales.includes(set.defaultLocale)) p('$.defaultLocale', `"${set.defaultLocale}" is not one of locales (${set.locales.join(', ')})`);
  checkCast(set, p);
  checkPlacement(set, p);
  checkHotSet(set, p);
  checkAudio(set, p);
  checkTour(set, p);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: set };
}

/** Departments, stages and roles that stations and crew name exist; every role has one station figure or plays on the hot set. */
function checkCast(set: SetFile, p: Report): void {
  const departments = new Set(set.departments.map((d) => d.id));
  set.roles.forEach((r, i) => {
    if (!departments.has(r.department)) p(`$.roles[${i}].department`, `department "${r.department}" is not defined in $.departments`);
  });
  // The stages are content: their order in $.stages is the order a film moves through them.
  const stageIds = new Set(set.stages.map((s) => s.id));
  const roles = new Set(set.roles.map((r) => r.id));
  const figureOf = new Map<string, string>();
  set.stations.forEach((station, si) => {
    const base = `$.stations[${si}]`;
    if (!stageIds.has(station.stage)) p(`${base}.stage`, `stage "${station.stage}" is not defined in $.stages`);
    station.crew.forEach((member, ci) => {
      const path = `${base}.crew[${ci}].role`;
      if (!roles.has(member.role)) p(path, `role "${member.role}" is not defined in $.roles`);
      const other = figureOf.get(member.role);
      if (other !== undefined) p(path, `role "${member.role}" already has a crew figure at station "${other}"`);
      else figureOf.set(member.role, station.id);
    });
  });
  // A role seen only on the hot set (the actors) still has a figure, a tag and a role card there.
  const onHotSet = new Set(set.hotSet?.performers.map((performer) => performer.role));
  set.roles.forEach((r, i) => {
    if (roles.has(r.id) && !figureOf.has(r.id) && !onHotSet.has(r.id)) p(`$.roles[${i}]`, `role "${r.id}" has no crew figure: add it to one station's crew${set.hotSet ? " or the hot set's performers" : ''}`);
  });
}

/** Nothing stands outside the walls: the start, station origins, viewing spots, props and crew. */
function checkPlacement(set: SetFile, p: Report): void {
  const halfW = set.soundstage.width / 2;
  const halfD = set.soundstage.depth / 2;
  const inside = (x: number, z: number, margin: number): boolean => Math.abs(x) <= halfW - margin && Math.abs(z) <= halfD - margin;
  const where = (x: number, z: number): string => `(${x.toFixed(1)}, ${z.toFixed(1)})`;
  if (!inside(set.start.position[0], set.start.position[1], MARGIN.origin)) p('$.start.position', 'is outside the soundstage walls');
  set.stations.forEach((station, si) => {
    const base = `$.stations[${si}]`;
    if (!inside(station.position[0], station.position[1], MARGIN.origin)) p(`${base}.position`, 'is outside the soundstage walls');
    const [vx, vz] = viewSpot(station);
    if (!inside(vx, vz, MARGIN.view)) p(`${base}.viewDistance`, `puts the visitor's viewing spot ${where(vx, vz)} outside the walls; lower it or turn the station`);
    station.props.forEach((prop, i) => {
      const [x, z] = placeInStation(station, prop.at);
      if (!inside(x, z, MARGIN.prop)) p(`${base}.props[${i}].at`, `puts the ${prop.type} at ${where(x, z)}, outside the soundstage walls (keep it ${MARGIN.prop} m inside)`);
    });
    station.crew.forEach((member, i) => {
      const [x, z] = placeInStation(station, member.at);
      if (!inside(x, z, MARGIN.crew)) p(`${base}.crew[${i}].at`, `puts the ${member.role} at ${where(x, z)}, outside the soundstage walls (keep them ${MARGIN.crew} m inside)`);
    });
  });
}

function checkAudio(set: SetFile, p: Report): void {
  const ambience = set.audio?.ambience ?? {};
  const isAmbience = (id: string): boolean => Object.hasOwn(ambience, id);
  if (set.audio?.bed !== undefined && !isAmbience(set.audio.bed)) p('$.audio.bed', `"${set.audio.bed}" is not defined in $.audio.ambience`);
  set.stations.forEach((station, si) => {
    if (station.ambience !== undefined && !isAmbience(station.ambience)) p(`$.stations[${si}].ambience`, `"${station.ambience}" is not defined in $.audio.ambience`);
  });
  for (const [id, a] of Object.entries(ambience)) {
    if (a.loop[1] <= 0) p(`${propertyPath('$.audio.ambience', id)}.loop`, 'the loop length must be more than 0 ms');
  }
}

/** The tour lists every station once and follows the production stages; attract stations exist. */
function checkTour(set: SetFile, p: Report): void {
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
  const stageIds = set.stages.map((s) => s.id);
  const stageIndex = new Map(set.stations.map((s) => [s.id, stageIds.indexOf(s.stage)]));
  let latest = -1;
  set.tour.forEach((id, i) => {
    const stage = stageIndex.get(id);
    if (stage === undefined || stage < 0 || set.tour.indexOf(id) !== i) return; // unknown or repeated: reported above
    if (stage < latest) p(`$.tour[${i}]`, `"${id}" (${stageIds[stage]}) comes after a ${stageIds[latest]} station; the tour must follow the production stages in order`);
    latest = Math.max(latest, stage);
  });
}

/** Checks one locale file against the set: every station, role, stage and department needs its text. */
export function validateLocale(raw: unknown, set: SetFile, file: string, expectedCode?: string): Checked<LocaleFile> {
  const problems = checkSchema(raw, localeSchema as Schema, file);
  if (problems.length > 0) return { ok: false, problems };
  const locale = raw as LocaleFile;
  const p: Report = (path, message) => {
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
  checkSetWords(locale, p);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: locale };
}

/** The signs' words: their placeholders, and only letters the set's pixel lettering can draw. */
function checkSetWords(locale: LocaleFile, p: (path: string, message: string) => void): void {
  for (const key of SET_WORD_KEYS) {
    const text = locale.setDressing[key];
    for (const placeholder of SET_WORD_PLACEHOLDERS[key] ?? []) {
      if (!text.includes(placeholder)) p(`$.setDressing.${key}`, `must contain the placeholder ${placeholder}`);
    }
    const missing = undrawable(text.replace(/\{\w+\}/g, ''));
    if (missing.length > 0) p(`$.setDressing.${key}`, `has ${missing.map((c) => `"${c}"`).join(', ')}, which the set's sign lettering cannot draw (capitals A–Z with or without accents, Ñ, digits and . : - / ! ¡ ¿ # ' , & ( ) +)`);
  }
}

/** Things that are valid but a museum should hear about before a kiosk goes on show. */
export function contentWarnings(set: SetFile, file = 'scenes/set.json'): ContentProblem[] {
  const warnings: ContentProblem[] = [];
  if (set.kiosk?.staffPin === SHIPPED_STAFF_PIN) {
    warnings.push({
      file,
      path: '$.kiosk.staffPin',
      message: `is still the shipped default "${SHIPPED_STAFF_PIN}": change it before the kiosk goes on show. The PIN is visible to anyone who can load the site and is a lock against visitors, not a secret.`,
    });
  }
  return warnings;
}
