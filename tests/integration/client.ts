/**
 * Test clients that speak the classroom protocol the way the browser will: WebSocket only,
 * protocol version in the handshake, a student who keeps their token and resumes by itself after
 * every reconnection, and views kept by `rev` (an older one never overwrites a newer one).
 */
import { io, type Socket } from 'socket.io-client';
import type { ClassView, MateView, Reply, StudentReply, TakeView, TeacherReply, YouView } from '../../src/classroom/protocol';

export type Client = Socket;

export function connect(url: string, opts: { origin?: string; auth?: object; headers?: Record<string, string> } = {}): Promise<Client> {
  const socket = io(url, {
    transports: ['websocket'],
    auth: opts.auth ?? { v: 1 },
    reconnectionDelay: 100,
    reconnectionDelayMax: 400,
    timeout: 4000,
    forceNew: true,
    extraHeaders: { ...opts.headers, ...(opts.origin ? { origin: opts.origin } : {}) },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (e) => {
      socket.close();
      reject(e);
    });
  });
}

export function call<R extends Reply = Reply>(socket: Client, name: string, payload?: unknown, ms = 5000): Promise<R> {
  return socket.timeout(ms).emitWithAck(name, payload) as Promise<R>;
}

/** Resolves with the first `event` whose data passes `test` (also one that already arrived, if kept). */
export function waitFor<T>(socket: Client, event: string, test: (d: T) => boolean = () => true, ms = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, on);
      reject(new Error(`no ${event} within ${ms} ms`));
    }, ms);
    const on = (d: T): void => {
      if (!test(d)) return;
      clearTimeout(timer);
      socket.off(event, on);
      resolve(d);
    };
    socket.on(event, on);
  });
}

/** Keeps the newest of each view; remembers when each arrived (for timings). */
export class Student {
  you: YouView;
  klass: ClassView;
  take: TakeView | null;
  readonly mates = new Map<string, MateView>();
  resumes = 0;
  lastError: Reply | null = null;
  /** Called with every newer take state, from a message or from a resume's snapshot. */
  onTake: ((t: TakeView) => void) | null = null;

  private constructor(
    readonly socket: Client,
    readonly code: string,
    readonly token: string,
    reply: StudentReply,
  ) {
    this.you = reply.you;
    this.klass = reply.class;
    this.take = reply.take;
    for (const m of reply.mates) this.mates.set(m.id, m);
    socket.on('you:state', (v: YouView) => v.rev >= this.you.rev && (this.you = v));
    socket.on('class:state', (v: ClassView) => v.rev >= this.klass.rev && (this.klass = v));
    socket.on('take:state', (v: TakeView) => {
      if (this.take && v.rev < this.take.rev) return;
      this.take = v;
      this.onTake?.(v);
    });
    socket.on('class:mates', (list: MateView[]) => {
      for (const m of list) if (m.rev >= (this.mates.get(m.id)?.rev ?? 0)) this.mates.set(m.id, m);
    });
    // After any reconnection (Wi-Fi drop, server process gone): resume with the token, by itself.
    socket.io.on('reconnect', () => void this.resume());
  }

  static async join(url: string, code: string, nickname: string, device = 'phone', headers?: Record<string, string>): Promise<Student> {
    const socket = await connect(url, headers ? { headers } : {});
    const r = await call<StudentReply>(socket, 'student:join', { code, nickname, device });
    if (!r.ok) {
      socket.close();
      throw new Error(`join refused: ${JSON.stringify(r)}`);
    }
    return new Student(socket, code, r.token!, r);
  }

  async resume(): Promise<void> {
    const r = await call<StudentReply>(this.socket, 'student:resume', { code: this.code, token: this.token }).catch((e: Error) => ({ ok: false, error: e.message }) as unknown as Reply);
    if (!r.ok) {
      this.lastError = r;
      return;
    }
    const sr = r as StudentReply;
    this.resumes++;
    if (sr.you.rev >= this.you.rev) this.you = sr.you;
    if (sr.class.rev >= this.klass.rev) this.klass = sr.class;
    this.take = sr.take;
    if (sr.take) this.onTake?.(sr.take); // a take may have moved on while we were away
  }

  close(): void {
    this.socket.close();
  }
}

export async function openSession(url: string, cap?: number, headers?: Record<string, string>): Promise<{ teacher: Client; reply: TeacherReply }> {
  const teacher = await connect(url, headers ? { headers } : {});
  const reply = await call<TeacherReply>(teacher, 'session:open', cap ? { cap } : {});
  if (!reply.ok) throw new Error(`open refused: ${JSON.stringify(reply)}`);
  return { teacher, reply };
}

export async function until(test: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`${what} not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
