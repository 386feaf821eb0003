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
const scratchMatrix = new THREE.Matrix4();
/** Parsed colours: props repeat a few dozen colour strings thousands of times. */
const rgbCache = new Map<ColorLike, readonly [number, number, number]>();
function rgbOf(color: ColorLike): readonly [number, number, number] {
  let rgb = rgbCache.get(color);
  if (!rgb) {
    scratchColor.set(color);
    rgb = [scratchColor.r, scratchColor.g, scratchColor.b];
    rgbCache.set(color, rgb);
  }
  return rgb;
}
const UP = new THREE.Vector3(0, 1, 0);

/**
 * Accumulates coloured primitives into one non-indexed BufferGeometry (position, normal, color, uv),
 * so a whole set of props becomes a single draw call. A transform stack (push/pop/translate/rotate)
 * lets prop builders draw in their own local frame.
 */
export class MeshBuilder {
  // Typed arrays that double when full: pushing ~4 million numbers onto plain arrays was the
  // slowest part of building the set.
  private positions: Float32Array<ArrayBuffer>;
  private normals: Float32Array<ArrayBuffer>;
  private colors: Float32Array<ArrayBuffer>;
  private uvs: Float32Array<ArrayBuffer>;
  private vertices = 0;
  private readonly stack: THREE.Matrix4[] = [new THREE.Matrix4()];
  private readonly primitiveCache = new Map<string, THREE.BufferGeometry>();

  /**
   * `capacity`: vertices to make room for at once. Each doubling copies every array, so a builder
   * that will take a few hundred thousand vertices is better started near that size.
   */
  constructor(capacity = 4096) {
    this.positions = new Float32Array(3 * capacity);
    this.normals = new Float32Array(3 * capacity);
    this.colors = new Float32Array(3 * capacity);
    this.uvs = new Float32Array(2 * capacity);
  }

  /** The current local-to-world transform. */
  get matrix(): THREE.Matrix4 {
    return this.stack[this.stack.length - 1]!;
  }

  get triangleCount(): number {
    return this.vertices / 3;
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
    for (let i = startTriangle * 9; i < this.vertices * 3; i += 3) {
      box.expandByPoint(scratchVec.set(this.positions[i]!, this.positions[i + 1]!, this.positions[i + 2]!));
    }
    return box;
  }

  /**
   * Emits the merged geometry. The builder can be reused afterwards (it is not cleared).
   * `uv: false` leaves texture coordinates out, for meshes drawn without a texture (less to copy
   * and to upload to the GPU).
   */
  build(options: { uv?: boolean } = {}): THREE.BufferGeometry {
    const geo = new THREE.BufferGeometry();
    const n = this.vertices;
    geo.setAttribute('position', new THREE.BufferAttribute(this.positions.slice(0, n * 3), 3));
    geo.setAttribute('normal', new THREE.BufferAttribute(this.normals.slice(0, n * 3), 3));
    geo.setAttribute('color', new THREE.BufferAttribute(this.colors.slice(0, n * 3), 3));
    if (options.uv !== false) geo.setAttribute('uv', new THREE.BufferAttribute(this.uvs.slice(0, n * 2), 2));
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

  /** Makes room for `more` vertices, doubling the arrays as needed. */
  private reserve(more: number): void {
    const need = this.vertices + more;
    if (need * 3 <= this.positions.length) return;
    let capacity = this.positions.length / 3;
    while (capacity < need) capacity *= 2;
    const grow = (a: Float32Array<ArrayBuffer>, size: number): Float32Array<ArrayBuffer> => {
      const b = new Float32Array(capacity * size);
      b.set(a);
      return b;
    };
    this.positions = grow(this.positions, 3);
    this.normals = grow(this.normals, 3);
    this.colors = grow(this.colors, 3);
    this.uvs = grow(this.uvs, 2);
  }

  private addWithMatrix(geo: THREE.BufferGeometry, color: ColorLike, local: THREE.Matrix4): this {
    const m = scratchMatrix.multiplyMatrices(this.matrix, local);
    const n = scratchNormal.getNormalMatrix(m).elements;
    const e = m.elements;
    const [r, g, b] = rgbOf(color);
    // Raw arrays rather than BufferAttribute getters: this loop runs for every vertex of the set
    // (≈ 350k), and the getters' per-call checks were a third of the whole build time.
    const pos = geo.getAttribute('position').array;
    const nor = geo.getAttribute('normal').array;
    const uvAttr = geo.getAttribute('uv');
    const uv = uvAttr ? uvAttr.array : null;
    const index = geo.getIndex()?.array ?? null;
    const count = index ? index.length : pos.length / 3;
    this.reserve(count);
    const P = this.positions;
    const N = this.normals;
    const C = this.colors;
    const U = this.uvs;
    let o = this.vertices;
    for (let i = 0; i < count; i++, o++) {
      const v = index ? index[i]! : i;
      const x = pos[v * 3]!, y = pos[v * 3 + 1]!, z = pos[v * 3 + 2]!;
      P[o * 3] = e[0]! * x + e[4]! * y + e[8]! * z + e[12]!;
      P[o * 3 + 1] = e[1]! * x + e[5]! * y + e[9]! * z + e[13]!;
      P[o * 3 + 2] = e[2]! * x + e[6]! * y + e[10]! * z + e[14]!;
      const nx = nor[v * 3]!, ny = nor[v * 3 + 1]!, nz = nor[v * 3 + 2]!;
      const tx = n[0]! * nx + n[3]! * ny + n[6]! * nz;
      const ty = n[1]! * nx + n[4]! * ny + n[7]! * nz;
      const tz = n[2]! * nx + n[5]! * ny + n[8]! * nz;
      const len = Math.sqrt(tx * tx + ty * ty + tz * tz) || 1;
      N[o * 3] = tx / len;
      N[o * 3 + 1] = ty / len;
      N[o * 3 + 2] = tz / len;
      C[o * 3] = r;
      C[o * 3 + 1] = g;
      C[o * 3 + 2] = b;
      U[o * 2] = uv ? uv[v * 2]! : 0;
      U[o * 2 + 1] = uv ? uv[v * 2 + 1]! : 0;
    }
    this.vertices = o;
    return this;
  }
}
