/**
 * Local visit analytics: what happened, kept on this device only (localStorage), never sent
 * anywhere. Bounded: the oldest events are dropped past `limit`. Staff export it as CSV (export.ts).
 *
 * The stored log is untrusted input: anyone at the browser (or a broken extension) can rewrite it,
 * so every event read back is rebuilt field by field from what it must be, and anything else is
 * dropped. The CSV is opened in spreadsheets, so no cell can start a formula.
 */
export type AnalyticsEvent =
  | { readonly t: number; readonly type: 'session'; readonly session: string; readonly mode: string; readonly lang: string }
  | { readonly t: number; readonly type: 'visit'; readonly session: string; readonly station: string; readonly dwell: number }
  | { readonly t: number; readonly type: 'complete'; readonly session: string }
  | { readonly t: number; readonly type: 'quiz'; readonly session: string; readonly question: string; readonly choice: number; readonly correct: boolean }
  | { readonly t: number; readonly type: 'xr'; readonly session: string; readonly xr: string }
  | { readonly t: number; readonly type: 'end'; readonly session: string; readonly reason: string }
  /** A take on the hot set: started, stopped, finished, or a role followed ('' = the whole crew). */
  | { readonly t: number; readonly type: 'take'; readonly session: string; readonly outcome: TakeOutcome; readonly follow: string }
  /** A hands-on activity: opened, a try that missed the goal, its goal reached, started again. */
  | { readonly t: number; readonly type: 'activity'; readonly session: string; readonly activity: string; readonly outcome: ActivityOutcome }
  /** The kiosk's staff PIN locked after too many wrong tries, for `seconds`. */
  | { readonly t: number; readonly type: 'pin-lockout'; readonly session: string; readonly seconds: number };

export const TAKE_OUTCOMES = ['started', 'stopped', 'finished', 'followed'] as const;
export type TakeOutcome = (typeof TAKE_OUTCOMES)[number];
export const ACTIVITY_OUTCOMES = ['opened', 'missed', 'done', 'reset'] as const;
export type ActivityOutcome = (typeof ACTIVITY_OUTCOMES)[number];

export const ANALYTICS_KEY = 'backlot:analytics';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Accepted event times: from 1970 to the last millisecond of year 9999. Outside it a Date cannot be
 * written as a plain ISO time (toISOString throws past ±8.64e15 and writes "+010000-…" after 9999).
 */
export const EVENT_TIME_RANGE = { min: 0, max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) } as const;
/** Longest text field kept (ids, modes, reasons are short; a longer one is tampering). */
const MAX_TEXT = 200;
/** Longest dwell kept, seconds (about 115 days): bounds the summary's sum. */
const MAX_DWELL_S = 1e7;
const MAX_CHOICE = 99;

export interface AnalyticsSummary {
  readonly sessions: number;
  readonly visits: number;
  readonly completed: number;
  readonly answers: number;
  readonly correct: number;
  readonly dwellSeconds: number;
}

const own = (record: object, key: string): unknown => (Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;
export const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= EVENT_TIME_RANGE.min && v <= EVENT_TIME_RANGE.max;
const isCount = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= max;

/**
 * The event `raw` stands for, rebuilt from its known fields only, or null when any field has the
 * wrong type or range. Extra fields are not carried along (they would be stored again and again).
 */
export function readEvent(raw: unknown): AnalyticsEvent | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const t = own(raw, 't');
  const session = own(raw, 'session');
  if (!isTime(t) || !isText(session)) return null;
  const f = (key: string): unknown => own(raw, key);
  switch (own(raw, 'type')) {
    case 'session': {
      const mode = f('mode');
      const lang = f('lang');
      return isText(mode) && isText(lang) ? { t, type: 'session', session, mode, lang } : null;
    }
    case 'visit': {
      const station = f('station');
      const dwell = f('dwell');
      return isText(station) && isCount(dwell, MAX_DWELL_S) ? { t, type: 'visit', session, station, dwell } : null;
    }
    case 'complete':
      return { t, type: 'complete', session };
    case 'quiz': {
      const question = f('question');
      const choice = f('choice');
      const correct = f('correct');
      return isText(question) && isCount(choice, MAX_CHOICE) && Number.isInteger(choice) && typeof correct === 'boolean' ? { t, type: 'quiz', session, question, choice, correct } : null;
    }
    case 'xr': {
      const xr = f('xr');
      return isText(xr) ? { t, type: 'xr', session, xr } : null;
    }
    case 'take': {
      const outcome = f('outcome');
      const follow = f('follow');
      return isText(follow) && TAKE_OUTCOMES.some((o) => o === outcome) ? { t, type: 'take', session, outcome: outcome as TakeOutcome, follow } : null;
    }
    case 'activity': {
      const activity = f('activity');
      const outcome = f('outcome');
      return isText(activity) && ACTIVITY_OUTCOMES.some((o) => o === outcome) ? { t, type: 'activity', session, activity, outcome: outcome as ActivityOutcome } : null;
    }
    case 'end': {
      const reason = f('reason');
      return isText(reason) ? { t, type: 'end', session, reason } : null;
    }
    case 'pin-lockout': {
      const seconds = f('seconds');
      return isCount(seconds, 86_400) ? { t, type: 'pin-lockout', session, seconds } : null;
    }
    default:
      return null;
  }
}

export class AnalyticsLog {
  private events: AnalyticsEvent[];
  private readonly limit: number;

  constructor(
    private readonly store: Store | null,
    limit = 3000,
  ) {
    this.limit = Math.max(1, Math.floor(limit));
    this.events = this.read();
  }

  /** The newest `limit` valid events; a corrupt, tampered or unreadable store reads as what is valid in it. */
  private read(): AnalyticsEvent[] {
    let raw: unknown;
    try {
      raw = JSON.parse(this.store?.getItem(ANALYTICS_KEY) ?? '[]');
    } catch {
      return [];
    }
    if (!Array.isArray(raw)) return [];
    // From the newest back, so a huge tampered array costs at most one pass and keeps the newest.
    const kept: AnalyticsEvent[] = [];
    for (let i = raw.length - 1; i >= 0 && kept.length < this.limit; i--) {
      const event = readEvent(raw[i]);
      if (event) kept.push(event);
    }
    return kept.reverse();
  }

  /**
   * Adds an event (one the log could not read back, e.g. a clock gone wrong, is dropped). The
   * in-memory log is the record: when the store refuses the write (full quota, blocked), nothing in
   * memory is thrown away, and the next write tries again with everything.
   */
  add(event: AnalyticsEvent): void {
    const valid = readEvent(event);
    if (!valid) return;
    this.events.push(valid);
    if (this.events.length > this.limit) this.events.splice(0, this.events.length - this.limit);
    try {
      this.store?.setItem(ANALYTICS_KEY, JSON.stringify(this.events));
    } catch {
      /* analytics are best effort: the store keeps its last good copy */
    }
  }

  all(): readonly AnalyticsEvent[] {
    return this.events;
  }

  clear(): void {
    this.events = [];
    try {
      this.store?.removeItem(ANALYTICS_KEY);
    } catch {
      /* nothing kept anyway */
    }
  }
}

export const newSessionId = (): string => Math.random().toString(36).slice(2, 10);
