import * as THREE from 'three';
import { defineComponent, systemOf } from '../aframe-typed';
import { TOUR_SYSTEM, type TourSystem } from '../systems/tour';
import { HIT_MATERIAL } from './hit-material';

export const STATION = 'station';

interface StationData {
  id: string;
}

interface StationMethods {
  hit: THREE.Group | null;
  markerWorldPosition(target?: THREE.Vector3): THREE.Vector3;
}

/**
 * A station's root entity (public hook: `station="id: camera"`). It carries the invisible click
 * targets — the tape marker, the floating label and a box around each prop — in a group the
 * pointer and keyboard code raycast against. The visible geometry lives in the merged set mesh.
 */
defineComponent<StationData, StationMethods>(STATION, {
  schema: { id: { type: 'string' } },
  hit: null,

  init() {
    const tour = systemOf<TourSystem>(this.el.sceneEl!, TOUR_SYSTEM);
    const layout = tour.layout(this.data.id);
    this.el.object3D.position.copy(layout.origin);
    const group = new THREE.Group();
    group.name = `station-hit:${this.data.id}`;
    const add = (geo: THREE.BufferGeometry, x: number, y: number, z: number): void => {
      const mesh = new THREE.Mesh(geo, HIT_MATERIAL);
      mesh.visible = false; // never drawn; three.js raycasting ignores `visible`
      mesh.position.set(x - layout.origin.x, y, z - layout.origin.z);
      mesh.userData.station = this.data.id;
      group.add(mesh);
    };
    add(new THREE.CylinderGeometry(0.75, 0.75, 0.08, 16), layout.spot.x, 0.04, layout.spot.z);
    add(new THREE.SphereGeometry(1.1, 8, 6), layout.labelAnchor.x, layout.labelAnchor.y + 0.35, layout.labelAnchor.z);
    for (const box of layout.propBoxes) {
      const size = box.getSize(new THREE.Vector3());
      const centre = box.getCenter(new THREE.Vector3());
      add(new THREE.BoxGeometry(size.x, size.y, size.z), centre.x, centre.y, centre.z);
    }
    this.hit = group;
    this.el.setObject3D('hit', group);
  },

  markerWorldPosition(target = new THREE.Vector3()) {
    const tour = systemOf<TourSystem>(this.el.sceneEl!, TOUR_SYSTEM);
    return target.copy(tour.layout(this.data.id).spot);
  },

  remove() {
    if (!this.hit) return;
    this.el.removeObject3D('hit');
    for (const child of this.hit.children) (child as THREE.Mesh).geometry.dispose();
    this.hit = null;
  },
});
