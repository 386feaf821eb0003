/**
 * Two server processes sharing sessions through a private Redis: the teacher on process A,
 * 40 students on process B through a failover proxy (what a load balancer does). Then B is
 * killed with SIGKILL: its students reconnect through the proxy to A, resume with their tokens
 * and carry on — no session lost, a take in flight finishes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassView, StudentRow, TakeView, TeacherReply } from '../../src/classroom/protocol';
import { createSession, reduce } from '../../src/classroom/session';
import { connectRedis, RedisStore } from '../../server/sessions';
import { call, connect, openSession, Student, until, waitFor, type Client } from './client';
import { failoverProxy, spawnServer, startRedis, STEPS, type Child } from './infra';

const CLASS = 40;
let redis: Awaited<ReturnType<typeof startRedis>>;
let a: Child;
let b: Child;
let proxy: Awaited<ReturnType<typeof failoverProxy>>;
let teacher: Client;
let opened: TeacherReply;
let students: Student[] = [];
let aliveB = true;

const allSee = (test: (v: ClassView) => boolean, ms = 1000) => Promise.all(students.map((s) => waitFor<ClassView>(s.socket, 'class:state', test, ms)));

beforeAll(async () => {
  redis = await startRedis(); // throws "redis-server is missing: apt-get install -y redis-server"
  [a, b] = await Promise.all([spawnServer({ REDIS_URL: redis.url }), spawnServer({ REDIS_URL: redis.url })]);
  // New connections go to B while it lives, then to A.
  proxy = await failoverProxy(() => (aliveB ? [b.port, a.port] : [a.port]).concat(aliveB ? [] : [b.port]));
  ({ teacher, reply: opened } = await openSession(a.url));
  const viaProxy = `http://127.0.0.1:${proxy.port}`;
  students = await Promise.all(Array.from({ length: CLASS }, (_, i) => Student.join(viaProxy, opened.code, `Pupil ${i + 1}`)));
});

afterAll(async () => {
  for (const s of students) s.close();
  teacher?.close();
  await proxy?.close();
  for (const c of [a, b]) c?.proc.kill('SIGTERM');
  redis?.stop();
});

describe('the Redis session store', () => {
  it('two stores writing one session at once lose nothing (compare-and-set, stale caches, batches re-run)', async () => {
    const clients = await Promise.all([connectRedis(redis.url, () => {}), connectRedis(redis.url, () => {})]);
    const ttl = { ttlMs: 60_000, endedTtlMs: 60_000 };
    const [x, y] = clients.map((c) => new RedisStore(c.data, ttl));
    const s0 = createSession({ code: 'TTTTT', tokenHash: 'h', conn: 't', cap: 500, now: Date.now() });
    expect(await x!.create(s0)).toBe(true);
    expect(await y!.create(s0)).toBe(false);
    const join = (i: number) => (s: typeof s0 | null) => {
      const o = reduce(s!, { type: 'join', conn: `c${i}`, id: `student${i}`, nickname: `N${i}`, device: 'phone', tokenHash: `h${i}` }, Date.now());
      return { next: o.state === s ? null : o.state, result: o.reply.ok };
    };
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? x! : y!).apply('TTTTT', join(i))));
    expect(results.every(Boolean)).toBe(true);
    const final = await x!.apply('TTTTT', (s) => ({ next: null, result: s }));
    expect(final!.students).toHaveLength(200);
    expect(final!.rev).toBe(201);
    await Promise.all(clients.map((c) => c.close()));
  });
});

describe('two server processes on one Redis', () => {
  it('a gather from the teacher on A reaches 40 students on B within a second', async () => {
    const t0 = Date.now();
    const seen = allSee((v) => v.gather?.station === 'camera');
    await call(teacher, 'teacher:gather', { station: 'camera' });
    await seen;
    const ms = Date.now() - t0;
    console.log(`gather A → 40 students on B: ${ms} ms`);
    expect(ms).toBeLessThan(1000);
  });

  it('student reports on B reach the teacher on A; the teacher command is refused from B students', async () => {
    const rows = new Map<string, StudentRow>();
    teacher.on('teacher:student', (r: StudentRow) => rows.set(r.id, r));
    await Promise.all(students.map((s) => call(s.socket, 'student:report', { station: 'sound' })));
    await until(() => [...rows.values()].filter((r) => r.station === 'sound').length === CLASS, 2000, 'reports');
    expect(await call(students[0]!.socket, 'teacher:pause', { paused: true })).toEqual({ ok: false, error: 'not-teacher' });
  });

  it('killing B mid-take: its students come back through A with nickname and role, and the take finishes', async () => {
    const mixer = students[0]!;
    await call(teacher, 'teacher:roles', { assign: { 'sound-mixer': mixer.you.id } });
    await until(() => mixer.you.roles.includes('sound-mixer'), 2000, 'role');
    // A take whose cue comes after the kill: the mixer presses it once back (the app would, too).
    const steps = STEPS.map((s) => (s.id === 'sound-speed' ? { ...s, seconds: 8 } : s)).map((s) => (s.id === 'roll-sound' ? { ...s, seconds: 1 } : s));
    mixer.onTake = (t: TakeView) => {
      const step = t.status === 'rolling' ? t.steps[t.index] : undefined;
      if (step?.id === 'sound-speed' && t.holders['sound-mixer'] === mixer.you.id && mixer.resumes > 0) void call(mixer.socket, 'take:cue', {});
    };
    const done = waitFor<TakeView>(teacher, 'take:state', (t) => t.status !== 'rolling', 20_000);
    await call(teacher, 'teacher:take', { steps, lead: 0.2 });

    const t0 = Date.now();
    aliveB = false;
    b.proc.kill('SIGKILL');
    await until(() => students.every((s) => s.resumes >= 1), 15_000, 'every student resumed on A').catch((e: Error) => {
      console.log(students.map((s) => `${s.you.nickname}: ${s.resumes} ${JSON.stringify(s.lastError)} ${s.socket.connected}`).join('\n'));
      console.log(a.logs.join('\n'));
      throw e;
    });
    const back = Date.now() - t0;
    console.log(`SIGKILL B → 40 students resumed on A: ${back} ms`);
    expect(students.map((s) => s.you.nickname)).toEqual(students.map((_, i) => `Pupil ${i + 1}`));
    expect(mixer.you.roles).toEqual(['sound-mixer']);

    const take = await done;
    expect(take.status).toBe('good');
    expect(take.hits[0]).toMatchObject({ step: 'sound-speed', by: mixer.you.id });

    // The teacher's view: everyone connected again, the session intact.
    const t2 = await connect(a.url);
    const view = await call<TeacherReply>(t2, 'teacher:resume', { code: opened.code, token: opened.token });
    teacher = t2;
    expect(view.view.students.filter((r) => r.connected)).toHaveLength(CLASS);
    expect(view.view.students.every((r) => r.station === 'sound')).toBe(true);
    const seen = allSee((v) => v.gather?.station === 'floor', 2000);
    await call(teacher, 'teacher:gather', { station: 'floor' });
    await seen;
  });
});
