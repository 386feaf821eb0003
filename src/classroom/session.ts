/**
 * The classroom session as a pure state machine: `reduce(state, event, now) → { state, effects,
 * reply }`. No sockets, no timers: the server turns messages into events, stores the state and
 * carries out the effects (send a view to an audience, drop a superseded connection, log a line).
 * Identity is by connection: a student event names the connection it came on, and only the
 * connection that holds the teacher's place may command (checked here as well as in the server).
 * The state is plain JSON so it can live in Redis; it is never mutated, only replaced.
 */
import { resultsCsv } from './csv';
import { nicknameKey } from './names';
import type { Device, ErrorCode, QuizKey, Reply, ServerEvents, TakeLog } from './protocol';
import { LIMITS } from './protocol';
import { actTake, advanceTake, cutTake, holdRole, pauseTake, resumeTake, startTake, takeDeadline, type TakeState, type TakeStep } from './take';
import { activeStudents, classView, mateView, rolesOf, studentReply, studentRow, takeLog, takeView, tally, teacherView, youView } from './views';

export interface StudentRecord {
  readonly id: string;
  readonly nickname: string;
  /** nicknameKey(nickname): two students may not share one. */
  readonly key: string;
  readonly device: Device;
  readonly station: string | null;
  /** Stations in first-visit order. */
  readonly visited: readonly string[];
  readonly activities: readonly string[];
  /** question id → choice; the first answer counts. */
  readonly answers: Readonly<Record<string, number>>;
  /** SHA-256 of the student's resume token (the token itself is never stored); null once gone. */
  readonly tokenHash: string | null;
  /** The connection currently speaking for this student; null while disconnected. */
  readonly conn: string | null;
  /** Left or removed: kept for the results, frees the nickname and the place. */
  readonly left: boolean;
  readonly joinedAt: number;
}

export interface SessionState {
  readonly v: 1;
  /** Bumped on every change; views carry it so clients can drop stale ones. */
  readonly rev: number;
  readonly code: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly status: 'open' | 'ended';
  readonly cap: number;
  readonly teacher: { readonly tokenHash: string; readonly conn: string | null; readonly station: string | null };
  readonly follow: boolean;
  readonly paused: boolean;
  readonly locked: boolean;
  readonly gather: { readonly station: string; readonly seq: number } | null;
  readonly quiz: { readonly seq: number; readonly questions: readonly QuizKey[]; readonly open: boolean } | null;
  /** Every question asked in this session (scores, tallies and the results' columns). */
  readonly asked: readonly QuizKey[];
  readonly students: readonly StudentRecord[];
  /** role → student id */
  readonly roles: Readonly<Record<string, string>>;
  /** The current or last take. */
  readonly take: TakeState | null;
  readonly takes: readonly TakeLog[];
}

export type TeacherCommand =
  | { readonly type: 'station'; readonly station: string | null }
  | { readonly type: 'follow'; readonly on: boolean }
  | { readonly type: 'gather'; readonly station: string }
  | { readonly type: 'pause'; readonly paused: boolean }
  | { readonly type: 'lock'; readonly locked: boolean }
  | { readonly type: 'quiz'; readonly questions: readonly QuizKey[]; readonly reset: boolean }
  | { readonly type: 'quiz-end' }
  | { readonly type: 'roles'; readonly assign: Readonly<Record<string, string | null>> }
  | { readonly type: 'remove'; readonly student: string }
  | { readonly type: 'take'; readonly steps: readonly TakeStep[]; readonly leadMs: number }
  | { readonly type: 'cut' }
  | { readonly type: 'end' }
  | { readonly type: 'results' };

export type SessionEvent =
  | { readonly type: 'join'; readonly conn: string; readonly id: string; readonly nickname: string; readonly device: Device; readonly tokenHash: string }
  | { readonly type: 'resume'; readonly conn: string; readonly tokenHash: string }
  | { readonly type: 'teacher-resume'; readonly conn: string; readonly tokenHash: string }
  | { readonly type: 'disconnect'; readonly conn: string }
  | { readonly type: 'leave'; readonly conn: string }
  | { readonly type: 'report'; readonly conn: string; readonly station?: string | null; readonly device?: Device; readonly activity?: string }
  | { readonly type: 'answer'; readonly conn: string; readonly question: string; readonly choice: number }
  | { readonly type: 'cue'; readonly conn: string }
  | { readonly type: 'command'; readonly conn: string; readonly command: TeacherCommand }
  /** Time passed: play the take's due steps. The server sends it at sessionDeadline(). */
  | { readonly type: 'tick' };

export type Audience = 'teacher' | 'students' | 'all' | { readonly student: string };
export type SendEffect = { [K in keyof ServerEvents]: { readonly kind: 'send'; readonly to: Audience; readonly name: K; readonly data: ServerEvents[K] } }[keyof ServerEvents];
export type Effect = SendEffect | { readonly kind: 'drop'; readonly conn: string } | { readonly kind: 'log'; readonly line: string };

export interface Outcome {
  /** The same object as the input when nothing changed (the store then writes nothing). */
  readonly state: SessionState;
  readonly effects: readonly Effect[];
  readonly reply: Reply;
}

export function createSession(o: { code: string; tokenHash: string; conn: string; cap: number; now: number }): SessionState {
  return {
    v: 1, rev: 1, code: o.code, createdAt: o.now, updatedAt: o.now, status: 'open', cap: o.cap,
    teacher: { tokenHash: o.tokenHash, conn: o.conn, station: null },
    follow: false, paused: false, locked: false, gather: null, quiz: null, asked: [],
    students: [], roles: {}, take: null, takes: [],
  };
}

/** When the server must send a `tick` next (the take's next step or window), or null. */
export const sessionDeadline = (s: SessionState): number | null => (s.status === 'open' && s.take ? takeDeadline(s.take) : null);

const OK: Reply = { ok: true };
const fail = (s: SessionState, error: ErrorCode): Outcome => ({ state: s, effects: [], reply: { ok: false, error } });
const same = (s: SessionState, reply: Reply = OK): Outcome => ({ state: s, effects: [], reply });
const send = <K extends keyof ServerEvents>(to: Audience, name: K, data: ServerEvents[K]): Effect => ({ kind: 'send', to, name, data }) as Effect;
const bump = (s: SessionState, patch: Partial<SessionState>, now: number): SessionState => ({ ...s, ...patch, rev: s.rev + 1, updatedAt: now });
const byConn = (s: SessionState, conn: string): StudentRecord | undefined => s.students.find((x) => x.conn === conn && !x.left);
const replace = (s: SessionState, st: StudentRecord): StudentRecord[] => s.students.map((x) => (x.id === st.id ? st : x));

export function reduce(s: SessionState, e: SessionEvent, now: number): Outcome {
  if (e.type === 'tick') return withTake(s, s.take && advanceTake(s.take, now), now, [], OK);
  if (e.type === 'disconnect') return disconnect(s, e.conn, now);
  if (e.type === 'teacher-resume') return teacherResume(s, e.conn, e.tokenHash, now);
  if (e.type === 'command' && e.command.type === 'results') {
    return s.teacher.conn === e.conn ? same(s, { ok: true, csv: resultsCsv(s), takes: s.takes }) : fail(s, 'not-teacher');
  }
  if (s.status === 'ended') return fail(s, 'session-ended');
  switch (e.type) {
    case 'join': return join(s, e, now);
    case 'resume': return resume(s, e.conn, e.tokenHash, now);
    case 'command': return s.teacher.conn === e.conn ? command(s, e.command, now) : fail(s, 'not-teacher');
    default: {
      const st = byConn(s, e.conn);
      if (!st) return fail(s, 'not-joined');
      if (e.type === 'leave') return remove(s, st, now, OK);
      if (e.type === 'report') return report(s, st, e, now);
      if (e.type === 'answer') return answer(s, st, e.question, e.choice, now);
      if (!s.take) return same(s);
      return withTake(s, actTake(s.take, st.id, now).take, now, [], OK);
    }
  }
}

function join(s: SessionState, e: Extract<SessionEvent, { type: 'join' }>, now: number): Outcome {
  if (byConn(s, e.conn)) return fail(s, 'already-joined');
  const active = activeStudents(s);
  if (active.length >= s.cap) return fail(s, 'session-full');
  const key = nicknameKey(e.nickname);
  if (active.some((x) => x.key === key)) return fail(s, 'nickname-taken');
  const st: StudentRecord = { id: e.id, nickname: e.nickname, key, device: e.device, station: null, visited: [], activities: [], answers: {}, tokenHash: e.tokenHash, conn: e.conn, left: false, joinedAt: now };
  const next = bump(s, { students: [...s.students, st] }, now);
  return { state: next, effects: [send('teacher', 'teacher:student', studentRow(next, st)), send('students', 'class:mates', [mateView(next, st)])], reply: studentReply(next, st) };
}

function resume(s: SessionState, conn: string, tokenHash: string, now: number): Outcome {
  const old = s.students.find((x) => !x.left && x.tokenHash === tokenHash);
  if (!old) return fail(s, 'bad-token');
  const st = { ...old, conn };
  let take = s.take;
  if (take) for (const role of rolesOf(s, st.id)) take = holdRole(take, role, st.id, now);
  const next = bump(s, { students: replace(s, st), take }, now);
  const effects: Effect[] = old.conn && old.conn !== conn ? [{ kind: 'drop', conn: old.conn }] : [];
  effects.push(send('teacher', 'teacher:student', studentRow(next, st)), send('students', 'class:mates', [mateView(next, st)]));
  return withTake(s, take, now, effects, studentReply(next, st), next);
}

function teacherResume(s: SessionState, conn: string, tokenHash: string, now: number): Outcome {
  if (tokenHash !== s.teacher.tokenHash) return fail(s, 'bad-token');
  const next = bump(s, { teacher: { ...s.teacher, conn } }, now);
  const effects: Effect[] = s.teacher.conn && s.teacher.conn !== conn ? [{ kind: 'drop', conn: s.teacher.conn }] : [];
  if (s.teacher.conn === null && s.status === 'open') effects.push(send('students', 'class:state', classView(next)));
  return { state: next, effects, reply: { ok: true, code: s.code, view: teacherView(next) } };
}

function disconnect(s: SessionState, conn: string, now: number): Outcome {
  if (s.teacher.conn === conn) {
    const next = bump(s, { teacher: { ...s.teacher, conn: null } }, now);
    return { state: next, effects: s.status === 'open' ? [send('students', 'class:state', classView(next))] : [], reply: OK };
  }
  const old = byConn(s, conn);
  if (!old) return same(s);
  const st = { ...old, conn: null };
  let take = s.take;
  if (take) for (const role of rolesOf(s, st.id)) take = holdRole(take, role, null, now);
  const next = bump(s, { students: replace(s, st), take }, now);
  if (s.status === 'ended') return { state: next, effects: [], reply: OK };
  return withTake(s, take, now, [send('teacher', 'teacher:student', studentRow(next, st)), send('students', 'class:mates', [mateView(next, st)])], OK, next);
}

/** Leaving or being removed: the record stays for the results; its token, roles and place go. */
function remove(s: SessionState, old: StudentRecord, now: number, reply: Reply): Outcome {
  const st: StudentRecord = { ...old, left: true, tokenHash: null, conn: null };
  const roles = Object.fromEntries(Object.entries(s.roles).filter(([, id]) => id !== st.id));
  let take = s.take;
  if (take) for (const role of rolesOf(s, st.id)) take = holdRole(take, role, null, now);
  const next = bump(s, { students: replace(s, st), roles, take }, now);
  const effects: Effect[] = [send('teacher', 'teacher:student', { rev: next.rev, id: st.id, gone: true }), send('students', 'class:mates', [mateView(next, st)])];
  return withTake(s, take, now, effects, reply, next);
}

function report(s: SessionState, st: StudentRecord, e: Extract<SessionEvent, { type: 'report' }>, now: number): Outcome {
  let next = st;
  if (e.station !== undefined && e.station !== st.station) {
    const visited = e.station === null || st.visited.includes(e.station) ? st.visited : [...st.visited, e.station];
    next = { ...next, station: e.station, visited };
  }
  if (e.device !== undefined && e.device !== st.device) next = { ...next, device: e.device };
  if (e.activity !== undefined && !st.activities.includes(e.activity) && st.activities.length < LIMITS.activities) next = { ...next, activities: [...st.activities, e.activity] };
  if (next === st) return same(s);
  const state = bump(s, { students: replace(s, next) }, now);
  const effects = [send('teacher', 'teacher:student', studentRow(state, next))];
  if (next.station !== st.station) effects.push(send('students', 'class:mates', [mateView(state, next)]));
  return { state, effects, reply: OK };
}

function answer(s: SessionState, st: StudentRecord, question: string, choice: number, now: number): Outcome {
  if (!s.quiz?.open || !s.quiz.questions.some((q) => q.id === question)) return fail(s, 'quiz-closed');
  if (st.answers[question] !== undefined) return fail(s, 'already-answered');
  const rec = { ...st, answers: { ...st.answers, [question]: choice } };
  const next = bump(s, { students: replace(s, rec) }, now);
  return { state: next, effects: [send('teacher', 'teacher:student', studentRow(next, rec)), send('teacher', 'teacher:tally', tally(next, question))], reply: OK };
}

function command(s: SessionState, c: TeacherCommand, now: number): Outcome {
  const toAll = (next: SessionState): Outcome => ({ state: next, effects: [send('all', 'class:state', classView(next))], reply: OK });
  switch (c.type) {
    case 'station': {
      if (c.station === s.teacher.station) return same(s);
      const next = bump(s, { teacher: { ...s.teacher, station: c.station } }, now);
      return s.follow ? toAll(next) : same(next);
    }
    case 'follow': return c.on === s.follow ? same(s) : toAll(bump(s, { follow: c.on }, now));
    case 'lock': return c.locked === s.locked ? same(s) : toAll(bump(s, { locked: c.locked }, now));
    case 'gather': return toAll(bump(s, { gather: { station: c.station, seq: (s.gather?.seq ?? 0) + 1 } }, now));
    case 'pause': {
      if (c.paused === s.paused) return same(s);
      const take = s.take && (c.paused ? pauseTake(s.take, now) : resumeTake(s.take, now));
      const next = bump(s, { paused: c.paused }, now);
      return withTake(s, take, now, [send('all', 'class:state', classView({ ...next, take }))], OK, next);
    }
    case 'quiz': return startQuiz(s, c.questions, c.reset, now);
    case 'quiz-end': return s.quiz?.open ? toAll(bump(s, { quiz: { ...s.quiz, open: false } }, now)) : same(s);
    case 'roles': return assignRoles(s, c.assign, now);
    case 'remove': {
      const st = s.students.find((x) => x.id === c.student && !x.left);
      if (!st) return fail(s, 'unknown-student');
      const out = remove(s, st, now, OK);
      const bye: Effect[] = [send({ student: st.id }, 'session:ended', { reason: 'removed' })];
      if (st.conn) bye.push({ kind: 'drop', conn: st.conn });
      return { ...out, effects: [...bye, ...out.effects] };
    }
    case 'take': {
      if (s.take?.status === 'rolling') return fail(s, 'take-running');
      const holders = Object.fromEntries(Object.entries(s.roles).filter(([, id]) => s.students.some((x) => x.id === id && x.conn !== null && !x.left)));
      let take = startTake((s.take?.n ?? 0) + 1, c.steps, holders, now, c.leadMs);
      if (s.paused) take = pauseTake(take, now);
      return withTake(s, take, now, [], OK);
    }
    case 'cut': return s.take?.status === 'rolling' ? withTake(s, cutTake(s.take, now), now, [], OK) : fail(s, 'no-take');
    case 'end': return end(s, now);
    case 'results': return same(s, { ok: true, csv: resultsCsv(s), takes: s.takes });
  }
}

function startQuiz(s: SessionState, questions: readonly QuizKey[], reset: boolean, now: number): Outcome {
  const ids = new Set(questions.map((q) => q.id));
  const students = reset ? s.students.map((st) => ({ ...st, answers: Object.fromEntries(Object.entries(st.answers).filter(([q]) => !ids.has(q))) })) : s.students;
  const asked = [...s.asked, ...questions.filter((q) => !s.asked.some((a) => a.id === q.id))];
  const next = bump(s, { quiz: { seq: (s.quiz?.seq ?? 0) + 1, questions, open: true }, asked, students }, now);
  const effects: Effect[] = [send('all', 'class:state', classView(next)), ...questions.map((q) => send('teacher', 'teacher:tally', tally(next, q.id)))];
  if (reset) for (const st of activeStudents(next)) effects.push(send({ student: st.id }, 'you:state', youView(next, st)), send('teacher', 'teacher:student', studentRow(next, st)));
  return { state: next, effects, reply: OK };
}

function assignRoles(s: SessionState, assign: Readonly<Record<string, string | null>>, now: number): Outcome {
  const active = new Map(activeStudents(s).map((x) => [x.id, x]));
  const roles: Record<string, string> = { ...s.roles };
  const touched = new Set<string>();
  for (const [role, id] of Object.entries(assign)) {
    if (id !== null && !active.has(id)) return fail(s, 'unknown-student');
    const before = roles[role];
    if (before === (id ?? undefined)) continue;
    if (before) touched.add(before);
    if (id === null) {
      delete roles[role];
    } else {
      roles[role] = id;
      touched.add(id);
    }
  }
  if (touched.size === 0) return same(s);
  let take = s.take;
  for (const role of Object.keys(assign)) {
    const holder = roles[role];
    // A running take hands the role over too; to the app while its new holder is not connected.
    if (take) take = holdRole(take, role, holder !== undefined && active.get(holder)?.conn ? holder : null, now);
  }
  const next = bump(s, { roles }, now);
  const effects: Effect[] = [];
  for (const id of touched) {
    const st = active.get(id)!;
    effects.push(send({ student: id }, 'you:state', youView(next, st)), send('teacher', 'teacher:student', studentRow(next, st)));
  }
  return withTake(s, take, now, effects, OK, next);
}

function end(s: SessionState, now: number): Outcome {
  const take = s.take && cutTake(s.take, now);
  const ended = withTake(s, take, now, [], OK);
  const next = bump(ended.state, { status: 'ended', follow: false, locked: false, paused: false, quiz: s.quiz && { ...s.quiz, open: false } }, now);
  const effects: Effect[] = [...ended.effects, send('students', 'session:ended', { reason: 'ended' }), send('all', 'class:state', classView(next)), { kind: 'log', line: `session ${s.code} ended (${activeStudents(s).length} students)` }];
  return { state: next, effects, reply: { ok: true, csv: resultsCsv(next), takes: next.takes } };
}

/**
 * Puts a take (possibly changed) into the state. Tells everyone when it changed; a take that has
 * just finished goes into the log, with a line for the server log. `base` is the state to build
 * on when the caller already changed other things (its rev then already moved).
 */
function withTake(s: SessionState, take: TakeState | null, now: number, effects: readonly Effect[], reply: Reply, base?: SessionState): Outcome {
  if (take === s.take) return base ? { state: base, effects, reply } : { state: s, effects, reply };
  const finished = s.take?.status === 'rolling' && take !== null && take.status !== 'rolling';
  let next = bump(base ?? s, { take }, now);
  if (base) next = { ...next, rev: base.rev }; // one change, one rev
  const out: Effect[] = [...effects];
  if (take) out.push(send('all', 'take:state', takeView(next, take)));
  if (finished && take) {
    const log = takeLog(next, take);
    next = { ...next, takes: [...next.takes, log].slice(-LIMITS.takesLogged) };
    out.push(send('teacher', 'teacher:take-log', log), { kind: 'log', line: `take ${take.n} ${take.status}${take.fault ? ` (${take.fault.kind} ${take.fault.step})` : ''} in ${s.code}` });
  }
  return { state: next, effects: out, reply };
}
