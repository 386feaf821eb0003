import { toolkit } from './toolkit';
import * as THREE from 'three';
import type { AppContext } from '../app/context';
import type { XrSurface } from '../xr/vr-controls';
import type { CardActions } from './card';
import type { Activity, ActivityWords, ControlSpec, Feedback } from './types';


/** Canvas pixels a metre: 0.72 m wide at 1.1 m, about the station panel's apparent size. */
const PX = 1400;
const W = 1000;
const PAD = 36;
/** Distance from the eyes, metres, and how far left of straight ahead it stands (the station stays in view). */
const DISTANCE = 1.1;
const SIDE = THREE.MathUtils.degToRad(36);

/** A pointable spot on the panel: a control (an option of a choice), a slider's track, or a bottom button. */
type Spot =
  | { readonly kind: 'control'; readonly id: string; readonly value: boolean | string | number; readonly r: Rect }
  | { readonly kind: 'slider'; readonly spec: Extract<ControlSpec, { kind: 'slider' }>; readonly r: Rect }
  | { readonly kind: 'reset' | 'close'; readonly r: Rect };
interface Rect { readonly x: number; readonly y: number; readonly w: number; readonly h: number }

const forward = new THREE.Vector3();
const eye = new THREE.Vector3();
const local = new THREE.Vector3();
const plane = new THREE.Plane();
const box = new THREE.Box3();
const normal = new THREE.Vector3();

/**
 * An activity's controls in a headset: one textured quad beside the visitor (left of where they
 * look, so the station stays in sight), painted from the same control list as the DOM card.
 * Toggles, choices and actions are pointed at and selected; a slider's knob follows the ray while
 * select is held (point, press, drag, let go). It is an XR surface of the VR controls.
 */
export class VrActivityPanel implements XrSurface {
  private readonly canvas = document.createElement('canvas');
  private readonly texture = new THREE.CanvasTexture(this.canvas);
  private readonly mesh: THREE.Mesh<THREE.PlaneGeometry, THREE.MeshBasicMaterial>;
  private activity: Activity | null = null;
  private words: ActivityWords | null = null;
  private feedback: Feedback | null = null;
  private spots: Spot[] = [];
  private hovered: Spot | null = null;
  private dragging: Extract<Spot, { kind: 'slider' }> | null = null;
  private dirty = false;
  private readonly hits: THREE.Intersection[] = [];
  /** The activity's things on the set: the panel opens on the other side of them. */
  private subject: THREE.Object3D | null = null;

  constructor(private readonly ctx: AppContext, private readonly labels: { reset: string; close: string; doneBadge: string }, private readonly actions: CardActions) {
    this.texture.colorSpace = THREE.SRGBColorSpace;
    this.texture.anisotropy = 8;
    this.mesh = new THREE.Mesh(new THREE.PlaneGeometry(1, 1), new THREE.MeshBasicMaterial({ map: this.texture, transparent: true, depthWrite: false, depthTest: false }));
    this.mesh.name = 'activity-panel';
    this.mesh.renderOrder = 31;
    this.mesh.visible = false;
    ctx.scene.object3D.add(this.mesh);
  }

  /** Opens on an activity; shown only in a headset (`inVr`), and again when a session starts. */
  show(activity: Activity, words: ActivityWords, inVr: boolean, subject: THREE.Object3D | null = null): void {
    this.subject = subject;
    this.activity = activity;
    this.words = words;
    this.feedback = null;
    this.dirty = true;
    if (inVr) this.reveal();
  }

  hide(): void {
    this.activity = null;
    this.mesh.visible = false;
    this.ctx.services.xrSurfaces.delete(this);
    this.dragging = null;
  }

  sync(): void {
    this.dirty = true;
  }

  say(f: Feedback | null): void {
    this.feedback = f;
    this.dirty = true;
  }

  /** Each frame while an activity is open: shows or hides with the headset, repaints after a change. */
  frame(inVr: boolean): void {
    if (!this.activity) return;
    if (inVr && !this.mesh.visible) this.reveal();
    else if (!inVr && this.mesh.visible) {
      this.mesh.visible = false;
      this.ctx.services.xrSurfaces.delete(this);
    }
    if (this.dirty && this.mesh.visible) this.paint();
  }

  private reveal(): void {
    const { camera, tour } = this.ctx;
    camera.object3D.getWorldPosition(eye);
    const view = tour.visitorYaw();
    // Beside the view, on the side away from the activity, so the panel never hides what it changes.
    let side = SIDE;
    if (this.subject) {
      const c = box.setFromObject(this.subject).getCenter(local);
      const toSubject = Math.atan2(-(c.x - eye.x), -(c.z - eye.z));
      if (Math.sin(toSubject - view) > 0) side = -SIDE;
    }
    const yaw = view + side;
    forward.set(-Math.sin(yaw), 0, -Math.cos(yaw));
    this.mesh.position.set(eye.x + forward.x * DISTANCE, eye.y - 0.2, eye.z + forward.z * DISTANCE);
    this.mesh.rotation.set(0, yaw, 0);
    this.mesh.visible = true;
    this.ctx.services.xrSurfaces.add(this);
    this.paint();
  }

  // --- XrSurface -----------------------------------------------------------------------------

  hit(raycaster: THREE.Raycaster): number | null {
    if (!this.mesh.visible) return null;
    this.hits.length = 0;
    this.mesh.raycast(raycaster, this.hits);
    return this.hits[0]?.distance ?? null;
  }

  hover(raycaster: THREE.Raycaster | null): void {
    const spot = raycaster ? this.spotAt(raycaster) : null;
    if (spot !== this.hovered) {
      this.hovered = spot;
      this.dirty = true;
    }
  }

  press(raycaster: THREE.Raycaster): void {
    const spot = this.spotAt(raycaster);
    if (!spot) return;
    if (spot.kind === 'slider') {
      this.dragging = spot;
      this.drag(raycaster);
    } else if (spot.kind === 'control') this.actions.change(spot.id, spot.value);
    else if (spot.kind === 'reset') this.actions.reset();
    else this.actions.close();
  }

  drag(raycaster: THREE.Raycaster): void {
    const s = this.dragging;
    const p = this.pixelAt(raycaster, true);
    if (!s || !p) return;
    const t = THREE.MathUtils.clamp((p.x - s.r.x) / s.r.w, 0, 1);
    const { min, max, step } = s.spec;
    const value = Math.round((min + t * (max - min)) / step) * step;
    if (value !== this.activity?.value(s.spec.id)) this.actions.change(s.spec.id, Number(value.toFixed(6)), true);
  }

  release(): void {
    if (this.dragging) this.actions.commit(this.dragging.spec.id);
    this.dragging = null;
  }

  /** The canvas pixel under the ray; `anywhere`: on the panel's plane even off its edge (a drag). */
  private pixelAt(raycaster: THREE.Raycaster, anywhere = false): { x: number; y: number } | null {
    this.mesh.updateMatrixWorld();
    let point: THREE.Vector3 | null = null;
    if (anywhere) {
      plane.setFromNormalAndCoplanarPoint(normal.set(0, 0, 1).applyQuaternion(this.mesh.quaternion), this.mesh.position);
      point = raycaster.ray.intersectPlane(plane, local);
    } else {
      this.hits.length = 0;
      this.mesh.raycast(raycaster, this.hits);
      point = this.hits[0]?.point ?? null;
    }
    if (!point) return null;
    local.copy(point);
    this.mesh.worldToLocal(local);
    return { x: (local.x + 0.5) * this.canvas.width, y: (0.5 - local.y) * this.canvas.height };
  }

  private spotAt(raycaster: THREE.Raycaster): Spot | null {
    const p = this.pixelAt(raycaster);
    if (!p) return null;
    return this.spots.find((s) => p.x >= s.r.x && p.x <= s.r.x + s.r.w && p.y >= s.r.y && p.y <= s.r.y + s.r.h && !(s.kind === 'control' && this.activity?.disabled(s.id))) ?? null;
  }

  // --- painting ------------------------------------------------------------------------------

  private paint(): void {
    this.dirty = false;
    const a = this.activity;
    const words = this.words;
    if (!a || !words) return;
    const ctx = this.canvas.getContext('2d', toolkit().SOFTWARE_CANVAS)!;
    // Measure first with the canvas at full height, then size it to what was drawn.
    const was = this.canvas.height;
    this.canvas.width = W;
    this.canvas.height = 1600;
    const height = this.draw(ctx, a, words, false);
    this.canvas.height = height;
    this.draw(ctx, a, words, true);
    // three.js allocates a texture's storage once, at its first size: a canvas of a new size needs a
    // new GPU texture, or the old picture shows where the new one does not reach.
    if (height !== was) this.texture.dispose();
    this.texture.needsUpdate = true;
    this.mesh.scale.set(W / PX, height / PX, 1);
  }

  /** Lays the panel out (and paints it when `ink`); returns the height used. */
  private draw(ctx: CanvasRenderingContext2D, a: Activity, words: ActivityWords, ink: boolean): number {
    const { font, wrapText } = toolkit(); // the host's chunk reads the toolkit when it runs (toolkit.ts)
    const spots: Spot[] = [];
    if (ink) {
      ctx.fillStyle = 'rgba(16,18,24,0.96)';
      ctx.beginPath();
      ctx.roundRect(0, 0, W, this.canvas.height, 36);
      ctx.fill();
      ctx.fillStyle = a.done ? '#4cd964' : '#ffd166';
      ctx.fillRect(0, 30, 10, 80);
    }
    let y = PAD;
    const text = (s: string, px: number, colour: string, bold = false): void => {
      ctx.font = font(px, bold);
      for (const line of wrapText(ctx, s, W - 2 * PAD)) {
        if (ink) {
          ctx.fillStyle = colour;
          ctx.fillText(line, PAD, y + px);
        }
        y += px * 1.3;
      }
    };
    text(a.done ? `${words.title} — ${this.labels.doneBadge}` : words.title, 50, '#ffffff', true);
    y += 6;
    text(words.goal, 32, '#e8e4da');
    const status = a.status();
    if (status) text(status, 30, '#ffd166');
    y += 14;
    y = this.controls(ctx, a, spots, y, ink);
    if (this.feedback) {
      y += 10;
      text(this.feedback.text, 32, this.feedback.tone === 'bad' ? '#ff8a80' : this.feedback.tone === 'good' ? '#7ee08f' : '#ffffff');
    }
    y += 16;
    const half = (W - 3 * PAD) / 2;
    spots.push({ kind: 'reset', r: { x: PAD, y, w: half, h: 80 } }, { kind: 'close', r: { x: 2 * PAD + half, y, w: half, h: 80 } });
    if (ink) {
      this.button(ctx, spots[spots.length - 2]!.r, this.labels.reset, false, false, this.hovered?.kind === 'reset');
      this.button(ctx, spots[spots.length - 1]!.r, this.labels.close, false, false, this.hovered?.kind === 'close');
    }
    y += 80 + PAD;
    if (ink) this.spots = spots;
    return Math.ceil(y);
  }

  /** The controls, flowed: toggles and actions side by side, choices and sliders a row each. */
  private controls(ctx: CanvasRenderingContext2D, a: Activity, spots: Spot[], top: number, ink: boolean): number {
    const { font, wrapText } = toolkit(); // the host's chunk reads the toolkit when it runs (toolkit.ts)
    let x = PAD;
    let y = top;
    const H = 76;
    const GAP = 14;
    const newRow = (): void => {
      if (x > PAD) {
        x = PAD;
        y += H + GAP;
      }
    };
    for (const c of a.controls()) {
      const off = a.disabled(c.id);
      if (c.kind === 'toggle' || c.kind === 'action') {
        ctx.font = font(32, true);
        const w = Math.min(W - 2 * PAD, ctx.measureText(c.label).width + 60);
        if (x + w > W - PAD) newRow();
        const value = c.kind === 'toggle' ? a.value(c.id) !== true : true;
        const spot: Spot = { kind: 'control', id: c.id, value, r: { x, y, w, h: H } };
        spots.push(spot);
        if (ink) this.button(ctx, spot.r, c.label, c.kind === 'toggle' && a.value(c.id) === true, off, this.isHovered(spot));
        x += w + GAP;
        continue;
      }
      newRow();
      if (ink) {
        ctx.font = font(28);
        ctx.fillStyle = '#c8c3b8';
        ctx.fillText(c.kind === 'slider' ? `${c.label}: ${a.valueText(c.id)}` : c.label, PAD, y + 28);
      }
      y += 40;
      if (c.kind === 'choice') {
        const w = (W - 2 * PAD - GAP * (c.options.length - 1)) / c.options.length;
        c.options.forEach((o, i) => {
          const spot: Spot = { kind: 'control', id: c.id, value: o.id, r: { x: PAD + i * (w + GAP), y, w, h: H } };
          spots.push(spot);
          if (ink) this.button(ctx, spot.r, o.label, a.value(c.id) === o.id, off, this.isHovered(spot));
        });
      } else {
        const spot: Spot = { kind: 'slider', spec: c, r: { x: PAD + 20, y, w: W - 2 * PAD - 40, h: H } };
        spots.push(spot);
        if (ink) this.slider(ctx, spot.r, (Number(a.value(c.id)) - c.min) / (c.max - c.min || 1), this.isHovered(spot) || this.dragging?.spec.id === c.id);
      }
      y += H + GAP;
    }
    newRow();
    return x > PAD ? y + H + GAP : y;
  }

  private isHovered(spot: Spot): boolean {
    const h = this.hovered;
    if (!h || h.kind !== spot.kind) return false;
    if (h.kind === 'slider' && spot.kind === 'slider') return h.spec.id === spot.spec.id;
    return h.kind === 'control' && spot.kind === 'control' && h.id === spot.id && h.value === spot.value;
  }

  private button(ctx: CanvasRenderingContext2D, r: Rect, label: string, pressed: boolean, off: boolean, hot: boolean): void {
    ctx.fillStyle = hot && !off ? '#ffffff' : pressed ? '#ffd166' : off ? 'rgba(40,42,50,0.7)' : 'rgba(34,37,46,1)';
    ctx.strokeStyle = pressed || hot ? '#ffffff' : 'rgba(255,255,255,0.4)';
    ctx.lineWidth = 4;
    ctx.beginPath();
    ctx.roundRect(r.x, r.y, r.w, r.h, 28);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = pressed || (hot && !off) ? '#16181f' : off ? 'rgba(255,255,255,0.4)' : '#ffffff';
    ctx.font = toolkit().font(32, true);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(label, r.x + r.w / 2, r.y + r.h / 2 + 2, r.w - 24);
    ctx.textAlign = 'start';
    ctx.textBaseline = 'alphabetic';
  }

  private slider(ctx: CanvasRenderingContext2D, r: Rect, t: number, hot: boolean): void {
    const cy = r.y + r.h / 2;
    ctx.fillStyle = 'rgba(255,255,255,0.25)';
    ctx.fillRect(r.x, cy - 6, r.w, 12);
    ctx.fillStyle = '#ffd166';
    ctx.fillRect(r.x, cy - 6, r.w * THREE.MathUtils.clamp(t, 0, 1), 12);
    ctx.beginPath();
    ctx.arc(r.x + r.w * THREE.MathUtils.clamp(t, 0, 1), cy, hot ? 30 : 24, 0, Math.PI * 2);
    ctx.fillStyle = hot ? '#ffffff' : '#ffd166';
    ctx.fill();
  }

  /** Tests: where a control (or one of a choice's options, a bottom button) is, in the world. */
  worldPoint(id: string, option?: string | number | boolean, along = 0.5): THREE.Vector3 | null {
    const s = this.spots.find((sp) => (sp.kind === 'slider' ? sp.spec.id === id : sp.kind === 'control' ? sp.id === id && (option === undefined || sp.value === option) : sp.kind === id));
    if (!s) return null;
    const u = (s.r.x + s.r.w * along) / this.canvas.width - 0.5;
    const v = 0.5 - (s.r.y + s.r.h / 2) / this.canvas.height;
    this.mesh.updateMatrixWorld();
    return new THREE.Vector3(u, v, 0).applyMatrix4(this.mesh.matrixWorld);
  }

  get visible(): boolean {
    return this.mesh.visible;
  }

  dispose(): void {
    this.hide();
    this.mesh.removeFromParent();
    this.mesh.geometry.dispose();
    this.mesh.material.dispose();
    this.texture.dispose();
  }
}
