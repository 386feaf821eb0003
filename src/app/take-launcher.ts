import type { AppContext } from './context';
import { Disposables, type Disposer } from './disposables';
import type { TakeControl } from '../take/install';
import { h } from '../ui/dom';

/** The take as other features use it (the kiosk's attract loop, the VR panel, tests). */
export interface TakeService {
  /** Loads the take (first use) and starts it; resolves false where there is no take to shoot. */
  start(follow?: string | null): Promise<boolean>;
  stop(): void;
  /** Starts the take, or stops it if it is running (the VR panel's one button). */
  toggle(): void;
  readonly running: boolean;
  /** Whether `station`'s panel offers the take. */
  offeredAt(station: string | null): boolean;
  /** The loaded take, if it has been loaded (tests and the bench). */
  loaded(): TakeControl | null;
}

/**
 * "Shoot a take": the button in the HUD and in the panel of the stations at the hot set, and the
 * loader of the take's lazy chunk (src/take/), fetched on first use or when the visitor reaches
 * one of those stations, so a normal visit's first load does not grow.
 */
export function install(ctx: AppContext): Disposer {
  const hot = ctx.set.hotSet;
  if (!hot) return () => undefined;
  const d = new Disposables();
  const { ui } = ctx.content.locale;
  let control: TakeControl | null = null;
  let loading: Promise<TakeControl | null> | null = null;
  let disposed = false;
  const load = (): Promise<TakeControl | null> =>
    (loading ??= import('../take/install')
      .then((m) => m.install(ctx))
      .then((c) => {
        if (disposed) c?.dispose();
        else control = c;
        return disposed ? null : c;
      })
      .catch((err: unknown) => {
        console.error('Backlot: the take could not be loaded', err);
        loading = null; // a later press tries again (a dropped connection)
        return null;
      }));
  const start = async (follow: string | null = null): Promise<boolean> => {
    ctx.services.activities?.close(); // the take needs the whole set (and the visitor moves to watch it)
    const c = await load();
    c?.start(follow);
    return c !== null;
  };
  const hudButton = h('button', { type: 'button', id: 'btn-take', 'data-take-start': 'hud' }, ui.shootTake);
  const panelButton = h('button', { type: 'button', id: 'btn-take-here', class: 'take-here', 'data-take-start': 'panel', hidden: true }, ui.shootTake);
  for (const b of [hudButton, panelButton]) b.addEventListener('click', () => void start());
  // With the tools: in the top bar on a wide screen, in the Menu on a phone (the top bar stays one line).
  ctx.hud.slots.tools.prepend(hudButton);
  ctx.hud.slots.nowActions.append(panelButton);
  d.add(() => {
    hudButton.remove();
    panelButton.remove();
  });
  const offeredAt = (station: string | null): boolean => station !== null && hot.def.stations.includes(station);
  d.add(ctx.tour.subscribe((state) => {
    panelButton.hidden = !offeredAt(state.station) || state.panel === null;
    // At the hot set the take is likely next: have it ready.
    if (offeredAt(state.station)) void load();
  }));
  ctx.services.take = {
    start,
    stop: () => control?.stop(),
    toggle: () => {
      if (control?.running) control.stop();
      else void start();
    },
    get running() {
      return control?.running ?? false;
    },
    offeredAt,
    loaded: () => control,
  };
  d.add(() => {
    disposed = true;
    delete ctx.services.take;
    control?.dispose();
    control = null;
  });
  return () => d.dispose();
}
