import { toolkit } from '../toolkit';
import * as THREE from 'three';
import type { MeshBuilder } from '../../set/mesh-builder';
import { SET_LAYER } from '../../take/monitor';
import type { PropDef } from '../../content/types';
import { FALL_TILE, PICTURE_H, PICTURE_W, paintFall, paintPicture } from './picture';
import { monitorQuad, poolGeometry, standIns, wallQuads } from './stand-ins';
import { flashLight, linearOf, wallFactors, wallLight, type RGB } from './wall-light';
import type { LedParams, Look, TimeDef, WallPlacement, WeatherDef } from './params';

// The set's building kit, from the host (see toolkit.ts for why it is not imported).
const { SOFTWARE_CANVAS, meshBuilder, seededRandom } = toolkit();

/**
 * The LED volume activity's 3D side, in the station's frame. Four draw calls: the wall's picture
 * (panels, ceiling, the monitor's screen and the car window's reflection share one texture), the
 * rain or snow layer (a small tile scrolled over the panels, hidden in clear weather), the stand-ins
 * (vertex colours lit by the wall), and the pool of the wall's light on the floor (added on top).
 * The picture is repainted and the vertices recoloured only when the look changes or lightning
 * strikes; a frame only moves the rain's texture offset.
 */

/** Lightning's shape in seconds: a strike, a dark gap, a weaker second flash (≤ 2 flashes a strike). */
const STRIKE = [0.12, 0.09, 0.07] as const;
/** Metres of wall one rain or snow tile covers. */
const FALL_REPEAT: Readonly<Record<'rain' | 'snow', readonly [number, number]>> = { rain: [5, 2.2], snow: [6, 2.6] };
/** Tiles a second they fall. */
const FALL_SPEED: Readonly<Record<'rain' | 'snow', number>> = { rain: 2.6, snow: 0.22 };

export interface ViewOptions {
  readonly group: THREE.Group;
  readonly params: LedParams;
  readonly wall: WallPlacement;
  /** The station's monitor-stand, whose screen shows the wall (null: none). */
  readonly monitor: PropDef | null;
  readonly reducedMotion: () => boolean;
  readonly maxAnisotropy: number;
  /** Lightning struck (the sound's thunder follows). */
  readonly onStrike: () => void;
}

function canvasTexture(w: number, h: number, repeat: boolean): THREE.CanvasTexture {
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const texture = new THREE.CanvasTexture(canvas);
  texture.colorSpace = THREE.SRGBColorSpace;
  if (repeat) texture.wrapS = texture.wrapT = THREE.RepeatWrapping;
  return texture;
}

/** A software canvas: three.js uploads it straight from memory, where a GPU canvas must be read back first. */
const context = (texture: THREE.CanvasTexture): CanvasRenderingContext2D | null => (texture.image as HTMLCanvasElement).getContext('2d', SOFTWARE_CANVAS);

export class LedView {
  private readonly picture: THREE.CanvasTexture;
  /** The same look with a lightning strike, painted when a look with lightning is shown. */
  private readonly flashPicture: THREE.CanvasTexture;
  private readonly fall: Record<'rain' | 'snow', THREE.CanvasTexture | null> = { rain: null, snow: null };
  private readonly screenMat: THREE.MeshBasicMaterial;
  private readonly fallMat: THREE.MeshBasicMaterial;
  private readonly litMat: THREE.MeshBasicMaterial;
  private readonly poolMat: THREE.MeshBasicMaterial;
  private readonly meshes: THREE.Mesh[];
  private readonly fallMesh: THREE.Mesh;
  private readonly lit: THREE.BufferGeometry;
  private readonly albedo: Float32Array;
  private readonly factors: Float32Array;
  private readonly pool: THREE.BufferGeometry;
  private readonly poolShare: Float32Array;
  private readonly stage: RGB;
  private readonly steady: RGB = [0, 0, 0];
  private readonly flash: RGB;
  private readonly rand = seededRandom(0x7a11);
  private time: TimeDef;
  private weather: WeatherDef;
  private fallKind: 'rain' | 'snow' | null = null;
  private rolling = false;
  /** Seconds to the next strike, then the strike's phase (index into STRIKE, -1: waiting). */
  private untilStrike = 0;
  private phase = -1;
  private phaseLeft = 0;
  private strikes = 0;
  private paints = 0;

  constructor(private readonly o: ViewOptions) {
    const p = o.params;
    this.time = p.times[0]!;
    this.weather = p.weathers[0]!;
    this.stage = linearOf(p.stage.color);
    for (let c = 0; c < 3; c++) this.stage[c] = this.stage[c]! * p.stage.brightness;
    this.flash = flashLight(p.lightning);

    this.picture = canvasTexture(PICTURE_W, PICTURE_H, false);
    this.flashPicture = canvasTexture(PICTURE_W, PICTURE_H, false);
    for (const t of [this.picture, this.flashPicture]) t.anisotropy = Math.min(4, o.maxAnisotropy);

    const screen = meshBuilder(256);
    const solid = meshBuilder(8192);
    const fall = meshBuilder(128);
    wallQuads(screen, o.wall, 'picture');
    wallQuads(fall, o.wall, 'fall');
    if (o.monitor) monitorQuad(screen, o.monitor, p.frustum);
    standIns(solid, screen, p);

    this.screenMat = new THREE.MeshBasicMaterial({ map: this.picture, vertexColors: true });
    this.fallMat = new THREE.MeshBasicMaterial({ transparent: true, depthWrite: false });
    this.litMat = new THREE.MeshBasicMaterial({ vertexColors: true });
    this.poolMat = new THREE.MeshBasicMaterial({ vertexColors: true, transparent: true, depthWrite: false, blending: THREE.AdditiveBlending, side: THREE.DoubleSide });

    this.lit = solid.build({ uv: false });
    this.albedo = (this.lit.getAttribute('color').array as Float32Array).slice();
    this.factors = wallFactors(this.lit.getAttribute('position').array, this.lit.getAttribute('normal').array, o.wall);
    const pool = poolGeometry(o.wall, p.pool.depth);
    this.pool = pool.geometry;
    this.poolShare = pool.share;

    this.fallMesh = new THREE.Mesh(fall.build(), this.fallMat);
    this.meshes = [new THREE.Mesh(screen.build(), this.screenMat), this.fallMesh, new THREE.Mesh(this.lit, this.litMat), new THREE.Mesh(this.pool, this.poolMat)];
    for (const b of [screen, solid, fall]) b.dispose();
    ['led-picture', 'led-fall', 'led-stand-ins', 'led-pool'].forEach((name, i) => {
      const mesh = this.meshes[i]!;
      mesh.name = name;
      mesh.layers.enable(SET_LAYER);
      o.group.add(mesh);
    });
  }

  /**
   * Shows a look: repaints the wall, picks its rain or snow, relights the stand-ins and the floor.
   * `rolling`: the camera is rolling, so its view (the inner frustum) is framed on the wall.
   */
  show(look: Look, rolling: boolean): void {
    const p = this.o.params;
    this.time = p.times.find((t) => t.id === look.time) ?? p.times[0]!;
    this.weather = p.weathers.find((w) => w.id === look.weather) ?? p.weathers[0]!;
    this.rolling = rolling;
    const frustum = rolling ? p.frustum : null;
    const ctx = context(this.picture);
    if (ctx) paintPicture(ctx, this.time, this.weather, null, frustum);
    this.picture.needsUpdate = true;
    this.paints++;
    if (this.weather.lightning) {
      const flashCtx = context(this.flashPicture);
      if (flashCtx) paintPicture(flashCtx, this.time, this.weather, p.lightning.color, frustum);
      this.flashPicture.needsUpdate = true;
      this.paints++;
    }
    this.setFall(this.weather.fall === 'none' ? null : this.weather.fall);
    wallLight(this.time, this.weather, this.steady);
    this.endStrike();
    this.untilStrike = 0.8;
  }

  private setFall(kind: 'rain' | 'snow' | null): void {
    this.fallKind = kind;
    this.fallMesh.visible = kind !== null;
    if (kind === null) return;
    let texture = this.fall[kind];
    if (!texture) {
      texture = canvasTexture(FALL_TILE, FALL_TILE, true);
      const ctx = context(texture);
      if (ctx) paintFall(ctx, kind);
      texture.repeat.set(...FALL_REPEAT[kind]);
      this.fall[kind] = texture;
    }
    this.fallMat.map = texture;
    // rain at night is lit by the night: dimmer than at noon
    this.fallMat.color.setScalar(Math.min(1, 0.35 + 0.5 * this.time.brightness));
    this.fallMat.needsUpdate = true;
  }

  /** Writes the light into the stand-ins' vertex colours and the floor's pool. */
  private relight(light: RGB): void {
    const colors = this.lit.getAttribute('color') as THREE.BufferAttribute;
    const out = colors.array as Float32Array;
    const { albedo, factors, stage } = this;
    for (let v = 0; v < factors.length; v++) {
      const f = factors[v]!;
      const i = v * 3;
      out[i] = albedo[i]! * (stage[0] + light[0] * f);
      out[i + 1] = albedo[i + 1]! * (stage[1] + light[1] * f);
      out[i + 2] = albedo[i + 2]! * (stage[2] + light[2] * f);
    }
    colors.needsUpdate = true;
    const poolColors = this.pool.getAttribute('color') as THREE.BufferAttribute;
    const pool = poolColors.array as Float32Array;
    const k = this.o.params.pool.brightness;
    for (let v = 0; v < this.poolShare.length; v++) {
      const s = this.poolShare[v]! * k;
      pool[v * 3] = light[0] * s;
      pool[v * 3 + 1] = light[1] * s;
      pool[v * 3 + 2] = light[2] * s;
    }
    poolColors.needsUpdate = true;
  }

  /** Back to the steady look after (or instead of) a strike. */
  private endStrike(): void {
    this.phase = -1;
    this.screenMat.map = this.picture;
    this.relight(this.steady);
  }

  /** Rain and snow fall; in a storm, lightning strikes now and then. No allocation. */
  frame(dt: number): void {
    const still = this.o.reducedMotion();
    if (this.fallKind && !still) {
      const map = this.fallMat.map;
      if (map) {
        map.offset.y = (map.offset.y + FALL_SPEED[this.fallKind] * dt) % 1;
        if (this.fallKind === 'snow') map.offset.x = Math.sin(map.offset.y * Math.PI * 2) * 0.04;
      }
    }
    // no flashing for visitors who asked for less motion
    if (!this.weather.lightning || still) {
      if (this.phase >= 0) this.endStrike();
      return;
    }
    if (this.phase < 0) {
      this.untilStrike -= dt;
      if (this.untilStrike > 0) return;
      this.strikes++;
      this.o.onStrike();
      this.setPhase(0);
      return;
    }
    this.phaseLeft -= dt;
    if (this.phaseLeft > 0) return;
    if (this.phase + 1 < STRIKE.length) this.setPhase(this.phase + 1);
    else {
      this.endStrike();
      const { minGap, maxGap } = this.o.params.lightning;
      this.untilStrike = minGap + this.rand() * (maxGap - minGap);
    }
  }

  private setPhase(phase: number): void {
    this.phase = phase;
    this.phaseLeft = STRIKE[phase]!;
    const on = phase % 2 === 0;
    this.screenMat.map = on ? this.flashPicture : this.picture;
    this.relight(on ? this.flash : this.steady);
  }

  /** Closing the card stops a strike half-way. */
  setOpen(open: boolean): void {
    if (!open && this.phase >= 0) this.endStrike();
  }

  debug(): Record<string, unknown> {
    return {
      light: this.steady.map((c) => Number(c.toFixed(4))),
      flashing: this.phase >= 0 && this.phase % 2 === 0,
      strikes: this.strikes,
      still: this.o.reducedMotion(),
      fall: this.fallKind,
      rolling: this.rolling,
      paints: this.paints,
      triangles: this.meshes.reduce((n, m) => n + (m.geometry.index ? m.geometry.index.count : m.geometry.getAttribute('position').count) / 3, 0),
      drawCalls: this.meshes.filter((m) => m.visible).length,
    };
  }

  dispose(): void {
    for (const mesh of this.meshes) {
      mesh.removeFromParent();
      mesh.geometry.dispose();
    }
    for (const m of [this.screenMat, this.fallMat, this.litMat, this.poolMat]) m.dispose();
    for (const t of [this.picture, this.flashPicture, this.fall.rain, this.fall.snow]) t?.dispose();
  }
}
