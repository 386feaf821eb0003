import * as THREE from 'three';

export type ColorLike = string | number;
export type Vec3 = readonly [number, number, number];

// Module-level scratch reused by every builder: building runs once at load, but props add
// thousands of parts and there is no reason to allocate per part.
const scratchColor = new THREE.Color();
const scratchVec = new THREE.Vector3();
const scratchNormal = new THREE.Matrix3();
const scratchA = new THREE.Vector3();
const scratchB = new THREE.Vector3();
const scratchQuat = new THREE.Quaternion();
const UP = new THREE.Vector3(0, 1, 0);

/**
 * Accumulates coloured primitives into one non-indexed BufferGeometry (position, normal, color, uv),
 * so a whole set of props becomes a single draw call. A transform stack (push/pop/translate/rotate)
 * lets prop builders draw in their own local frame.
 */
export class MeshBuilder {
  private readonly positions: number[] = [];
  private readonly normals: number[] = [];
  private readonly colors: number[] = [];
  private readonly uvs: number[] = [];
  private readonly stack: THREE.Matrix4[] = [new THREE.Matrix4()];
  private readonly primitiveCache = new Map<string, THREE.BufferGeometry>();

  /** The current local-to-world transform. */
  get matrix(): THREE.Matrix4 {
    return this.stack[this.stack.length - 1]!;
  }

  get triangleCount(): number {
    return this.positions.length / 9;
  }

  push(): this {
    this.stack.push(this.matrix.clone());
    return this;
  }

  pop(): this {
    if (this.stack.length === 1) throw new Error('MeshBuilder.pop() without push()');
    this.stack.pop();
    return this;
  }

  translate(x: number, y: number, z: number): this {
    this.matrix.multiply(new THREE.Matrix4().makeTranslation(x, y, z));
    return this;
  }

  rotateX(rad: number): this {
    this.matrix.multiply(new THREE.Matrix4().makeRotationX(rad));
    return this;
  }

  rotateY(rad: number): this {
    this.matrix.multiply(new THREE.Matrix4().makeRotationY(rad));
    return this;
  }

  rotateZ(rad: number): this {
    this.matrix.multiply(new THREE.Matrix4().makeRotationZ(rad));
    return this;
  }

  scale(sx: number, sy = sx, sz = sx): this {
    this.matrix.multiply(new THREE.Matrix4().makeScale(sx, sy, sz));
    return this;
  }

  /** Box of size w×h×d centred at (x, y, z) in the current frame. */
  box(w: number, h: number, d: number, color: ColorLike, x = 0, y = 0, z = 0): this {
    return this.add(this.cached('box', () => new THREE.BoxGeometry(1, 1, 1)), color, x, y, z, w, h, d);
  }

  /** Vertical cylinder (along y) centred at (x, y, z). rTop = 0 gives a cone. */
  cylinder(rTop: number, rBottom: number, h: number, color: ColorLike, x = 0, y = 0, z = 0, segments = 10): this {
    const key = `cyl:${rTop}:${rBottom}:${segments}`;
    const geo = this.cached(key, () => new THREE.CylinderGeometry(rTop, rBottom, 1, segments));
    return this.add(geo, color, x, y, z, 1, h, 1);
  }

  /** Sphere of radius r centred at (x, y, z); sy squashes or stretches it vertically. */
  sphere(r: number, color: ColorLike, x = 0, y = 0, z = 0, segments = 10, sy = 1): this {
    const geo = this.cached(`sph:${segments}`, () => new THREE.SphereGeometry(1, segments, Math.max(4, Math.round(segments * 0.7))));
    return this.add(geo, color, x, y, z, r, r * sy, r);
  }

  /** Torus lying in the xz plane (a ring on the floor) centred at (x, y, z). */
  torus(radius: number, tube: number, color: ColorLike, x = 0, y = 0, z = 0, segments = 16): this {
    const key = `tor:${radius}:${tube}:${segments}`;
    const geo = this.cached(key, () => new THREE.TorusGeometry(radius, tube, 6, segments).rotateX(Math.PI / 2));
    return this.add(geo, color, x, y, z, 1, 1, 1);
  }

  /**
   * Flat rectangle facing +z, centred at (x, y, z). uv selects the part of a texture it shows
   * ([u0, v0, u1, v1]); only meaningful for builders whose material has a map.
   */
  quad(w: number, h: number, color: ColorLike, x = 0, y = 0, z = 0, uv: readonly [number, number, number, number] = [0, 0, 1, 1]): this {
    const geo = new THREE.PlaneGeometry(1, 1);
    const attr = geo.getAttribute('uv') as THREE.BufferAttribute;
    for (let i = 0; i < attr.count; i++) {
      attr.setXY(i, attr.getX(i) === 0 ? uv[0] : uv[2], attr.getY(i) === 0 ? uv[1] : uv[3]);
    }
    this.add(geo, color, x, y, z, w, h, 1);
    geo.dispose();
    return this;
  }

  /** A round rod (pole, leg, cable, stand) from a to b. */
  rod(a: Vec3, b: Vec3, radius: number, color: ColorLike, segments = 6): this {
    scratchA.set(a[0], a[1], a[2]);
    scratchB.set(b[0], b[1], b[2]);
    const length = scratchA.distanceTo(scratchB);
    if (length === 0) return this;
    scratchVec.subVectors(scratchB, scratchA).normalize();
    scratchQuat.setFromUnitVectors(UP, scratchVec);
    const geo = this.cached(`cyl:${radius}:${radius}:${segments}`, () => new THREE.CylinderGeometry(radius, radius, 1, segments));
    const m = new THREE.Matrix4().compose(
      scratchA.add(scratchB).multiplyScalar(0.5),
      scratchQuat,
      new THREE.Vector3(1, length, 1),
    );
    return this.addWithMatrix(geo, color, m);
  }

  /** Any geometry, placed by the current frame plus an extra local matrix. */
  geometry(geo: THREE.BufferGeometry, color: ColorLike, local?: THREE.Matrix4): this {
    return this.addWithMatrix(geo, color, local ?? new THREE.Matrix4());
  }

  /** Axis-aligned box around every vertex added since the builder had `startTriangle` triangles. */
  boundsSince(startTriangle: number): THREE.Box3 {
    const box = new THREE.Box3();
    for (let i = startTriangle * 9; i < this.positions.length; i += 3) {
      box.expandByPoint(scratchVec.set(this.positions[i]!, this.positions[i + 1]!, this.positions[i + 2]!));
    }
    return box;
  }

  /** Emits the merged geometry. The builder can be reused afterwards (it is not cleared). */
  build(): THREE.BufferGeometry {
    const geo = new THREE.BufferGeometry();
    geo.setAttribute('position', new THREE.Float32BufferAttribute(this.positions, 3));
    geo.setAttribute('normal', new THREE.Float32BufferAttribute(this.normals, 3));
    geo.setAttribute('color', new THREE.Float32BufferAttribute(this.colors, 3));
    geo.setAttribute('uv', new THREE.Float32BufferAttribute(this.uvs, 2));
    geo.computeBoundingBox();
    geo.computeBoundingSphere();
    return geo;
  }

  /** Frees the cached unit primitives; call after build(). */
  dispose(): void {
    for (const geo of this.primitiveCache.values()) geo.dispose();
    this.primitiveCache.clear();
  }

  private cached(key: string, make: () => THREE.BufferGeometry): THREE.BufferGeometry {
    let geo = this.primitiveCache.get(key);
    if (!geo) {
      geo = make();
      this.primitiveCache.set(key, geo);
    }
    return geo;
  }

  private add(geo: THREE.BufferGeometry, color: ColorLike, x: number, y: number, z: number, sx: number, sy: number, sz: number): this {
    const m = new THREE.Matrix4().makeScale(sx, sy, sz).setPosition(x, y, z);
    return this.addWithMatrix(geo, color, m);
  }

  private addWithMatrix(geo: THREE.BufferGeometry, color: ColorLike, local: THREE.Matrix4): this {
    const m = new THREE.Matrix4().multiplyMatrices(this.matrix, local);
    scratchNormal.getNormalMatrix(m);
    scratchColor.set(color);
    const pos = geo.getAttribute('position');
    const nor = geo.getAttribute('normal');
    const uv = geo.getAttribute('uv');
    const index = geo.getIndex();
    const count = index ? index.count : pos.count;
    for (let i = 0; i < count; i++) {
      const v = index ? index.getX(i) : i;
      scratchVec.fromBufferAttribute(pos, v).applyMatrix4(m);
      this.positions.push(scratchVec.x, scratchVec.y, scratchVec.z);
      scratchVec.fromBufferAttribute(nor, v).applyMatrix3(scratchNormal).normalize();
      this.normals.push(scratchVec.x, scratchVec.y, scratchVec.z);
      this.colors.push(scratchColor.r, scratchColor.g, scratchColor.b);
      if (uv) this.uvs.push(uv.getX(v), uv.getY(v));
      else this.uvs.push(0, 0);
    }
    return this;
  }
}
