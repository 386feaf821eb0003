import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type ClientMessage, type ClientPayloads, type ErrorCode, type Reply, type ServerEvents } from '../classroom/protocol';

type Listeners = { [K in keyof ServerEvents]: (data: ServerEvents[K]) => void };
type ClassSocket = Socket<Listeners, Record<string, never>>;

/** A request's answer: the server's reply, or `unavailable` when there was no answer in time. */
export type Answer = Reply;

const ACK_MS = 5000;

/**
 * The one Socket.IO connection a classroom page keeps to the server of its own origin, WebSocket
 * only (as the server accepts), speaking protocol version 1. Socket.IO reconnects by itself after
 * a drop (growing pauses, at most 5 s apart); `onConnect` runs after every (re)connection so the
 * page can resume with its token, `onDrop` after every loss.
 */
export class Link {
  private readonly socket: ClassSocket;
  private everConnected = false;

  constructor(hooks: { onConnect(): void; onDrop(): void; onUnreachable(): void }) {
    this.socket = io({ transports: ['websocket'], auth: { v: PROTOCOL_VERSION }, reconnectionDelayMax: 5000 });
    this.socket.on('connect', () => {
      this.everConnected = true;
      hooks.onConnect();
    });
    this.socket.on('disconnect', () => hooks.onDrop());
    // Only the first failure matters to the page ("cannot be reached"); later ones are retries.
    this.socket.on('connect_error', () => {
      if (!this.everConnected) hooks.onUnreachable();
    });
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  /**
   * Sends one message and waits for its acknowledgement. While disconnected nothing is queued
   * (Socket.IO would replay it after the resume, out of order): the answer is `unavailable`.
   */
  async request<K extends ClientMessage>(name: K, payload: ClientPayloads[K]): Promise<Answer> {
    if (!this.socket.connected) return failed('unavailable');
    try {
      // The socket is typed for events from the server only; requests are checked by ClientPayloads.
      const timed = this.socket.timeout(ACK_MS) as unknown as { emitWithAck(n: string, p: unknown): Promise<Reply> };
      return await timed.emitWithAck(name, payload);
    } catch {
      return failed('unavailable');
    }
  }

  on<K extends keyof ServerEvents>(name: K, fn: (data: ServerEvents[K]) => void): void {
    (this.socket.on as (n: string, f: (d: ServerEvents[K]) => void) => void)(name, fn);
  }

  /** Drops the Wi-Fi link as a test would: the socket closes under the page and reconnects by itself. */
  simulateDrop(): void {
    this.socket.io.engine?.close();
  }

  close(): void {
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }
}

const failed = (error: ErrorCode): Reply => ({ ok: false, error });
