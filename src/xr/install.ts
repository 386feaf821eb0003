import * as THREE from 'three';
import { systemOf, type Scene } from '../aframe-typed';
import type { Content } from '../content/types';
import type { BuiltSet } from '../set/build-set';
import type { OverlayLines } from '../world-ui/overlay-lines';
import type { TourSystem } from '../systems/tour';
import { XR_SYSTEM, type XrSystem } from '../systems/xr';
import { format } from '../ui/dom';
import type { Hud } from '../ui/hud';
import { XrUi } from '../ui/xr-ui';
import { ArMode } from './ar-mode';
import { VrControls, type PanelTarget } from './vr-controls';
import type { VrFade } from '../world-ui/vr-fade';

export interface XrSetup {
  readonly content: Content;
  readonly scene: Scene;
  readonly rig: THREE.Object3D;
  readonly camera: THREE.Object3D;
  readonly tour: TourSystem;
  readonly built: BuiltSet;
  readonly hud: Hud;
  readonly vrFade: VrFade;
  readonly lines: OverlayLines;
  readonly panel: PanelTarget;
  readonly labels: () => THREE.Object3D;
  readonly renderPanel: () => void;
  readonly invalidateTags: () => void;
  readonly hideTags: () => void;
}

const modeName = (mode: 'vr' | 'ar'): string => (mode === 'vr' ? 'VR' : 'AR');

/**
 * Wires WebXR into the tour: the VR controls and the AR model, their DOM (buttons, Help section,
 * AR overlay), what happens when a session starts and ends, and their step in the ordered
 * per-frame update. Exposes the controllers on the `xr` system for tests and the bench.
 */
export function setupXr(x: XrSetup): void {
  const { content, scene, tour, hud, built } = x;
  const { ui } = content.locale;
  const xr = systemOf<XrSystem>(scene, XR_SYSTEM);
  const area = { halfWidth: built.bounds.halfWidth, halfDepth: built.bounds.halfDepth, margin: 0.6 };
  const vr = new VrControls({
    scene, rig: x.rig, camera: x.camera, tour, panel: x.panel, lines: x.lines, area,
    notice: (text) => hud.showNotice(text, 3000),
    teleportRefused: ui.teleportRefused,
  });
  x.camera.add(vr.vignette);
  const solidMaterials = built.root.children.flatMap((o) => ((o as THREE.Mesh).isMesh ? [(o as THREE.Mesh).material as THREE.Material] : []));
  // The AR mode reports changes to the overlay, which is made with the AR mode: hence a late binding.
  let overlay: XrUi | null = null;
  const ar = new ArMode({
    scene, rig: x.rig, camera: x.camera, tour, showShell: (v) => built.showShell(v), clipped: solidMaterials,
    labels: x.labels, crew: built.crew,
    onChange: () => overlay?.render(tour.state!),
  });
  const enter = (mode: 'vr' | 'ar'): void => {
    xr.enter(mode).catch((err: unknown) => {
      const reason = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
      console.warn(`Backlot: ${modeName(mode)} did not start.`, err);
      hud.showNotice(format(ui.xrRefused, { mode: modeName(mode), reason }));
    });
  };
  const xrUi = new XrUi(content, ar, { enter, exit: () => void xr.exit(), notice: (text) => hud.showNotice(text, 10000) });
  overlay = xrUi;
  xr.controllers = { vr, ar, ui: xrUi };

  const background = scene.object3D.background;
  // Where the visitor stood on the screen: restored on leaving XR when no station is current.
  const before = { position: new THREE.Vector3(), yaw: 0, fov: 70 };
  const screenCamera = (): THREE.PerspectiveCamera => scene.camera as THREE.PerspectiveCamera;
  xr.connect({
    onStart(mode, session) {
      before.position.copy(x.rig.position).setY(0);
      before.yaw = tour.visitorYaw();
      before.fov = screenCamera().fov;
      // A reduced-motion fade on the screen cannot finish while a session runs (no window frames).
      tour.fading = false;
      hud.clearFade();
      tour.setXrMode(mode);
      document.body.classList.add(`xr-${mode}`);
      if (mode === 'vr') vr.start(session, { x: before.position.x, z: before.position.z, yaw: before.yaw });
      else {
        scene.object3D.background = null; // the camera picture shows through
        // On a model a metre across, the life-size 3D labels and tags would bury it: the DOM
        // overlay carries the station's text and its crew's tags instead.
        x.hideTags();
        ar.start(session);
      }
      x.renderPanel();
      x.invalidateTags();
    },
    onEnd(mode) {
      vr.stop();
      ar.stop();
      x.vrFade.reset();
      tour.fading = false;
      scene.object3D.background = background;
      document.body.classList.remove(`xr-${mode}`);
      // three.js gave the camera the device's field of view while presenting; the screen has its own.
      const cam = screenCamera();
      cam.fov = before.fov;
      cam.updateProjectionMatrix();
      if (!tour.state?.station) {
        x.rig.position.copy(before.position);
        x.rig.rotation.set(0, before.yaw, 0);
        x.rig.scale.set(1, 1, 1);
        const look = tour.look();
        if (look) look.yawObject.rotation.y = 0; // the rig carries the whole heading now
      }
      tour.setXrMode('inline');
      x.renderPanel();
      x.invalidateTags();
      hud.showNotice(format(ui.xrEnded, { mode: modeName(mode) }), 4000);
    },
  });
  tour.addArrivalHook(() => {
    if (tour.xrMode === 'vr') x.renderPanel();
  });
  tour.subscribe((s) => {
    if (tour.xrMode === 'ar') xrUi.render(s);
  });
  void xr.detect().then((support) => {
    const tools = hud.root.querySelector<HTMLElement>('.tools');
    if (tools) xrUi.mount(tools, document.getElementById('help'), support);
    document.body.dataset.xr = [support.vr ? 'vr' : '', support.ar ? 'ar' : ''].filter(Boolean).join(' ') || 'none';
  });
  tour.addFrameHook((dt) => {
    if (tour.xrMode === 'vr') {
      x.vrFade.step(dt);
      vr.update(dt);
    } else if (tour.xrMode === 'ar') {
      ar.update();
      xrUi.updateTags(tour.state!.overlay !== 'off');
    }
  });
}
