import type { AppContext } from '../app/context';
import { Disposables, type Disposer } from '../app/disposables';
import { h } from '../ui/dom';

/**
 * Offline support, installed once the first frame is drawn: the service worker's registration is
 * a lazy chunk (src/offline/register.ts), so it never delays the first frame. A kiosk applies a
 * new version at its next attract loop; elsewhere it waits until the tour is next opened.
 */
export function install(ctx: AppContext): Disposer {
  const d = new Disposables();
  const { ui } = ctx.content.locale;
  void import('./register').then((m) => {
    if (d.isDisposed) return;
    m.registerOffline({
      // Said quietly, in Help: a pop-up notice here would talk over whatever the visitor is doing.
      onOfflineReady: () => {
        if (d.isDisposed) return;
        const status = h('p', { id: 'offline-status', role: 'status' }, ui.offlineReady);
        document.getElementById('help')?.insertBefore(status, document.querySelector('#help .dialog-close'));
        d.add(() => status.remove());
      },
      onUpdateReady: (apply) => ctx.services.kiosk?.setUpdate(apply),
    });
  });
  return () => d.dispose();
}
