import { h } from '../ui/dom';
import type { Activity, ControlSpec, Feedback } from './types';
import './activities.css';

export interface CardLabels {
  readonly reset: string;
  readonly close: string;
  readonly doneBadge: string;
  readonly controls: string;
}

export interface CardActions {
  /** `quiet`: a slider being dragged: apply it, announce it when it is let go (see commit). */
  change(id: string, value: boolean | string | number, quiet?: boolean): void;
  /** A dragged slider was let go (or stepped by a key): say what its last change did. */
  commit(id: string): void;
  reset(): void;
  close(): void;
}

/**
 * An activity's controls as DOM, beside the station's text: real buttons (toggles and choices
 * with aria-pressed), real sliders (input type=range with aria-valuetext) and action buttons,
 * drawn from the activity's control list. Its feedback line is the card's one live region, so
 * each change is announced once. Built once per open; `sync()` then only updates values, so the
 * control the visitor is using keeps focus.
 */
export class ActivityCard {
  readonly root: HTMLElement;
  private readonly status: HTMLElement;
  private readonly feedback: HTMLElement;
  private readonly controls: HTMLElement;
  private readonly badge: HTMLElement;
  private shape = '';

  constructor(private readonly station: string, title: string, goal: string, labels: CardLabels, private readonly actions: CardActions) {
    const id = `activity-${station}`;
    this.status = h('p', { class: 'activity-status' });
    this.feedback = h('p', { class: 'activity-feedback', 'aria-live': 'polite', 'data-tone': 'info' });
    this.controls = h('div', { class: 'activity-controls', role: 'group', 'aria-label': labels.controls });
    this.badge = h('span', { class: 'activity-badge', hidden: true }, labels.doneBadge);
    const reset = h('button', { type: 'button', id: 'activity-reset' }, labels.reset);
    reset.addEventListener('click', () => actions.reset());
    const close = h('button', { type: 'button', id: 'activity-close' }, labels.close);
    close.addEventListener('click', () => actions.close());
    this.root = h('section', { class: 'activity', 'data-demo': station, 'data-state': 'trying', 'aria-labelledby': `${id}-title` },
      h('div', { class: 'activity-head' }, h('h2', { id: `${id}-title` }, title), this.badge),
      h('p', { class: 'activity-goal' }, goal),
      this.status,
      this.controls,
      this.feedback,
      h('div', { class: 'activity-buttons' }, reset, close),
    );
    // A tap on the card in AR's DOM overlay is not also a select on the model.
    this.root.addEventListener('beforexrselect', (e) => e.preventDefault());
  }

  /** Brings the card up to date with the activity: values, disabled controls, status, done. */
  sync(activity: Activity): void {
    const specs = activity.controls();
    const shape = specs.map((c) => `${c.kind}:${c.id}:${c.label}`).join('|');
    if (shape !== this.shape) {
      // The list changed (a stage reached): rebuild, keeping focus on the same control if it is still there.
      const focused = (document.activeElement as HTMLElement | null)?.dataset?.control;
      this.shape = shape;
      this.controls.replaceChildren(...specs.map((c) => this.build(c)));
      if (focused && this.root.contains(document.activeElement) === false) this.controls.querySelector<HTMLElement>(`[data-control="${CSS.escape(focused)}"]`)?.focus();
    }
    for (const c of specs) this.update(c, activity);
    this.status.textContent = activity.status();
    this.status.hidden = this.status.textContent === '';
    this.root.dataset.state = activity.done ? 'done' : 'trying';
    this.badge.hidden = !activity.done;
  }

  /** Says what a change did, once (the live region reads it). */
  say(f: Feedback | null): void {
    this.feedback.dataset.tone = f?.tone ?? 'info';
    this.feedback.textContent = f?.text ?? '';
  }

  get feedbackText(): string {
    return this.feedback.textContent ?? '';
  }

  focusFirst(): void {
    this.controls.querySelector<HTMLElement>('button:not([disabled]), input:not([disabled])')?.focus();
  }

  private build(c: ControlSpec): HTMLElement {
    const a = this.actions;
    switch (c.kind) {
      case 'toggle': {
        const b = h('button', { type: 'button', class: 'activity-toggle', 'data-control': c.id, 'aria-pressed': 'false' }, c.label);
        b.addEventListener('click', () => a.change(c.id, b.getAttribute('aria-pressed') !== 'true'));
        return b;
      }
      case 'action': {
        const b = h('button', { type: 'button', class: 'activity-action', 'data-control': c.id }, c.label);
        b.addEventListener('click', () => a.change(c.id, true));
        return b;
      }
      case 'choice': {
        const label = h('span', { class: 'activity-label', id: `${this.station}-${c.id}-label` }, c.label);
        const group = h('div', { class: 'activity-choice', role: 'group', 'data-control': c.id, 'aria-labelledby': label.id },
          label,
          ...c.options.map((o) => {
            const b = h('button', { type: 'button', 'data-option': o.id, 'aria-pressed': 'false' }, o.label);
            b.addEventListener('click', () => a.change(c.id, o.id));
            return b;
          }),
        );
        return group;
      }
      case 'slider': {
        const inputId = `${this.station}-${c.id}`;
        const input = h('input', { type: 'range', id: inputId, 'data-control': c.id, min: c.min, max: c.max, step: c.step });
        const out = h('output', { for: inputId, class: 'activity-value' });
        // Seen while dragging ('input'), said once when let go ('change', also per arrow key): not one announcement per pixel.
        input.addEventListener('input', () => a.change(c.id, Number(input.value), true));
        input.addEventListener('change', () => a.commit(c.id));
        return h('div', { class: 'activity-slider' }, h('label', { for: inputId }, c.label), input, out);
      }
    }
  }

  private update(c: ControlSpec, activity: Activity): void {
    const el = this.controls.querySelector<HTMLElement>(`[data-control="${CSS.escape(c.id)}"]`);
    if (!el) return;
    const off = activity.disabled(c.id);
    if (c.kind === 'toggle') {
      el.setAttribute('aria-pressed', String(activity.value(c.id) === true));
      (el as HTMLButtonElement).disabled = off;
    } else if (c.kind === 'action') {
      (el as HTMLButtonElement).disabled = off;
    } else if (c.kind === 'choice') {
      const v = activity.value(c.id);
      for (const b of el.querySelectorAll<HTMLButtonElement>('button')) {
        b.setAttribute('aria-pressed', String(b.dataset.option === v));
        b.disabled = off;
      }
    } else {
      const input = el as HTMLInputElement;
      const v = String(activity.value(c.id));
      if (input.value !== v) input.value = v;
      const text = activity.valueText(c.id);
      input.setAttribute('aria-valuetext', text);
      input.disabled = off;
      const out = input.parentElement?.querySelector('output');
      if (out) out.textContent = text;
    }
  }
}
