import type { ActivityKind } from '../content/activity-types';
import type { ActivityModule } from './types';

/** Each kind's runtime, a lazy chunk of its own: only the activity at the visitor's station is downloaded. */
export const KINDS: Readonly<Record<ActivityKind, () => Promise<ActivityModule>>> = {
  lighting: () => import('./lighting/index'),
  camera: () => import('./camera/index'),
  stunts: () => import('./stunts/index'),
  continuity: () => import('./continuity/index'),
  sound: () => import('./sound/index'),
  'led-volume': () => import('./led-volume/index'),
};
