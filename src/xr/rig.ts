import * as THREE from 'three';

export type XrMode = 'inline' | 'vr' | 'ar';

/** How much seated mode raises the view: a standing adult's eye height minus a seated one's. */
export const SEATED_LIFT = 0.45;

// Scratch: these run on every teleport and snap turn, and each frame for the floor plan.
const euler = new THREE.Euler(0, 0, 0, 'YXZ');
const headWorld = new THREE.Vector3();
const offset = new THREE.Vector3();

/** The yaw of the headset within the rig (its pose in the reference space). */
export function headYawInRig(camera: THREE.Object3D): number {
  return euler.setFromQuaternion(camera.quaternion, 'YXZ').y;
}

/**
 * In a headset the camera's local pose is the tracked head in the reference space, so the rig is
 * placed such that the *head* stands at `spot` and looks along `yaw`, whatever the visitor's
 * real position and heading in their room.
 */
export function placeHead(rig: THREE.Object3D, camera: THREE.Object3D, spot: { x: number; z: number }, yaw: number, lift: number): void {
  const rigYaw = yaw - headYawInRig(camera);
  rig.rotation.set(0, rigYaw, 0);
  offset.set(camera.position.x, 0, camera.position.z).applyAxisAngle(THREE.Object3D.DEFAULT_UP, rigYaw);
  rig.position.set(spot.x - offset.x, lift, spot.z - offset.z);
  rig.updateMatrixWorld(true);
}

/** Turns the rig about the head's vertical axis, so the visitor turns on the spot. */
export function turnAboutHead(rig: THREE.Object3D, camera: THREE.Object3D, radians: number): void {
  camera.getWorldPosition(headWorld);
  rig.position.sub(headWorld).applyAxisAngle(THREE.Object3D.DEFAULT_UP, radians).add(headWorld);
  rig.rotation.y += radians;
  rig.updateMatrixWorld(true);
}

/** World yaw the visitor looks along (0 = toward -z), in any mode. */
export function viewYaw(camera: THREE.Object3D): number {
  // An Object3D's world direction is its +z axis, (sin yaw, ·, cos yaw); the view looks down -z.
  camera.getWorldDirection(offset);
  return Math.atan2(offset.x, offset.z);
}
