import * as THREE from 'three';

/**
 * The set's light, baked into its vertex colours when it is built.
 *
 * The set used to be drawn with MeshLambertMaterial under five lights (A-Frame's default ambient
 * and directional light, and a sky/ground hemisphere, a warm key and a cool fill of its own). None
 * of them moves and none casts shadows, and every one of those lights depends only on a surface's
 * normal, so their sum per vertex is what Lambert's shader computed per pixel on every flat face.
 * Baking it once lets the set be drawn unlit (MeshBasicMaterial, the same program as the glowing
 * parts): the largest shader of the start-up (0.5 s to compile and link on a software GPU, a long
 * task on a phone) is gone, and so is the per-pixel lighting a phone's GPU did every frame.
 *
 * The lights' colours, intensities and positions are the ones the running scene had (read from
 * its three.js objects). The sum is three.js's (r155+, physically based light units):
 * outgoing = albedo × (ambient + hemisphere(n) + Σ colour × max(0, n·l)) / π.
 */
export interface LightRig {
  readonly ambient: THREE.Color;
  readonly sky: THREE.Color;
  readonly ground: THREE.Color;
  /** Towards the sky (the hemisphere light's direction). */
  readonly up: THREE.Vector3;
  readonly directional: readonly { readonly color: THREE.Color; readonly towards: THREE.Vector3 }[];
}

const lit = (hex: string, intensity: number): THREE.Color => new THREE.Color(hex).multiplyScalar(intensity);

/** The light the set has always had (A-Frame's defaults are turned off in the scene: they are in here). */
export function setLights(): LightRig {
  return {
    // A-Frame's default ambient light (#BBB, its default intensity 3.14).
    ambient: lit('#bbbbbb', 3.14),
    // Sky and ground ambience.
    sky: lit('#c9d3e6', 1.6),
    ground: lit('#3b352d', 1.6),
    up: new THREE.Vector3(0, 1, 0),
    directional: [
      // A-Frame's default directional light (white, 1.884, from -0.5 1 1 towards the origin: read
      // from the running scene's light before the bake replaced it).
      { color: lit('#ffffff', 1.884), towards: new THREE.Vector3(-0.5, 1, 1).normalize() },
      // A warm key from the lighting grid.
      { color: lit('#ffe8c4', 1.6), towards: new THREE.Vector3(6, 12, 4).normalize() },
      // A cool fill from the other side.
      { color: lit('#9fb7ff', 0.6), towards: new THREE.Vector3(-8, 6, -6).normalize() },
    ],
  };
}

/**
 * Multiplies each vertex's colour (its albedo, linear) by the light falling on its normal, for the
 * vertices from `first` up to (not including) `end`.
 */
export function bakeLight(geometry: THREE.BufferGeometry, rig: LightRig, first = 0, end = geometry.getAttribute('position').count): void {
  const normals = geometry.getAttribute('normal').array;
  const colors = geometry.getAttribute('color').array;
  const { ambient, sky, ground, up, directional } = rig;
  for (let i = first * 3; i < end * 3; i += 3) {
    const nx = normals[i]!;
    const ny = normals[i + 1]!;
    const nz = normals[i + 2]!;
    const w = 0.5 * (nx * up.x + ny * up.y + nz * up.z) + 0.5;
    let r = ambient.r + ground.r + (sky.r - ground.r) * w;
    let g = ambient.g + ground.g + (sky.g - ground.g) * w;
    let b = ambient.b + ground.b + (sky.b - ground.b) * w;
    for (const d of directional) {
      const k = Math.max(0, nx * d.towards.x + ny * d.towards.y + nz * d.towards.z);
      r += d.color.r * k;
      g += d.color.g * k;
      b += d.color.b * k;
    }
    colors[i] = colors[i]! * (r / Math.PI);
    colors[i + 1] = colors[i + 1]! * (g / Math.PI);
    colors[i + 2] = colors[i + 2]! * (b / Math.PI);
  }
  geometry.getAttribute('color').needsUpdate = true;
}
