import type { ActivityWords, Feedback } from '../types';
import type { ContinuityState, PickOutcome } from './logic';
import type { ItemKind, TakeId } from './params';

/**
 * What the continuity activity says, from its words (scenes/activities/continuity/<lang>.json):
 * pure, so the unit test reads the same sentences a visitor hears.
 */

export type Format = (text: string, values: Readonly<Record<string, string | number>>) => string;

export class ContinuityTexts {
  constructor(private readonly words: ActivityWords, private readonly format: Format) {}

  word(key: string): string {
    return Object.hasOwn(this.words.text, key) ? this.words.text[key]! : key;
  }

  item(id: ItemKind): string {
    return this.word(`item.${id}`);
  }

  /** Said when a take goes up on the monitor: what is in it, so a listener can compare too. */
  takeShown(take: TakeId): Feedback {
    return { text: this.word(`scene.${take}`), tone: 'info' };
  }

  /** Said after a pick; `done`: that pick found the last change. */
  picked(id: ItemKind, outcome: PickOutcome, done: boolean): Feedback {
    switch (outcome) {
      case 'found': {
        const text = this.format(this.word('found'), { note: this.word(`note.${id}`) });
        return { text: done ? `${text} ${this.words.done}` : text, tone: 'good' };
      }
      case 'already':
        return { text: this.format(this.word('already'), { item: this.item(id) }), tone: 'info' };
      case 'compare-first':
        return { text: this.word('compareFirst'), tone: 'info' };
      case 'matches':
      case 'unknown':
        return { text: this.format(this.word('wrong'), { why: this.word(`same.${id}`) }), tone: 'bad' };
    }
  }

  /** The script supervisor's notes so far, as one line. */
  status(state: ContinuityState, total: number): string {
    if (state.found.length === 0) return this.format(this.word('statusEmpty'), { total });
    const notes = state.found.map((id) => this.word(`note.${id}`)).join(' · ');
    return this.format(this.word('status'), { found: state.found.length, total, notes });
  }
}
