import { describe, expect, it } from 'vitest';
import { createSession, reduce, sessionDeadline, type Effect, type SessionEvent, type SessionState, type TeacherCommand } from '../../src/classroom/session';
import type { Reply, StudentReply, TeacherReply } from '../../src/classroom/protocol';
import { catalog, STEPS } from './classroom/fixtures';

/** Drives one session like the server does: events in, state kept, effects collected. */
function classroom(cap = 60) {
  let now = 1_000_000;
  let s: SessionState = createSession({ code: 'ACD37', tokenHash: 'T-hash', conn: 'tc', cap, now });
  let effects: Effect[] = [];
  const run = (e: SessionEvent): Reply => {
    const out = reduce(s, e, now);
    s = out.state;
    effects = [...out.effects];
    return out.reply;
  };
  return {
    get s() { return s; },
    get effects() { return effects; },
    tick(ms: number) { now += ms; return run({ type: 'tick' }); },
    get now() { return now; },
    run,
    join: (n: string, conn = `c-${n}`) => run({ type: 'join', conn, id: `id-${n}`, nickname: n, device: 'phone', tokenHash: `h-${n}` }),
    teacher: (command: TeacherCommand, conn = 'tc') => run({ type: 'command', conn, command }),
    sent: (name: string) => effects.filter((e) => e.kind === 'send' && e.name === name),
  };
}

describe('joining a session', () => {
  it('a student joins with a nickname and gets the class, classmates and their own record', () => {
    const c = classroom();
    c.join('Ana');
    const r = c.join('Bo') as StudentReply;
    expect(r.ok).toBe(true);
    expect(r.you).toMatchObject({ id: 'id-Bo', nickname: 'Bo', roles: [] });
    expect(r.mates.map((m) => m.nickname)).toEqual(['Ana']);
    expect(r.class).toMatchObject({ code: 'ACD37', status: 'open', teacher: true });
    // The teacher gets the full row, classmates only name and station.
    expect(c.sent('teacher:student')[0]).toMatchObject({ to: 'teacher', data: { nickname: 'Bo', connected: true, score: 0 } });
    expect(c.sent('class:mates')[0]).toMatchObject({ to: 'students', data: [{ nickname: 'Bo', station: null }] });
    expect(JSON.stringify(c.effects)).not.toContain('h-Bo');
  });

  it('a taken nickname (any case), a full session and an ended one are refused with a code', () => {
    const c = classroom(2);
    c.join('Ana');
    expect(c.join('ANA', 'c2')).toEqual({ ok: false, error: 'nickname-taken' });
    c.join('Bo');
    expect(c.join('Cy')).toEqual({ ok: false, error: 'session-full' });
    c.teacher({ type: 'end' });
    expect(c.join('Di')).toEqual({ ok: false, error: 'session-ended' });
    expect(c.run({ type: 'resume', conn: 'x', tokenHash: 'h-Ana' })).toEqual({ ok: false, error: 'session-ended' });
  });

  it('leaving frees the nickname and the place; the record stays for the results', () => {
    const c = classroom(1);
    c.join('Ana');
    expect(c.run({ type: 'leave', conn: 'c-Ana' })).toEqual({ ok: true });
    expect(c.sent('class:mates')[0]).toMatchObject({ data: [{ gone: true }] });
    expect((c.join('Ana', 'c-new') as StudentReply).ok).toBe(true);
    expect(c.s.students).toHaveLength(2);
  });
});

describe('reconnecting', () => {
  it('a student who drops keeps nickname, station and role, and the old connection is dropped', () => {
    const c = classroom();
    c.join('Ana');
    c.teacher({ type: 'roles', assign: { 'sound-mixer': 'id-Ana' } });
    c.run({ type: 'report', conn: 'c-Ana', station: 'sound' });
    c.run({ type: 'disconnect', conn: 'c-Ana' });
    expect(c.sent('teacher:student')[0]).toMatchObject({ data: { connected: false } });
    expect(c.sent('class:mates')[0]).toMatchObject({ data: [{ station: null }] });
    const r = c.run({ type: 'resume', conn: 'c-Ana-2', tokenHash: 'h-Ana' }) as StudentReply;
    expect(r.you).toMatchObject({ nickname: 'Ana', station: 'sound', roles: ['sound-mixer'] });
    // A second device with the same token takes over; the first connection is told to go.
    c.run({ type: 'resume', conn: 'c-Ana-3', tokenHash: 'h-Ana' });
    expect(c.effects).toContainEqual({ kind: 'drop', conn: 'c-Ana-2' });
    expect(c.run({ type: 'report', conn: 'c-Ana-2', station: 'camera' })).toEqual({ ok: false, error: 'not-joined' });
    expect(c.run({ type: 'resume', conn: 'x', tokenHash: 'wrong' })).toEqual({ ok: false, error: 'bad-token' });
  });

  it('the teacher resumes with the teacher token; only the teacher connection may command', () => {
    const c = classroom();
    c.join('Ana');
    expect(c.teacher({ type: 'pause', paused: true }, 'c-Ana')).toEqual({ ok: false, error: 'not-teacher' });
    c.run({ type: 'disconnect', conn: 'tc' });
    expect(c.sent('class:state')[0]).toMatchObject({ data: { teacher: false } });
    expect(c.teacher({ type: 'pause', paused: true })).toEqual({ ok: false, error: 'not-teacher' });
    expect(c.run({ type: 'teacher-resume', conn: 'tc2', tokenHash: 'nope' })).toEqual({ ok: false, error: 'bad-token' });
    const r = c.run({ type: 'teacher-resume', conn: 'tc2', tokenHash: 'T-hash' }) as TeacherReply;
    expect(r.view.students.map((x) => x.nickname)).toEqual(['Ana']);
    expect(c.teacher({ type: 'pause', paused: true }, 'tc2')).toEqual({ ok: true });
    expect(JSON.stringify(r)).not.toContain('T-hash');
  });
});

describe('teacher controls', () => {
  it('follow, gather, pause and lock reach everyone as class state', () => {
    const c = classroom();
    c.join('Ana');
    c.teacher({ type: 'station', station: 'camera' });
    expect(c.effects).toEqual([]); // not following: the teacher's walk is not broadcast
    c.teacher({ type: 'follow', on: true });
    expect(c.sent('class:state')[0]).toMatchObject({ to: 'all', data: { follow: true, teacherStation: 'camera' } });
    c.teacher({ type: 'station', station: 'sound' });
    expect(c.sent('class:state')[0]).toMatchObject({ data: { teacherStation: 'sound' } });
    c.teacher({ type: 'gather', station: 'floor' });
    c.teacher({ type: 'gather', station: 'floor' });
    expect(c.sent('class:state')[0]).toMatchObject({ data: { gather: { station: 'floor', seq: 2 } } });
    c.teacher({ type: 'pause', paused: true });
    expect(c.sent('class:state')[0]).toMatchObject({ data: { paused: true } });
    c.teacher({ type: 'lock', locked: true });
    expect(c.sent('class:state')[0]).toMatchObject({ data: { locked: true, paused: true } });
    const rev = c.s.rev;
    c.teacher({ type: 'lock', locked: true });
    expect(c.s.rev).toBe(rev); // no change, nothing written, nothing sent
  });

  it('a quiz for everyone: first answer counts, counts per choice go to the teacher', () => {
    const c = classroom();
    c.join('Ana');
    c.join('Bo');
    const qs = catalog.quiz.slice(0, 2);
    expect(c.run({ type: 'answer', conn: 'c-Ana', question: 'led-wall', choice: 1 })).toEqual({ ok: false, error: 'quiz-closed' });
    c.teacher({ type: 'quiz', questions: qs, reset: false });
    expect(c.sent('class:state')[0]).toMatchObject({ data: { quiz: { seq: 1, questions: ['stages-in-order', 'led-wall'], open: true } } });
    c.run({ type: 'answer', conn: 'c-Ana', question: 'led-wall', choice: 1 });
    expect(c.run({ type: 'answer', conn: 'c-Ana', question: 'led-wall', choice: 2 })).toEqual({ ok: false, error: 'already-answered' });
    c.run({ type: 'answer', conn: 'c-Bo', question: 'led-wall', choice: 3 });
    expect(c.sent('teacher:tally')[0]).toMatchObject({ to: 'teacher', data: { question: 'led-wall', counts: [0, 1, 0, 1], answered: 2 } });
    expect(c.sent('teacher:student')[0]).toMatchObject({ data: { nickname: 'Bo', answered: 1, score: 0 } });
    c.teacher({ type: 'quiz-end' });
    expect(c.run({ type: 'answer', conn: 'c-Bo', question: 'stages-in-order', choice: 2 })).toEqual({ ok: false, error: 'quiz-closed' });
    c.teacher({ type: 'quiz', questions: qs, reset: true });
    expect(c.run({ type: 'answer', conn: 'c-Ana', question: 'led-wall', choice: 0 })).toEqual({ ok: true });
  });

  it('roles go to students; a student told about it; an unknown student is refused', () => {
    const c = classroom();
    c.join('Ana');
    expect(c.teacher({ type: 'roles', assign: { director: 'id-nobody' } })).toEqual({ ok: false, error: 'unknown-student' });
    c.teacher({ type: 'roles', assign: { director: 'id-Ana', 'sound-mixer': 'id-Ana' } });
    expect(c.sent('you:state')[0]).toMatchObject({ to: { student: 'id-Ana' }, data: { roles: ['director', 'sound-mixer'] } });
    c.teacher({ type: 'roles', assign: { director: null } });
    expect(c.sent('you:state')[0]).toMatchObject({ data: { roles: ['sound-mixer'] } });
  });

  it('removing a student ends the session for them and drops their connection', () => {
    const c = classroom();
    c.join('Ana');
    c.teacher({ type: 'remove', student: 'id-Ana' });
    expect(c.effects).toContainEqual({ kind: 'send', to: { student: 'id-Ana' }, name: 'session:ended', data: { reason: 'removed' } });
    expect(c.effects).toContainEqual({ kind: 'drop', conn: 'c-Ana' });
    expect(c.run({ type: 'resume', conn: 'x', tokenHash: 'h-Ana' })).toEqual({ ok: false, error: 'bad-token' });
  });

  it('ending gives the results CSV and tells the students', () => {
    const c = classroom();
    c.join('Ana');
    c.run({ type: 'report', conn: 'c-Ana', station: 'camera' });
    const r = c.teacher({ type: 'end' });
    expect(r).toMatchObject({ ok: true, csv: expect.stringContaining('Ana,phone,connected,,camera,1') });
    expect(c.sent('session:ended')[0]).toMatchObject({ to: 'students' });
    expect(c.teacher({ type: 'pause', paused: true })).toEqual({ ok: false, error: 'session-ended' });
    expect(c.teacher({ type: 'results' })).toMatchObject({ ok: true, csv: expect.any(String) });
  });
});

describe('a take through the session', () => {
  it('runs with students on their cues and the app on the rest, and is logged', () => {
    const c = classroom();
    c.join('Ana');
    c.join('Bo');
    c.teacher({ type: 'roles', assign: { 'sound-mixer': 'id-Ana', 'camera-operator': 'id-Bo' } });
    c.teacher({ type: 'take', steps: STEPS, leadMs: 1000 });
    expect(c.sent('take:state')[0]).toMatchObject({ to: 'all', data: { n: 1, status: 'rolling', holders: { 'sound-mixer': 'id-Ana', 'camera-operator': 'id-Bo' } } });
    expect(c.teacher({ type: 'take', steps: STEPS, leadMs: 0 })).toEqual({ ok: false, error: 'take-running' });
    expect(sessionDeadline(c.s)).toBe(c.now + 2500);
    c.tick(2500 + 300);
    c.run({ type: 'cue', conn: 'c-Ana' });
    expect(c.s.take?.hits[0]).toMatchObject({ by: 'id-Ana', ms: 300 });
    c.tick(1500 + 200);
    c.run({ type: 'cue', conn: 'c-Bo' });
    c.tick(1000 + 3000); // marker played by the app, then action
    expect(c.s.take?.status).toBe('good');
    expect(c.sent('teacher:take-log')[0]).toMatchObject({ data: { n: 1, status: 'good', holders: { 'sound-mixer': 'Ana' } } });
    expect(c.effects).toContainEqual({ kind: 'log', line: 'take 1 good in ACD37' });
  });

  it('a missed cue and an early one are announced to everyone as no good', () => {
    const c = classroom();
    c.join('Ana');
    c.teacher({ type: 'roles', assign: { 'sound-mixer': 'id-Ana' } });
    c.teacher({ type: 'take', steps: STEPS, leadMs: 0 });
    c.tick(1500 + 4000);
    expect(c.sent('take:state')[0]).toMatchObject({ to: 'all', data: { status: 'no-good', fault: { kind: 'missed', step: 'sound-speed', role: 'sound-mixer' } } });
    c.teacher({ type: 'take', steps: STEPS, leadMs: 0 });
    c.run({ type: 'cue', conn: 'c-Ana' });
    expect(c.sent('take:state')[0]).toMatchObject({ data: { n: 2, status: 'no-good', fault: { kind: 'early', by: 'id-Ana' } } });
    expect(c.s.takes.map((t) => t.status)).toEqual(['no-good', 'no-good']);
  });

  it('a holder who drops out mid-take is covered by the app; back again, they play on', () => {
    const c = classroom();
    c.join('Ana');
    c.teacher({ type: 'roles', assign: { 'sound-mixer': 'id-Ana' } });
    c.teacher({ type: 'take', steps: STEPS, leadMs: 0 });
    c.run({ type: 'disconnect', conn: 'c-Ana' });
    expect(c.s.take?.holders).toEqual({});
    c.run({ type: 'resume', conn: 'c-Ana-2', tokenHash: 'h-Ana' });
    expect(c.s.take?.holders).toEqual({ 'sound-mixer': 'id-Ana' });
    c.tick(1600);
    expect(c.run({ type: 'cue', conn: 'c-Ana-2' })).toEqual({ ok: true });
    expect(c.s.take?.hits[0]?.by).toBe('id-Ana');
  });

  it('pause holds the take; cut stops it; a stale tick changes nothing', () => {
    const c = classroom();
    c.teacher({ type: 'take', steps: STEPS, leadMs: 0 });
    c.teacher({ type: 'pause', paused: true });
    expect(sessionDeadline(c.s)).toBeNull();
    const rev = c.s.rev;
    c.tick(60_000);
    expect(c.s.rev).toBe(rev);
    c.teacher({ type: 'pause', paused: false });
    c.teacher({ type: 'cut' });
    expect(c.s.take?.status).toBe('cut');
    expect(c.teacher({ type: 'cut' })).toEqual({ ok: false, error: 'no-take' });
  });
});
