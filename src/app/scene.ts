import { EYE_HEIGHT, type BuiltSet } from '../set/layout';
import type { Entity, Scene } from '../aframe-typed';
import { h } from '../ui/dom';

/** The A-Frame side of the world before any content: the scene, the visitor's rig and camera. */
export interface World {
  /** The focusable wrapper of the 3D view (keyboard touring starts here). */
  readonly view: HTMLElement;
  readonly scene: Scene;
  readonly rig: Entity;
  readonly camera: Entity;
}

export function entity(tag: string, attrs: Record<string, string>): Entity {
  const el = document.createElement(tag) as unknown as Entity;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

/** The scene's own input components (mouse/touch picking, keyboard touring): removed on teardown. */
export const SCENE_INPUT = ['pointer-select', 'keyboard-nav'] as const;

/**
 * A-Frame's screenshot component downloads a PNG on Ctrl+Alt+S (the kiosk's staff keys) and
 * Ctrl+Alt+Shift+S. No visitor needs that and a kiosk must never download anything: its key handler
 * is made a no-op before any scene exists (the component binds it in init, and never removes it).
 */
function disableScreenshotKeys(): void {
  const screenshot = (AFRAME.components as Record<string, { Component?: { prototype: { onKeyDown?: unknown } } } | undefined>).screenshot;
  if (screenshot?.Component) screenshot.Component.prototype.onKeyDown = () => undefined;
}

/** Creates the scene, rig and camera; resolves once A-Frame has loaded the scene. */
export function createWorld(): Promise<World> {
  disableScreenshotKeys();
  // Labelled once content has loaded (the label is visitor-facing text from the locale file).
  const view = h('div', { id: 'scene-focus', tabindex: 0, role: 'application' });
  const scene = entity('a-scene', {
    renderer: 'antialias: true; colorManagement: true; foveationLevel: 1; highRefreshRate: true; maxCanvasWidth: 1920; maxCanvasHeight: 1920',
    'xr-mode-ui': 'enabled: false',
    // A-Frame's inspector loads from a CDN on Ctrl+Alt+I or ?inspector=: point it at nothing.
    inspector: 'url: data:text/javascript,',
    'device-orientation-permission-ui': 'enabled: false',
    'loading-screen': 'enabled: false',
    'keyboard-shortcuts': 'enterVR: false',
    background: 'color: #101116',
    // The set's light is baked into its colours (set/light.ts, A-Frame's default lights included);
    // nothing in the scene is lit, so no light is added.
    light: 'defaultLightsEnabled: false',
    'pointer-select': '',
    'keyboard-nav': 'target: #scene-focus',
  }) as Scene;
  const rig = entity('a-entity', { id: 'rig' });
  const camera = entity('a-entity', {
    id: 'camera',
    camera: 'fov: 70; near: 0.05; far: 80',
    'look-controls': 'pointerLockEnabled: false; magicWindowTrackingEnabled: true; touchEnabled: true',
    position: `0 ${EYE_HEIGHT} 0`,
  });
  rig.append(camera);
  scene.append(rig);
  view.append(scene);
  document.body.append(view);
  return new Promise((resolve) => {
    const done = (): void => {
      scene.removeAttribute('inspector'); // and drop its key listener altogether
      scene.removeAttribute('screenshot');
      performance.mark('backlot-aframe'); // A-Frame's own start-up is over (the bench's long-task window starts here)
      resolve({ view, scene, rig, camera });
    };
    if (scene.hasLoaded) done();
    else (scene as unknown as HTMLElement).addEventListener('loaded', done, { once: true });
  });
}

/**
 * One entity per station and per crew member (the public hooks `station` and `crew-member`), each
 * carrying its invisible click targets. Returns them, so a teardown can remove them again.
 */
export function addStationEntities(scene: Scene, built: BuiltSet): Entity[] {
  const added: Entity[] = [];
  for (const layout of built.stations.values()) added.push(entity('a-entity', { station: `id: ${layout.id}`, class: 'station' }));
  for (const c of built.crew) {
    const el = entity('a-entity', { 'crew-member': `key: ${c.key}; role: ${c.role}; station: ${c.station}; height: ${c.head.y.toFixed(2)}` });
    el.object3D.position.copy(c.feet);
    added.push(el);
  }
  for (const el of added) scene.append(el);
  return added;
}
