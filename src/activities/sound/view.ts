import * as THREE from 'three';
import { Monitor, SET_LAYER } from '../../take/monitor';
import { yieldToMain, type Steps } from '../../slices';
import type { ActivityEnv } from '../types';
import type { SoundParams, Zone } from './logic';
import { POLE_BEHIND, POLE_LENGTH, SIGNS_FORWARD, WINDSHIELD, logGeometry, micDrop, type MeterParts, type SignParts } from './view-parts';
import { MONITOR, buildParts, type SoundParts } from './view-build';

/**
 * The sound station's activity in 3D: two stand-ins, the boom operator's pole with its mic over
 * them, the camera's frame lines in the air at the mic's depth (white; amber when the mic grazes
 * them, red with "Boom in shot!" inside the picture), the cart's level meter (the voice and the
 * room) and the cart's video monitor showing the camera's picture. Everything is built once; a
 * change moves two matrices, tints a material and rewrites a few dozen vertex colours. The monitor
 * is drawn only after the boom has moved (at most 10 times a second while it is being dragged).
 */

const DEG = Math.PI / 180;
const UP = new THREE.Vector3(0, 1, 0);
const TINT: Readonly<Record<Zone, string>> = { 'in-shot': '#ff3b2f', grazing: '#ffb020', sweet: '#f6f1dc', 'too-high': '#f6f1dc' };
const REDRAW_EVERY = 0.1;

/** Lights' colours (linear RGB), lit and dark, by column and height. */
function meterColours(segments: number): { voice: Float32Array[]; room: Float32Array[]; dark: Float32Array; recOn: Float32Array; recOff: Float32Array } {
  const rgb = (hex: string): Float32Array => {
    const c = new THREE.Color(hex);
    return new Float32Array([c.r, c.g, c.b]);
  };
  const voice: Float32Array[] = [];
  const room: Float32Array[] = [];
  for (let i = 0; i < segments; i++) {
    const t = (i + 1) / segments;
    voice.push(rgb(t > 0.85 ? '#ff3b2f' : t > 0.7 ? '#ffd23a' : '#3be36b'));
    room.push(rgb(t > 0.7 ? '#ff8a3a' : '#4fb8ff'));
  }
  return { voice, room, dark: rgb('#1b1f26'), recOn: rgb('#ff2a22'), recOff: rgb('#3a1010') };
}

export interface BoomPose {
  readonly height: number;
  readonly zone: Zone;
  /** Sideways from the mic's place toward whoever speaks, metres. */
  readonly sway: number;
}

export class SoundView {
  private readonly disposables: { dispose(): void }[] = [];
  private readonly pole: THREE.Mesh;
  private readonly mic: THREE.Mesh;
  private readonly frameLines: THREE.Mesh;
  private readonly frameMaterial = new THREE.MeshBasicMaterial({ vertexColors: true });
  private readonly signs: SignParts;
  private readonly signMesh: THREE.Mesh;
  private readonly showing = { inShot: false, rec: false, tone: false };
  private readonly log: THREE.Mesh;
  /** Everything of the activity's: shown only while its card is open (the set goes back to how it was). */
  private readonly root = new THREE.Group();
  private readonly flat = new THREE.MeshBasicMaterial({ vertexColors: true });
  private readonly meter: MeterParts;
  private readonly meterMesh: THREE.Mesh;
  private readonly colours: ReturnType<typeof meterColours>;
  private readonly monitor: Monitor | null;
  /** The top of the taller actor's head, and the frame line above it (station frame, metres). */
  readonly headTop: number;
  readonly frameTop: number;
  private readonly pivot: THREE.Vector3;
  private readonly nose: THREE.Vector3;
  private readonly frameHeight: number;
  private readonly lit = { voice: -1, room: -1, rec: false };
  private zone: Zone | null = null;
  /** For debug(): the sound report's entry shown. */
  logText = '';
  private dirty = true;
  /** The monitor's shader programs are compiled (prewarm): until then it is not drawn. */
  private warm = false;
  private disposed = false;
  private since = Infinity;
  private open = false;
  private readonly scratch = { tip: new THREE.Vector3(), dir: new THREE.Vector3() };
  /** For debug(): how often the monitor was drawn. */
  readonly stats = { monitorDraws: 0, triangles: 0 };

  /** Builds the view a piece at a time (see view-build.ts); run it with inSlices. */
  static *steps(env: ActivityEnv, p: SoundParams): Steps<SoundView> {
    const parts = yield* buildParts(env, p);
    return new SoundView(env, p, parts);
  }

  private constructor(private readonly env: ActivityEnv, private readonly p: SoundParams, parts: SoundParts) {
    const group = this.root;
    group.name = 'sound-activity';
    group.visible = false;
    env.group.add(group);
    const flat = this.flat;
    this.headTop = parts.headTop;
    this.frameTop = parts.headTop + p.frame.aboveHeads;
    this.frameHeight = parts.frameHeight;
    this.pivot = parts.pivot;
    this.nose = parts.nose;
    this.add(parts.statics, flat).layers.enable(SET_LAYER);
    this.pole = this.add(parts.pole, flat);
    this.mic = this.add(parts.mic, flat);
    this.mic.quaternion.setFromUnitVectors(UP, this.nose);
    for (const m of [this.pole, this.mic]) m.layers.enable(SET_LAYER);

    // The frame lines and the signs over the picture: the visitor's aids, which the camera does
    // not see (not on SET_LAYER).
    const frameAt = new THREE.Vector3(p.mic.at[0], this.frameTop - this.frameHeight / 2, p.mic.at[1]);
    this.frameLines = this.add(parts.frame, this.frameMaterial);
    this.frameLines.position.copy(frameAt);
    this.signs = parts.signs;
    this.signMesh = this.add(this.signs.geometry, flat);
    this.signMesh.position.copy(frameAt).setZ(frameAt.z + SIGNS_FORWARD);
    this.log = new THREE.Mesh(new THREE.BufferGeometry(), flat);
    this.log.name = 'sound-activity-log';
    this.log.position.copy(this.signMesh.position);
    group.add(this.log);

    this.meter = parts.meter;
    this.colours = meterColours(p.meter.segments);
    this.meterMesh = this.add(this.meter.geometry, flat);
    this.meterMesh.matrixAutoUpdate = false;
    this.meterMesh.matrix.copy(parts.meterAt);
    this.meterMesh.layers.enable(SET_LAYER);

    this.monitor = env.renderer ? this.makeMonitor(parts.monitorAt, frameAt) : null;
    this.showSigns();
    this.disposables.push(flat, this.frameMaterial);
  }

  /**
   * Puts the boom where the slider says and tints the frame lines by where the mic is. `redraw`:
   * whether the monitor's picture is due again (not for every step of a swing toward a speaker).
   */
  setBoom(pose: BoomPose, redraw = true): void {
    const { tip, dir } = this.scratch;
    const at = this.p.mic.at;
    this.mic.position.set(at[0] + pose.sway, this.headTop + pose.height + micDrop(), at[1]);
    // The shock mount sits behind the windshield; the pole runs from there back through the hands,
    // telescoped to the length that takes.
    tip.copy(this.mic.position).addScaledVector(this.nose, -(WINDSHIELD.halfLength + 0.055));
    dir.subVectors(tip, this.pivot);
    const length = dir.length() + POLE_BEHIND;
    dir.normalize();
    this.pole.position.copy(tip).addScaledVector(dir, -length);
    this.pole.quaternion.setFromUnitVectors(UP, dir);
    this.pole.scale.set(1, length / POLE_LENGTH, 1);
    if (redraw) this.dirty = true;
    // Only when the zone changes: parsing a colour each frame of a swing would allocate.
    if (pose.zone === this.zone) return;
    this.zone = pose.zone;
    this.frameMaterial.color.set(TINT[pose.zone]);
    this.showing.inShot = pose.zone === 'in-shot';
    this.showSigns();
  }

  /** Lights the meter: `voice` and `room` lights a column, and the REC lamp. Rewrites colours only if they changed. */
  setMeter(voice: number, room: number, rec: boolean): void {
    if (voice === this.lit.voice && room === this.lit.room && rec === this.lit.rec) return;
    this.lit.voice = voice;
    this.lit.room = room;
    this.lit.rec = rec;
    const colors = this.meter.geometry.getAttribute('color') as THREE.BufferAttribute;
    const c = this.colours;
    for (let i = 0; i < this.meter.voice.length; i++) {
      this.paint(colors, this.meter.voice[i]!, i < voice ? c.voice[i]! : c.dark);
      this.paint(colors, this.meter.room[i]!, i < room ? c.room[i]! : c.dark);
    }
    this.paint(colors, this.meter.rec, rec ? c.recOn : c.recOff);
    colors.needsUpdate = true;
  }

  /** The viewfinder's REC (a line or room tone rolling) and "Room tone" signs. */
  setRolling(rec: boolean, tone: boolean): void {
    if (rec === this.showing.rec && tone === this.showing.tone) return;
    this.showing.rec = rec;
    this.showing.tone = tone;
    this.showSigns();
  }

  setOpen(open: boolean): void {
    this.open = open;
    this.root.visible = open;
    this.frameLines.visible = open;
    this.log.visible = open;
    this.showSigns();
    this.monitor?.setLive(open);
    this.dirty = true;
  }

  /** The sound report's last entry over the picture (a take's verdict, room tone), or none. Rebuilt: a few dozen quads, once a take. */
  setLog(text: string, color: string): void {
    this.log.geometry.dispose();
    this.log.geometry = text ? logGeometry(this.p.frame.width, this.frameHeight, text, color) : new THREE.BufferGeometry();
    this.logText = text;
  }

  /** Draws the monitor's picture if the boom moved since, at most every REDRAW_EVERY seconds. */
  frame(dt: number): void {
    this.since += dt;
    if (!this.dirty || !this.open || !this.warm || !this.monitor || !this.env.renderer || this.since < REDRAW_EVERY) return;
    this.dirty = false;
    this.since = 0;
    this.drawMonitor(this.env.renderer, this.monitor);
  }

  /** Where the mic's lowest point is (station frame): for tests and the bench. */
  micBottom(): number {
    return this.mic.position.y - micDrop();
  }

  /** Which signs show over the picture (tests and debug()). */
  get signsShown(): { inShot: boolean; rec: boolean; tone: boolean } {
    const on = this.open;
    return { inShot: on && this.showing.inShot, rec: on && this.showing.rec, tone: on && this.showing.tone };
  }

  /**
   * Compiles, a material a task, the shader programs the monitor's picture needs (drawing into a
   * render target takes programs of its own), then links them one a task, so its first picture is
   * not one long task. Where the GPU offers KHR_parallel_shader_compile, the driver compiles them
   * off the main thread.
   */
  async prewarm(): Promise<void> {
    const renderer = this.env.renderer;
    const monitor = this.monitor;
    if (!renderer || !monitor) return;
    const root = this.env.set.root;
    const target = new THREE.WebGLRenderTarget(1, 1);
    const parallel = renderer.extensions.has('KHR_parallel_shader_compile');
    const parts = [...root.children.filter((c) => c instanceof THREE.Mesh), this.root];
    try {
      for (const part of parts) {
        await yieldToMain();
        if (this.disposed) return;
        const previous = renderer.getRenderTarget();
        const xr = renderer.xr.enabled;
        renderer.xr.enabled = false;
        renderer.setRenderTarget(target);
        let pending: Promise<unknown> | null = null;
        try {
          // As the picture is drawn (drawMonitor, from the set's root): no lights, no fog, into a render target.
          if (parallel) pending = renderer.compileAsync(part, monitor.camera);
          else renderer.compile(part, monitor.camera);
        } finally {
          renderer.setRenderTarget(previous);
          renderer.xr.enabled = xr;
        }
        if (pending) await pending;
      }
      // A driver links a program when it is first used: use each once (reading its uniforms), one a task.
      for (const program of renderer.info.programs ?? []) {
        await yieldToMain();
        if (this.disposed) return;
        program.getUniforms();
      }
    } finally {
      target.dispose();
    }
    this.warm = true;
    this.dirty = true;
  }

  dispose(): void {
    this.disposed = true;
    this.monitor?.dispose();
    this.log.geometry.dispose();
    for (const d of this.disposables) d.dispose();
  }

  /** Draws the run of sign vertices that covers what shows (see signGeometry for why it is one run). */
  private showSigns(): void {
    const { inShot, rec, tone } = this.showing;
    const parts = [inShot ? this.signs.inShot : null, rec || tone ? this.signs.rec : null, tone ? this.signs.tone : null].filter((r) => r !== null);
    const first = parts[0];
    const last = parts[parts.length - 1];
    this.signMesh.visible = this.open && first !== undefined;
    if (first && last) this.signMesh.geometry.setDrawRange(first[0], last[0] + last[1] - first[0]);
  }

  private drawMonitor(renderer: THREE.WebGLRenderer, monitor: Monitor): void {
    // The camera sees the set's layer. The set's own meshes are on it only while a take is loaded:
    // put the ones that are not on it for this one picture, and take them off again.
    const root = this.env.set.root;
    const added: THREE.Object3D[] = [];
    for (const child of root.children) {
      if (child === this.env.group || child.layers.isEnabled(SET_LAYER)) continue;
      child.layers.enable(SET_LAYER);
      added.push(child);
    }
    monitor.draw(renderer, root);
    for (const child of added) child.layers.disable(SET_LAYER);
    this.stats.monitorDraws++;
  }

  private makeMonitor(at: THREE.Matrix4, frameAt: THREE.Vector3): Monitor {
    const matrix = at.clone().multiply(new THREE.Matrix4().makeTranslation(0, 0, 0.003));
    const monitor = new Monitor({ matrix, width: MONITOR.width, height: MONITOR.height });
    monitor.screen.name = 'sound-monitor';
    this.root.add(monitor.screen);
    // The camera looks along -z at the frame's centre, with the lens that makes its picture exactly the frame lines.
    const cam = monitor.camera;
    cam.position.set(frameAt.x, frameAt.y, frameAt.z + this.p.frame.cameraDistance);
    cam.fov = 2 * Math.atan(this.frameHeight / 2 / this.p.frame.cameraDistance) / DEG;
    cam.near = 0.3;
    cam.updateProjectionMatrix();
    this.root.add(cam);
    return monitor;
  }

  private add(geometry: THREE.BufferGeometry, material: THREE.Material): THREE.Mesh {
    const mesh = new THREE.Mesh(geometry, material);
    mesh.name = 'sound-activity-part';
    this.root.add(mesh);
    this.disposables.push(geometry);
    this.stats.triangles += geometry.getAttribute('position').count / 3;
    return mesh;
  }

  private paint(colors: THREE.BufferAttribute, first: number, rgb: Float32Array): void {
    const a = colors.array as Float32Array;
    for (let v = first; v < first + this.meter.perLight; v++) a.set(rgb, v * 3);
  }
}
