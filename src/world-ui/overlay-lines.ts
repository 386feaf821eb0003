import * as THREE from 'three';

/** A block of segments in the shared line batch, owned by one user (role tags, a VR pointer…). */
export interface LineRange {
  readonly start: number;
  readonly count: number;
  /** Sets segment i of the range from a to b in colour `color`. */
  set(i: number, ax: number, ay: number, az: number, bx: number, by: number, bz: number, color: THREE.Color): void;
  /** Collapses segment i (draws nothing). */
  clear(i: number): void;
  clearAll(): void;
}

/**
 * Every thin line over the set in one draw call: role-tag leader lines, VR pointer rays, teleport
 * arcs, landing and hover rings. Users take a range of segments once and rewrite it as they like;
 * the batch uploads once a frame, and hides itself when every segment is collapsed.
 */
export class OverlayLines {
  readonly mesh: THREE.LineSegments<THREE.BufferGeometry, THREE.LineBasicMaterial>;
  private readonly positions: Float32Array;
  private readonly colors: Float32Array;
  private readonly live: Uint8Array;
  private liveCount = 0;
  private used = 0;
  private dirty = false;

  constructor(private readonly capacity: number) {
    this.positions = new Float32Array(capacity * 6);
    this.colors = new Float32Array(capacity * 6);
    this.live = new Uint8Array(capacity);
    const geo = new THREE.BufferGeometry();
    geo.setAttribute('position', new THREE.BufferAttribute(this.positions, 3).setUsage(THREE.DynamicDrawUsage));
    geo.setAttribute('color', new THREE.BufferAttribute(this.colors, 3).setUsage(THREE.DynamicDrawUsage));
    this.mesh = new THREE.LineSegments(geo, new THREE.LineBasicMaterial({ vertexColors: true, transparent: true, opacity: 0.9 }));
    this.mesh.name = 'overlay-lines';
    this.mesh.frustumCulled = false; // positions change every frame; the sphere would always be stale
    this.mesh.renderOrder = 25;
    this.mesh.visible = false;
  }

  allocate(count: number): LineRange {
    if (this.used + count > this.capacity) throw new Error(`OverlayLines: ${count} more segments do not fit (${this.used}/${this.capacity} used)`);
    const start = this.used;
    this.used += count;
    const setLive = (seg: number, on: boolean): void => {
      if (Boolean(this.live[seg]) === on) return;
      this.live[seg] = on ? 1 : 0;
      this.liveCount += on ? 1 : -1;
    };
    const clear = (i: number): void => {
      const seg = start + i;
      this.positions.fill(0, seg * 6, seg * 6 + 6);
      setLive(seg, false);
      this.dirty = true;
    };
    return {
      start,
      count,
      set: (i, ax, ay, az, bx, by, bz, color) => {
        const seg = start + i;
        const o = seg * 6;
        const p = this.positions;
        p[o] = ax; p[o + 1] = ay; p[o + 2] = az; p[o + 3] = bx; p[o + 4] = by; p[o + 5] = bz;
        const c = this.colors;
        c[o] = c[o + 3] = color.r;
        c[o + 1] = c[o + 4] = color.g;
        c[o + 2] = c[o + 5] = color.b;
        setLive(seg, true);
        this.dirty = true;
      },
      clear,
      clearAll: () => {
        for (let i = 0; i < count; i++) if (this.live[start + i]) clear(i);
      },
    };
  }

  /** Uploads what changed since the last frame. */
  commit(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const geo = this.mesh.geometry;
    geo.getAttribute('position').needsUpdate = true;
    geo.getAttribute('color').needsUpdate = true;
    this.mesh.visible = this.liveCount > 0;
  }

  dispose(): void {
    this.mesh.geometry.dispose();
    this.mesh.material.dispose();
  }
}

/** Draws a horizontal circle of `segments` segments into a range, starting at segment `from`. */
export function circleInto(range: LineRange, from: number, segments: number, x: number, y: number, z: number, r: number, color: THREE.Color): void {
  for (let i = 0; i < segments; i++) {
    const a0 = (i / segments) * Math.PI * 2;
    const a1 = ((i + 1) / segments) * Math.PI * 2;
    range.set(from + i, x + Math.cos(a0) * r, y, z + Math.sin(a0) * r, x + Math.cos(a1) * r, y, z + Math.sin(a1) * r, color);
  }
}
