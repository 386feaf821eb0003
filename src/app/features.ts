import type { Mode } from '../tour/url';
import type { AppContext } from './context';
import type { Disposer } from './disposables';
import { install as analytics } from '../analytics/install';
import { install as audio } from '../audio/install';
import { install as hud } from '../ui/hud-view';
import { install as labels } from '../world-ui/labels';
import { install as panel } from '../world-ui/panel';
import { install as xr } from '../xr/install';
import { install as contextLoss } from './context-loss';
import { install as persist } from './persist';
import { install as visit } from './visit';
import { install as take } from './take-launcher';
import { install as activities } from './activity-launcher';
import { install as classroom } from './classroom-launcher';

export type Install = (ctx: AppContext) => Disposer | Promise<Disposer>;

export interface Feature {
  /** Said in an error if its install fails. */
  readonly name: string;
  readonly install: Install;
}

/** What boot tells the HUD feature to say once the tour is up. */
export interface StartNotices {
  readonly unknownStation: string | null;
  readonly content: readonly string[];
}

/**
 * The features a visit installs, in order: a feature comes after the features whose services it
 * needs (XR needs the panel and labels; the kiosk needs audio). Mode features are lazy chunks:
 * an ordinary visit never downloads the kiosk or the lesson.
 */
export function featuresFor(mode: Mode, notices: StartNotices): Feature[] {
  return [
    { name: 'analytics', install: analytics },
    { name: 'hud', install: (ctx) => hud(ctx, notices) },
    { name: 'audio', install: audio },
    { name: 'panel', install: panel },
    { name: 'labels', install: labels },
    { name: 'persist', install: persist },
    { name: 'take', install: take },
    { name: 'activities', install: activities },
    modeFeature(mode),
    { name: 'context-loss', install: contextLoss },
    { name: 'xr', install: xr },
    // Last: a class steers the tour, pauses narration and marks the floor plan (lazy: ?mode=teacher, ?session=).
    { name: 'classroom', install: classroom },
  ];
}

function modeFeature(mode: Mode): Feature {
  if (mode === 'kiosk') return { name: 'kiosk', install: async (ctx) => (await import('../kiosk/install')).install(ctx) };
  if (mode === 'lesson') return { name: 'lesson', install: async (ctx) => (await import('../lesson/install')).install(ctx) };
  return { name: 'visit', install: visit };
}
