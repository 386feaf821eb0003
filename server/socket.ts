/**
 * Socket.IO connections for the classroom: every message comes through one door (`receive`)
 * that checks rate, name, size and shape, then who is asking; only then does it become an event
 * for the pure session machine, whose effects delivery.ts carries out after the store's write.
 * Tokens: the teacher's and each student's are random, sent once to their owner and stored only
 * as SHA-256 hashes. A socket's identity is set by open / join / resume, never by a payload.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Server, Socket } from 'socket.io';
import { createSession, reduce, sessionDeadline, type SessionEvent, type TeacherCommand } from '../src/classroom/session';
import { isClientMessage, makeCode, MESSAGES, validate, type Catalog, type ClientMessage, type ClientPayloads, type ErrorCode, type Reply, type ServerEvents } from '../src/classroom/protocol';
import { teacherView } from '../src/classroom/views';
import { Delivery, TakeClock } from './delivery';
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
type Handlers = { [K in ClientMessage]: (socket: ClassSocket, p: ClientPayloads[K]) => Promise<Reply> };

export interface ClassroomDeps {
  readonly store: SessionStore;
  readonly catalog: Catalog;
  readonly log: (line: string) => void;
  readonly cap: number;
  readonly maxSessions: number;
  readonly joinUrl: (code: string) => string;
  /** Several processes share sessions (Redis): tell the others when a take needs a tick. */
  readonly shared: boolean;
  /** The client's address, for per-address limits. */
  readonly address: (socket: ClassSocket) => string;
  readonly onOpen?: (code: string) => void;
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');
const newToken = (): string => randomBytes(24).toString('base64url');
const newId = (): string => randomBytes(9).toString('base64url');
const newCode = (): string => makeCode(() => randomInt(0, 1 << 30) / (1 << 30));
/** Log lines carry no tokens and no nicknames, and nothing a client sent can break a line. */
const safe = (s: unknown): string => String(s instanceof Error ? s.message : s).replace(/[\p{Cc}\p{Cf}]/gu, '?').slice(0, 80);
const short = (id: string): string => id.slice(0, 6);
const err = (error: ErrorCode): Reply => ({ ok: false, error });
/** Disconnect reasons that are everyday life (Wi-Fi, closed tabs, restarts): not logged. */
const ROUTINE = new Set(['client namespace disconnect', 'transport close', 'ping timeout', 'server namespace disconnect', 'server shutting down']);

export class ClassroomSockets {
  private readonly opens = new KeyedBuckets(RATES.opens.burst, RATES.opens.perSecond);
  private readonly misses = new KeyedBuckets(RATES.misses.burst, RATES.misses.perSecond);
  private readonly delivery: Delivery;
  private readonly clock: TakeClock;
  private readonly handlers: Handlers;

  constructor(
    io: ClassroomServer,
    private readonly deps: ClassroomDeps,
  ) {
    this.delivery = new Delivery(io, deps.log);
    this.clock = new TakeClock(io, deps.shared, (code) => void this.run(code, { type: 'tick' }).catch((e: unknown) => deps.log(`tick ${code} failed: ${safe(e)}`)));
    this.handlers = this.makeHandlers();
    io.on('connection', (socket: ClassSocket) => this.connected(socket));
  }

  close(): void {
    this.clock.close();
    this.delivery.close();
  }

  private connected(socket: ClassSocket): void {
    Object.assign(socket.data, { ident: null, bucket: new Bucket(RATES.student.burst, RATES.student.perSecond, Date.now()), drops: 0, loggedAt: 0 });
    socket.onAny((name: string, ...args: unknown[]) => void this.receive(socket, name, args));
    // A packet the parser cannot read: Socket.IO reports it here and closes the connection.
    socket.on('error', (e) => this.deps.log(`socket ${short(socket.id)} error: ${safe(e)}`));
    socket.on('disconnect', (reason, description) => {
      if (!ROUTINE.has(reason)) this.deps.log(`socket ${short(socket.id)} closed: ${safe(reason)}${description instanceof Error ? ` (${safe(description)})` : ''}`);
      const ident = socket.data.ident;
      if (ident) void this.run(ident.code, { type: 'disconnect', conn: socket.id }).catch(() => undefined);
    });
  }

  /** The one door: rate, name, shape, sender; then the handler. Nothing a client sends can throw out of here. */
  private async receive(socket: ClassSocket, name: string, args: unknown[]): Promise<void> {
    const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as Ack) : null;
    if (!socket.data.bucket.take(Date.now())) return this.drop(socket, name, 'rate limit', ack, 'rate-limited');
    if (!isClientMessage(name)) return this.drop(socket, name, 'unknown message', ack);
    if (args.length > 1) return this.drop(socket, name, 'more than one payload', ack);
    const parsed = validate(name, args[0], this.deps.catalog);
    if (!parsed.ok) return this.drop(socket, name, parsed.reason, ack, parsed.error);
    const from = MESSAGES[name].from;
    const ident = socket.data.ident;
    if (from === 'anyone' && name !== 'time:sync' && ident) return this.drop(socket, name, 'already joined', ack, 'already-joined');
    if (from === 'teacher' && ident?.kind !== 'teacher') return this.drop(socket, name, `refused: sent by a ${ident?.kind ?? 'stranger'}`, ack, 'not-teacher');
    if (from === 'student' && ident?.kind !== 'student') return this.drop(socket, name, 'refused: not a student', ack, 'not-joined');
    try {
      ack?.(await (this.handlers[name] as (s: ClassSocket, p: unknown) => Promise<Reply>)(socket, parsed.value));
    } catch (e) {
      this.deps.log(`error in ${name} from ${short(socket.id)}: ${safe(e)}`);
      ack?.(err('unavailable'));
    }
  }

  private drop(socket: ClassSocket, name: string, why: string, ack: Ack | null, error: ErrorCode = 'invalid'): void {
    const d = socket.data;
    d.drops++;
    // One line per socket every few seconds at most: a flood must not become a log flood.
    const now = Date.now();
    if (now - d.loggedAt > 5000) this.deps.log(`dropped ${safe(name)} from ${short(socket.id)}${d.drops > 1 ? ` (${d.drops} so far)` : ''}: ${safe(why)}`);
    d.loggedAt = now;
    ack?.(err(error));
    if (d.drops >= RATES.dropsBeforeDisconnect) {
      this.deps.log(`disconnecting ${short(socket.id)}: too many dropped messages`);
      socket.disconnect(true);
    }
  }

  /** One event through the machine and the store; effects carried out after the write. */
  private async run(code: string, event: SessionEvent): Promise<Reply> {
    const out = await this.deps.store.apply(code, (s) => {
      if (!s) return { next: null, result: null };
      const o = reduce(s, event, Date.now());
      return { next: o.state === s ? null : o.state, result: o };
    });
    if (!out) return err('unknown-session');
    this.delivery.carryOut(code, out.effects);
    this.clock.schedule(code, sessionDeadline(out.state));
    return out.reply;
  }

  private async open(socket: ClassSocket, p: ClientPayloads['session:open']): Promise<Reply> {
    const { store, cap } = this.deps;
    if (!this.opens.take(this.deps.address(socket), Date.now())) return err('rate-limited');
    if (store.kind === 'memory' && store.size() >= this.deps.maxSessions) return err('too-many-sessions');
    const token = newToken();
    for (let tries = 0; tries < 8; tries++) {
      const state = createSession({ code: newCode(), tokenHash: hashToken(token), conn: socket.id, cap: Math.min(p.cap ?? cap, cap), now: Date.now() });
      if (!(await store.create(state))) continue; // code in use: draw another
      await socket.join([`c:${state.code}`, `t:${state.code}`]);
      this.becomeTeacher(socket, state.code);
      this.deps.log(`session ${state.code} opened by ${short(socket.id)}`);
      this.deps.onOpen?.(state.code);
      return { ok: true, code: state.code, token, joinUrl: this.deps.joinUrl(state.code), view: teacherView(state) };
    }
    return err('unavailable');
  }

  private becomeTeacher(socket: ClassSocket, code: string): void {
    socket.data.ident = { code, kind: 'teacher' };
    socket.data.bucket = new Bucket(RATES.teacher.burst, RATES.teacher.perSecond, Date.now());
  }

  /** Joins the rooms before the machine answers, so nothing sent in between is missed (views carry rev). */
  private async identify(socket: ClassSocket, code: string, rooms: string[], event: SessionEvent, then: (r: Reply) => Promise<Reply>): Promise<Reply> {
    const address = this.deps.address(socket);
    if (this.misses.blocked(address, Date.now())) return err('rate-limited');
    await socket.join(rooms);
    const reply = await this.run(code, event);
    if (!reply.ok) {
      for (const r of rooms) await socket.leave(r);
      if (reply.error === 'unknown-session' || reply.error === 'bad-token') this.misses.take(address, Date.now());
      return reply;
    }
    return then(reply);
  }

  private makeHandlers(): Handlers {
    const on = (socket: ClassSocket, event: SessionEvent): Promise<Reply> => this.run(socket.data.ident!.code, event);
    const command = (socket: ClassSocket, c: TeacherCommand): Promise<Reply> => on(socket, { type: 'command', conn: socket.id, command: c });
    const quiz = this.deps.catalog.quiz;
    return {
      'time:sync': () => Promise.resolve({ ok: true, now: Date.now() }),
      'session:open': (socket, p) => this.open(socket, p),
      'teacher:resume': (socket, p) =>
        this.identify(socket, p.code, [`c:${p.code}`, `t:${p.code}`], { type: 'teacher-resume', conn: socket.id, tokenHash: hashToken(p.token) }, (r) => {
          this.becomeTeacher(socket, p.code);
          return Promise.resolve({ ...r, joinUrl: this.deps.joinUrl(p.code) });
        }),
      'student:join': (socket, p) => {
        const [id, token] = [newId(), newToken()];
        const event: SessionEvent = { type: 'join', conn: socket.id, id, nickname: p.nickname, device: p.device, tokenHash: hashToken(token) };
        return this.identify(socket, p.code, [`c:${p.code}`, `s:${p.code}`, `p:${p.code}:${id}`], event, (r) => {
          socket.data.ident = { code: p.code, kind: 'student', id };
          return Promise.resolve({ ...r, token });
        });
      },
      'student:resume': (socket, p) =>
        this.identify(socket, p.code, [`c:${p.code}`, `s:${p.code}`], { type: 'resume', conn: socket.id, tokenHash: hashToken(p.token) }, async (r) => {
          const id = 'you' in r ? r.you.id : '';
          await socket.join(`p:${p.code}:${id}`);
          socket.data.ident = { code: p.code, kind: 'student', id };
          return r;
        }),
      'student:leave': async (socket) => {
        const r = await on(socket, { type: 'leave', conn: socket.id });
        if (r.ok) {
          socket.data.ident = null;
          for (const name of [...socket.rooms]) if (name !== socket.id) await socket.leave(name);
        }
        return r;
      },
      'student:report': (socket, p) => on(socket, { type: 'report', conn: socket.id, ...p }),
      'student:answer': (socket, p) => on(socket, { type: 'answer', conn: socket.id, ...p }),
      'take:cue': (socket) => on(socket, { type: 'cue', conn: socket.id }),
      'teacher:station': (s, p) => command(s, { type: 'station', station: p.station }),
      'teacher:follow': (s, p) => command(s, { type: 'follow', on: p.on }),
      'teacher:gather': (s, p) => command(s, { type: 'gather', station: p.station }),
      'teacher:pause': (s, p) => command(s, { type: 'pause', paused: p.paused }),
      'teacher:lock': (s, p) => command(s, { type: 'lock', locked: p.locked }),
      'teacher:quiz': (s, p) => command(s, { type: 'quiz', questions: p.questions ? quiz.filter((q) => p.questions!.includes(q.id)) : quiz, reset: p.reset ?? false }),
      'teacher:quiz-end': (s) => command(s, { type: 'quiz-end' }),
      'teacher:roles': (s, p) => command(s, { type: 'roles', assign: p.assign }),
      'teacher:remove': (s, p) => command(s, { type: 'remove', student: p.student }),
      'teacher:take': (s, p) => command(s, { type: 'take', steps: p.steps, leadMs: (p.lead ?? 2) * 1000 }),
      'teacher:cut': (s) => command(s, { type: 'cut' }),
      'teacher:end': (s) => command(s, { type: 'end' }),
      'teacher:results': (s) => command(s, { type: 'results' }),
    };
  }
}
