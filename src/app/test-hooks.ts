import type { AppContext } from './context';

/**
 * The handles the browser tests, the bench and the soak drive Backlot with, in one documented
 * place: `window.backlot`. Nothing in the app reads it. Everything is read through getters, so a
 * feature's handle is there exactly while the feature is installed.
 *
 * - `tour`: the tour system (state, dispatch, layout, isTravelling, faceStation)
 * - `xr`: the XR system (mode, enter, exit, support)
 * - `narration`: narration and captions (debug() shows the sound engine)
 * - `kiosk`: the kiosk controller in ?mode=kiosk (phase, cycles, begin, expireIdle, finishCountdown)
 * - `roleTags`: visibleRoles()
 * - `vr`, `ar`, `xrUi`: the VR controls (aims()), the AR model, the XR DOM
 * - `phases`: the frame phases (counts())
 * - `take`: the take's launcher (start(), stop(), running, loaded() → the take's debug())
 * - `activities`: the hands-on activities (open(station), close(), current() → the open one's state, done())
 * - `classroom`: in ?mode=teacher or ?session=, the class as this page sees it (role, debug())
 * - `dispose()`: takes the whole app away again (the teardown test)
 */
export interface TestHooks {
  readonly tour: AppContext['tour'];
  readonly xr: AppContext['xr'];
  readonly phases: AppContext['phases'];
  readonly narration: unknown;
  readonly kiosk: unknown;
  readonly roleTags: unknown;
  readonly vr: unknown;
  readonly ar: unknown;
  readonly xrUi: unknown;
  readonly take: unknown;
  readonly activities: unknown;
  readonly classroom: unknown;
  dispose(): void;
}

declare global {
  interface Window {
    backlot?: TestHooks;
  }
}

export function exposeTestHooks(ctx: AppContext, dispose: () => void): () => void {
  const s = ctx.services;
  const hooks: TestHooks = {
    tour: ctx.tour,
    xr: ctx.xr,
    phases: ctx.phases,
    get narration() { return s.audio?.narration ?? null; },
    get kiosk() { return s.kiosk ?? null; },
    get roleTags() { return s.tags?.roleTags ?? null; },
    get vr() { return s.xr?.vr ?? null; },
    get ar() { return s.xr?.ar ?? null; },
    get xrUi() { return s.xr?.ui ?? null; },
    get take() { return s.take ?? null; },
    get activities() {
      const a = s.activities;
      return a ? {
        open: (station?: string) => a.open(station),
        close: () => a.close(),
        get isOpen() { return a.isOpen; },
        current: async () => (await a.loaded())?.current() ?? null,
        vrPoint: async (id: string, option?: string, along?: number) => (await a.loaded())?.vrPoint(id, option, along) ?? null,
        done: () => [...(ctx.tour.state?.done ?? [])],
      } : null;
    },
    get classroom() { return s.classroom ?? null; },
    dispose,
  };
  window.backlot = hooks;
  return () => {
    if (window.backlot === hooks) delete window.backlot;
  };
}
