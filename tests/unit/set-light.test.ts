import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { bakeLight, setLights, type LightRig } from '../../src/set/light';

/** One vertex per normal, all with the same albedo. */
function geometryWith(normals: number[][], albedo = [0.5, 0.25, 1]): THREE.BufferGeometry {
  const geo = new THREE.BufferGeometry();
  geo.setAttribute('position', new THREE.BufferAttribute(new Float32Array(normals.length * 3), 3));
  geo.setAttribute('normal', new THREE.BufferAttribute(new Float32Array(normals.flat()), 3));
  geo.setAttribute('color', new THREE.BufferAttribute(new Float32Array(normals.flatMap(() => albedo)), 3));
  return geo;
}

/** three.js's Lambert for one normal, written out independently: what the shader computed per pixel. */
function lambert(rig: LightRig, n: THREE.Vector3, albedo: THREE.Color): THREE.Color {
  const w = 0.5 * n.dot(rig.up) + 0.5;
  const irradiance = rig.ground.clone().lerp(rig.sky, w).add(rig.ambient);
  for (const d of rig.directional) irradiance.add(d.color.clone().multiplyScalar(Math.max(0, n.dot(d.towards))));
  return albedo.clone().multiply(irradiance).multiplyScalar(1 / Math.PI);
}

describe('baked set light', () => {
  const rig = setLights();
  const normals = [[0, 1, 0], [0, -1, 0], [1, 0, 0], [0, 0, 1], [-0.6, 0, -0.8]];

  it('gives each vertex the Lambert light on its normal', () => {
    const geo = geometryWith(normals);
    bakeLight(geo, rig);
    const c = geo.getAttribute('color');
    normals.forEach((n, i) => {
      const want = lambert(rig, new THREE.Vector3(...n), new THREE.Color(0.5, 0.25, 1));
      expect(c.getX(i)).toBeCloseTo(want.r, 5);
      expect(c.getY(i)).toBeCloseTo(want.g, 5);
      expect(c.getZ(i)).toBeCloseTo(want.b, 5);
    });
  });

  it('lights a floor more than a ceiling, and faces toward the key more than away from it', () => {
    const geo = geometryWith(normals, [1, 1, 1]);
    bakeLight(geo, rig);
    const c = geo.getAttribute('color');
    expect(c.getX(0)).toBeGreaterThan(c.getX(1)); // up-facing vs down-facing
    expect(c.getX(3)).toBeGreaterThan(c.getX(4)); // toward +z (key and A-Frame's light) vs away
  });

  it('bakes only the range it is given, so the build can do it in pieces', () => {
    const whole = geometryWith(normals);
    bakeLight(whole, rig);
    const pieces = geometryWith(normals);
    bakeLight(pieces, rig, 0, 2);
    expect(pieces.getAttribute('color').getX(2)).toBe(0.5); // not yet
    bakeLight(pieces, rig, 2, normals.length);
    expect(Array.from(pieces.getAttribute('color').array)).toEqual(Array.from(whole.getAttribute('color').array));
  });
});
