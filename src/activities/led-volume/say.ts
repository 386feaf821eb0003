import type { ActivityEnv, ControlSpec, Feedback } from '../types';
import type { LedState, RollResult } from './logic';
import type { LedParams, Look } from './params';

/**
 * The LED volume activity's words put together: its controls' labels, what each change and each
 * roll says, and its status line. Every word comes from the activity's words file (content).
 */
export class Say {
  constructor(private readonly env: Pick<ActivityEnv, 'words' | 'format'>, private readonly params: LedParams) {}

  word(key: string): string {
    return this.env.words.text[key] ?? key;
  }

  /** "Sunset · Storm". */
  look(look: Look): string {
    return this.env.format(this.word('look'), { time: this.word(`time.${look.time}`), weather: this.word(`weather.${look.weather}`) });
  }

  controls(): readonly ControlSpec[] {
    const { params } = this;
    return [
      { kind: 'choice', id: 'time', label: this.word('time'), options: params.times.map((t) => ({ id: t.id, label: this.word(`time.${t.id}`) })) },
      { kind: 'choice', id: 'weather', label: this.word('weather'), options: params.weathers.map((w) => ({ id: w.id, label: this.word(`weather.${w.id}`) })) },
      { kind: 'action', id: 'roll', label: this.word('roll') },
    ];
  }

  /** What choosing `option` does on the wall, and a nudge to roll once the wall matches the request. */
  changed(option: string, matches: boolean): Feedback {
    const said = this.word(`said.${option}`);
    return { text: matches ? `${said} ${this.word('matches')}` : said, tone: 'info' };
  }

  /** What the director says after a take; the first take also explains the camera's frame on the wall. */
  rolled(result: RollResult, state: LedState): Feedback {
    const f = this.result(result, state);
    return state.rolls === 1 ? { ...f, text: `${this.word('rolling')} ${f.text}` } : f;
  }

  private result(result: RollResult, state: LedState): Feedback {
    const { env } = this;
    switch (result.kind) {
      case 'next':
        return { text: env.format(this.word('rollNext'), { look: this.look(result.next) }), tone: 'good' };
      case 'done':
      case 'wrapped':
        return { text: env.words.done, tone: 'good' };
      case 'wrong': {
        const parts = [this.word('cut')];
        if (result.time) parts.push(env.format(this.word('rollWrongTime'), { have: this.word(`time.${state.time}`), want: this.word(`time.${result.want.time}`) }));
        if (result.weather) parts.push(env.format(this.word('rollWrongWeather'), { have: this.word(`weather.${state.weather}`), want: this.word(`weather.${result.want.weather}`) }));
        return { text: parts.join(' '), tone: 'bad' };
      }
    }
  }

  status(state: LedState, wanted: Look | null): string {
    return wanted ? this.env.format(this.word('status'), { look: this.look(state), wanted: this.look(wanted) }) : this.env.format(this.word('statusDone'), { look: this.look(state) });
  }
}
