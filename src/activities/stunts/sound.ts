import type { ActivitySound } from '../types';

/**
 * The stunt's sounds, made in Web Audio (no files): a tick for a check done, the safety officer's
 * whistle for a stop, the stage bell on Roll and the thump of the double landing on the mats.
 * Everything goes through the app's output (its volume and mute), and nothing plays before the
 * visitor has interacted (no context yet).
 */
export interface StuntSound {
  tick(): void;
  whistle(): void;
  bell(): void;
  thump(): void;
  /** Silences what is playing (the card closed, a reset). */
  stop(): void;
  dispose(): void;
}

export function createStuntSound(sound: ActivitySound, volume: number): StuntSound {
  const playing = new Set<AudioScheduledSourceNode>();
  let noise: AudioBuffer | null = null;

  /** A gain envelope into the app's output: up in `attack`, down to silence by `length`. */
  const envelope = (ctx: AudioContext, out: AudioNode, peak: number, attack: number, length: number): GainNode => {
    const g = ctx.createGain();
    const t = ctx.currentTime;
    g.gain.setValueAtTime(0.0001, t);
    g.gain.exponentialRampToValueAtTime(Math.max(0.0002, peak * volume), t + attack);
    g.gain.exponentialRampToValueAtTime(0.0001, t + length);
    g.connect(out);
    return g;
  };
  const start = (node: AudioScheduledSourceNode, ctx: AudioContext, length: number): void => {
    playing.add(node);
    node.onended = () => playing.delete(node);
    node.start();
    node.stop(ctx.currentTime + length + 0.05);
  };
  const tone = (type: OscillatorType, freq: number, peak: number, length: number, wobble = 0): void => {
    const ctx = sound.context();
    const out = sound.output();
    if (!ctx || !out || volume <= 0) return;
    const osc = ctx.createOscillator();
    osc.type = type;
    osc.frequency.value = freq;
    if (wobble > 0) {
      // A pea whistle's trill: the pitch shaken 30 times a second.
      const lfo = ctx.createOscillator();
      const depth = ctx.createGain();
      lfo.frequency.value = 30;
      depth.gain.value = wobble;
      lfo.connect(depth).connect(osc.frequency);
      start(lfo, ctx, length);
    }
    osc.connect(envelope(ctx, out, peak, 0.01, length));
    start(osc, ctx, length);
  };

  return {
    tick: () => tone('triangle', 1320, 0.25, 0.12),
    whistle: () => tone('sine', 2900, 0.35, 0.7, 180),
    bell: () => {
      tone('square', 880, 0.12, 0.9);
      tone('sine', 1760, 0.08, 0.6);
    },
    thump() {
      const ctx = sound.context();
      const out = sound.output();
      if (!ctx || !out || volume <= 0) return;
      if (!noise) {
        noise = ctx.createBuffer(1, Math.floor(ctx.sampleRate * 0.4), ctx.sampleRate);
        const data = noise.getChannelData(0);
        for (let i = 0; i < data.length; i++) data[i] = Math.random() * 2 - 1;
      }
      // A body on a crash mat: low, soft and short (noise through a low-pass filter).
      const src = ctx.createBufferSource();
      src.buffer = noise;
      const filter = ctx.createBiquadFilter();
      filter.type = 'lowpass';
      filter.frequency.value = 180;
      src.connect(filter).connect(envelope(ctx, out, 0.9, 0.008, 0.35));
      start(src, ctx, 0.35);
    },
    stop() {
      for (const node of playing) {
        try {
          node.stop();
        } catch {
          // already stopped: nothing to silence
        }
      }
      playing.clear();
    },
    dispose() {
      this.stop();
      noise = null;
    },
  };
}
