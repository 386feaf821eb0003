import * as THREE from 'three';
import { defineComponent } from '../aframe-typed';
import { HIT_MATERIAL } from './hit-material';

export const CREW_MEMBER = 'crew-member';

interface CrewData {
  /** Unique on the set (CrewLayout.key): the take finds a moving performer's target by it. */
  key: string;
  role: string;
  station: string;
  height: number;
}

interface CrewMethods {
  hit: THREE.Mesh | null;
  headWorldPosition(target?: THREE.Vector3): THREE.Vector3;
}

/**
 * A crew figure (public hook: `crew-member="role: gaffer"`). The entity sits at the figure's feet
 * and carries its invisible click target; selecting it opens the role card.
 */
defineComponent<CrewData, CrewMethods>(CREW_MEMBER, {
  schema: { key: { type: 'string' }, role: { type: 'string' }, station: { type: 'string' }, height: { type: 'number', default: 1.8 } },
  hit: null,

  init() {
    const geo = new THREE.BoxGeometry(0.7, this.data.height, 0.7);
    const mesh = new THREE.Mesh(geo, HIT_MATERIAL);
    mesh.visible = false;
    mesh.position.y = this.data.height / 2;
    mesh.userData.role = this.data.role;
    mesh.userData.station = this.data.station;
    this.hit = mesh;
    this.el.setObject3D('hit', mesh);
  },

  headWorldPosition(target = new THREE.Vector3()) {
    this.el.object3D.getWorldPosition(target);
    target.y += this.data.height;
    return target;
  },

  remove() {
    if (!this.hit) return;
    this.el.removeObject3D('hit');
    this.hit.geometry.dispose();
    this.hit = null;
  },
});
