import * as THREE from 'three';

/** Shared by every invisible click target; those meshes are never drawn, so it is never compiled. */
export const HIT_MATERIAL = new THREE.MeshBasicMaterial({ visible: false });
