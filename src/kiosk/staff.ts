import type { AnalyticsLog } from '../analytics/log';
import { summarise, toCsv } from '../analytics/export';
import { STAFF_EXPORT } from './lockdown';
import { PinLock } from './pin-lock';
import type { Disposables } from '../app/disposables';
import type { Content } from '../content/types';
import { format, h } from '../ui/dom';

export interface StaffOptions {
  readonly content: Content;
  readonly log: AnalyticsLog;
  /** The PIN from set.json ('' locks staff out altogether). */
  readonly pin: string;
  /** The PIN or staff screen was closed (Back, Escape). */
  onClose(): void;
  /** Restart the kiosk into its attract loop. */
  onRestart(): void;
  /** Too many wrong PINs: the dialog is locked for `seconds` (counted in the analytics). */
  onLockout(seconds: number): void;
  /** The guard against guessing (a test passes its own clock). */
  readonly lock?: PinLock;
}

/**
 * The kiosk's staff side: a PIN dialog, then a staff screen with the local visit figures, CSV
 * export, clearing the data, restarting the kiosk and leaving kiosk mode.
 */
export class StaffScreens {
  private readonly pinDialog: HTMLDialogElement;
  private readonly staffDialog: HTMLDialogElement;
  private readonly summary: HTMLElement;
  private readonly pin: HTMLInputElement;
  private readonly openButton: HTMLButtonElement;
  private readonly pinError: HTMLElement;
  private readonly lock: PinLock;

  constructor(private readonly o: StaffOptions, d: Disposables) {
    this.lock = o.lock ?? new PinLock();
    this.openButton = h('button', { type: 'button', id: 'btn-staff-open' }, o.content.locale.ui.staffOpen);
    this.pinError = h('p', { id: 'staff-pin-error', class: 'error', role: 'alert', hidden: true }, o.content.locale.ui.staffPinWrong);
    this.pin = h('input', { id: 'staff-pin', type: 'password', inputmode: 'numeric', autocomplete: 'off', maxlength: '8' });
    this.pinDialog = this.buildPinDialog();
    this.summary = h('p', { id: 'staff-summary' });
    this.staffDialog = this.buildStaffDialog();
    for (const dialog of [this.pinDialog, this.staffDialog]) dialog.addEventListener('cancel', () => o.onClose());
    d.append(document.body, this.pinDialog, this.staffDialog);
  }

  get open(): boolean {
    return this.pinDialog.open || this.staffDialog.open;
  }

  private back(): HTMLButtonElement {
    const b = h('button', { type: 'button', class: 'dialog-close' }, this.o.content.locale.ui.staffBack);
    b.addEventListener('click', () => this.o.onClose());
    return b;
  }

  private buildPinDialog(): HTMLDialogElement {
    const { ui } = this.o.content.locale;
    this.openButton.addEventListener('click', () => this.tryPin());
    this.pin.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      // The same Enter would otherwise also press whatever the staff screen focuses first (Export).
      e.preventDefault();
      this.tryPin();
    });
    return h('dialog', { id: 'staff-pin-dialog', class: 'panel-dialog kiosk-dialog', 'aria-labelledby': 'staff-pin-title' },
      h('h2', { id: 'staff-pin-title' }, ui.staffTitle),
      h('div', { class: 'field' }, h('label', { for: 'staff-pin' }, ui.staffPin), this.pin),
      this.pinError,
      h('div', { class: 'dialog-actions' }, this.openButton, this.back()),
    );
  }

  private tryPin(): void {
    if (this.lock.secondsLeft() > 0) return; // locked: nothing is even compared
    const ok = this.o.pin !== '' && this.pin.value === this.o.pin;
    this.pin.value = '';
    const { lockedFor } = this.lock.tried(ok);
    if (lockedFor > 0) this.o.onLockout(lockedFor);
    this.pinError.hidden = ok;
    this.showLock();
    if (ok) {
      this.pinDialog.close();
      this.renderSummary();
      this.staffDialog.showModal();
    }
  }

  /** Says how long the PIN stays locked (and locks the field meanwhile); called a few times a second. */
  showLock(): void {
    const left = this.lock.secondsLeft();
    const locked = left > 0;
    if (locked) this.pinError.textContent = format(this.o.content.locale.ui.staffPinLocked, { seconds: left });
    else if (this.pin.disabled) {
      this.pinError.hidden = true;
      this.pinError.textContent = this.o.content.locale.ui.staffPinWrong;
    }
    if (locked) this.pinError.hidden = false;
    if (this.pin.disabled === locked) return;
    this.pin.disabled = locked;
    this.openButton.disabled = locked;
    if (!locked && this.pinDialog.open) this.pin.focus();
  }

  private buildStaffDialog(): HTMLDialogElement {
    const { ui } = this.o.content.locale;
    const exportCsv = h('button', { type: 'button', id: 'btn-export-csv' }, ui.exportCsv);
    exportCsv.addEventListener('click', () => this.exportCsv());
    const clear = h('button', { type: 'button', id: 'btn-clear-data' }, ui.clearData);
    clear.addEventListener('click', () => {
      if (clear.dataset.confirm !== 'yes') {
        clear.dataset.confirm = 'yes';
        clear.textContent = ui.clearDataConfirm;
        return;
      }
      delete clear.dataset.confirm;
      clear.textContent = ui.clearData;
      this.o.log.clear();
      this.renderSummary();
      this.summary.textContent = format(ui.dataClearedSummary, { summary: this.summary.textContent ?? '', cleared: ui.dataCleared });
    });
    const restart = h('button', { type: 'button', id: 'btn-staff-restart' }, ui.staffRestart);
    restart.addEventListener('click', () => this.o.onRestart());
    const exit = h('button', { type: 'button', id: 'btn-staff-exit' }, ui.staffExitKiosk);
    exit.addEventListener('click', () => {
      const url = new URL(window.location.href);
      url.searchParams.delete('mode');
      window.location.assign(url.href);
    });
    const dialog = h('dialog', { id: 'staff', class: 'panel-dialog kiosk-dialog', 'aria-labelledby': 'staff-title' },
      // Opened with the focus on its title, not on a button a stray key would press.
      h('h2', { id: 'staff-title', tabindex: -1, autofocus: true }, ui.staffTitle),
      h('h3', {}, ui.analyticsTitle),
      this.summary,
      h('div', { class: 'dialog-actions' }, exportCsv, clear),
      h('div', { class: 'dialog-actions' }, restart, exit),
      this.back(),
    );
    dialog.addEventListener('close', () => {
      delete clear.dataset.confirm;
      clear.textContent = ui.clearData;
    });
    return dialog;
  }

  /** Opens the PIN dialog. Opened on a tap's pointerdown, the rest of that tap (its mousedown)
   * moves the focus off the field again, so it is focused once more when the tap ends. */
  openPin(byTap: boolean, d: Disposables): void {
    this.showLock();
    this.pinDialog.showModal();
    this.pin.focus();
    if (byTap) d.listen(window, 'click', () => this.pinDialog.open && this.pin.focus(), { once: true, capture: true });
  }

  close(): void {
    if (this.pinDialog.open) this.pinDialog.close();
    if (this.staffDialog.open) this.staffDialog.close();
  }

  private renderSummary(): void {
    const s = summarise(this.o.log.all());
    this.summary.textContent = format(this.o.content.locale.ui.analyticsSummary, { sessions: s.sessions, visits: s.visits, completed: s.completed, answers: s.answers });
  }

  private exportCsv(): void {
    const blob = new Blob([toCsv(this.o.log.all())], { type: 'text/csv;charset=utf-8' });
    const a = h('a', { href: URL.createObjectURL(blob), download: `backlot-visits-${new Date().toISOString().slice(0, 10)}.csv`, hidden: true, [STAFF_EXPORT]: true });
    document.body.append(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }
}
