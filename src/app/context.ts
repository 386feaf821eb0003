import * as THREE from 'three';
import { systemOf, type Entity, type Scene } from '../aframe-typed';
import { AnalyticsLog } from '../analytics/log';
import { VisitTracker } from '../analytics/tracker';
import type { ReadText } from '../content/load';
import type { Content } from '../content/types';
import type { BuiltSet } from '../set/layout';
import { storageArea } from '../storage';
import { FRAME_SYSTEM, type FrameSystem } from '../systems/frame';
import { TOUR_SYSTEM, type Fader, type TourSystem } from '../systems/tour';
import { XR_SYSTEM, type XrSystem } from '../systems/xr';
import type { Settings } from '../tour/state';
import type { UrlParams } from '../tour/url';
import { Hud } from '../ui/hud';
import { OverlayLines } from '../world-ui/overlay-lines';
import { VrFade } from '../world-ui/vr-fade';
import { VR_LINE_SEGMENTS } from '../xr/segments';
import { Disposables } from './disposables';
import { FramePhases } from './phases';
import { addStationEntities, SCENE_INPUT, type World } from './scene';
import type { Services } from './services';
import type { StartState } from './start';

/**
 * What every feature is given: the content, the URL's parameters, the world (scene, rig, camera),
 * the tour, the XR mode's owner, the HUD, the built set, the shared line batch, the frame phases
 * and the local analytics. Features that offer something to others publish it in `services`.
 */
export interface AppContext {
  readonly content: Content;
  readonly params: UrlParams;
  readonly scene: Scene;
  /** The focusable wrapper of the 3D view. */
  readonly view: HTMLElement;
  readonly rig: Entity;
  readonly camera: Entity;
  readonly tour: TourSystem;
  /** Owns the XR mode (inline, vr, ar) and what the browser supports. */
  readonly xr: XrSystem;
  readonly hud: Hud;
  readonly set: BuiltSet;
  /** Every thin line over the set in one draw call; features take ranges of it. */
  readonly lines: OverlayLines;
  readonly phases: FramePhases;
  readonly analytics: VisitTracker;
  /** The fade around the eyes for moves in a headset (stepped by the XR feature). */
  readonly vrFade: VrFade;
  /** Reads a file relative to the page (null: not found). */
  readonly read: ReadText;
  /** Settings a new visitor starts with. */
  readonly defaults: Settings;
  /** What features offer one another (the panel, the role tags, narration, the kiosk...). */
  readonly services: Services;
  /** Stands the visitor at the set's start spot, facing in. */
  placeAtStart(): void;
}

/** Puts the built set into the world and sets up the tour, the HUD and the frame phases. */
export function createContext(o: { content: Content; params: UrlParams; world: World; start: StartState; built: BuiltSet; read: ReadText }): { ctx: AppContext; dispose: () => void } {
  const { content, world } = o;
  const { scene, rig, camera, view } = world;
  const { set } = content;
  const core = new Disposables();
  view.setAttribute('aria-label', content.locale.ui.sceneLabel);

  const { built } = o;
  scene.object3D.add(built.root);
  core.add(() => {
    built.root.removeFromParent();
    built.dispose();
  });

  const tour = systemOf<TourSystem>(scene, TOUR_SYSTEM);
  const xr = systemOf<XrSystem>(scene, XR_SYSTEM);
  const hud = new Hud(content, (action) => tour.dispatch(action));
  core.add(() => hud.dispose());
  // Moves fade on the screen (DOM) or, in a headset, with a sphere around the eyes.
  const vrFade = new VrFade();
  camera.object3D.add(vrFade.mesh);
  core.add(() => {
    vrFade.mesh.removeFromParent();
    vrFade.dispose();
  });
  const fader: Fader = { fade: (on) => (xr.mode === 'inline' ? hud.fade(on) : vrFade.fade(on)) };
  tour.setup({ set: built, initial: o.start.state, rig, camera, fader, xr });
  core.add(() => tour.teardown());

  const placeAtStart = (): void => {
    rig.object3D.position.set(set.start.position[0], 0, set.start.position[1]);
    rig.object3D.rotation.y = THREE.MathUtils.degToRad(set.start.facing);
    const look = tour.look();
    look?.yawObject.rotation.set(0, 0, 0);
    look?.pitchObject.rotation.set(0, 0, 0);
  };
  if (!o.start.startAt) {
    rig.object3D.position.set(set.start.position[0], 0, set.start.position[1]);
    rig.object3D.rotation.y = THREE.MathUtils.degToRad(set.start.facing);
  }
  const entities = addStationEntities(scene, built);
  core.add(() => {
    for (const el of entities) el.remove();
    // The scene's own pointer and keyboard input go with the tour they drive.
    for (const name of SCENE_INPUT) scene.removeAttribute(name);
  });

  // Every thin line (role-tag leaders, VR rays and arcs) in one draw call.
  const lines = new OverlayLines(built.crew.length + VR_LINE_SEGMENTS);
  scene.object3D.add(lines.mesh);
  core.add(() => {
    lines.mesh.removeFromParent();
    lines.dispose();
  });
  const phases = new FramePhases();
  const frame = systemOf<FrameSystem>(scene, FRAME_SYSTEM);
  frame.phases = phases;
  core.add(() => {
    frame.phases = null;
  });
  core.add(phases.add('travel', 'tour', (dt) => tour.step(dt)));
  // Last: every line writer has run this frame.
  core.add(phases.add('commit', 'overlay lines', () => lines.commit()));

  const analytics = new VisitTracker(new AnalyticsLog(storageArea()), set.stations.length);
  const ctx: AppContext = {
    content, params: o.params, scene, view, rig, camera, tour, xr, hud, set: built, lines, phases, analytics, vrFade,
    read: o.read, defaults: o.start.defaults, services: { xrSurfaces: new Set() }, placeAtStart,
  };
  return { ctx, dispose: () => core.dispose() };
}
