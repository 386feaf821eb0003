import type { AppContext } from './context';
import { Disposables, type Disposer } from './disposables';
import type { ActivitiesControl } from '../activities/install';
import { TOOLKIT } from './activity-toolkit';

/** The hands-on activities as other features use them (the VR panel, the lesson, tests). */
export interface ActivityService {
  /** Opens the activity at `station` (the visitor's by default), loading it first; false if there is none. */
  open(station?: string | null): Promise<boolean>;
  close(): void;
  readonly isOpen: boolean;
  /** Whether `station` has an activity (false until the activities' list has loaded). */
  offeredAt(station: string | null): boolean;
  /** The VR panel's button ("Try it"). */
  readonly shortLabel: string;
  /** How many activities the set has (null until their list has loaded). */
  readonly total: number | null;
  /** Resolves with the activities once loaded (null: the set has none, or they failed). */
  loaded(): Promise<ActivitiesControl | null>;
}

/**
 * Loads the hands-on activities' chunk (src/activities/) when the visitor first reaches a station
 * (each kind's own chunk comes only at its station), so a normal visit's first load does not grow.
 */
export function install(ctx: AppContext): Disposer {
  const d = new Disposables();
  let control: ActivitiesControl | null = null;
  let loading: Promise<ActivitiesControl | null> | null = null;
  const load = (): Promise<ActivitiesControl | null> =>
    (loading ??= import('../activities/install')
      .then((m) => m.install(ctx, TOOLKIT))
      .then((c) => {
        if (d.isDisposed) c?.dispose();
        else control = c;
        ctx.services.panel?.render(); // a headset's panel may now offer "Try it"
        return d.isDisposed ? null : c;
      })
      .catch((err: unknown) => {
        console.error('Backlot: the activities could not be loaded', err);
        loading = null; // the next station tries again (a dropped connection)
        return null;
      }));
  d.add(ctx.tour.subscribe((s) => {
    if (s.station !== null) void load();
  }));
  if (ctx.tour.state?.station) void load();
  ctx.services.activities = {
    open: async (station) => (await load())?.open(station) ?? false,
    close: () => control?.close(),
    get isOpen() {
      return control?.isOpen ?? false;
    },
    offeredAt: (station) => control?.offeredAt(station) ?? false,
    shortLabel: ctx.content.locale.ui.activityTry,
    get total() {
      return control?.total ?? null;
    },
    loaded: load,
  };
  d.add(() => {
    delete ctx.services.activities;
    control?.dispose();
    control = null;
  });
  return () => d.dispose();
}
