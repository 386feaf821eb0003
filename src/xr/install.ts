import type { AppContext } from '../app/context';
import { Disposables, type Disposer } from '../app/disposables';
import { need } from '../app/services';
import { format } from '../ui/dom';
import { mountXrDom } from '../ui/xr-help';
import { modeName } from './mode-name';

/**
 * The XR feature. It asks what this browser can do; only where it can start a VR or AR session is
 * the XR controls' chunk (src/xr/controls.ts) loaded, then the Enter VR / View in AR buttons appear.
 * Help says what works either way. Needs the panel and labels features (a headset points at the
 * panel; AR hides the labels).
 */
export function install(ctx: AppContext): Disposer {
  const d = new Disposables();
  const panel = need(ctx.services.panel, 'panel', 'XR');
  const tags = need(ctx.services.tags, 'labels', 'XR');
  const { xr, hud, content } = ctx;
  const enter = (mode: 'vr' | 'ar'): void => {
    xr.enter(mode).catch((err: unknown) => {
      const reason = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
      console.warn(`Backlot: ${mode.toUpperCase()} did not start.`, err);
      hud.showNotice(format(content.locale.ui.xrRefused, { mode: modeName(mode, content.locale.ui), reason }));
    });
  };
  void xr.detect().then(async (support) => {
    if (support.vr || support.ar) {
      const { installControls } = await import('./controls');
      if (d.isDisposed) return;
      installControls(ctx, panel, tags, d);
    }
    if (d.isDisposed) return;
    mountXrDom({ content, support, tools: hud.root.querySelector<HTMLElement>('.tools'), help: document.getElementById('help'), enter, notice: (text) => hud.showNotice(text, 10000), d });
    // Said once the controls are in place: a session started before would have nobody to drive it.
    document.body.dataset.xr = [support.vr ? 'vr' : '', support.ar ? 'ar' : ''].filter(Boolean).join(' ') || 'none';
  });
  return () => d.dispose();
}
