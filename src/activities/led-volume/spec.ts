import schema from '../../../scenes/schema/activity-led-volume.schema.json';
import type { Schema } from '../../content/schema-check';
import type { ActivitySpec, ReportAt } from '../types';
import type { SetFile } from '../../content/types';
import { TIME_IDS, WEATHER_IDS, wallCoords, type LedParams, type Look, type WallPlacement } from './params';

/** Every key the activity's words must have: control labels, option labels, what each change teaches. */
const WORDS = [
  'time', 'weather', 'roll',
  ...TIME_IDS.map((id) => `time.${id}`),
  ...WEATHER_IDS.map((id) => `weather.${id}`),
  ...TIME_IDS.map((id) => `said.${id}`),
  ...WEATHER_IDS.map((id) => `said.${id}`),
  'look', 'status', 'statusDone', 'matches', 'rolling', 'rollNext', 'cut', 'rollWrongTime', 'rollWrongWeather',
] as const;

const PLACEHOLDERS = {
  look: ['{time}', '{weather}'],
  status: ['{look}', '{wanted}'],
  statusDone: ['{look}'],
  rollNext: ['{look}'],
  rollWrongTime: ['{have}', '{want}'],
  rollWrongWeather: ['{have}', '{want}'],
} as const;

/** The LED wall at the activity's station, as scenes/set.json places it (null: the station has none). */
export function wallAt(set: SetFile, station: string): WallPlacement | null {
  const prop = set.stations.find((s) => s.id === station)?.props.find((p) => p.type === 'led-wall');
  return prop ? { at: prop.at, rotation: prop.rotation ?? 0, scale: prop.scale ?? 1 } : null;
}

const sameLook = (a: Look, b: Look): boolean => a.time === b.time && a.weather === b.weather;

/** Ids unique, and every look the activity names is one the buttons offer. */
function checkLooks(p: LedParams, report: ReportAt): void {
  const times = new Set<string>();
  p.times.forEach((t, i) => {
    if (times.has(t.id)) report(`$.times[${i}].id`, `"${t.id}" is listed twice`);
    times.add(t.id);
  });
  const weathers = new Set<string>();
  p.weathers.forEach((w, i) => {
    if (weathers.has(w.id)) report(`$.weathers[${i}].id`, `"${w.id}" is listed twice`);
    weathers.add(w.id);
  });
  const offered = (look: Look, at: string): void => {
    if (!times.has(look.time)) report(`${at}.time`, `"${look.time}" is not one of the times offered in $.times`);
    if (!weathers.has(look.weather)) report(`${at}.weather`, `"${look.weather}" is not one of the weathers offered in $.weathers`);
  };
  offered(p.start, '$.start');
  p.requests.forEach((r, i) => {
    offered(r, `$.requests[${i}]`);
    // a request the wall already shows could be rolled without touching a control
    const before = i === 0 ? p.start : p.requests[i - 1]!;
    if (sameLook(r, before)) report(`$.requests[${i}]`, `is the look the wall already shows (${i === 0 ? '$.start' : `$.requests[${i - 1}]`}): the visitor would have nothing to change`);
  });
  const [left, top, right, bottom] = p.frustum;
  if (right - left < 0.1 || bottom - top < 0.1) report('$.frustum', 'must be [left, top, right, bottom] with right at least 0.1 past left and bottom at least 0.1 below top');
  if (p.lightning.maxGap < p.lightning.minGap) report('$.lightning.maxGap', `must be at least minGap (${p.lightning.minGap})`);
}

/** The stand-ins must stand on the stage in front of the wall, not behind it or off its ends. */
function checkPlaces(p: LedParams, report: ReportAt, wall: WallPlacement): void {
  const places: [string, readonly [number, number]][] = [['$.standIn.at', p.standIn.at], ['$.carDoor.at', p.carDoor.at], ['$.chair.at', p.chair.at]];
  for (const [path, at] of places) {
    const { inFront, angle } = wallCoords(at, wall);
    if (inFront < 0.5 || inFront > 4.5) report(path, `is ${inFront.toFixed(2)} m in front of the LED wall: it must stand 0.5 to 4.5 m in front of it, where the wall lights it`);
    else if (Math.abs(angle) > 0.7) report(path, 'is off the end of the LED wall: it must stand in front of the panels');
  }
}

export const spec: ActivitySpec = {
  kind: 'led-volume',
  schema: schema as Schema,
  words: WORDS,
  placeholders: PLACEHOLDERS,
  check(params, report, scope) {
    const p = params as LedParams;
    checkLooks(p, report);
    const wall = wallAt(scope.set, scope.station);
    if (!wall) report('$', `the station "${scope.station}" has no led-wall prop in scenes/set.json: the activity plays on it`);
    else checkPlaces(p, report, wall);
  },
  onModel: true,
};
