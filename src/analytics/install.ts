import type { AppContext } from '../app/context';
import { Disposables, type Disposer } from '../app/disposables';

/**
 * Local analytics (kept on this device, never sent): every station visit with its dwell, how a
 * session ends, and the XR modes used. Sessions themselves are started by the mode (an ordinary
 * visit, the lesson, each kiosk visitor).
 */
export function install(ctx: AppContext): Disposer {
  const { tour, xr, analytics } = ctx;
  const d = new Disposables();
  d.add(tour.subscribe((s) => analytics.onState(s)));
  d.listen(window, 'pagehide', () => analytics.end('closed'));
  let seen = xr.mode;
  d.add(ctx.phases.add('hud', 'analytics: XR mode', () => {
    if (xr.mode !== seen) analytics.xr((seen = xr.mode));
  }));
  return () => d.dispose();
}
