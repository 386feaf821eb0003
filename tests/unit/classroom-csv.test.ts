import { describe, expect, it } from 'vitest';
import { resultsCsv } from '../../src/classroom/csv';
import { createSession, reduce, type SessionEvent, type SessionState } from '../../src/classroom/session';
import { catalog } from './classroom/fixtures';

function session(events: SessionEvent[]): SessionState {
  let s = createSession({ code: 'ACD37', tokenHash: 'h', conn: 'tc', cap: 60, now: 0 });
  for (const e of events) s = reduce(s, e, 1).state;
  return s;
}
const join = (n: string): SessionEvent => ({ type: 'join', conn: `c-${n}`, id: `id-${n}`, nickname: n, device: 'vr', tokenHash: `h-${n}` });

describe('results CSV', () => {
  it('one row per student: stations, activities, roles, score and each answer', () => {
    const s = session([
      join('Ana'),
      { type: 'command', conn: 'tc', command: { type: 'roles', assign: { 'sound-mixer': 'id-Ana' } } },
      { type: 'report', conn: 'c-Ana', station: 'camera' },
      { type: 'report', conn: 'c-Ana', station: 'sound', activity: 'slate-clap' },
      { type: 'command', conn: 'tc', command: { type: 'quiz', questions: catalog.quiz.slice(0, 2), reset: false } },
      { type: 'answer', conn: 'c-Ana', question: 'stages-in-order', choice: 2 },
      { type: 'answer', conn: 'c-Ana', question: 'led-wall', choice: 0 },
    ]);
    const [header, row, last] = resultsCsv(s).split('\r\n');
    expect(header).toBe('nickname,device,status,roles,stations,stations_visited,activities,quiz_score,quiz_answered,quiz_stages-in-order,quiz_led-wall');
    expect(row).toBe('Ana,vr,connected,sound-mixer,camera; sound,2,slate-clap,1,2,C (right),A');
    expect(last).toBe('');
  });

  it('no nickname can become a spreadsheet formula; quotes and commas are escaped', () => {
    const s = session([join('=HYPERLINK("x")'), join('+1'), join('@SUM(A1)'), join('-2'), join('a,b "c"')]);
    const rows = resultsCsv(s).split('\r\n').slice(1, 6).map((r) => r.split(',vr,')[0]);
    expect(rows).toEqual([`"'=HYPERLINK(""x"")"`, `"'+1"`, `"'@SUM(A1)"`, `"'-2"`, `"a,b ""c"""`]);
  });
});
