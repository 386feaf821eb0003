import type * as THREE from 'three';
import type { AudioSetup } from '../audio/install';
import type { KioskHooks } from '../kiosk/kiosk';
import type { RoleTags } from '../world-ui/role-tags';
import type { PanelTarget, VrControls } from '../xr/vr-controls';
import type { ArMode } from '../xr/ar-mode';
import type { XrUi } from '../ui/xr-ui';
import type { TakeService } from './take-launcher';
import type { ActivityService } from './activity-launcher';
import type { ClassroomService } from './classroom-launcher';
import type { XrSurface } from '../xr/vr-controls';

/** The 3D explanation panel, as other features use it (src/world-ui/panel.ts). */
export interface PanelService extends PanelTarget {
  /** Draws the panel again for the current state (after a change of XR mode, say). */
  render(): void;
}

/** Station labels and role tags (src/world-ui/labels.ts). */
export interface TagsService {
  /** The station labels' mesh (hidden on the AR model). */
  labels(): THREE.Object3D;
  readonly roleTags: RoleTags;
}

/** What the XR feature made (src/xr/install.ts): tests and the bench read them. */
export interface XrControllers {
  readonly vr: VrControls;
  readonly ar: ArMode;
  readonly ui: XrUi;
}

/**
 * What features offer one another, each set by the feature that owns it while it is installed
 * (and cleared by its disposer). A feature that needs another's service is installed after it
 * (see src/app/features.ts); none reaches into another's fields.
 */
export interface Services {
  panel?: PanelService;
  tags?: TagsService;
  audio?: AudioSetup;
  kiosk?: KioskHooks;
  xr?: XrControllers;
  take?: TakeService;
  activities?: ActivityService;
  classroom?: ClassroomService;
  /** What a headset can point at besides the station panel (an activity's panel); features add and remove theirs. */
  readonly xrSurfaces: Set<XrSurface>;
}

/** A service a feature cannot do without: a clear error if the install order is wrong. */
export function need<T>(service: T | undefined, name: string, by: string): T {
  if (service === undefined) throw new Error(`Backlot: ${by} needs the ${name} feature installed first (src/app/features.ts)`);
  return service;
}
