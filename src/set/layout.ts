import * as THREE from 'three';
import type { HotSetDef, StationDef } from '../content/types';

/**
 * Where things stand on the built set: the shapes the set builder returns and the few pure
 * measures derived from them (eye height, the heading on arrival). Read by travel, panels, picking,
 * XR and audio; nothing here draws.
 */
export const EYE_HEIGHT = 1.6;

export interface StationLayout {
  readonly id: string;
  readonly origin: THREE.Vector3;
  /** Yaw (radians) the visitor has when looking at the station from its viewing spot. */
  readonly yaw: number;
  /** Floor point where the visitor stands (also where the tape marker is). */
  readonly spot: THREE.Vector3;
  /** Where the floating label's bottom centre is. */
  readonly labelAnchor: THREE.Vector3;
  /** World-space boxes around the props, used as click targets. */
  readonly propBoxes: readonly THREE.Box3[];
  readonly def: StationDef;
}

export interface CrewLayout {
  /** Unique on the set: the role for a station's crew, `hot:<performer id>` on the hot set. */
  readonly key: string;
  readonly role: string;
  /** The station whose panel their role card opens from. */
  readonly station: string;
  /** Stations at which their role tag shows (their own; the hot set's for its performers). */
  readonly shownAt: readonly string[];
  readonly department: string;
  /** Where they stand and their head: the take moves a performer's, in place. */
  readonly feet: THREE.Vector3;
  readonly head: THREE.Vector3;
}

/** The set being shot: its content, its performers (also in `crew`), and the static copy's switch. */
export interface HotSetLayout {
  readonly def: HotSetDef;
  readonly performers: readonly CrewLayout[];
  /**
   * Shows or hides the performers and gear drawn into the set's merged meshes in their first
   * positions (the take's rig hides them while it draws its own, moving copies). They are drawn
   * last, so hiding them is a draw range, as the shell's is.
   */
  showStatic(visible: boolean): void;
}

/** On arrival the visitor looks a little right of the station, leaving room for the panel on the right. */
const ARRIVAL_TURN = THREE.MathUtils.degToRad(8);
/** The yaw a visitor has on arriving at a station; panels are placed relative to it. */
export const arrivalYaw = (layout: StationLayout): number => layout.yaw - ARRIVAL_TURN;

export interface BuiltSet {
  readonly root: THREE.Group;
  /**
   * Shows or hides the soundstage's walls, floor and lighting grid (hidden on the AR model). The
   * shell is drawn first in the merged meshes, so hiding it is a draw range, not extra draw calls.
   */
  showShell(visible: boolean): void;
  readonly stations: ReadonlyMap<string, StationLayout>;
  readonly crew: readonly CrewLayout[];
  readonly hotSet: HotSetLayout | null;
  readonly bounds: { readonly halfWidth: number; readonly halfDepth: number };
  readonly triangles: number;
  dispose(): void;
}
