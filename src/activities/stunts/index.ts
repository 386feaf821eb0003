import type { Activity, ActivityEnv, ControlSpec, Feedback } from '../types';
import { CHECK_IDS, type CheckId, type StuntsParams } from './spec';
import { goalReached, initialState, isDone, land, pressCheck, pressRoll, type Outcome, type StuntState } from './logic';
import { StuntView, drawStunt, type StuntGeometry } from './view';
import { createStuntSound, type StuntSound } from './sound';

/**
 * "Ready a high fall": the safety checks before a stunt, in the right order, then Roll. The logic
 * (logic.ts) decides; the view shows it at the stunts station; this file wires them to the host's
 * controls and says, in the crew's words, what each press did.
 */

const ROLL = 'roll';
const isCheck = (id: string): id is CheckId => (CHECK_IDS as readonly string[]).includes(id);

class StuntsActivity implements Activity {
  private readonly p: StuntsParams;
  private readonly view: StuntView;
  private readonly sound: StuntSound;
  private readonly list: readonly ControlSpec[];
  private state: StuntState = initialState();
  private open = false;

  constructor(private readonly env: ActivityEnv, params: StuntsParams, geometry: StuntGeometry) {
    this.p = params;
    this.view = new StuntView(env.group, env.station, params, geometry);
    this.sound = createStuntSound(env.sound, this.p.volume);
    this.list = [
      ...this.p.buttons.map((id): ControlSpec => ({ kind: 'action', id, label: this.label(id) })),
      { kind: 'action', id: ROLL, label: this.t('roll.label') },
    ];
    this.view.apply(this.state, true);
  }

  private t(key: string): string {
    return this.env.words.text[key] ?? key;
  }

  private label(id: CheckId): string {
    return this.t(`${id}.label`);
  }

  controls(): readonly ControlSpec[] {
    return this.list;
  }

  value(): boolean {
    return false;
  }

  valueText(): string {
    return '';
  }

  disabled(id: string): boolean {
    if (this.state.phase !== 'prep') return true;
    return isCheck(id) && isDone(this.state, this.p.order, id);
  }

  change(id: string): Feedback {
    let step;
    if (id === ROLL) step = pressRoll(this.state, this.p.order);
    else if (isCheck(id)) step = pressCheck(this.state, this.p.order, id);
    else throw new Error(`the stunts activity has no control "${id}"`);
    this.state = step.state;
    const cut = this.env.reducedMotion();
    this.view.apply(this.state, cut);
    const said = this.feedback(step.outcome);
    // With reduced motion the fall is a cut: the double is on the mats at once.
    if (this.state.phase === 'rolling' && cut) this.landed();
    return said;
  }

  /** What the press did, in the crew's words, with its sound. */
  private feedback(outcome: Outcome): Feedback {
    const { env } = this;
    switch (outcome.kind) {
      case 'checked':
        this.sound.tick();
        return { text: this.t(`${outcome.id}.done`), tone: 'good' };
      case 'stopped': {
        this.sound.whistle();
        const again = env.format(this.t('again'), { step: this.label(outcome.stop.missed) });
        return { text: `${this.t(`${outcome.stop.missed}.stop`)} ${again}`, tone: 'bad' };
      }
      case 'rolled':
        this.sound.bell();
        return { text: `${this.t('rolled')} ${env.words.done}`, tone: 'good' };
      case 'already':
        return { text: env.format(this.t('already'), { step: this.label(outcome.id) }), tone: 'info' };
      case 'finished':
        return { text: this.t('finished'), tone: 'info' };
    }
  }

  /** The fall has landed: the mats take the double's weight. */
  private landed(): void {
    this.state = land(this.state);
    if (this.open) this.sound.thump();
  }

  get done(): boolean {
    return goalReached(this.state);
  }

  status(): string {
    const values = { n: this.state.done, total: this.p.order.length };
    // The card shows the status as of the last press (it is not read per frame): once rolled, it is done.
    if (this.state.phase !== 'prep') return this.env.format(this.t('statusDone'), values);
    return this.env.format(this.t(this.state.stop ? 'statusStopped' : 'status'), values);
  }

  frame(dt: number): void {
    if (this.view.frame(dt)) this.landed();
  }

  reset(): void {
    this.state = initialState();
    this.sound.stop();
    this.view.apply(this.state, true);
  }

  setOpen(open: boolean): void {
    this.open = open;
    if (open) return;
    // Closed mid-walk or mid-fall: everyone is where they were going (frame() stops being called).
    this.sound.stop();
    if (this.view.settle()) this.landed();
  }

  debug(): Record<string, unknown> {
    const { state, p } = this;
    return {
      checksDone: p.order.slice(0, state.done),
      next: state.done < p.order.length ? p.order[state.done] : null,
      phase: state.phase,
      stop: state.stop,
      stops: state.stops,
      order: p.order,
      buttons: p.buttons,
      view: this.view.debug(),
    };
  }

  dispose(): void {
    this.sound.dispose();
    this.view.dispose();
  }
}

/** A macrotask break: the geometry is drawn between frames, not in one long task. */
const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function create(env: ActivityEnv): Promise<Activity> {
  // The host has checked the file against this kind's schema and rules (spec.ts) before making it.
  const params = env.params as StuntsParams;
  const text = (key: string): string => env.words.text[key] ?? key;
  const geometry = await drawStunt(env.station, params, { checked: text('sign.checked'), stop: text('sign.stop'), medic: text('sign.medic') }, pause);
  return new StuntsActivity(env, params, geometry);
}
