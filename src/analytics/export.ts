import { isTime, type AnalyticsEvent, type AnalyticsSummary } from './log';

/**
 * The analytics log's summary and CSV export: used only by the kiosk's staff screen and the
 * classroom's results, so a normal visit never downloads them (they load with those chunks).
 */

/** Sessions, visits, completions and quiz answers in the log (the staff screen's summary). */
export function summarise(events: readonly AnalyticsEvent[]): AnalyticsSummary {
  let sessions = 0;
  let visits = 0;
  let completed = 0;
  let answers = 0;
  let correct = 0;
  let dwell = 0;
  for (const e of events) {
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

/** One row per event; spreadsheet-safe (quoted where needed, and no cell can start a formula). */
export function toCsv(events: readonly AnalyticsEvent[]): string {
  const header = ['time', 'session', 'event', 'station', 'dwell_s', 'question', 'choice', 'correct', 'language', 'mode', 'xr', 'reason', 'lockout_s', 'take', 'follow', 'activity', 'activity_outcome'];
  const rows = events.map((e) => {
    const row: Record<string, string | number | boolean> = { time: isoTime(e.t), session: e.session, event: e.type };
    if (e.type === 'visit') Object.assign(row, { station: e.station, dwell_s: Math.round(e.dwell * 10) / 10 });
    if (e.type === 'quiz') Object.assign(row, { question: e.question, choice: e.choice, correct: e.correct });
    if (e.type === 'session') Object.assign(row, { language: e.lang, mode: e.mode });
    if (e.type === 'xr') row.xr = e.xr;
    if (e.type === 'end') row.reason = e.reason;
    if (e.type === 'pin-lockout') row.lockout_s = e.seconds;
    if (e.type === 'take') Object.assign(row, { take: e.outcome, follow: e.follow });
    if (e.type === 'activity') Object.assign(row, { activity: e.activity, activity_outcome: e.outcome });
    return header.map((h) => csvCell(Object.hasOwn(row, h) ? row[h]! : ''));
  });
  return [header.map(csvCell).join(','), ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n';
}

/** ISO time of an event; every stored time is in range, so this never throws (empty if it were not). */
function isoTime(t: number): string {
  return isTime(t) ? new Date(t).toISOString() : '';
}

/**
 * Cells a spreadsheet would run as a formula: starting with = + - @ (or their full-width forms
 * ＝＋－＠, which some spreadsheets fold to ASCII), also after leading spaces, tabs or line breaks
 * (trimmed on import), and cells starting with a tab or carriage return (OWASP CSV injection).
 */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u;

/** One CSV cell: a formula-like start gets a leading apostrophe, and the cell is quoted when needed. */
export function csvCell(value: string | number | boolean): string {
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
