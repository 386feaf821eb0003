import * as THREE from 'three';
import type { AppContext } from '../app/context';
import type { Disposables } from '../app/disposables';
import type { PanelService, TagsService, XrControllers } from '../app/services';
import type { XrHandlers } from '../systems/xr';
import { format } from '../ui/dom';
import { XrUi } from '../ui/xr-ui';
import { ArMode } from './ar-mode';
import { modeName } from './mode-name';
import { VrControls } from './vr-controls';

/**
 * The XR controls, a lazy chunk loaded only where the browser can start a VR or AR session: the
 * VR controls and the AR model with its DOM overlay, what a session's start and end do, and their
 * step in the xr frame phase. Everything goes through `d`, the XR feature's disposables.
 */
export function installControls(ctx: AppContext, panel: PanelService, tags: TagsService, d: Disposables): XrControllers {
  const controllers = createControllers(ctx, panel, tags, d);
  const { vr, ar, ui } = controllers;
  ctx.services.xr = controllers;
  d.add(() => delete ctx.services.xr);
  ctx.xr.connect(sessionHandlers(ctx, controllers, panel, tags));
  d.add(() => ctx.xr.connect(null));
  const { tour, xr } = ctx;
  d.add(tour.addArrivalHook(() => {
    if (xr.mode === 'vr') panel.render();
  }));
  d.add(tour.subscribe((s) => {
    if (xr.mode === 'ar') ui.render(s);
  }));
  d.add(ctx.phases.add('xr', 'vr and ar', (dt) => {
    if (xr.mode === 'vr') {
      ctx.vrFade.step(dt);
      vr.update(dt);
    } else if (xr.mode === 'ar') {
      ar.update();
      ui.updateTags(tour.state!.overlay !== 'off');
    }
  }));
  return controllers;
}

/** The VR controls, the AR model and the XR DOM, added to the world (and taken away by `d`). */
function createControllers(ctx: AppContext, panel: PanelService, tags: TagsService, d: Disposables): XrControllers {
  const { content, scene, tour, hud, xr, set: built } = ctx;
  const { ui } = content.locale;
  const rig = ctx.rig.object3D;
  const camera = ctx.camera.object3D;
  const area = { halfWidth: built.bounds.halfWidth, halfDepth: built.bounds.halfDepth, margin: 0.6 };
  const vr = new VrControls({
    scene, rig, camera, tour, xr, panel, lines: ctx.lines, area,
    notice: (text) => hud.showNotice(text, 3000),
    teleportRefused: ui.teleportRefused,
    startTake: () => ctx.services.take?.toggle(),
    openActivity: () => void ctx.services.activities?.open(),
    surfaces: () => ctx.services.xrSurfaces,
  });
  camera.add(vr.vignette);
  d.add(() => {
    vr.vignette.removeFromParent();
    vr.dispose();
  });
  const solidMaterials = built.root.children.flatMap((o) => ((o as THREE.Mesh).isMesh ? [(o as THREE.Mesh).material as THREE.Material] : []));
  // The AR mode reports changes to the overlay, which is made with the AR mode: hence a late binding.
  let overlay: XrUi | null = null;
  const ar = new ArMode({
    scene, rig, camera, tour, showShell: (v) => built.showShell(v), clipped: solidMaterials,
    labels: tags.labels, crew: built.crew,
    onChange: () => overlay?.render(tour.state!),
  });
  d.add(() => ar.dispose());
  const xrUi = new XrUi(content, ar, { exit: () => void xr.exit() });
  overlay = xrUi;
  d.add(() => xrUi.dispose());
  return { vr, ar, ui: xrUi };
}

/** What a session's start and end do to the tour, the view and the overlays. */
function sessionHandlers(ctx: AppContext, { vr, ar, ui: xrUi }: XrControllers, panel: PanelService, tags: TagsService): XrHandlers {
  const { scene, tour, hud } = ctx;
  const rig = ctx.rig.object3D;
  const { ui } = ctx.content.locale;
  const background = scene.object3D.background;
  // Where the visitor stood on the screen: restored on leaving XR when no station is current.
  const before = { position: new THREE.Vector3(), yaw: 0, fov: 70 };
  const screenCamera = (): THREE.PerspectiveCamera => scene.camera as THREE.PerspectiveCamera;
  return {
    onStart(mode, session) {
      before.position.copy(rig.position).setY(0);
      before.yaw = tour.visitorYaw('inline');
      before.fov = screenCamera().fov;
      // A reduced-motion fade on the screen cannot finish while a session runs (no window frames).
      tour.cancelFade();
      hud.clearFade();
      tour.xrModeChanged(mode);
      document.body.classList.add(`xr-${mode}`);
      if (mode === 'vr') vr.start(session, { x: before.position.x, z: before.position.z, yaw: before.yaw });
      else {
        scene.object3D.background = null; // the camera picture shows through
        // On a model a metre across, the life-size 3D labels and tags would bury it: the DOM
        // overlay carries the station's text and its crew's tags instead.
        tags.roleTags.hideAll();
        // The station's sheet goes where the browser draws over the camera picture.
        hud.showIn(xrUi.overlay);
        ar.start(session);
      }
      panel.render();
      tags.roleTags.invalidate();
    },
    onEnd(mode) {
      vr.stop();
      ar.stop();
      hud.showIn(null);
      ctx.vrFade.reset();
      tour.cancelFade();
      scene.object3D.background = background;
      document.body.classList.remove(`xr-${mode}`);
      // three.js gave the camera the device's field of view while presenting; the screen has its own.
      const cam = screenCamera();
      cam.fov = before.fov;
      cam.updateProjectionMatrix();
      if (!tour.state?.station) {
        rig.position.copy(before.position);
        rig.rotation.set(0, before.yaw, 0);
        rig.scale.set(1, 1, 1);
        const look = tour.look();
        if (look) look.yawObject.rotation.y = 0; // the rig carries the whole heading now
      }
      tour.xrModeChanged('inline');
      panel.render();
      tags.roleTags.invalidate();
      hud.showNotice(format(ui.xrEnded, { mode: modeName(mode, ui) }), 4000);
    },
  };
}
