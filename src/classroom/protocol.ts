/**
 * The classroom protocol: every Socket.IO message name, who may send it, its payload, its limits,
 * and a validator that turns untrusted input into a typed value or a reason. Pure: the server
 * validates with it; the browser can use the same types, limits and nickname cleaning.
 * docs/CLASSROOM.md describes the flow in words.
 */
import { bool, int, Invalid, knownId, list, num, oneOf, optional, record, slug, text } from './check';
import { cleanNickname, normaliseCode } from './names';
import type { TakeFault, TakeHit, TakeState, TakeStatus, TakeStep } from './take';

export { CODE_ALPHABET, CODE_LENGTH, cleanNickname, makeCode, nicknameKey, normaliseCode } from './names';

/** Sent by the client in the Socket.IO handshake (`auth: { v }`); another version is refused. */
export const PROTOCOL_VERSION = 1;

export const LIMITS = {
  nickname: 20, // code points, after cleaning
  nicknameRaw: 200, // what a client may send before cleaning (longer is malformed, not "too long")
  cap: 60, // default students per session; the server's CLASS_CAP overrides
  capMax: 500,
  activities: 100, // per student
  takeSteps: 100,
  takeSeconds: 120, // one step's longest window or length
  takeLeadSeconds: 10,
  takesLogged: 50,
} as const;

export const DEVICES = ['desktop', 'phone', 'vr', 'ar'] as const;
export type Device = (typeof DEVICES)[number];

/** Machine-readable errors in replies; the client shows its own words for each. */
export const ERROR_CODES = [
  'invalid', 'rate-limited', 'unavailable', 'too-many-sessions', 'already-joined', 'not-joined',
  'unknown-session', 'session-ended', 'session-full', 'bad-token', 'not-teacher',
  'nickname-empty', 'nickname-too-long', 'nickname-taken',
  'unknown-station', 'unknown-question', 'unknown-role', 'unknown-student', 'quiz-closed', 'already-answered',
  'take-running', 'no-take',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

// ── Content the server checks ids against ────────────────────────────────────────────────────────
export interface QuizKey {
  readonly id: string;
  readonly answer: number;
  readonly choices: number;
}
export interface Catalog {
  readonly stations: ReadonlySet<string>;
  readonly roles: ReadonlySet<string>;
  /** Lesson questions in lesson order (id, index of the right choice, number of choices). */
  readonly quiz: readonly QuizKey[];
}

// ── Client → server ──────────────────────────────────────────────────────────────────────────────
export interface ClientPayloads {
  'time:sync': Record<string, never>;
  'session:open': { cap?: number };
  'teacher:resume': { code: string; token: string };
  'student:join': { code: string; nickname: string; device: Device };
  'student:resume': { code: string; token: string };
  'student:leave': Record<string, never>;
  'student:report': { station?: string | null; device?: Device; activity?: string };
  'student:answer': { question: string; choice: number };
  'take:cue': Record<string, never>;
  'teacher:station': { station: string | null };
  'teacher:follow': { on: boolean };
  'teacher:gather': { station: string };
  'teacher:pause': { paused: boolean };
  'teacher:lock': { locked: boolean };
  'teacher:quiz': { questions?: string[]; reset?: boolean };
  'teacher:quiz-end': Record<string, never>;
  'teacher:roles': { assign: Record<string, string | null> };
  'teacher:remove': { student: string };
  'teacher:take': { steps: TakeStep[]; lead?: number };
  'teacher:cut': Record<string, never>;
  'teacher:end': Record<string, never>;
  'teacher:results': Record<string, never>;
}
export type ClientMessage = keyof ClientPayloads;

/** anyone: before joining (opening, joining, resuming); student / teacher: after, checked per socket. */
export type Sender = 'anyone' | 'student' | 'teacher';

interface MessageSpec<K extends ClientMessage> {
  readonly from: Sender;
  /** Largest JSON size of the payload, characters. */
  readonly maxChars: number;
  readonly check: (v: unknown, catalog: Catalog) => ClientPayloads[K];
}

const TOKEN_RE = /^[A-Za-z0-9_-]{16,64}$/;
const ID_RE = /^[A-Za-z0-9_-]{6,24}$/;
const empty = (v: unknown): Record<string, never> => (record(v, '$', []), {});
const code = (v: unknown, p: string): string => normaliseCode(text(v, p, 16)) ?? raise(p, 'is not a session code');
const token = (v: unknown, p: string): string => (TOKEN_RE.test(text(v, p, 64)) ? (v as string) : raise(p, 'is not a token'));
const studentId = (v: unknown, p: string): string => (ID_RE.test(text(v, p, 24)) ? (v as string) : raise(p, 'is not a student id'));
const station = (v: unknown, p: string, c: Catalog): string => knownId(v, p, c.stations, 'unknown-station');
const role = (v: unknown, p: string, c: Catalog): string => knownId(v, p, c.roles, 'unknown-role');
function raise(path: string, why: string, errorCode?: string): never {
  throw new Invalid(path, why, errorCode);
}

function nickname(v: unknown, p: string): string {
  const n = cleanNickname(text(v, p, LIMITS.nicknameRaw));
  if (n.length === 0) raise(p, 'is empty', 'nickname-empty');
  if ([...n].length > LIMITS.nickname) raise(p, `is longer than ${LIMITS.nickname}`, 'nickname-too-long');
  return n;
}

function takeSteps(v: unknown, c: Catalog): TakeStep[] {
  const steps = list(v, '$.steps', LIMITS.takeSteps, (x, p) => {
    const o = record(x, p, ['id', 'role', 'cue', 'seconds', 'auto']);
    const step: TakeStep = { id: slug(o.id, `${p}.id`), role: role(o.role, `${p}.role`, c), cue: bool(o.cue, `${p}.cue`), seconds: num(o.seconds, `${p}.seconds`, 0.2, LIMITS.takeSeconds) };
    const auto = optional(o.auto, (a) => num(a, `${p}.auto`, 0, LIMITS.takeSeconds));
    return auto === undefined ? step : { ...step, auto };
  });
  if (steps.length === 0) raise('$.steps', 'is empty');
  if (new Set(steps.map((s) => s.id)).size !== steps.length) raise('$.steps', 'has two steps with one id');
  return steps;
}

type Specs = { readonly [K in ClientMessage]: MessageSpec<K> };
export const MESSAGES: Specs = {
  'time:sync': { from: 'anyone', maxChars: 16, check: empty },
  'session:open': { from: 'anyone', maxChars: 64, check: (v) => {
    const o = record(v, '$', ['cap']);
    const cap = optional(o.cap, (x) => int(x, '$.cap', 1, LIMITS.capMax));
    return cap === undefined ? {} : { cap };
  } },
  'teacher:resume': { from: 'anyone', maxChars: 160, check: (v) => {
    const o = record(v, '$', ['code', 'token']);
    return { code: code(o.code, '$.code'), token: token(o.token, '$.token') };
  } },
  'student:join': { from: 'anyone', maxChars: 600, check: (v) => {
    const o = record(v, '$', ['code', 'nickname', 'device']);
    return { code: code(o.code, '$.code'), nickname: nickname(o.nickname, '$.nickname'), device: oneOf(o.device, '$.device', DEVICES) };
  } },
  'student:resume': { from: 'anyone', maxChars: 160, check: (v) => {
    const o = record(v, '$', ['code', 'token']);
    return { code: code(o.code, '$.code'), token: token(o.token, '$.token') };
  } },
  'student:leave': { from: 'student', maxChars: 16, check: empty },
  'student:report': { from: 'student', maxChars: 200, check: (v, c) => {
    const o = record(v, '$', ['station', 'device', 'activity']);
    const out: ClientPayloads['student:report'] = {};
    if (o.station !== undefined) out.station = o.station === null ? null : station(o.station, '$.station', c);
    if (o.device !== undefined) out.device = oneOf(o.device, '$.device', DEVICES);
    if (o.activity !== undefined) out.activity = slug(o.activity, '$.activity');
    if (Object.keys(out).length === 0) raise('$', 'reports nothing');
    return out;
  } },
  'student:answer': { from: 'student', maxChars: 120, check: (v, c) => {
    const o = record(v, '$', ['question', 'choice']);
    const id = slug(o.question, '$.question');
    const q = c.quiz.find((k) => k.id === id) ?? raise('$.question', 'is not a lesson question', 'unknown-question');
    return { question: q.id, choice: int(o.choice, '$.choice', 0, q.choices - 1) };
  } },
  'take:cue': { from: 'student', maxChars: 16, check: empty },
  'teacher:station': { from: 'teacher', maxChars: 100, check: (v, c) => {
    const o = record(v, '$', ['station']);
    return { station: o.station === null ? null : station(o.station, '$.station', c) };
  } },
  'teacher:follow': { from: 'teacher', maxChars: 32, check: (v) => ({ on: bool(record(v, '$', ['on']).on, '$.on') }) },
  'teacher:gather': { from: 'teacher', maxChars: 100, check: (v, c) => ({ station: station(record(v, '$', ['station']).station, '$.station', c) }) },
  'teacher:pause': { from: 'teacher', maxChars: 32, check: (v) => ({ paused: bool(record(v, '$', ['paused']).paused, '$.paused') }) },
  'teacher:lock': { from: 'teacher', maxChars: 32, check: (v) => ({ locked: bool(record(v, '$', ['locked']).locked, '$.locked') }) },
  'teacher:quiz': { from: 'teacher', maxChars: 4096, check: (v, c) => {
    const o = record(v, '$', ['questions', 'reset']);
    const ids = new Set(c.quiz.map((q) => q.id));
    const questions = optional(o.questions, (x) => list(x, '$.questions', c.quiz.length, (q, p) => knownId(q, p, ids, 'unknown-question')));
    const reset = optional(o.reset, (x) => bool(x, '$.reset'));
    return { ...(questions ? { questions: [...new Set(questions)] } : {}), ...(reset === undefined ? {} : { reset }) };
  } },
  'teacher:quiz-end': { from: 'teacher', maxChars: 16, check: empty },
  'teacher:roles': { from: 'teacher', maxChars: 8192, check: (v, c) => {
    const o = record(record(v, '$', ['assign']).assign, '$.assign', [...c.roles]);
    const assign: Record<string, string | null> = {};
    for (const [r, who] of Object.entries(o)) assign[role(r, `$.assign`, c)] = who === null ? null : studentId(who, `$.assign.${r}`);
    return { assign };
  } },
  'teacher:remove': { from: 'teacher', maxChars: 64, check: (v) => ({ student: studentId(record(v, '$', ['student']).student, '$.student') }) },
  'teacher:take': { from: 'teacher', maxChars: 16384, check: (v, c) => {
    const o = record(v, '$', ['steps', 'lead']);
    const lead = optional(o.lead, (x) => num(x, '$.lead', 0, LIMITS.takeLeadSeconds));
    return { steps: takeSteps(o.steps, c), ...(lead === undefined ? {} : { lead }) };
  } },
  'teacher:cut': { from: 'teacher', maxChars: 16, check: empty },
  'teacher:end': { from: 'teacher', maxChars: 16, check: empty },
  'teacher:results': { from: 'teacher', maxChars: 16, check: empty },
};

export const isClientMessage = (name: unknown): name is ClientMessage => typeof name === 'string' && Object.hasOwn(MESSAGES, name);

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorCode; readonly reason: string };

/**
 * Validates one message's payload. Oversized payloads are refused before their shape is looked at.
 * `size` is the payload's JSON length if the caller already has it (the server measures once).
 */
export function validate<K extends ClientMessage>(name: K, payload: unknown, catalog: Catalog, size?: number): Parsed<ClientPayloads[K]> {
  const spec = MESSAGES[name] as MessageSpec<K>;
  const chars = size ?? jsonSize(payload);
  if (chars === null) return { ok: false, error: 'invalid', reason: 'payload is not JSON' };
  if (chars > spec.maxChars) return { ok: false, error: 'invalid', reason: `payload of ${chars} chars over ${spec.maxChars}` };
  try {
    return { ok: true, value: spec.check(payload ?? {}, catalog) };
  } catch (err) {
    if (!(err instanceof Invalid)) throw err;
    const error = (ERROR_CODES as readonly string[]).includes(err.code) ? (err.code as ErrorCode) : 'invalid';
    return { ok: false, error, reason: err.message };
  }
}

export function jsonSize(v: unknown): number | null {
  try {
    return v === undefined ? 0 : (JSON.stringify(v)?.length ?? null);
  } catch {
    return null; // cycles, BigInt: not a message we accept
  }
}

// ── Server → client ──────────────────────────────────────────────────────────────────────────────
// Every view carries `rev`, the session revision that produced it. Messages from different server
// processes can overtake each other: keep the highest rev per thing and drop older ones.

/** What everyone in the class sees of the session. */
export interface ClassView {
  readonly rev: number;
  readonly code: string;
  readonly status: 'open' | 'ended';
  readonly paused: boolean;
  /** Students may not walk on their own (follow and gather still move them). */
  readonly locked: boolean;
  /** Students go wherever the teacher goes: to `teacherStation`, now and on every change. */
  readonly follow: boolean;
  readonly teacherStation: string | null;
  /** The last gather call; a new `seq` means "go to `station` now". */
  readonly gather: { readonly station: string; readonly seq: number } | null;
  readonly quiz: { readonly seq: number; readonly questions: readonly string[]; readonly open: boolean } | null;
  /** Whether the teacher is connected. */
  readonly teacher: boolean;
}

/** A classmate on the floor plan: nothing more than a name and a place (null: not connected). */
export interface MateView {
  readonly rev: number;
  readonly id: string;
  readonly nickname: string;
  readonly station: string | null;
  readonly gone?: true;
}

/** A student's own record. */
export interface YouView {
  readonly rev: number;
  readonly id: string;
  readonly nickname: string;
  readonly device: Device;
  readonly station: string | null;
  readonly roles: readonly string[];
  readonly answers: Readonly<Record<string, number>>;
  readonly activities: readonly string[];
}

/** One line of the teacher's dashboard. */
export interface StudentRow {
  readonly rev: number;
  readonly id: string;
  readonly nickname: string;
  readonly device: Device;
  readonly station: string | null;
  readonly visited: readonly string[];
  readonly activities: readonly string[];
  readonly answered: number;
  readonly score: number;
  readonly roles: readonly string[];
  readonly connected: boolean;
}
export interface GoneRow {
  readonly rev: number;
  readonly id: string;
  readonly gone: true;
}

/** Answers so far to one question: `counts[choice]`. */
export interface Tally {
  readonly rev: number;
  readonly question: string;
  readonly counts: readonly number[];
  readonly answered: number;
}

export interface TakeView extends TakeState {
  readonly rev: number;
}

/** A finished take as the teacher's log keeps it (holders by nickname: the log outlives students). */
export interface TakeLog {
  readonly n: number;
  readonly status: TakeStatus;
  readonly fault: TakeFault | null;
  readonly startedAt: number;
  readonly endedAt: number | null;
  readonly hits: readonly TakeHit[];
  readonly holders: Readonly<Record<string, string>>;
}

export interface TeacherView {
  readonly rev: number;
  readonly class: ClassView;
  readonly cap: number;
  readonly students: readonly StudentRow[];
  readonly tallies: readonly Tally[];
  /** role → student id */
  readonly roles: Readonly<Record<string, string>>;
  readonly take: TakeView | null;
  readonly takes: readonly TakeLog[];
}

export interface ServerEvents {
  'class:state': ClassView;
  /** Classmates that moved, joined, dropped or left. The server gathers them: at most 4 a second. */
  'class:mates': readonly MateView[];
  'you:state': YouView;
  'take:state': TakeView;
  'teacher:student': StudentRow | GoneRow;
  'teacher:tally': Tally;
  'teacher:take-log': TakeLog;
  /** The session is over for this student: ended by the teacher, or the teacher removed them. */
  'session:ended': { readonly reason: 'ended' | 'removed' };
}
export type ServerEvent = keyof ServerEvents;

// ── Replies (Socket.IO acknowledgements) ─────────────────────────────────────────────────────────
export interface ErrorReply {
  readonly ok: false;
  readonly error: ErrorCode;
}
export interface OkReply {
  readonly ok: true;
}
export interface TimeReply {
  readonly ok: true;
  readonly now: number;
}
/** session:open and teacher:resume. `token` only on open; the server adds `token` and `joinUrl`. */
export interface TeacherReply {
  readonly ok: true;
  readonly code: string;
  readonly view: TeacherView;
  readonly token?: string;
  readonly joinUrl?: string;
}
/** student:join and student:resume. `token` only on join (resume keeps the same one). */
export interface StudentReply {
  readonly ok: true;
  readonly you: YouView;
  readonly class: ClassView;
  readonly mates: readonly MateView[];
  readonly take: TakeView | null;
  readonly token?: string;
}
export interface ResultsReply {
  readonly ok: true;
  readonly csv: string;
  readonly takes: readonly TakeLog[];
}
export type Reply = ErrorReply | OkReply | TimeReply | TeacherReply | StudentReply | ResultsReply;
