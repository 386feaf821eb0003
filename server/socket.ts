/**
 * Socket.IO connections for the classroom: every message comes through one door (`onAny`) that
 * checks rate, name, size and shape, then who is asking; only then does it become an event for
 * the pure session machine. The machine's effects become emissions to rooms, which the Redis
 * adapter carries to sockets on other processes:
 *   c:<code> everyone · s:<code> students · t:<code> the teacher · p:<code>:<id> one student.
 * Tokens: the teacher's and each student's are random, sent once to their owner, and stored only
 * as SHA-256 hashes. A socket's identity is set by open / join / resume and never by a payload.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Server, Socket } from 'socket.io';
import { createSession, reduce, sessionDeadline, type Audience, type Effect, type SessionEvent, type TeacherCommand } from '../src/classroom/session';
import { isClientMessage, makeCode, MESSAGES, validate, type Catalog, type ClientMessage, type ClientPayloads, type ErrorCode, type Reply, type ServerEvents } from '../src/classroom/protocol';
import { teacherView } from '../src/classroom/views';
import { Bucket, KeyedBuckets, RATES } from './limits';
import type { SessionStore } from './sessions';

type Identity = { readonly code: string; readonly kind: 'teacher' } | { readonly code: string; readonly kind: 'student'; readonly id: string };
interface Data {
  ident: Identity | null;
  bucket: Bucket;
  drops: number;
  loggedAt: number;
}
type Emits = { [K in keyof ServerEvents]: (data: ServerEvents[K]) => void };
type Peers = { 'classroom:deadline': (code: string, at: number) => void };
export type ClassroomServer = Server<Record<string, never>, Emits, Peers, Data>;
type ClassSocket = Socket<Record<string, never>, Emits, Peers, Data>;
type Ack = (reply: Reply) => void;

export interface ClassroomDeps {
  readonly store: SessionStore;
  readonly catalog: Catalog;
  readonly log: (line: string) => void;
  readonly cap: number;
  readonly maxSessions: number;
  readonly joinUrl: (code: string) => string;
  /** Several processes share sessions (Redis): tell the others when a take needs a tick. */
  readonly shared: boolean;
  /** The client's address for per-address limits. */
  readonly address: (socket: ClassSocket) => string;
  readonly onOpen?: (code: string) => void;
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');
const newToken = (): string => randomBytes(24).toString('base64url');
const newId = (): string => randomBytes(9).toString('base64url');
const newCode = (): string => makeCode(() => randomInt(0, 1 << 30) / (1 << 30));
/** Log lines carry no tokens and no nicknames, and nothing a client sent can break a line. */
const safe = (s: unknown): string => String(s).replace(/[\p{Cc}\p{Cf}]/gu, '?').slice(0, 80);
const short = (id: string): string => id.slice(0, 6);
const ROUTINE = new Set(['client namespace disconnect', 'transport close', 'ping timeout', 'server namespace disconnect', 'server shutting down']);
const err = (error: ErrorCode): Reply => ({ ok: false, error });

export function attachClassroom(io: ClassroomServer, deps: ClassroomDeps): { close(): void } {
  const { store, catalog, log } = deps;
  const opens = new KeyedBuckets(RATES.opens.burst, RATES.opens.perSecond);
  const timers = new Map<string, { at: number; timer: NodeJS.Timeout }>();

  const room = (code: string, to: Audience): string =>
    to === 'all' ? `c:${code}` : to === 'students' ? `s:${code}` : to === 'teacher' ? `t:${code}` : `p:${code}:${to.student}`;

  function carryOut(code: string, effects: readonly Effect[]): void {
    for (const e of effects) {
      if (e.kind === 'send') (io.to(room(code, e.to)).emit as (n: string, d: unknown) => boolean)(e.name, e.data);
      else if (e.kind === 'drop') io.in(e.conn).disconnectSockets(true);
      else log(e.line);
    }
  }

  /** A take moves on by itself: tick the session when its next step is due (one timer per session). */
  function schedule(code: string, at: number | null, announce: boolean): void {
    if (at === null) return;
    const cur = timers.get(code);
    if (cur && cur.at <= at) return; // the earlier tick will look again and schedule what is next
    if (cur) clearTimeout(cur.timer);
    const timer = setTimeout(() => {
      timers.delete(code);
      void run(code, { type: 'tick' }).catch((e: unknown) => log(`tick ${code} failed: ${safe(e instanceof Error ? e.message : e)}`));
    }, Math.max(0, at - Date.now()));
    timers.set(code, { at, timer });
    // Any process may tick (a stale tick changes nothing), so a take goes on if this one dies.
    if (announce && deps.shared) io.serverSideEmit('classroom:deadline', code, at);
  }
  io.on('classroom:deadline', (code: unknown, at: unknown) => {
    if (typeof code === 'string' && code.length <= 8 && typeof at === 'number' && Number.isFinite(at)) schedule(code, at, false);
  });

  /** One event through the machine and the store; effects carried out after the write. */
  async function run(code: string, event: SessionEvent): Promise<Reply> {
    const out = await store.apply(code, (s) => {
      if (!s) return { next: null, result: null };
      const o = reduce(s, event, Date.now());
      return { next: o.state === s ? null : o.state, result: o };
    });
    if (!out) return err('unknown-session');
    carryOut(code, out.effects);
    schedule(code, sessionDeadline(out.state), true);
    return out.reply;
  }

  function drop(socket: ClassSocket, name: string, why: string, ack: Ack | null, error: ErrorCode = 'invalid'): void {
    const d = socket.data;
    d.drops++;
    // One line per socket every few seconds at most: a flood must not become a log flood.
    const now = Date.now();
    if (now - d.loggedAt > 5000) log(`dropped ${safe(name)} from ${short(socket.id)}${d.drops > 1 ? ` (${d.drops} so far)` : ''}: ${safe(why)}`);
    d.loggedAt = now;
    ack?.(err(error));
    if (d.drops >= RATES.dropsBeforeDisconnect) {
      log(`disconnecting ${short(socket.id)}: too many dropped messages`);
      socket.disconnect(true);
    }
  }

  async function open(socket: ClassSocket, p: ClientPayloads['session:open']): Promise<Reply> {
    if (!opens.take(deps.address(socket), Date.now())) return err('rate-limited');
    if (store.kind === 'memory' && store.size() >= deps.maxSessions) return err('too-many-sessions');
    const token = newToken();
    for (let tries = 0; tries < 8; tries++) {
      const state = createSession({ code: newCode(), tokenHash: hashToken(token), conn: socket.id, cap: Math.min(p.cap ?? deps.cap, deps.cap), now: Date.now() });
      if (!(await store.create(state))) continue; // code in use: draw another
      await socket.join([`c:${state.code}`, `t:${state.code}`]);
      becomeTeacher(socket, state.code);
      log(`session ${state.code} opened by ${short(socket.id)}`);
      deps.onOpen?.(state.code);
      return { ok: true, code: state.code, token, joinUrl: deps.joinUrl(state.code), view: teacherView(state) };
    }
    return err('unavailable');
  }

  function becomeTeacher(socket: ClassSocket, code: string): void {
    socket.data.ident = { code, kind: 'teacher' };
    socket.data.bucket = new Bucket(RATES.teacher.burst, RATES.teacher.perSecond, Date.now());
  }

  /** Joins the rooms before the machine answers, so nothing sent in between is missed (views carry rev). */
  async function identify(socket: ClassSocket, code: string, rooms: string[], event: SessionEvent, then: (r: Reply) => Promise<Reply>): Promise<Reply> {
    await socket.join(rooms);
    const reply = await run(code, event);
    if (!reply.ok) {
      for (const r of rooms) await socket.leave(r);
      return reply;
    }
    return then(reply);
  }

  const handlers: { [K in ClientMessage]: (socket: ClassSocket, p: ClientPayloads[K]) => Promise<Reply> } = {
    'time:sync': () => Promise.resolve({ ok: true, now: Date.now() }),
    'session:open': open,
    'teacher:resume': (socket, p) =>
      identify(socket, p.code, [`c:${p.code}`, `t:${p.code}`], { type: 'teacher-resume', conn: socket.id, tokenHash: hashToken(p.token) }, (r) => {
        becomeTeacher(socket, p.code);
        return Promise.resolve({ ...r, joinUrl: deps.joinUrl(p.code) });
      }),
    'student:join': (socket, p) => {
      const id = newId();
      const token = newToken();
      const event: SessionEvent = { type: 'join', conn: socket.id, id, nickname: p.nickname, device: p.device, tokenHash: hashToken(token) };
      return identify(socket, p.code, [`c:${p.code}`, `s:${p.code}`, `p:${p.code}:${id}`], event, (r) => {
        socket.data.ident = { code: p.code, kind: 'student', id };
        return Promise.resolve({ ...r, token });
      });
    },
    'student:resume': (socket, p) =>
      identify(socket, p.code, [`c:${p.code}`, `s:${p.code}`], { type: 'resume', conn: socket.id, tokenHash: hashToken(p.token) }, async (r) => {
        const id = 'you' in r ? r.you.id : '';
        await socket.join(`p:${p.code}:${id}`);
        socket.data.ident = { code: p.code, kind: 'student', id };
        return r;
      }),
    'student:leave': async (socket) => {
      const ident = socket.data.ident!;
      const r = await run(ident.code, { type: 'leave', conn: socket.id });
      if (r.ok) {
        socket.data.ident = null;
        for (const room of [...socket.rooms]) if (room !== socket.id) await socket.leave(room);
      }
      return r;
    },
    'student:report': (socket, p) => run(socket.data.ident!.code, { type: 'report', conn: socket.id, ...p }),
    'student:answer': (socket, p) => run(socket.data.ident!.code, { type: 'answer', conn: socket.id, ...p }),
    'take:cue': (socket) => run(socket.data.ident!.code, { type: 'cue', conn: socket.id }),
    'teacher:station': (s, p) => command(s, { type: 'station', station: p.station }),
    'teacher:follow': (s, p) => command(s, { type: 'follow', on: p.on }),
    'teacher:gather': (s, p) => command(s, { type: 'gather', station: p.station }),
    'teacher:pause': (s, p) => command(s, { type: 'pause', paused: p.paused }),
    'teacher:lock': (s, p) => command(s, { type: 'lock', locked: p.locked }),
    'teacher:quiz': (s, p) => {
      const questions = p.questions ? catalog.quiz.filter((q) => p.questions!.includes(q.id)) : catalog.quiz;
      return command(s, { type: 'quiz', questions, reset: p.reset ?? false });
    },
    'teacher:quiz-end': (s) => command(s, { type: 'quiz-end' }),
    'teacher:roles': (s, p) => command(s, { type: 'roles', assign: p.assign }),
    'teacher:remove': (s, p) => command(s, { type: 'remove', student: p.student }),
    'teacher:take': (s, p) => command(s, { type: 'take', steps: p.steps, leadMs: (p.lead ?? 2) * 1000 }),
    'teacher:cut': (s) => command(s, { type: 'cut' }),
    'teacher:end': (s) => command(s, { type: 'end' }),
    'teacher:results': (s) => command(s, { type: 'results' }),
  };
  const command = (socket: ClassSocket, c: TeacherCommand): Promise<Reply> => run(socket.data.ident!.code, { type: 'command', conn: socket.id, command: c });

  /** The one door: rate, name, shape, sender; then the handler. Nothing a client sends can throw out of here. */
  async function receive(socket: ClassSocket, name: string, args: unknown[]): Promise<void> {
    const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as Ack) : null;
    if (!socket.data.bucket.take(Date.now())) return drop(socket, name, 'rate limit', ack, 'rate-limited');
    if (!isClientMessage(name)) return drop(socket, name, 'unknown message', ack);
    if (args.length > 1) return drop(socket, name, 'more than one payload', ack);
    const parsed = validate(name, args[0], catalog);
    if (!parsed.ok) return drop(socket, name, parsed.reason, ack, parsed.error);
    const from = MESSAGES[name].from;
    const ident = socket.data.ident;
    if (from === 'anyone' && name !== 'time:sync' && ident) return drop(socket, name, 'already joined', ack, 'already-joined');
    if (from === 'teacher' && ident?.kind !== 'teacher') return drop(socket, name, `refused: sent by a ${ident?.kind ?? 'stranger'}`, ack, 'not-teacher');
    if (from === 'student' && ident?.kind !== 'student') return drop(socket, name, 'refused: not a student', ack, 'not-joined');
    const handler = handlers[name] as (s: ClassSocket, p: unknown) => Promise<Reply>;
    try {
      ack?.(await handler(socket, parsed.value));
    } catch (e) {
      log(`error in ${name} from ${short(socket.id)}: ${safe(e instanceof Error ? e.message : e)}`);
      ack?.(err('unavailable'));
    }
  }

  io.on('connection', (socket: ClassSocket) => {
    socket.data.ident = null;
    socket.data.bucket = new Bucket(RATES.student.burst, RATES.student.perSecond, Date.now());
    socket.data.drops = 0;
    socket.data.loggedAt = 0;
    socket.onAny((name: string, ...args: unknown[]) => void receive(socket, name, args));
    // A packet the parser cannot read: Socket.IO reports it here and closes the connection.
    socket.on('error', (e) => log(`socket ${short(socket.id)} error: ${safe(e.message)}`));
    socket.on('disconnect', (reason, description) => {
      // Wi-Fi drops and closed tabs are routine; anything else (an oversized frame, a broken
      // packet) is worth a line.
      if (!ROUTINE.has(reason)) log(`socket ${short(socket.id)} closed: ${safe(reason)}${description instanceof Error ? ` (${safe(description.message)})` : ''}`);
      const ident = socket.data.ident;
      if (ident) void run(ident.code, { type: 'disconnect', conn: socket.id }).catch(() => undefined);
    });
  });

  return {
    close() {
      for (const t of timers.values()) clearTimeout(t.timer);
      timers.clear();
    },
  };
}

