import * as THREE from 'three';
import type { Scene } from '../aframe-typed';

/** What a ray points at: a station (marker, label or props) or one of its crew. */
export interface PickTarget {
  readonly station: string;
  readonly role: string | null;
  readonly distance: number;
}

// Reused between calls: picking runs every frame for each VR controller.
const hits: THREE.Intersection[] = [];
/** The station and crew entities of a scene: created once at start-up, so looked up once. */
const targetsOf = new WeakMap<Scene, THREE.Object3D[]>();
function targets(scene: Scene): THREE.Object3D[] {
  let list = targetsOf.get(scene);
  if (!list) {
    list = [];
    scene.querySelectorAll('[station], [crew-member]').forEach((el) => list!.push((el as unknown as { object3D: THREE.Object3D }).object3D));
    if (list.length > 0) targetsOf.set(scene, list); // not cached before the set exists
  }
  return list;
}

/**
 * The nearest station or crew member along a ray, from the invisible hit shapes that the `station`
 * and `crew-member` components carry. Shared by mouse/touch, VR controllers, hands and AR taps.
 */
export function pickTarget(raycaster: THREE.Raycaster, scene: Scene): PickTarget | null {
  hits.length = 0;
  raycaster.intersectObjects(targets(scene), true, hits);
  for (const hit of hits) {
    const data = hit.object.userData as { station?: string; role?: string };
    if (data.station) return { station: data.station, role: data.role ?? null, distance: hit.distance };
  }
  return null;
}

/** The click/select behaviour shared by every input: a crew member opens their card, a station goes there. */
export type SelectAction = { type: 'go'; station: string } | { type: 'openRole'; role: string; station: string } | { type: 'openStationPanel' };
export function selectActions(target: PickTarget, current: string | null, travelling: boolean): SelectAction[] {
  if (target.role) {
    const open: SelectAction = { type: 'openRole', role: target.role, station: target.station };
    return current === target.station ? [open] : [{ type: 'go', station: target.station }, open];
  }
  if (current === target.station && !travelling) return [{ type: 'openStationPanel' }];
  return [{ type: 'go', station: target.station }];
}
