import type { Activity, ActivityEnv, ControlSpec, ControlValue, Feedback } from '../types';
import type { BoomAudio } from './audio';
import {
  clearance, endLine, endTone, hush, initialState, levelsAt, litSegments, mixAt, playLine, recordTone, setHeight, swayToward, zoneOf,
  type Levels, type SoundParams, type SoundState, type Zone,
} from './logic';
import type { SoundView } from './view';

/**
 * The sound activity wired together: its state (logic.ts), what is seen (view.ts) and heard
 * (audio.ts), and every word from its content. Time-bound things (the line, the room tone, the
 * boom's swing to a speaker) are kept on mutable clocks here, so frame() allocates nothing.
 */

/** After the line, the room rings on a moment before the meter and the REC lamp settle. */
const LINE_TAIL = 0.35;
/** How fast the boom swings to the speaker (per second, of the way left). */
const SWING = 6;
/** The sound report's entry over the picture, by what it says. */
const LOG_COLOR = { good: '#5cf08a', bad: '#ff4a3a', tone: '#ffc23a' } as const;

/** Real time, in seconds: the line's and the room tone's clocks follow the sound, not the app's clamped dt. */
const seconds = (): number => performance.now() / 1000;

export class SoundActivity implements Activity {
  private state: SoundState;
  private readonly clock = { line: 0, lineLeft: 0, toneLeft: 0, sway: 0, last: 0 };
  /** The levels where the mic is, worked out when it moves (the meter reads them every frame of a line). */
  private here: { height: number; levels: Levels };
  /** The boom's pose, one object rewritten in place (the swing runs every frame of a line). */
  private readonly pose: { height: number; zone: Zone; sway: number };
  private readonly metres: Intl.NumberFormat;
  private readonly list: readonly ControlSpec[];

  constructor(private readonly env: ActivityEnv, private readonly p: SoundParams, private readonly view: SoundView, private readonly audio: BoomAudio) {
    this.state = initialState(p);
    this.here = { height: this.state.height, levels: levelsAt(p, this.state.height) };
    this.pose = { height: this.state.height, zone: zoneOf(p, this.state.height), sway: 0 };
    this.metres = new Intl.NumberFormat(env.words.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    this.list = [
      { kind: 'slider', id: 'height', label: this.t('height'), min: p.mic.min, max: p.mic.max, step: p.mic.step },
      { kind: 'action', id: 'play', label: this.t('play') },
      { kind: 'action', id: 'roomTone', label: this.t('roomTone') },
    ];
    this.showBoom();
  }

  get done(): boolean {
    return this.state.done;
  }

  controls(): readonly ControlSpec[] {
    return this.list;
  }

  value(id: string): ControlValue {
    return id === 'height' ? this.state.height : false;
  }

  valueText(id: string): string {
    return id === 'height' ? this.env.format(this.t('heightValue'), { h: this.metres.format(this.state.height) }) : '';
  }

  disabled(): boolean {
    // Nothing is ever locked: moving the boom during room tone is a mistake to learn from (it spoils it).
    return false;
  }

  change(id: string, value: ControlValue): Feedback {
    if (id === 'height' && typeof value === 'number') return this.move(value);
    if (id === 'play') return this.play();
    if (id === 'roomTone') return this.tone();
    return { text: '', tone: 'info' };
  }

  status(): string {
    const v = this.values();
    const playing = this.state.playing;
    if (playing !== null) return this.env.format(this.t('statusLine'), { ...v, line: this.t(playing === 0 ? 'lineA' : 'lineB') });
    return this.env.format(this.t(zoneOf(this.p, this.state.height) === 'in-shot' ? 'statusIn' : 'status'), v);
  }

  frame(dt: number): void {
    const { clock } = this;
    const now = seconds();
    const real = Math.max(0, now - clock.last);
    clock.last = now;
    if (this.state.playing !== null) {
      clock.line += real;
      clock.lineLeft -= real;
      if (clock.lineLeft <= 0) {
        this.state = endLine(this.state);
        this.audio.stop();
      }
      this.showMeter();
    } else if (this.state.tone) {
      clock.toneLeft -= real;
      if (clock.toneLeft <= 0) {
        this.state = endTone(this.state);
        this.audio.stop();
        this.showMeter();
      }
    }
    this.swing(dt);
    this.view.frame(dt);
  }

  reset(): void {
    this.stopAll();
    this.state = initialState(this.p);
    this.clock.sway = 0;
    this.view.setLog('', '');
    this.showBoom();
  }

  setOpen(open: boolean): void {
    if (open) this.audio.prepare();
    else this.stopAll();
    this.view.setOpen(open);
    this.showBoom();
  }

  debug(): Record<string, unknown> {
    const { state, p, view } = this;
    const l = levelsAt(p, state.height);
    return {
      height: state.height, zone: zoneOf(p, state.height), clearance: clearance(p, state.height), voiceDb: l.voice, roomDb: l.room,
      playing: state.playing, tone: state.tone, toneRecorded: state.toneRecorded, takes: state.takes, last: state.last,
      audible: this.audio.audible(), audio: { ...this.audio.stats },
      log: view.logText, headTop: view.headTop, frameTop: view.frameTop, micBottom: view.micBottom(), signs: view.signsShown, ...view.stats,
    };
  }

  dispose(): void {
    this.stopAll();
    this.audio.dispose();
    this.view.dispose();
  }

  private t(key: string): string {
    return this.env.words.text[key] ?? key;
  }

  /** The placeholders of the status and feedback texts, where the mic is now. */
  private values(): Record<string, string> {
    const h = this.state.height;
    const l = levelsAt(this.p, h);
    return { clear: this.metres.format(Math.abs(clearance(this.p, h))), level: String(Math.round(l.voice)), room: String(Math.round(l.room)) };
  }

  private move(h: number): Feedback {
    const before = this.state;
    this.state = setHeight(this.p, this.state, h);
    this.audio.setMix(mixAt(this.p, this.state.height));
    this.showBoom();
    if (before.tone && !this.state.tone) {
      this.audio.stop();
      this.view.setLog(this.t('logToneSpoiled'), LOG_COLOR.bad);
      return { text: this.t('toneSpoiled'), tone: 'bad' };
    }
    const inShot = zoneOf(this.p, this.state.height) === 'in-shot';
    return { text: this.env.format(this.t(inShot ? 'movedIn' : 'movedAbove'), this.values()), tone: 'info' };
  }

  private play(): Feedback {
    const take = playLine(this.p, this.state);
    this.state = take.state;
    const good = take.zone === 'sweet';
    this.view.setLog(this.env.format(this.t(good ? 'logGood' : 'logNoGood'), { n: this.state.takes }), good ? LOG_COLOR.good : LOG_COLOR.bad);
    const sprite = this.p.lines[take.line]!;
    Object.assign(this.clock, { line: 0, lineLeft: this.audio.seconds(sprite) + LINE_TAIL, toneLeft: 0, last: seconds() });
    if (this.audio.audible()) this.audio.playLine(sprite, mixAt(this.p, this.state.height));
    this.showMeter();
    return this.withSoundNote(this.verdict(take.zone));
  }

  private tone(): Feedback {
    this.state = recordTone(this.state);
    const { seconds: real, demoSeconds } = this.p.roomTone;
    this.view.setLog(this.env.format(this.t('logTone'), { seconds: real }), LOG_COLOR.tone);
    Object.assign(this.clock, { toneLeft: demoSeconds, lineLeft: 0, last: seconds() });
    if (this.audio.audible()) this.audio.playRoom(mixAt(this.p, this.state.height));
    this.showMeter();
    return this.withSoundNote({ text: this.env.format(this.t('toneStart'), { seconds: real }), tone: 'info' });
  }

  /** What a take was, as the boom operator's job: the one good place, or why it is not. */
  private verdict(zone: Zone): Feedback {
    switch (zone) {
      case 'sweet':
        return { text: this.env.words.done, tone: 'good' };
      case 'in-shot':
        return { text: this.t('inShot'), tone: 'bad' };
      case 'grazing':
        return { text: this.t('grazing'), tone: 'bad' };
      case 'too-high':
        return { text: this.env.format(this.t('tooHigh'), this.values()), tone: 'bad' };
    }
  }

  /** Without sound (no context yet, muted, volume at zero) the activity still works, and says to watch the meter. */
  private withSoundNote(f: Feedback): Feedback {
    return this.audio.audible() ? f : { text: `${f.text} ${this.t('noSound')}`, tone: f.tone };
  }

  private stopAll(): void {
    this.state = hush(this.state);
    this.clock.lineLeft = 0;
    this.clock.toneLeft = 0;
    this.audio.stop();
  }

  private placeBoom(redraw = true): void {
    const { pose, state, p } = this;
    pose.height = state.height;
    pose.zone = zoneOf(p, state.height);
    pose.sway = this.clock.sway;
    this.view.setBoom(pose, redraw);
  }

  private showBoom(): void {
    this.placeBoom();
    this.showMeter();
  }

  /** The meter: the voice (its loudness now while a line plays, else what the line would peak at) and the room. */
  private showMeter(): void {
    const { state, p, clock } = this;
    if (this.here.height !== state.height) this.here = { height: state.height, levels: levelsAt(p, state.height) };
    const l = this.here.levels;
    let voice = 0;
    if (!state.tone) {
      const playing = state.playing;
      const now = playing === null ? 0 : clock.lineLeft > LINE_TAIL ? (this.audio.envelope(p.lines[playing]!, clock.line) ?? syllables(clock.line)) : -60;
      voice = litSegments(p, l.voice + now);
    }
    const rolling = state.tone || state.playing !== null;
    this.view.setMeter(voice, litSegments(p, l.room), rolling);
    this.view.setRolling(rolling, state.tone);
  }

  /**
   * The boom swings over to whoever speaks and stays on them until the next line, as a boom
   * operator keeps the mic on the last speaker (at once with reduced motion).
   */
  private swing(dt: number): void {
    const { state, p, clock } = this;
    const spoke = state.takes > 0 ? (state.nextLine + p.lines.length - 1) % p.lines.length : null;
    const target = swayToward(p, spoke);
    if (Math.abs(target - clock.sway) < 1e-4) return;
    clock.sway = this.env.reducedMotion() ? target : clock.sway + (target - clock.sway) * Math.min(1, dt * SWING);
    const settled = Math.abs(target - clock.sway) < 1e-3;
    if (settled) clock.sway = target;
    // The monitor shows where the swing ends, not each step of it: it is drawn when the boom has moved.
    this.placeBoom(settled);
  }
}

/** Without the decoded line, a made-up loudness: syllables at about four a second, a breath now and then. */
function syllables(t: number): number {
  const syllable = Math.abs(Math.sin(t * Math.PI * 4.2));
  const breath = (t * 0.9) % 1 > 0.82 ? -20 : 0;
  return -14 * (1 - syllable) + breath;
}
