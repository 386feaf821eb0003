import * as THREE from 'three';
import type { Fader } from '../systems/tour';

const FADE_OUT_S = 0.18;
const FADE_IN_S = 0.25;

/**
 * The fade used for every move in a headset: a small black sphere around the eyes. The DOM fade
 * cannot be seen in an immersive session, and its timer (window.requestAnimationFrame) does not
 * run there, so this one is stepped by the tour's per-frame update.
 */
export class VrFade implements Fader {
  readonly mesh: THREE.Mesh<THREE.SphereGeometry, THREE.MeshBasicMaterial>;
  private target = 0;
  private waiting: (() => void)[] = [];

  constructor() {
    const material = new THREE.MeshBasicMaterial({ color: '#000000', side: THREE.BackSide, transparent: true, opacity: 0, depthTest: false, depthWrite: false });
    this.mesh = new THREE.Mesh(new THREE.SphereGeometry(0.25, 12, 8), material);
    this.mesh.name = 'vr-fade';
    this.mesh.renderOrder = 1000;
    this.mesh.visible = false;
    this.mesh.frustumCulled = false;
  }

  fade(on: boolean): Promise<void> {
    this.target = on ? 1 : 0;
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Advances the fade; resolves waiting callers once the target is reached (and drawn once). */
  step(dt: number): void {
    const material = this.mesh.material;
    const current = material.opacity;
    if (current !== this.target) {
      const rate = this.target > current ? 1 / FADE_OUT_S : 1 / FADE_IN_S;
      material.opacity = this.target > current ? Math.min(this.target, current + rate * dt) : Math.max(this.target, current - rate * dt);
      this.mesh.visible = material.opacity > 0;
      return;
    }
    if (this.waiting.length) {
      const done = this.waiting;
      this.waiting = [];
      for (const resolve of done) resolve();
    }
  }

  /** Leaving the headset mid-fade: clear the view and release anyone waiting. */
  reset(): void {
    this.target = 0;
    this.mesh.material.opacity = 0;
    this.mesh.visible = false;
    this.step(0);
  }

  dispose(): void {
    this.mesh.geometry.dispose();
    this.mesh.material.dispose();
  }
}
