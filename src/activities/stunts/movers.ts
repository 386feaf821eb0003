import * as THREE from 'three';

/**
 * A person walking (or climbing) to their place along a few waypoints, in frame(): no allocation
 * per frame, the waypoints are preallocated. The object's position is its feet plus `lift` (the
 * double turns about the hips, so its object sits at hip height).
 */

const MAX_POINTS = 4;
/** Climbing is slower than walking. */
const CLIMB_FACTOR = 0.8;
/** Steps a second while walking, and how high each bobs the body (a walk, read at a distance). */
const STEP_RATE = 9;
const BOB = 0.025;

export class Mover {
  private readonly points = Array.from({ length: MAX_POINTS }, () => new THREE.Vector3());
  private count = 0;
  private next = 0;
  private finalYaw = 0;
  private walked = 0;
  /** Which place it is going to (content names: 'start', 'meeting', ...): a new target restarts the walk. */
  target = '';

  constructor(
    readonly obj: THREE.Object3D,
    private readonly lift: number,
    private readonly speed: number,
  ) {}

  get moving(): boolean {
    return this.next < this.count;
  }

  /** Where the feet are now (x, y, z), written into `out`. */
  feet(out: THREE.Vector3): THREE.Vector3 {
    return out.set(this.obj.position.x, this.obj.position.y - this.lift, this.obj.position.z);
  }

  /**
   * Goes to `target` through `path` (feet positions, the last one the place), facing `yaw` there.
   * `instant`: there at once (reduced motion, a reset, a closed card).
   */
  go(target: string, path: readonly (readonly [number, number, number])[], yaw: number, instant: boolean): void {
    if (path.length === 0 || path.length > MAX_POINTS) throw new Error(`a walk has 1 to ${MAX_POINTS} points`);
    if (target === this.target && !instant) return;
    this.target = target;
    this.finalYaw = yaw;
    path.forEach(([x, y, z], i) => this.points[i]!.set(x, y, z));
    this.count = path.length;
    this.next = 0;
    if (instant) this.settle();
  }

  /** Jumps to the end of the walk. */
  settle(): void {
    if (this.count > 0) {
      const last = this.points[this.count - 1]!;
      this.obj.position.set(last.x, last.y + this.lift, last.z);
    }
    this.next = this.count;
    this.obj.rotation.set(0, this.finalYaw, 0);
  }

  frame(dt: number): void {
    if (!this.moving) return;
    const p = this.obj.position;
    const target = this.points[this.next]!;
    const dx = target.x - p.x;
    const dy = target.y + this.lift - p.y;
    const dz = target.z - p.z;
    const flat = Math.hypot(dx, dz);
    const climbing = Math.abs(dy) > flat;
    const step = this.speed * dt * (climbing ? CLIMB_FACTOR : 1);
    const distance = Math.hypot(flat, dy);
    if (distance <= step) {
      p.set(target.x, target.y + this.lift, target.z);
      this.next++;
      if (!this.moving) this.obj.rotation.set(0, this.finalYaw, 0);
      return;
    }
    const k = step / distance;
    p.set(p.x + dx * k, p.y + dy * k, p.z + dz * k);
    if (!climbing) {
      this.walked += dt;
      this.obj.rotation.set(0, Math.atan2(dx, dz), 0);
      // Walks are level (the floor, the platform): the bob is over the target's height, so it never accumulates.
      p.y = target.y + this.lift + BOB * Math.abs(Math.sin(this.walked * STEP_RATE));
    }
  }
}
