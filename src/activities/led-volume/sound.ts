import type { ActivitySound } from '../types';

/**
 * The storm heard on the stage: the LED volume's sound crew would play it on speakers so the actors
 * react to it. Generated with Web Audio (no files): a hiss of filtered noise for rain while the card
 * is open, and a low rumble a moment after each lightning strike. Nothing plays before the visitor
 * has let the page make sound (env.sound.context() is null until then), and the app's volume and
 * mute apply (env.sound.output()).
 */
export class StormSound {
  private noise: AudioBuffer | null = null;
  private rain: { source: AudioBufferSourceNode; gain: GainNode } | null = null;
  private open = false;
  private raining = false;
  private claps = 0;

  constructor(private readonly sound: ActivitySound) {}

  /** Whether the wall's weather is rain; it is heard only while the card is open. */
  setRain(raining: boolean): void {
    this.raining = raining;
    this.update();
  }

  setOpen(open: boolean): void {
    this.open = open;
    this.update();
  }

  /** Thunder after a strike: light travels faster than sound. */
  thunder(): void {
    const ctx = this.sound.context();
    const out = this.sound.output();
    if (!ctx || !out || !this.open) return;
    const source = ctx.createBufferSource();
    source.buffer = this.buffer(ctx);
    const low = ctx.createBiquadFilter();
    low.type = 'lowpass';
    low.frequency.value = 160;
    const gain = ctx.createGain();
    const t = ctx.currentTime + 0.5;
    gain.gain.setValueAtTime(0, ctx.currentTime);
    gain.gain.linearRampToValueAtTime(0.9, t + 0.08);
    gain.gain.exponentialRampToValueAtTime(0.001, t + 1.9);
    source.connect(low).connect(gain).connect(out);
    source.start(ctx.currentTime, Math.random() * 0.5, 2.2);
    this.claps++;
  }

  private buffer(ctx: AudioContext): AudioBuffer {
    if (!this.noise) {
      // two seconds of brown-ish noise, made once: rain filters it bright, thunder filters it low
      const length = ctx.sampleRate * 2;
      this.noise = ctx.createBuffer(1, length, ctx.sampleRate);
      const data = this.noise.getChannelData(0);
      let last = 0;
      for (let i = 0; i < length; i++) {
        last = last * 0.6 + (Math.random() * 2 - 1) * 0.4;
        data[i] = last;
      }
    }
    return this.noise;
  }

  private update(): void {
    const want = this.open && this.raining;
    if (want === (this.rain !== null)) return;
    if (!want) {
      this.stopRain();
      return;
    }
    const ctx = this.sound.context();
    const out = this.sound.output();
    if (!ctx || !out) return;
    const source = ctx.createBufferSource();
    source.buffer = this.buffer(ctx);
    source.loop = true;
    const band = ctx.createBiquadFilter();
    band.type = 'bandpass';
    band.frequency.value = 2600;
    band.Q.value = 0.4;
    const gain = ctx.createGain();
    gain.gain.setValueAtTime(0, ctx.currentTime);
    gain.gain.linearRampToValueAtTime(0.18, ctx.currentTime + 0.6);
    source.connect(band).connect(gain).connect(out);
    source.start();
    this.rain = { source, gain };
  }

  private stopRain(): void {
    if (!this.rain) return;
    const { source, gain } = this.rain;
    const ctx = source.context;
    gain.gain.cancelScheduledValues(ctx.currentTime);
    gain.gain.setValueAtTime(gain.gain.value, ctx.currentTime);
    gain.gain.linearRampToValueAtTime(0, ctx.currentTime + 0.3);
    source.stop(ctx.currentTime + 0.35);
    this.rain = null;
  }

  /** Whether the rain is playing now, and how many thunderclaps were heard (tests). */
  debug(): { rain: boolean; thunder: number } {
    return { rain: this.rain !== null, thunder: this.claps };
  }

  dispose(): void {
    this.stopRain();
    this.open = false;
  }
}
