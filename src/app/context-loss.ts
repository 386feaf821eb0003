import type { AppContext } from './context';
import { Disposables, type Disposer } from './disposables';
import { markResume } from './resume';

const GIVE_UP_MS = 5000;

/**
 * The GPU can drop the WebGL context (driver reset, memory pressure). three.js restores it when the
 * browser gives it back; if that does not happen soon, reload: the station and settings are in
 * storage, so the visitor comes back where they were (a kiosk carries on with the same visit).
 */
export function install(ctx: AppContext): Disposer {
  const canvas = (ctx.scene as unknown as { canvas: HTMLCanvasElement }).canvas;
  const d = new Disposables();
  let timer = 0;
  d.listen(canvas, 'webglcontextlost', () => {
    console.warn('Backlot: the WebGL context was lost; waiting for the browser to restore it.');
    document.body.dataset.webgl = 'lost';
    timer = window.setTimeout(() => {
      // Only a visit in progress resumes; a kiosk that lost its GPU in the attract loop starts afresh.
      const phase = ctx.services.kiosk?.phase;
      if (phase === 'visit' || phase === 'countdown') markResume();
      window.location.reload();
    }, GIVE_UP_MS);
  });
  d.listen(canvas, 'webglcontextrestored', () => {
    window.clearTimeout(timer);
    document.body.dataset.webgl = 'restored';
  });
  d.add(() => window.clearTimeout(timer));
  return () => d.dispose();
}
