/**
 * The classroom server with real Socket.IO clients, in this process, sessions in memory:
 * a teacher and 40 students.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassView, StudentReply, StudentRow, TakeView, TeacherReply } from '../../src/classroom/protocol';
import type { Classroom } from '../../server/app';
import { call, connect, openSession, Student, until, waitFor, type Client } from './client';
import { startInProcess, STEPS } from './infra';

const CLASS = 40;

let server: Classroom;
let logs: string[];
let teacher: Client;
let opened: TeacherReply;
let students: Student[];

/** Like the browser: when the take reaches a cue of one of my roles, press (after `delayMs`). */
function pressOnCue(s: Student, delayMs = 50): () => void {
  const on = (t: TakeView): void => {
    const step = t.status === 'rolling' ? t.steps[t.index] : undefined;
    if (step?.cue && t.holders[step.role] === s.you.id && Date.now() >= t.stepAt - 50) setTimeout(() => void call(s.socket, 'take:cue', {}), delayMs);
  };
  s.socket.on('take:state', on);
  return () => s.socket.off('take:state', on);
}

const allSee = (test: (v: ClassView) => boolean, ms = 1000) =>
  Promise.all(students.map((s) => waitFor<ClassView>(s.socket, 'class:state', test, ms)));

beforeAll(async () => {
  ({ server, logs } = await startInProcess({ TRUST_PROXY: '1' }));
  ({ teacher, reply: opened } = await openSession(server.url));
  students = await Promise.all(Array.from({ length: CLASS }, (_, i) => Student.join(server.url, opened.code, `Student ${i + 1}`, i % 4 === 0 ? 'vr' : 'phone')));
  students[0]!.socket.onAny((name: string, data: unknown) => heard.push(`${name} ${JSON.stringify(data)}`));
});
/** Everything student 1 received during the whole suite, to look for secrets at the end. */
const heard: string[] = [];
afterAll(async () => {
  if (process.env.CLASSROOM_LOGS) console.log(logs.join('\n'));
  for (const s of students ?? []) s.close();
  teacher?.close();
  await server?.close();
});

describe('a class of 40 on one server', () => {
  it('serves the built app and opens a session with a short code and a join URL', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(opened.code).toMatch(/^[A-Z0-9]{5}$/);
    expect(opened.joinUrl).toBe(`${server.origin}/?session=${opened.code}`);
    expect(opened.token).toMatch(/^[\w-]{32}$/);
  });

  it('the teacher sees every student; students see classmates by nickname and station only', async () => {
    const r = await (async () => {
      const t2 = await connect(server.url);
      const v = await call<TeacherReply>(t2, 'teacher:resume', { code: opened.code, token: opened.token });
      return { t2, v };
    })();
    // That reload took the teacher's place; the first teacher socket was dropped. Use the new one.
    teacher = r.t2;
    expect(r.v.view.students).toHaveLength(CLASS);
    expect(r.v.view.students[0]).toMatchObject({ nickname: 'Student 1', device: 'vr', connected: true, score: 0 });
    await call(students[3]!.socket, 'student:report', { station: 'camera' });
    await until(() => students[0]!.mates.get(students[3]!.you.id)?.station === 'camera', 1000, 'mate moved');
    expect(Object.keys(students[0]!.mates.get(students[3]!.you.id)!).sort()).toEqual(['id', 'nickname', 'rev', 'station']);
  });

  it('gather reaches all 40 within a second', async () => {
    const t0 = Date.now();
    const seen = allSee((v) => v.gather?.station === 'lighting');
    expect(await call(teacher, 'teacher:gather', { station: 'lighting' })).toEqual({ ok: true });
    await seen;
    const ms = Date.now() - t0;
    console.log(`gather → 40 students: ${ms} ms`);
    expect(ms).toBeLessThan(1000);
  });

  it('pause, resume, lock and follow reach everyone', async () => {
    let seen = allSee((v) => v.paused);
    await call(teacher, 'teacher:pause', { paused: true });
    await seen;
    seen = allSee((v) => !v.paused && v.locked);
    await call(teacher, 'teacher:pause', { paused: false });
    await call(teacher, 'teacher:lock', { locked: true });
    await seen;
    await call(teacher, 'teacher:station', { station: 'sound' });
    seen = allSee((v) => v.follow && v.teacherStation === 'sound');
    await call(teacher, 'teacher:follow', { on: true });
    await seen;
  });

  it('a take: cues hit moves it on and it ends good everywhere; a missed one and an early one are no good', async () => {
    const [mixer, operator] = [students[0]!, students[1]!];
    expect(await call(teacher, 'teacher:roles', { assign: { 'sound-mixer': mixer.you.id, 'camera-operator': operator.you.id } })).toEqual({ ok: true });
    await until(() => mixer.you.roles.includes('sound-mixer') && operator.you.roles.includes('camera-operator'), 1000, 'roles');
    const stops = [pressOnCue(mixer), pressOnCue(operator)];
    const log = waitFor<{ status: string }>(teacher, 'teacher:take-log', () => true, 8000);
    let ends = Promise.all(students.map((s) => waitFor<TakeView>(s.socket, 'take:state', (t) => t.n === 1 && t.status !== 'rolling', 8000)));
    await call(teacher, 'teacher:take', { steps: STEPS, lead: 0.2 });
    const good = await ends;
    expect(good.every((t) => t.status === 'good')).toBe(true);
    expect(good[5]!.hits.map((h) => h.by)).toEqual([mixer.you.id, operator.you.id]);
    expect(await log).toMatchObject({ status: 'good' });
    stops.forEach((stop) => stop());

    // Take 2: the sound mixer does nothing. "No speed from sound!"
    ends = Promise.all(students.map((s) => waitFor<TakeView>(s.socket, 'take:state', (t) => t.n === 2 && t.status !== 'rolling', 8000)));
    await call(teacher, 'teacher:take', { steps: STEPS, lead: 0 });
    const missed = await ends;
    expect(missed.every((t) => t.status === 'no-good' && t.fault?.kind === 'missed' && t.fault.step === 'sound-speed')).toBe(true);

    // Take 3: the camera operator jumps the gun.
    ends = Promise.all(students.map((s) => waitFor<TakeView>(s.socket, 'take:state', (t) => t.n === 3 && t.status !== 'rolling', 8000)));
    await call(teacher, 'teacher:take', { steps: STEPS, lead: 0.5 });
    await call(operator.socket, 'take:cue', {});
    const early = await ends;
    expect(early.every((t) => t.status === 'no-good' && t.fault?.kind === 'early' && t.fault.by === operator.you.id)).toBe(true);
    expect(logs.some((l) => l.includes('take 1 good'))).toBe(true);
  });

  it('a student whose connection drops comes back by itself with the same nickname and role', async () => {
    const s = students[7]!;
    await call(teacher, 'teacher:roles', { assign: { director: s.you.id } });
    await until(() => s.you.roles.includes('director'), 1000, 'role');
    const back = waitFor<StudentRow>(teacher, 'teacher:student', (r) => r.id === s.you.id && r.connected && r.rev > 0, 5000);
    const gone = waitFor<StudentRow>(teacher, 'teacher:student', (r) => r.id === s.you.id && !r.connected, 5000);
    s.socket.io.engine.close(); // the transport dies as on a Wi-Fi drop; the client reconnects
    await gone;
    await back;
    await until(() => s.resumes === 1, 5000, 'resume');
    expect(s.you).toMatchObject({ nickname: 'Student 8', roles: ['director'] });
  });

  it('students cannot send teacher commands, and nothing changes when they try', async () => {
    const s = students[2]!;
    const before = s.klass.rev;
    for (const [name, payload] of [['teacher:pause', { paused: true }], ['teacher:end', {}], ['teacher:gather', { station: 'camera' }], ['teacher:results', {}], ['session:open', {}]] as const) {
      const r = await call(s.socket, name, payload);
      expect(r.ok, name).toBe(false);
    }
    expect(await call(s.socket, 'teacher:end', {})).toEqual({ ok: false, error: 'not-teacher' });
    expect(logs.some((l) => /dropped teacher:\w+ from \S+: refused: sent by a student/.test(l))).toBe(true);
    expect(s.klass.rev).toBe(before);
  });

  it('malformed and oversized messages are dropped with a log line; the server stays up', async () => {
    const bad = await connect(server.url);
    const n = logs.length;
    expect(await call(bad, 'student:join', 'not an object')).toEqual({ ok: false, error: 'invalid' });
    expect(await call(bad, 'student:join', { code: opened.code, nickname: 'x'.repeat(5000), device: 'phone' })).toEqual({ ok: false, error: 'invalid' });
    expect(await call(bad, 'student:join', { code: opened.code, nickname: 'Ok', device: 'toaster' })).toEqual({ ok: false, error: 'invalid' });
    expect(await call(bad, 'no:such:thing', {})).toEqual({ ok: false, error: 'invalid' });
    expect(await call(bad, 'student:report', { station: 'camera' })).toEqual({ ok: false, error: 'not-joined' });
    bad.emit('student:join', { __proto__: { nickname: 'x' } });
    bad.emit('student:join'); // no ack at all: dropped silently to the client, logged here
    await until(() => logs.length > n, 1000, 'a log line');
    // A frame over the transport's hard limit closes that one connection.
    const closed = new Promise((r) => bad.on('disconnect', r));
    bad.emit('student:report', { station: 'x'.repeat(100_000) });
    await closed;
    bad.close();
    await until(() => logs.some((l) => /closed: .*(transport|parse)/.test(l)), 2000, 'oversize log line');
    // Still serving: a newcomer joins, the class still hears the teacher.
    const late = await Student.join(server.url, opened.code, 'Late');
    students.push(late);
    const seen = allSee((v) => v.gather?.station === 'floor');
    await call(teacher, 'teacher:gather', { station: 'floor' });
    await seen;
  });

  it('a flood is rate-limited per socket', async () => {
    const s = students[9]!;
    const replies = await Promise.all(Array.from({ length: 60 }, () => call(s.socket, 'time:sync', {})));
    expect(replies.filter((r) => !r.ok).length).toBeGreaterThan(20);
    expect(replies.find((r) => !r.ok)).toEqual({ ok: false, error: 'rate-limited' });
    expect(logs.some((l) => l.includes('rate limit'))).toBe(true);
  });

  it('clear errors: unknown code, taken and too-long nickname, a full session, an ended one', async () => {
    const c = await connect(server.url);
    const join = (code: string, nickname: string) => call<StudentReply>(c, 'student:join', { code, nickname, device: 'desktop' });
    expect(await join('TTTTT', 'Zed')).toEqual({ ok: false, error: 'unknown-session' });
    expect(await join(opened.code, 'student 1')).toEqual({ ok: false, error: 'nickname-taken' });
    expect(await join(opened.code, 'A very long nickname indeed')).toEqual({ ok: false, error: 'nickname-too-long' });
    const small = await openSession(server.url, 1);
    expect((await join(small.reply.code.toLowerCase(), 'Zed')).ok).toBe(true);
    const c2 = await connect(server.url);
    expect(await call(c2, 'student:join', { code: small.reply.code, nickname: 'Yan', device: 'ar' })).toEqual({ ok: false, error: 'session-full' });
    await call(small.teacher, 'teacher:end', {});
    expect(await call(c2, 'student:join', { code: small.reply.code, nickname: 'Yan', device: 'ar' })).toEqual({ ok: false, error: 'session-ended' });
    for (const x of [c, c2, small.teacher]) x.close();
  });

  it('guessing codes from fresh sockets runs out of tries for that address', async () => {
    const guesses: string[] = [];
    for (let i = 0; i < 40; i++) {
      const c = await connect(server.url, { headers: { 'x-forwarded-for': '203.0.113.9' } });
      guesses.push(((await call(c, 'student:join', { code: 'TTTTT', nickname: `G${i}`, device: 'phone' })) as { error: string }).error);
      c.close();
    }
    // This server trusts X-Forwarded-For (TRUST_PROXY=1), so the guesses have an address of their own.
    expect(guesses.slice(0, 25).every((e) => e === 'unknown-session')).toBe(true);
    expect(guesses.at(-1)).toBe('rate-limited');
    const other = await connect(server.url, { headers: { 'x-forwarded-for': '203.0.113.10' } });
    expect(await call(other, 'student:join', { code: 'TTTTT', nickname: 'Other', device: 'phone' })).toEqual({ ok: false, error: 'unknown-session' });
    other.close();
  });

  it('refuses a page from another origin and a client without the protocol version', async () => {
    await expect(connect(server.url, { origin: 'https://evil.example' })).rejects.toThrow();
    await expect(connect(server.url, { auth: {} })).rejects.toThrow(/protocol version/);
  });

  it('a quiz for everyone, counts per choice to the teacher, then End with the results CSV', async () => {
    const tallies: { question: string; counts: number[] }[] = [];
    teacher.on('teacher:tally', (t: { question: string; counts: number[] }) => tallies.push(t));
    const open = allSee((v) => v.quiz?.open === true && v.quiz.questions.length === 2);
    await call(teacher, 'teacher:quiz', { questions: ['led-wall', 'crew-jobs'] });
    await open;
    await Promise.all(students.slice(10, 20).map((s, i) => call(s.socket, 'student:answer', { question: 'led-wall', choice: i % 2 })));
    await until(() => tallies.some((t) => t.question === 'led-wall' && t.counts[0]! + t.counts[1]! === 10), 2000, 'tally');
    const ended = Promise.all(students.map((s) => waitFor(s.socket, 'session:ended', () => true, 2000)));
    const r = await call<{ ok: true; csv: string }>(teacher, 'teacher:end', {});
    await ended;
    const lines = r.csv.trim().split('\r\n');
    expect(lines[0]).toContain('nickname,device,status,roles,stations');
    expect(lines[0]).toContain('quiz_led-wall,quiz_crew-jobs');
    expect(lines).toHaveLength(students.length + 1);
    expect(lines.find((l) => l.startsWith('Student 4,'))).toContain('camera');
  });

  it('no student ever received a token, the teacher\'s or anyone else\'s', () => {
    expect(heard.length).toBeGreaterThan(20);
    const all = heard.join('\n');
    expect(all).not.toContain(opened.token!);
    for (const s of students.slice(1)) expect(all).not.toContain(s.token);
    expect(all).not.toMatch(/tokenHash|conn/);
  });
});
