import type { Disposables } from '../app/disposables';
import type { LocaleFile } from '../content/types';
import { format, h } from '../ui/dom';
import { saveForOffline } from './register';

/** Bytes of the built audio per language ('' for what every language shares): set by vite.config.ts. */
declare const __BACKLOT_AUDIO_BYTES__: Readonly<Record<string, number>> | undefined;
const AUDIO_BYTES: Readonly<Record<string, number>> = typeof __BACKLOT_AUDIO_BYTES__ === 'undefined' ? {} : __BACKLOT_AUDIO_BYTES__;

/** "4.1 MB" in the visitor's language. */
function megabytes(bytes: number, lang: string): string {
  try {
    return new Intl.NumberFormat(lang, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / 1e6);
  } catch {
    return `${(bytes / 1e6).toFixed(1)} MB`;
  }
}

/**
 * The "Save for offline" choice in the tools (the Menu on a phone), with the size it will take:
 * an ordinary visit downloads the narration only as it is played, in the visitor's language, so a
 * phone's data is not spent on it unasked. The button shows the progress, then that it is done.
 */
export function offerSaveForOffline(o: { tools: HTMLElement; locale: LocaleFile; d: Disposables }): void {
  const { ui, locale: lang } = o.locale;
  const bytes = (AUDIO_BYTES[''] ?? 0) + (AUDIO_BYTES[lang] ?? 0);
  const button = h('button', { type: 'button', id: 'btn-save-offline' }, format(ui.saveOffline, { size: megabytes(bytes, lang) }));
  button.addEventListener('click', () => {
    button.disabled = true;
    void saveForOffline([lang], (done, total) => {
      button.textContent = format(ui.saveOfflineProgress, { percent: Math.floor((done / Math.max(1, total)) * 100) });
    }).then(
      () => {
        button.textContent = ui.saveOfflineDone;
      },
      (err: unknown) => {
        console.warn('Backlot: saving for offline did not finish.', err);
        button.textContent = ui.saveOfflineFailed;
        button.disabled = false;
      },
    );
  });
  o.tools.insertBefore(button, o.tools.querySelector('#btn-settings'));
  o.d.add(() => button.remove());
}
