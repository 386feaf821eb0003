import * as THREE from 'three';
import { defineComponent, systemOf, type Scene } from '../aframe-typed';
import { pickTarget, selectActions, type PickTarget } from '../input/pick';
import { TOUR_SYSTEM, type TourSystem } from '../systems/tour';

export const POINTER_SELECT = 'pointer-select';

/** A press that moves less than this (CSS px) and lasts less than TAP_MS is a click, not a drag-to-look. */
const TAP_SLOP = 8;
const TAP_MS = 600;


interface PointerMethods {
  raycaster: THREE.Raycaster;
  ndc: THREE.Vector2;
  down: { x: number; y: number; t: number; id: number } | null;
  hoverQueued: boolean;
  lastMove: PointerEvent | null;
  onDown: (e: PointerEvent) => void;
  onUp: (e: PointerEvent) => void;
  onMove: (e: PointerEvent) => void;
  pick(clientX: number, clientY: number): PickTarget | null;
}



/**
 * Mouse and touch selection on the 3D view: a click or tap on a station's marker, label or props
 * goes there; on a crew figure it opens the role card (walking to their station first). Hovering
 * something selectable shows a pointer cursor.
 */
defineComponent<Record<string, never>, PointerMethods>(POINTER_SELECT, {
  schema: {},
  raycaster: new THREE.Raycaster(),
  ndc: new THREE.Vector2(),
  down: null,
  hoverQueued: false,
  lastMove: null,
  onDown: () => undefined,
  onUp: () => undefined,
  onMove: () => undefined,

  init() {
    this.raycaster = new THREE.Raycaster();
    this.ndc = new THREE.Vector2();
    const scene = this.el.sceneEl!;
    const canvas = scene.canvas as HTMLCanvasElement;
    const tour = systemOf<TourSystem>(scene, TOUR_SYSTEM);
    this.onDown = (e) => {
      if (e.button !== 0) return;
      this.down = { x: e.clientX, y: e.clientY, t: performance.now(), id: e.pointerId };
    };
    this.onUp = (e) => {
      const down = this.down;
      this.down = null;
      if (!down || down.id !== e.pointerId) return;
      if (Math.hypot(e.clientX - down.x, e.clientY - down.y) > TAP_SLOP || performance.now() - down.t > TAP_MS) return;
      const target = this.pick(e.clientX, e.clientY);
      if (!target || !tour.state) return;
      for (const action of selectActions(target, tour.state.station, tour.isTravelling())) tour.dispatch(action);
    };
    this.onMove = (e) => {
      if (e.pointerType !== 'mouse') return;
      this.lastMove = e;
      if (this.hoverQueued) return;
      this.hoverQueued = true;
      requestAnimationFrame(() => {
        this.hoverQueued = false;
        const m = this.lastMove;
        if (m) canvas.style.cursor = this.pick(m.clientX, m.clientY) ? 'pointer' : '';
      });
    };
    canvas.addEventListener('pointerdown', this.onDown);
    canvas.addEventListener('pointerup', this.onUp);
    canvas.addEventListener('pointermove', this.onMove);
  },

  pick(clientX, clientY) {
    const scene = this.el.sceneEl as unknown as Scene & { canvas: HTMLCanvasElement; camera: THREE.Camera };
    const rect = scene.canvas.getBoundingClientRect();
    this.ndc.set(((clientX - rect.left) / rect.width) * 2 - 1, -((clientY - rect.top) / rect.height) * 2 + 1);
    this.raycaster.setFromCamera(this.ndc, scene.camera);
    return pickTarget(this.raycaster, scene);
  },

  remove() {
    const canvas = this.el.sceneEl!.canvas as HTMLCanvasElement;
    canvas.removeEventListener('pointerdown', this.onDown);
    canvas.removeEventListener('pointerup', this.onUp);
    canvas.removeEventListener('pointermove', this.onMove);
    canvas.style.cursor = '';
  },
});
