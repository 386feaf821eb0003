/**
 * What each audience sees of a session: projections of the state into the protocol's views.
 * Students get the class and a light roster (nickname + station); only the teacher gets rows with
 * scores and answers. No view ever carries a token, a token hash or a connection id.
 */
import type { ClassView, MateView, StudentReply, StudentRow, TakeLog, TakeView, Tally, TeacherView, YouView } from './protocol';
import type { SessionState, StudentRecord } from './session';
import type { TakeState } from './take';

export function classView(s: SessionState): ClassView {
  return {
    rev: s.rev,
    code: s.code,
    status: s.status,
    paused: s.paused,
    locked: s.locked,
    follow: s.follow,
    // Only while following: otherwise where the teacher stands is the teacher's business.
    teacherStation: s.follow ? s.teacher.station : null,
    gather: s.gather,
    quiz: s.quiz ? { seq: s.quiz.seq, questions: s.quiz.questions.map((q) => q.id), open: s.quiz.open } : null,
    teacher: s.teacher.conn !== null,
  };
}

export const rolesOf = (s: SessionState, id: string): string[] => Object.keys(s.roles).filter((r) => s.roles[r] === id);

export function mateView(s: SessionState, st: StudentRecord): MateView {
  const base = { rev: s.rev, id: st.id, nickname: st.nickname, station: st.conn === null ? null : st.station };
  return st.left ? { ...base, station: null, gone: true } : base;
}

export function youView(s: SessionState, st: StudentRecord): YouView {
  return { rev: s.rev, id: st.id, nickname: st.nickname, device: st.device, station: st.station, roles: rolesOf(s, st.id), answers: st.answers, activities: st.activities };
}

/** Right answers among this student's answers to the questions asked so far. */
export function score(s: SessionState, st: StudentRecord): number {
  return s.asked.filter((q) => st.answers[q.id] === q.answer).length;
}

export function studentRow(s: SessionState, st: StudentRecord): StudentRow {
  return {
    rev: s.rev,
    id: st.id,
    nickname: st.nickname,
    device: st.device,
    station: st.station,
    visited: st.visited,
    activities: st.activities,
    answered: s.asked.filter((q) => st.answers[q.id] !== undefined).length,
    score: score(s, st),
    roles: rolesOf(s, st.id),
    connected: st.conn !== null,
  };
}

export function tally(s: SessionState, question: string): Tally {
  const key = s.asked.find((q) => q.id === question);
  const counts = new Array<number>(key?.choices ?? 0).fill(0);
  let answered = 0;
  for (const st of s.students) {
    const c = st.answers[question];
    if (c === undefined) continue;
    answered++;
    if (c < counts.length) counts[c]! += 1;
  }
  return { rev: s.rev, question, counts, answered };
}

export const takeView = (s: SessionState, t: TakeState): TakeView => ({ ...t, rev: s.rev });

export function takeLog(s: SessionState, t: TakeState): TakeLog {
  const holders: Record<string, string> = {};
  for (const [role, id] of Object.entries(t.holders)) holders[role] = s.students.find((x) => x.id === id)?.nickname ?? '';
  return { n: t.n, status: t.status, fault: t.fault, startedAt: t.startedAt, endedAt: t.endedAt, hits: t.hits, holders };
}

export const activeStudents = (s: SessionState): StudentRecord[] => s.students.filter((x) => !x.left);

export function teacherView(s: SessionState): TeacherView {
  return {
    rev: s.rev,
    class: classView(s),
    cap: s.cap,
    students: activeStudents(s).map((st) => studentRow(s, st)),
    tallies: s.asked.map((q) => tally(s, q.id)),
    roles: s.roles,
    take: s.take ? takeView(s, s.take) : null,
    takes: s.takes,
  };
}

export function studentReply(s: SessionState, st: StudentRecord): StudentReply {
  return {
    ok: true,
    you: youView(s, st),
    class: classView(s),
    mates: activeStudents(s).filter((x) => x.id !== st.id).map((x) => mateView(s, x)),
    take: s.take ? takeView(s, s.take) : null,
  };
}
