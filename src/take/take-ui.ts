import type { TakeLocaleFile } from '../content/take-types';
import { format, h } from '../ui/dom';
import './take.css';

export interface TakeUiActions {
  stop(): void;
  again(): void;
  follow(performer: string | null): void;
}

export interface CallLine {
  readonly index: number;
  readonly total: number;
  /** Who says it (their role's title) and what they say. */
  readonly who: string;
  readonly call: string;
  /** What happens, or the followed person's point of view. */
  readonly explain: string;
}

/**
 * The take's bar over the set: which call this is and what it means (the call itself is the
 * caption line's, just above), a "Follow" choice and Stop. Every call is also added to a log (a
 * polite live region), so a screen reader hears the calls in order. All text goes in as text.
 */
export class TakeUi {
  readonly root: HTMLElement;
  /** The calls so far, one line each (role=log: a screen reader reads each new line once). */
  readonly log: HTMLElement;
  private readonly progress: HTMLElement;
  private readonly explain: HTMLElement;
  private readonly select: HTMLSelectElement;
  private readonly stopButton: HTMLButtonElement;
  private readonly againButton: HTMLButtonElement;
  private readonly closeButton: HTMLButtonElement;

  constructor(private readonly words: TakeLocaleFile, labels: { title: string; close: string }, performers: readonly { id: string; name: string }[], actions: TakeUiActions & { close(): void }) {
    const { title } = labels;
    const { ui } = words;
    this.progress = h('p', { class: 'take-progress' });
    this.explain = h('p', { class: 'take-explain' });
    this.select = h('select', { id: 'take-follow' },
      h('option', { value: '' }, ui.followAll),
      ...performers.map((p) => h('option', { value: p.id }, p.name)),
    );
    this.select.addEventListener('change', () => actions.follow(this.select.value || null));
    this.stopButton = h('button', { type: 'button', id: 'take-stop', class: 'take-stop' }, ui.stop);
    this.stopButton.addEventListener('click', () => actions.stop());
    this.againButton = h('button', { type: 'button', id: 'take-again', hidden: true }, ui.again);
    this.againButton.addEventListener('click', () => actions.again());
    this.closeButton = h('button', { type: 'button', id: 'take-close', hidden: true }, labels.close);
    this.closeButton.addEventListener('click', () => actions.close());
    this.root = h('section', { id: 'take', class: 'take-bar', 'aria-label': title, hidden: true, 'data-take': 'idle' },
      h('div', { class: 'take-head' }, h('h2', { class: 'take-title' }, title), this.progress),
      this.explain,
      h('div', { class: 'take-controls' },
        h('label', { for: 'take-follow' }, ui.follow), this.select,
        this.againButton,
        this.stopButton,
        this.closeButton,
      ),
    );
    this.log = h('div', { id: 'take-live', class: 'visually-hidden', role: 'log', 'aria-live': 'polite', 'aria-label': title });
    // A tap on the bar in AR's DOM overlay is not also a select on the model.
    this.root.addEventListener('beforexrselect', (e) => e.preventDefault());
  }

  /** The take begins: the bar shows, the log starts afresh. */
  open(follow: string | null): void {
    this.root.hidden = false;
    this.root.dataset.take = 'running';
    this.select.value = follow ?? '';
    this.againButton.hidden = true;
    this.closeButton.hidden = true;
    this.stopButton.hidden = false;
    this.log.replaceChildren(h('p', {}, this.words.ui.started));
    this.progress.textContent = '';
    this.explain.textContent = this.words.ui.started;
  }

  /** A call is made: shown, and added to the log (the caption line and the tag show it too). */
  show(line: CallLine): void {
    this.progress.textContent = format(this.words.ui.progress, { n: line.index + 1, total: line.total });
    this.explain.textContent = line.explain;
    this.log.append(h('p', { 'data-call': String(line.index) }, format(this.words.ui.speakerLine, { who: line.who, text: line.call })));
  }

  /** The point of view changed mid-call: the explanation follows it. */
  explainNow(text: string): void {
    this.explain.textContent = text;
  }

  /** The take ended on its own ("again" offered) or was stopped (the bar goes). */
  end(how: 'finished' | 'stopped'): void {
    this.root.dataset.take = how;
    this.log.append(h('p', {}, how === 'finished' ? this.words.ui.finished : this.words.ui.stopped));
    if (how === 'stopped') {
      this.root.hidden = true;
      return;
    }
    this.progress.textContent = '';
    this.explain.textContent = this.words.ui.finished;
    this.stopButton.hidden = true;
    this.againButton.hidden = false;
    this.closeButton.hidden = false;
    if (this.root.contains(document.activeElement)) this.againButton.focus();
  }

  /** Puts the bar away (Close after a finished take, or Escape). */
  close(): void {
    this.root.hidden = true;
    this.root.dataset.take = 'idle';
  }

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  /** Where keyboard focus goes when the take starts: its Stop button. */
  focus(): void {
    this.stopButton.focus();
  }

  dispose(): void {
    this.root.remove();
    this.log.remove();
  }
}
