/**
 * Local visit analytics: what happened, kept on this device only (localStorage), never sent
 * anywhere. Bounded: the oldest events are dropped past `limit`. Staff export it as CSV.
 */
export type AnalyticsEvent =
  | { readonly t: number; readonly type: 'session'; readonly session: string; readonly mode: string; readonly lang: string }
  | { readonly t: number; readonly type: 'visit'; readonly session: string; readonly station: string; readonly dwell: number }
  | { readonly t: number; readonly type: 'complete'; readonly session: string }
  | { readonly t: number; readonly type: 'quiz'; readonly session: string; readonly question: string; readonly choice: number; readonly correct: boolean }
  | { readonly t: number; readonly type: 'xr'; readonly session: string; readonly xr: string }
  | { readonly t: number; readonly type: 'end'; readonly session: string; readonly reason: string };

export const ANALYTICS_KEY = 'backlot:analytics';
const TYPES = new Set(['session', 'visit', 'complete', 'quiz', 'xr', 'end']);

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface AnalyticsSummary {
  readonly sessions: number;
  readonly visits: number;
  readonly completed: number;
  readonly answers: number;
  readonly correct: number;
  readonly dwellSeconds: number;
}

export class AnalyticsLog {
  private events: AnalyticsEvent[];

  constructor(
    private readonly store: Store | null,
    private readonly limit = 3000,
  ) {
    this.events = this.read();
  }

  private read(): AnalyticsEvent[] {
    let raw: unknown;
    try {
      raw = JSON.parse(this.store?.getItem(ANALYTICS_KEY) ?? '[]');
    } catch {
      return [];
    }
    if (!Array.isArray(raw)) return [];
    return raw.filter((e): e is AnalyticsEvent => typeof e === 'object' && e !== null && typeof e.t === 'number' && TYPES.has(e.type) && typeof e.session === 'string').slice(-this.limit);
  }

  add(event: AnalyticsEvent): void {
    this.events.push(event);
    if (this.events.length > this.limit) this.events.splice(0, this.events.length - this.limit);
    try {
      this.store?.setItem(ANALYTICS_KEY, JSON.stringify(this.events));
    } catch {
      // storage full or blocked: keep the oldest half out and try once more
      this.events.splice(0, this.events.length >> 1);
      try {
        this.store?.setItem(ANALYTICS_KEY, JSON.stringify(this.events));
      } catch {
        /* analytics are best effort */
      }
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

  summary(): AnalyticsSummary {
    let sessions = 0;
    let visits = 0;
    let completed = 0;
    let answers = 0;
    let correct = 0;
    let dwell = 0;
    for (const e of this.events) {
      if (e.type === 'session') sessions++;
      else if (e.type === 'visit') {
        visits++;
        dwell += e.dwell;
      } else if (e.type === 'complete') completed++;
      else if (e.type === 'quiz') {
        answers++;
        if (e.correct) correct++;
      }
    }
    return { sessions, visits, completed, answers, correct, dwellSeconds: Math.round(dwell) };
  }

  /** One row per event; spreadsheet-safe (quoted, and no cell can start a formula). */
  toCsv(): string {
    const header = ['time', 'session', 'event', 'station', 'dwell_s', 'question', 'choice', 'correct', 'language', 'mode', 'xr', 'reason'];
    const rows = this.events.map((e) => {
      const row: Record<string, string | number | boolean> = { time: new Date(e.t).toISOString(), session: e.session, event: e.type };
      if (e.type === 'visit') Object.assign(row, { station: e.station, dwell_s: Math.round(e.dwell * 10) / 10 });
      if (e.type === 'quiz') Object.assign(row, { question: e.question, choice: e.choice, correct: e.correct });
      if (e.type === 'session') Object.assign(row, { language: e.lang, mode: e.mode });
      if (e.type === 'xr') row.xr = e.xr;
      if (e.type === 'end') row.reason = e.reason;
      return header.map((h) => csvCell(row[h] ?? ''));
    });
    return [header.join(','), ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n';
  }
}

export function csvCell(value: string | number | boolean): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const newSessionId = (): string => Math.random().toString(36).slice(2, 10);
