import type { ActivityKind } from '../content/activity-types';
import type { ActivitySpec } from './types';
import { spec as continuity } from './continuity/spec';
import { spec as sound } from './sound/spec';
import { spec as ledVolume } from './led-volume/spec';
import { spec as stunts } from './stunts/spec';
import { spec as lighting } from './lighting/spec';
import { spec as camera } from './camera/spec';
// Each kind's content rules (pure: check-content, the build and the validators' chunk import them).
// Add a kind here, in ACTIVITY_KINDS (src/content/activity-types.ts), in the "kind" enum of
// scenes/schema/activities.schema.json and in KINDS (src/activities/kinds.ts).

export const SPECS: Readonly<Record<ActivityKind, ActivitySpec>> = {
  lighting,
  camera,
  stunts,
  continuity,
  sound,
  'led-volume': ledVolume,
};
