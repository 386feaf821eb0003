import * as THREE from 'three';

/** The keyboard focus ring: a bright white pulsing ring (white, unlike any stage colour) on the focused station's tape marker. */
export class FocusRing {
  readonly mesh: THREE.Mesh;
  private time = 0;

  constructor() {
    const geo = new THREE.TorusGeometry(0.85, 0.07, 6, 40).rotateX(Math.PI / 2);
    this.mesh = new THREE.Mesh(geo, new THREE.MeshBasicMaterial({ color: '#ffffff', depthTest: false, transparent: true }));
    this.mesh.name = 'focus-ring';
    this.mesh.renderOrder = 40;
    this.mesh.visible = false;
  }

  showAt(position: THREE.Vector3 | null): void {
    this.mesh.visible = position !== null;
    if (position) this.mesh.position.set(position.x, 0.03, position.z);
  }

  update(dt: number, reducedMotion: boolean): void {
    if (!this.mesh.visible) return;
    this.time += dt;
    const s = reducedMotion ? 1 : 1 + 0.08 * Math.sin(this.time * 5);
    this.mesh.scale.set(s, 1, s);
  }

  dispose(): void {
    this.mesh.geometry.dispose();
    (this.mesh.material as THREE.Material).dispose();
  }
}
