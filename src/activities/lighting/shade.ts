/**
 * The lamps' light on the stand-in and the backdrop, per vertex, on the CPU. Pure arithmetic on
 * flat arrays (no three.js), run only when a control changes: the result is written into the
 * mesh's vertex colours and drawn unlit, as the set's own light is (src/set/light.ts).
 *
 * The model is Lambert's with the few changes a gaffer's eye looks for:
 * - a hard source (the Fresnel) has a sudden terminator: the light steps down at the shadow's edge
 *   and cast shadows (the nose's, the head's on the backdrop) are crisp;
 * - a soft source (the softbox) wraps past the terminator and its shadows have a wide penumbra;
 * - every lamp is normalised to give its `light` at the face, so the key:fill ratio the
 *   visitor dials is the ratio the face shows;
 * - the back light brightens the silhouette's edge as seen from the visitor (the rim).
 */

export type V3 = readonly [number, number, number];

export interface ShadeLamp {
  readonly pos: V3;
  /** Unit vector along the beam. */
  readonly axis: V3;
  /** Linear colour × (dimmer × power); [0, 0, 0] when off. */
  readonly light: V3;
  /** Distance from the lamp to the face, where its light is `light`. */
  readonly reach: number;
  /** Cosines of the beam's full-strength and cut-off half-angles. */
  readonly coneInner: number;
  readonly coneOuter: number;
  /** How far the light wraps past the terminator (0: Lambert). */
  readonly wrap: number;
  /** The step at the terminator (0: Lambert's smooth fall to zero). */
  readonly edge: number;
  /** Half-width of a cast shadow's penumbra, metres at the occluder. */
  readonly penumbra: number;
  /** How much it brightens the silhouette's edge (the back light). */
  readonly rim: number;
  /** Whether the flag can cut this lamp. */
  readonly flagged: boolean;
}

export interface Sphere {
  readonly c: V3;
  readonly r: number;
}

/** A rectangle in space: centre, two unit axes in its plane, half sizes. */
export interface Rect {
  readonly c: V3;
  readonly u: V3;
  readonly v: V3;
  readonly hu: number;
  readonly hv: number;
}

export interface ShadeScene {
  /** How much of the set's own light (`base`) is left on the activity with every lamp off. */
  readonly ambient: number;
  readonly lamps: readonly ShadeLamp[];
  /** Where the visitor's eye is (the rim is brightest where a surface turns away from it). */
  readonly eye: V3;
  /** What casts shadows onto the backdrop (the head, the shoulders). */
  readonly casters: readonly Sphere[];
  /** What casts shadows onto the face (the nose). */
  readonly faceCasters: readonly Sphere[];
  /** The flag's cloth, or null when it is out. */
  readonly flag: Rect | null;
}

const smooth = (e0: number, e1: number, x: number): number => {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)));
  return t * t * (3 - 2 * t);
};

/** 1 where the segment p→q passes clear of the sphere, 0 deep in its shadow. */
function clearOf(px: number, py: number, pz: number, q: V3, s: Sphere, penumbra: number): number {
  const dx = q[0] - px, dy = q[1] - py, dz = q[2] - pz;
  const cx = s.c[0] - px, cy = s.c[1] - py, cz = s.c[2] - pz;
  const len2 = dx * dx + dy * dy + dz * dz;
  // A point on the caster itself (the nose's own skin) is not in its shadow.
  if (cx * cx + cy * cy + cz * cz < 2.6 * s.r * s.r) return 1;
  const t = Math.min(1, Math.max(0, (cx * dx + cy * dy + cz * dz) / len2));
  const ex = cx - dx * t, ey = cy - dy * t, ez = cz - dz * t;
  // The caster is behind the point, away from the lamp.
  if (t <= 0) return 1;
  return smooth(s.r - penumbra, s.r + penumbra, Math.sqrt(ex * ex + ey * ey + ez * ez));
}

/** 1 where the segment p→q misses the flag's cloth, 0 where the cloth is in the way. */
function pastFlag(px: number, py: number, pz: number, q: V3, f: Rect, penumbra: number): number {
  // The cloth's normal, from its two axes.
  const nx = f.u[1] * f.v[2] - f.u[2] * f.v[1];
  const ny = f.u[2] * f.v[0] - f.u[0] * f.v[2];
  const nz = f.u[0] * f.v[1] - f.u[1] * f.v[0];
  const dx = q[0] - px, dy = q[1] - py, dz = q[2] - pz;
  const denom = nx * dx + ny * dy + nz * dz;
  if (Math.abs(denom) < 1e-6) return 1;
  const t = (nx * (f.c[0] - px) + ny * (f.c[1] - py) + nz * (f.c[2] - pz)) / denom;
  if (t <= 0 || t >= 1) return 1;
  const hx = px + dx * t - f.c[0], hy = py + dy * t - f.c[1], hz = pz + dz * t - f.c[2];
  const a = Math.abs(hx * f.u[0] + hy * f.u[1] + hz * f.u[2]) - f.hu;
  const b = Math.abs(hx * f.v[0] + hy * f.v[1] + hz * f.v[2]) - f.hv;
  return smooth(-penumbra, penumbra, Math.max(a, b));
}

export type ShadeMode = 'subject' | 'surface';

/**
 * Writes `out` = base × ambient + albedo × the lamps' light for vertices first..end-1 (`base`: the
 * set's own light on them, baked). 'subject' (the stand-in) gets the rim and the nose's shadow;
 * 'surface' (the backdrop) gets the stand-in's shadow. The flag cuts a flagged lamp on both.
 */
export function shade(pos: ArrayLike<number>, nor: ArrayLike<number>, albedo: ArrayLike<number>, base: ArrayLike<number>, out: Float32Array | number[], first: number, end: number, mode: ShadeMode, scene: ShadeScene): void {
  const { ambient, lamps, eye } = scene;
  const casters = mode === 'subject' ? scene.faceCasters : scene.casters;
  for (let i = first * 3; i < end * 3; i += 3) {
    const px = pos[i]!, py = pos[i + 1]!, pz = pos[i + 2]!;
    const nx = nor[i]!, ny = nor[i + 1]!, nz = nor[i + 2]!;
    let r = 0, g = 0, b = 0;
    for (const L of lamps) {
      if (L.light[0] + L.light[1] + L.light[2] <= 0) continue;
      let lx = L.pos[0] - px, ly = L.pos[1] - py, lz = L.pos[2] - pz;
      const d = Math.sqrt(lx * lx + ly * ly + lz * lz) || 1;
      lx /= d; ly /= d; lz /= d;
      const cone = smooth(L.coneOuter, L.coneInner, -(lx * L.axis[0] + ly * L.axis[1] + lz * L.axis[2]));
      if (cone <= 0) continue;
      const ndl = nx * lx + ny * ly + nz * lz;
      // Wrapped Lambert; a hard source adds a step at the terminator (smoothed over a few degrees).
      const wrapped = Math.max(0, (ndl + L.wrap) / (1 + L.wrap));
      let f = L.edge > 0 ? smooth(-0.04, 0.04, ndl) * (L.edge + (1 - L.edge) * Math.max(0, ndl)) : wrapped;
      if (L.wrap > 0 && L.edge > 0) f = Math.max(f, wrapped);
      if (f <= 0) continue;
      if (L.rim > 0 && mode === 'subject') {
        let vx = eye[0] - px, vy = eye[1] - py, vz = eye[2] - pz;
        const vl = Math.sqrt(vx * vx + vy * vy + vz * vz) || 1;
        vx /= vl; vy /= vl; vz /= vl;
        const edge = 1 - Math.max(0, nx * vx + ny * vy + nz * vz);
        f *= 0.35 + L.rim * edge * edge;
      }
      // Falloff with distance, gentler than the inverse square: the spill on a backdrop a metre
      // behind the face must still read on a small screen.
      let k = f * cone * Math.min(2, L.reach / d);
      for (const s of casters) if (k > 0) k *= clearOf(px, py, pz, L.pos, s, L.penumbra);
      if (k > 0 && L.flagged && scene.flag) k *= pastFlag(px, py, pz, L.pos, scene.flag, L.penumbra);
      r += L.light[0] * k;
      g += L.light[1] * k;
      b += L.light[2] * k;
    }
    out[i] = base[i]! * ambient + albedo[i]! * r;
    out[i + 1] = base[i + 1]! * ambient + albedo[i + 1]! * g;
    out[i + 2] = base[i + 2]! * ambient + albedo[i + 2]! * b;
  }
}
