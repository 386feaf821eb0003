import { checkTakeCalls, takeCallsFile, takeCallsFolder } from '../../take/calls-file';
import type { ActivitySound } from '../types';
import type { Mix, SoundParams } from './logic';

/**
 * What the visitor hears at the sound cart, in Web Audio through the app's output (their volume and
 * mute): the actors' line from the take's dialogue sprite, thinned (high-pass), dulled (low-pass)
 * and sent to a generated room echo as the mic rises, over generated room noise (low-passed noise)
 * that comes up with it. Everything is made once, on the first line; a change only moves gains and
 * filter frequencies. Without a context, an output or with the sound muted, nothing plays and the
 * activity says so (audible()).
 */

const RAMP = 0.06;
/** The line's loudness, measured in windows this long, for the meter's dance. */
const WINDOW = 0.04;

interface Graph {
  readonly ctx: AudioContext;
  readonly highpass: BiquadFilterNode;
  readonly lowpass: BiquadFilterNode;
  readonly voice: GainNode;
  readonly send: GainNode;
  readonly room: GainNode;
  /** The noise goes in here: low-passed into a rumble, then the room's gain. */
  readonly rumble: BiquadFilterNode;
  readonly noise: AudioBuffer;
  readonly nodes: readonly AudioNode[];
}

interface Dialogue {
  readonly buffer: AudioBuffer;
  readonly sprite: Readonly<Record<string, readonly [number, number]>>;
  /** Per line: its loudness window by window, dB below its loudest (0 … -40). */
  readonly envelopes: Map<string, Float32Array>;
}

export class BoomAudio {
  private graph: Graph | null = null;
  private dialogue: Promise<Dialogue | null> | null = null;
  private loaded: Dialogue | null = null;
  private voiceSource: AudioBufferSourceNode | null = null;
  private noiseSource: AudioBufferSourceNode | null = null;
  /** Bumped by every play and stop: a line still waiting for its file checks it. */
  private request = 0;
  /** For debug(): what happened last. */
  readonly stats = { lines: 0, failed: '' };

  constructor(private readonly sound: ActivitySound, private readonly lang: string, private readonly p: SoundParams) {}

  /** Whether a line would be heard now: a context, the app's output, and not muted or at zero volume. */
  audible(): boolean {
    const ctx = this.sound.context();
    const out = this.sound.output();
    if (!ctx || !out) return false;
    return !(out instanceof GainNode) || out.gain.value > 1e-4;
  }

  /** The line's length in seconds (from its sprite once loaded; before that, a guess). */
  seconds(line: string): number {
    const r = this.loaded?.sprite[line];
    return r ? r[1] / 1000 : 3;
  }

  /** The line's loudness `t` seconds in, dB below its loudest; null before it is loaded. */
  envelope(line: string, t: number): number | null {
    const env = this.loaded?.envelopes.get(line);
    if (!env || env.length === 0) return null;
    return env[Math.min(env.length - 1, Math.max(0, Math.floor(t / WINDOW)))]!;
  }

  /** Starts fetching and decoding the dialogue, once there is a context to decode with. */
  prepare(): void {
    const ctx = this.sound.context();
    if (!ctx || this.dialogue) return;
    this.dialogue = this.load(ctx).then(
      (d) => (this.loaded = d),
      (err: unknown) => {
        this.stats.failed = err instanceof Error ? err.message : String(err);
        console.warn(`backlot: the sound activity's dialogue could not be loaded (${this.stats.failed}); the meter still shows the levels`);
        return null;
      },
    );
  }

  /** Plays a line over the room at the mix's levels. */
  playLine(line: string, mix: Mix): void {
    const graph = this.ensure();
    if (!graph) return;
    this.stop();
    const request = ++this.request;
    this.prepare();
    void this.dialogue?.then((d) => {
      if (!d || request !== this.request || !this.graph) return;
      const r = d.sprite[line];
      if (!r) return;
      const src = graph.ctx.createBufferSource();
      src.buffer = d.buffer;
      src.connect(graph.highpass);
      src.start(graph.ctx.currentTime + 0.05, r[0] / 1000, r[1] / 1000);
      this.voiceSource = src;
      this.stats.lines++;
    });
    this.startRoom(graph, mix);
  }

  /** Room tone: the room alone, as the mic hears it from where it is. */
  playRoom(mix: Mix): void {
    const graph = this.ensure();
    if (!graph) return;
    this.stop();
    this.request++;
    this.startRoom(graph, mix);
  }

  /** The boom moved: the same sounds, from the new place. */
  setMix(mix: Mix): void {
    const g = this.graph;
    if (!g) return;
    const now = g.ctx.currentTime;
    g.voice.gain.setTargetAtTime(mix.voiceGain, now, RAMP);
    g.send.gain.setTargetAtTime(mix.voiceGain * mix.reverb, now, RAMP);
    g.room.gain.setTargetAtTime(mix.roomGain, now, RAMP);
    g.highpass.frequency.setTargetAtTime(mix.highpassHz, now, RAMP);
    g.lowpass.frequency.setTargetAtTime(mix.lowpassHz, now, RAMP);
  }

  stop(): void {
    this.request++;
    const g = this.graph;
    for (const src of [this.voiceSource, this.noiseSource]) {
      if (!src || !g) continue;
      try {
        src.stop(g.ctx.currentTime + 0.08);
      } catch {
        // Already stopped.
      }
    }
    g?.room.gain.setTargetAtTime(0, g.ctx.currentTime, 0.02);
    this.voiceSource = null;
    this.noiseSource = null;
  }

  dispose(): void {
    this.stop();
    for (const n of this.graph?.nodes ?? []) n.disconnect();
    this.graph = null;
  }

  private startRoom(graph: Graph, mix: Mix): void {
    const src = graph.ctx.createBufferSource();
    src.buffer = graph.noise;
    src.loop = true;
    src.connect(graph.rumble);
    // Fade the room in rather than switch it on: a click would be a sound of its own.
    graph.room.gain.cancelScheduledValues(graph.ctx.currentTime);
    graph.room.gain.setValueAtTime(0, graph.ctx.currentTime);
    src.start();
    this.noiseSource = src;
    this.setMix(mix);
  }

  /** The nodes, made once; null without a context or output. */
  private ensure(): Graph | null {
    if (this.graph) return this.graph;
    const ctx = this.sound.context();
    const out = this.sound.output();
    if (!ctx || !out) return null;
    // A tap on the button is a gesture: a context the browser held back can start now.
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    const highpass = new BiquadFilterNode(ctx, { type: 'highpass', frequency: this.p.hear.highpassHz[0], Q: 0.7 });
    const lowpass = new BiquadFilterNode(ctx, { type: 'lowpass', frequency: this.p.hear.lowpassHz[0], Q: 0.7 });
    const voice = new GainNode(ctx, { gain: 0 });
    const send = new GainNode(ctx, { gain: 0 });
    const echo = new ConvolverNode(ctx, { buffer: roomEcho(ctx), disableNormalization: false });
    const room = new GainNode(ctx, { gain: 0 });
    const rumble = new BiquadFilterNode(ctx, { type: 'lowpass', frequency: this.p.room.lowpassHz, Q: 0.5 });
    highpass.connect(lowpass).connect(voice).connect(out);
    lowpass.connect(send).connect(echo).connect(out);
    rumble.connect(room).connect(out);
    this.graph = { ctx, highpass, lowpass, voice, send, room, rumble, noise: noise(ctx), nodes: [highpass, lowpass, voice, send, echo, room, rumble] };
    return this.graph;
  }

  private async load(ctx: AudioContext): Promise<Dialogue> {
    const base = new URL(takeCallsFolder(this.lang), document.baseURI);
    const res = await fetch(new URL(takeCallsFile(this.lang), document.baseURI));
    if (!res.ok) throw new Error(`${takeCallsFile(this.lang)}: HTTP ${res.status}`);
    const checked = checkTakeCalls(await res.json());
    if (!checked.ok) throw new Error(`${takeCallsFile(this.lang)} ${checked.path}: ${checked.message}`);
    const audio = await fetch(new URL(checked.calls.audio, base));
    if (!audio.ok) throw new Error(`${checked.calls.audio}: HTTP ${audio.status}`);
    const buffer = await ctx.decodeAudioData(await audio.arrayBuffer());
    const envelopes = new Map<string, Float32Array>();
    for (const line of this.p.lines) {
      const r = checked.calls.sprite[line];
      if (r) envelopes.set(line, loudness(buffer, r[0] / 1000, r[1] / 1000));
    }
    return { buffer, sprite: checked.calls.sprite, envelopes };
  }
}

/** Two seconds of white noise, looped under the line as the room (the filter makes it a rumble). */
function noise(ctx: BaseAudioContext): AudioBuffer {
  const buf = ctx.createBuffer(1, Math.round(ctx.sampleRate * 2), ctx.sampleRate);
  const data = buf.getChannelData(0);
  for (let i = 0; i < data.length; i++) data[i] = Math.random() * 2 - 1;
  return buf;
}

/** The stage's echo: a second of decaying noise, a little different in each ear. */
function roomEcho(ctx: BaseAudioContext): AudioBuffer {
  const len = Math.round(ctx.sampleRate * 1.1);
  const buf = ctx.createBuffer(2, len, ctx.sampleRate);
  for (let ch = 0; ch < 2; ch++) {
    const data = buf.getChannelData(ch);
    for (let i = 0; i < len; i++) data[i] = (Math.random() * 2 - 1) * Math.exp((-5 * i) / len) * (i < ctx.sampleRate * 0.012 ? 0 : 1);
  }
  return buf;
}

/** A slice's loudness window by window, dB below its loudest window. */
function loudness(buffer: AudioBuffer, start: number, duration: number): Float32Array {
  const data = buffer.getChannelData(0);
  const rate = buffer.sampleRate;
  const step = Math.max(1, Math.round(WINDOW * rate));
  const first = Math.round(start * rate);
  const count = Math.max(1, Math.floor((duration * rate) / step));
  const out = new Float32Array(count);
  let loudest = 1e-9;
  for (let w = 0; w < count; w++) {
    let sum = 0;
    for (let i = first + w * step; i < Math.min(data.length, first + (w + 1) * step); i++) sum += data[i]! * data[i]!;
    out[w] = Math.sqrt(sum / step);
    loudest = Math.max(loudest, out[w]!);
  }
  for (let w = 0; w < count; w++) out[w] = Math.max(-40, 20 * Math.log10(Math.max(out[w]!, 1e-9) / loudest));
  return out;
}
