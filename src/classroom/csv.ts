/**
 * The session's results for the teacher: one row per student who joined (also those who left),
 * as CSV that opens cleanly in a spreadsheet. Every cell goes through the analytics export's
 * csvCell, so no nickname can become a formula (=, +, -, @, tab, CR are neutralised) and quotes,
 * commas and new lines are escaped. Pure.
 */
import { csvCell } from '../analytics/export';
import type { SessionState } from './session';
import { rolesOf, score } from './views';

const LETTERS = 'ABCDEFGHIJ';

export function resultsCsv(s: SessionState): string {
  const header = ['nickname', 'device', 'status', 'roles', 'stations', 'stations_visited', 'activities', 'quiz_score', 'quiz_answered', ...s.asked.map((q) => `quiz_${q.id}`)];
  const rows = s.students.map((st) => {
    const status = st.left ? 'left' : st.conn ? 'connected' : 'disconnected';
    const answers = s.asked.map((q) => {
      const c = st.answers[q.id];
      return c === undefined ? '' : `${LETTERS[c] ?? c}${c === q.answer ? ' (right)' : ''}`;
    });
    const answered = s.asked.filter((q) => st.answers[q.id] !== undefined).length;
    return [st.nickname, st.device, status, rolesOf(s, st.id).join('; '), st.visited.join('; '), st.visited.length, st.activities.join('; '), score(s, st), answered, ...answers];
  });
  return [header, ...rows].map((r) => r.map((c) => csvCell(c)).join(',')).join('\r\n') + '\r\n';
}
