import type { LocaleFile } from '../content/types';
import { SNAP_TURNS, TEXT_SIZES, type Settings, type SnapTurn, type TextSize } from '../tour/state';
import { h } from './dom';

function dialogShell(id: string, title: string, closeLabel: string, ...body: Node[]): HTMLDialogElement {
  const close = h('button', { type: 'button', class: 'dialog-close' }, closeLabel);
  const dialog = h('dialog', { id, class: 'panel-dialog', 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title), ...body, close);
  close.addEventListener('click', () => dialog.close());
  // A click on the backdrop (outside the box) closes too, as visitors expect of a pop-up.
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close();
  });
  return dialog;
}

export function buildHelpDialog(locale: LocaleFile): HTMLDialogElement {
  const { ui } = locale;
  return dialogShell('help', ui.helpTitle, ui.close,
    h('p', {}, ui.helpDesktop),
    h('p', {}, ui.helpTouch),
    h('p', {}, ui.helpKeyboard),
  );
}

export interface SettingsDialog {
  readonly dialog: HTMLDialogElement;
  render(settings: Settings): void;
  /** More fields, above the Close button. */
  add(...fields: Node[]): void;
}

export function buildSettingsDialog(locale: LocaleFile, onChange: (settings: Partial<Settings>) => void): SettingsDialog {
  const { ui } = locale;
  const sizeLabels: Record<TextSize, string> = { normal: ui.textSizeNormal, large: ui.textSizeLarge, 'x-large': ui.textSizeXLarge };
  const size = h('select', { id: 'set-text-size' }, ...TEXT_SIZES.map((s) => h('option', { value: s }, sizeLabels[s])));
  const motion = h('input', { id: 'set-reduced-motion', type: 'checkbox' });
  const contrast = h('input', { id: 'set-high-contrast', type: 'checkbox' });
  const snap = h('select', { id: 'set-snap-turn' }, ...SNAP_TURNS.map((a) => h('option', { value: String(a) }, `${a}°`)));
  const smooth = h('input', { id: 'set-smooth-move', type: 'checkbox' });
  const seated = h('input', { id: 'set-seated', type: 'checkbox' });
  snap.addEventListener('change', () => onChange({ snapTurn: Number(snap.value) as SnapTurn }));
  smooth.addEventListener('change', () => onChange({ smoothMove: smooth.checked }));
  seated.addEventListener('change', () => onChange({ seated: seated.checked }));
  size.addEventListener('change', () => onChange({ textSize: size.value as TextSize }));
  motion.addEventListener('change', () => onChange({ reducedMotion: motion.checked }));
  contrast.addEventListener('change', () => onChange({ highContrast: contrast.checked }));
  const dialog = dialogShell('settings', ui.settings, ui.close,
    h('div', { class: 'field' }, h('label', { for: 'set-text-size' }, ui.textSize), size),
    h('div', { class: 'field check' }, motion, h('label', { for: 'set-reduced-motion' }, ui.reducedMotion)),
    h('div', { class: 'field check' }, contrast, h('label', { for: 'set-high-contrast' }, ui.highContrast)),
    h('fieldset', { class: 'vr-comfort' },
      h('legend', {}, ui.vrComfort),
      h('div', { class: 'field' }, h('label', { for: 'set-snap-turn' }, ui.snapTurn), snap),
      h('div', { class: 'field check' }, smooth, h('label', { for: 'set-smooth-move' }, ui.smoothMove)),
      h('div', { class: 'field check' }, seated, h('label', { for: 'set-seated' }, ui.seated)),
    ),
  );
  return {
    dialog,
    add(...fields) {
      for (const f of fields) dialog.insertBefore(f, dialog.querySelector('.dialog-close'));
    },
    render(settings) {
      size.value = settings.textSize;
      motion.checked = settings.reducedMotion;
      contrast.checked = settings.highContrast;
      snap.value = String(settings.snapTurn);
      smooth.checked = settings.smoothMove;
      seated.checked = settings.seated;
    },
  };
}
