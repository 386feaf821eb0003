import type { Content } from '../content/types';
import { fill, h } from '../ui/dom';

export interface JoinRequest {
  readonly code: string;
  readonly nickname: string;
}

/**
 * The student's join screen: a nickname (and the class code, when the link had none or the code
 * was wrong), Join, and always a way on: "Explore on my own". A modal dialog, so the set waits
 * behind it; Escape is the same as exploring alone. Errors are said in an alert, as text.
 */
export class JoinScreen {
  readonly dialog: HTMLDialogElement;
  private readonly code: HTMLInputElement;
  private readonly codeRow: HTMLElement;
  private readonly nickname: HTMLInputElement;
  private readonly error: HTMLElement;
  private readonly join: HTMLButtonElement;

  constructor(content: Content, initialCode: string, o: { onJoin(r: JoinRequest): void; onAlone(): void }) {
    const { ui } = content.locale;
    this.code = h('input', { id: 'class-code', type: 'text', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', maxlength: 16, value: initialCode });
    this.codeRow = h('p', { class: 'class-field' }, h('label', { for: 'class-code' }, ui.classCodeLabel), this.code);
    this.nickname = h('input', { id: 'class-nickname', type: 'text', autocomplete: 'nickname', spellcheck: 'false', maxlength: 60, required: true });
    this.error = h('p', { id: 'class-join-error', class: 'class-error', role: 'alert', hidden: true });
    this.join = h('button', { type: 'submit', id: 'class-join' }, ui.classJoin);
    const alone = h('button', { type: 'button', id: 'class-alone' }, ui.classAlone);
    const form = h('form', { class: 'class-join-form', novalidate: true },
      h('h2', { id: 'class-join-title' }, ui.classJoinTitle),
      h('p', {}, ui.classJoinIntro),
      this.codeRow,
      h('p', { class: 'class-field' }, h('label', { for: 'class-nickname' }, ui.classNicknameLabel), this.nickname),
      this.error,
      h('p', { class: 'class-actions' }, this.join, alone),
    );
    // Never a real submission (the page's policy forbids form posts): Enter or Join asks the server.
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      o.onJoin({ code: this.code.value, nickname: this.nickname.value });
    });
    alone.addEventListener('click', () => o.onAlone());
    this.dialog = h('dialog', { id: 'class-join-screen', class: 'class-dialog', 'aria-labelledby': 'class-join-title' }, form);
    this.dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      o.onAlone();
    });
    this.showCode(initialCode === '');
  }

  open(): void {
    if (!this.dialog.open) this.dialog.showModal();
    (this.codeRow.hidden ? this.nickname : this.code).focus();
  }

  close(): void {
    if (this.dialog.open) this.dialog.close();
  }

  /** Shows a problem (null clears it); `askCode` brings the code field back (unknown or ended class). */
  say(message: string | null, askCode = false): void {
    fill(this.error, message ?? '');
    this.error.hidden = message === null;
    if (askCode) this.showCode(true);
    this.busy(false);
  }

  busy(on: boolean): void {
    this.join.disabled = on;
  }

  private showCode(on: boolean): void {
    this.codeRow.hidden = !on;
  }
}
