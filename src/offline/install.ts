import type { AppContext } from '../app/context';
import { Disposables, type Disposer } from '../app/disposables';
import { h } from '../ui/dom';
import { registerOffline, saveForOffline } from './register';
import { offerSaveForOffline } from './save-button';

/**
 * Offline support, installed once the first frame is drawn: this module, with the service worker's
 * registration (src/offline/register.ts) and Save for offline, is a lazy chunk that boot imports
 * then, so none of it is in the first load or delays the first frame. A kiosk applies a
 * new version at its next attract loop; elsewhere it waits until the tour is next opened. A kiosk
 * or a lesson saves every language's audio for offline at once; an ordinary visit keeps what it
 * plays and offers "Save for offline" for the rest.
 */
export function install(ctx: AppContext): Disposer {
  const d = new Disposables();
  const { ui } = ctx.content.locale;
  const registered = registerOffline({
    // Said quietly, in Help: a pop-up notice here would talk over whatever the visitor is doing.
    onOfflineReady: () => {
      if (d.isDisposed) return;
      const status = h('p', { id: 'offline-status', role: 'status' }, ui.offlineReady);
      document.getElementById('help')?.insertBefore(status, document.querySelector('#help .dialog-close'));
      d.add(() => status.remove());
    },
    onUpdateReady: (apply) => ctx.services.kiosk?.setUpdate(apply),
  });
  if (registered) {
    if (ctx.params.mode === 'kiosk' || ctx.params.mode === 'lesson') {
      void saveForOffline('all', () => undefined).catch((err: unknown) => console.warn('Backlot: the audio was not all saved for offline.', err));
    } else offerSaveForOffline({ tools: ctx.hud.slots.tools, locale: ctx.content.locale, d });
  }
  return () => d.dispose();
}
