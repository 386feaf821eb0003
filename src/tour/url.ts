/**
 * URL parameters: ?station=<id> (QR codes), ?lang=<code>, ?mode=kiosk|lesson|teacher,
 * ?stations=<id>,<id>… (a teacher's lesson stations, in order), ?session=<code> (a student joining
 * a class), ?emulate-xr=vr|ar (tests).
 */

/** `teacher`: an ordinary tour with the classroom dashboard beside it (docs/CLASSROOM.md). */
export const MODES = ['tour', 'kiosk', 'lesson', 'teacher'] as const;
export type Mode = (typeof MODES)[number];
export const XR_EMULATION = ['vr', 'ar'] as const;
export type XrEmulation = (typeof XR_EMULATION)[number];

export interface UrlParams {
  /** A well-formed station id (whether it exists is checked against content later). */
  readonly station: string | null;
  readonly lang: string | null;
  readonly mode: Mode;
  readonly emulateXr: XrEmulation | null;
  /** A teacher's choice of stations for the lesson, in order (well-formed ids; existence is checked later). */
  readonly stations: readonly string[] | null;
  /**
   * ?session=: a student joining a class. The code as typed ('' when the parameter is there but
   * empty: the join screen then asks for it); null without the parameter. Checked by the classroom.
   */
  readonly session: string | null;
  /** Values that were present but rejected, for a console warning. */
  readonly rejected: readonly string[];
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const LANG = /^[a-z]{2,3}(-[A-Z]{2})?$/;

export function parseUrlParams(search: string): UrlParams {
  const q = new URLSearchParams(search);
  const rejected: string[] = [];
  const pick = <T extends string>(name: string, valid: (v: string) => v is T): T | null => {
    const value = q.get(name);
    if (value === null || value === '') return null;
    if (valid(value)) return value;
    rejected.push(`${name}=${value.slice(0, 60)}`);
    return null;
  };
  const station = pick('station', (v): v is string => v.length <= 60 && ID.test(v));
  const lang = pick('lang', (v): v is string => LANG.test(v));
  const mode = pick('mode', (v): v is Mode => (MODES as readonly string[]).includes(v)) ?? 'tour';
  const emulateXr = pick('emulate-xr', (v): v is XrEmulation => (XR_EMULATION as readonly string[]).includes(v));
  const list = pick('stations', (v): v is string => v.length <= 800 && v.split(',').every((id) => ID.test(id)));
  const stations = list ? [...new Set(list.split(','))] : null;
  const session = q.has('session') ? (q.get('session') ?? '').slice(0, 16) : null;
  return { station, lang, mode, emulateXr, stations, session, rejected };
}

/** Unknown station ids are reported as-is (the notice shows them as text, never as HTML). */
export function resolveStation(params: UrlParams, stations: readonly string[], search: string): { station: string | null; unknown: string | null } {
  if (params.station && stations.includes(params.station)) return { station: params.station, unknown: null };
  const raw = new URLSearchParams(search).get('station');
  return { station: null, unknown: raw ? raw.slice(0, 60) : null };
}
