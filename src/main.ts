import 'aframe';
import * as THREE from 'three';
import './ui/hud.css';
import './systems/tour';
import './world-ui/role-tags';
import './systems/xr';
import './components/station';
import './components/crew-member';
import './components/pointer-select';
import './components/keyboard-nav';
import { systemOf, type Entity, type Scene } from './aframe-typed';
import { loadContent, localeFile, type ReadText } from './content/load';
import type { Content } from './content/types';
import { AnalyticsLog } from './analytics/log';
import { VisitTracker } from './analytics/tracker';
import { markResume, resumePending } from './app/resume';
import { buildSet, EYE_HEIGHT, type BuiltSet } from './set/build-set';
import { buildStationLabels } from './world-ui/station-labels';
import { FocusRing } from './world-ui/focus-ring';
import { InfoPanel } from './world-ui/info-panel';
import { TOUR_SYSTEM, arrivalYaw, type Fader, type TourSystem } from './systems/tour';
import { PanelButtons } from './world-ui/panel-buttons';
import { OverlayLines } from './world-ui/overlay-lines';
import { VrFade } from './world-ui/vr-fade';
import { VR_LINE_SEGMENTS } from './xr/vr-controls';
import { setupXr } from './xr/setup-xr';
import { ROLE_TAGS_SYSTEM, type RoleTagSystem } from './world-ui/role-tags';
import { DEFAULT_SETTINGS, initialState, tourReducer, type TourState } from './tour/state';
import { STORAGE_KEY, fromStored, toPersisted } from './tour/persist';
import { readItem, removeItems, storageArea, writeItem } from './storage';
import { AUDIO_PREFS_KEY } from './audio/prefs';
import { parseUrlParams, resolveStation } from './tour/url';
import { format, h } from './ui/dom';
import { hasWebGL, showErrorScreen, showNoWebgl } from './ui/error-screen';
import { loadFonts } from './ui/fonts';
import { Hud } from './ui/hud';
import { LANGUAGE_KEY, readStoredLanguage, storeLanguage } from './i18n/language';
import { setupAudio } from './audio/setup-audio';
import { panelText } from './ui/panel-text';

const TEXT_SCALE = { normal: 1, large: 1.25, 'x-large': 1.5 } as const;

/** Reads content relative to the page, so the built site works from any sub-path. */
const fetchText: ReadText = async (file) => {
  const response = await fetch(new URL(file, document.baseURI), { cache: 'no-cache' });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
};

function writeStorage(state: TourState): void {
  writeItem(STORAGE_KEY, JSON.stringify(toPersisted(state)));
}

/** "Touch to begin" in every shipped language, this one first (for the kiosk's attract loop). */
async function invitations(content: Content): Promise<{ lang: string; text: string }[]> {
  const own = { lang: content.locale.locale, text: content.locale.ui.touchToBegin };
  const others = await Promise.all(
    content.set.locales.filter((c) => c !== own.lang).map(async (lang) => {
      try {
        const json = JSON.parse((await fetchText(localeFile(lang))) ?? 'null') as { ui?: { touchToBegin?: unknown } } | null;
        const text = json?.ui?.touchToBegin;
        return typeof text === 'string' && text ? [{ lang, text }] : [];
      } catch {
        return []; // that language's file is broken: its own load reports it; the invitation skips it
      }
    }),
  );
  return [own, ...others.flat()];
}

/**
 * The GPU can drop the WebGL context (driver reset, memory pressure). three.js restores it when the
 * browser gives it back; if that does not happen soon, reload: the station and settings are in
 * storage, so the visitor comes back where they were (a kiosk carries on with the same visit).
 */
function watchContextLoss(scene: Scene, kiosk: () => boolean): void {
  const canvas = (scene as unknown as { canvas: HTMLCanvasElement }).canvas;
  let timer = 0;
  canvas.addEventListener('webglcontextlost', () => {
    console.warn('Backlot: the WebGL context was lost; waiting for the browser to restore it.');
    document.body.dataset.webgl = 'lost';
    timer = window.setTimeout(() => {
      if (kiosk()) markResume(); // a visitor's visit carries on after the reload
      window.location.reload();
    }, 5000);
  });
  canvas.addEventListener('webglcontextrestored', () => {
    window.clearTimeout(timer);
    document.body.dataset.webgl = 'restored';
  });
}

function entity(tag: string, attrs: Record<string, string>): Entity {
  const el = document.createElement(tag) as unknown as Entity;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

/** Creates the scene, rig and camera; resolves once A-Frame has loaded the scene. */
function createScene(): Promise<{ view: HTMLElement; scene: Scene; rig: Entity; camera: Entity }> {
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
      resolve({ view, scene, rig, camera });
    };
    if (scene.hasLoaded) done();
    else (scene as unknown as HTMLElement).addEventListener('loaded', done, { once: true });
  });
}

function addStationEntities(scene: Scene, built: BuiltSet): void {
  for (const layout of built.stations.values()) scene.append(entity('a-entity', { station: `id: ${layout.id}`, class: 'station' }));
  for (const c of built.crew) {
    const el = entity('a-entity', { 'crew-member': `role: ${c.role}; station: ${c.station}; height: ${c.head.y.toFixed(2)}` });
    el.object3D.position.copy(c.feet);
    scene.append(el);
  }
}

async function boot(): Promise<void> {
  document.body.dataset.backlot = 'loading';
  const search = window.location.search;
  const params = parseUrlParams(search);
  for (const r of params.rejected) console.warn(`Backlot: ignored the URL parameter ${r} (not a valid value).`);

  // Start every fetch first: the WebGL probe and A-Frame's start-up below block the main thread
  // for a while on slow GPUs, and the network keeps going meanwhile.
  // A kiosk starts in the set's own language whatever the browser says; a visitor's switch is kept.
  const kiosk = params.mode === 'kiosk';
  // A kiosk that starts afresh (switched on, or its power cut mid-visit) forgets the last visitor:
  // station, settings, sound and language, also a language or station left in a restored address
  // (as its reset does). Only its own reload within a visit carries on.
  const freshKiosk = kiosk && !resumePending();
  if (freshKiosk) {
    removeItems([STORAGE_KEY, AUDIO_PREFS_KEY, LANGUAGE_KEY]);
    if (params.lang || params.station) {
      const url = new URL(window.location.href);
      url.searchParams.delete('lang');
      url.searchParams.delete('station');
      history.replaceState(history.state, '', url.href);
    }
  }
  const wish = { url: freshKiosk ? null : params.lang, stored: readStoredLanguage(), browser: kiosk ? [] : (navigator.languages ?? [navigator.language]) };
  const loading = Promise.all([loadContent(fetchText, wish), loadFonts()]);
  const webgl = hasWebGL();
  const sceneReady = webgl ? createScene() : null;
  const [result] = await loading;
  if (!result.ok) {
    if (sceneReady) (await sceneReady).view.remove();
    showErrorScreen(result.problems);
    return;
  }
  performance.mark('backlot-content');
  const content = result.content;
  const { set, locale } = content;
  document.documentElement.lang = locale.locale;
  // A language chosen by link is kept like one chosen in Settings (not a fallback for one we lack).
  if (wish.url && !result.notices.some((n) => n.startsWith('Language '))) storeLanguage(locale.locale);
  document.documentElement.dir = locale.dir ?? 'ltr';
  if (!sceneReady) {
    showNoWebgl(locale.ui.noWebglTitle, locale.ui.noWebglBody);
    return;
  }

  // Initial state: what the visitor had (if still valid), then the deep link wins.
  const prefersReduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  const stationIds = set.stations.map((s) => s.id);
  const stored = fromStored(readItem(STORAGE_KEY), stationIds, { ...DEFAULT_SETTINGS, reducedMotion: prefersReduced });
  // A lesson starts with a clean slate (a class shares the device); settings are kept.
  const fresh = params.mode === 'lesson';
  let state: TourState = { ...initialState(set.tour, stored.settings), visited: fresh ? [] : stored.visited, overlay: stored.overlay };
  const link = resolveStation(params, stationIds, search);
  const startAt = link.station ?? (link.unknown || fresh ? null : stored.station);
  if (startAt) state = tourReducer(state, { type: 'go', station: startAt });

  const { view, scene, rig, camera } = await sceneReady;
  view.setAttribute('aria-label', locale.ui.sceneLabel);
  performance.mark('backlot-scene');
  const built = buildSet(set);
  performance.mark('backlot-set');
  scene.object3D.add(built.root);

  const tour = systemOf<TourSystem>(scene, TOUR_SYSTEM);
  const hud = new Hud(content, (action) => tour.dispatch(action));
  document.getElementById('boot')?.remove();
  // Moves fade on the screen (DOM) or, in a headset, with a sphere around the eyes.
  const vrFade = new VrFade();
  camera.object3D.add(vrFade.mesh);
  const fader: Fader = { fade: (on) => (tour.xrMode === 'inline' ? hud.fade(on) : vrFade.fade(on)) };
  tour.setup({ set: built, initial: state, rig, camera, fader });
  if (!startAt) {
    rig.object3D.position.set(set.start.position[0], 0, set.start.position[1]);
    rig.object3D.rotation.y = THREE.MathUtils.degToRad(set.start.facing);
  }
  addStationEntities(scene, built);

  const roleTags = systemOf<RoleTagSystem>(scene, ROLE_TAGS_SYSTEM);
  const panel = new InfoPanel();
  const focusRing = new FocusRing();
  const panelButtons = new PanelButtons();
  // Every thin line (role-tag leaders, VR rays and arcs) in one draw call.
  const overlayLines = new OverlayLines(built.crew.length + VR_LINE_SEGMENTS);
  const tagLines = overlayLines.allocate(built.crew.length);
  let labels = buildStationLabels(content, built.stations, state.settings.highContrast);
  scene.object3D.add(labels.mesh, roleTags.build(content, built.crew, state.settings.highContrast, tagLines), panel.mesh, focusRing.mesh, overlayLines.mesh);

  const eye = new THREE.Vector3();
  const renderPanel = (s: TourState): void => {
    if (!s.panel || tour.xrMode === 'ar') {
      panel.hide();
      return;
    }
    const inVr = tour.xrMode === 'vr';
    if (inVr) {
      // In a headset the panel carries its own Previous / Close / Next (the HUD is not visible).
      const here = s.station === null ? -1 : s.order.indexOf(s.station);
      const disabled = [...(here <= 0 ? (['previous'] as const) : []), ...(here === s.order.length - 1 ? (['next'] as const) : [])];
      panelButtons.setLabels({ previous: `‹\u00a0${locale.ui.previous}`, close: locale.ui.close, next: `${locale.ui.next}\u00a0›` }, disabled);
    }
    panel.setButtons(inVr ? panelButtons : null);
    const text = panelText(content, s.panel);
    panel.show({ ...text, scale: TEXT_SCALE[s.settings.textSize], highContrast: s.settings.highContrast });
    if (inVr) {
      camera.object3D.getWorldPosition(eye);
      panel.placeFacing(eye, tour.visitorYaw());
      return;
    }
    panel.depthTested();
    const layout = tour.layout(s.panel.kind === 'station' ? s.panel.id : s.panel.station);
    eye.set(layout.spot.x, EYE_HEIGHT, layout.spot.z);
    panel.place(eye, arrivalYaw(layout), scene.camera as THREE.PerspectiveCamera);
  };

  const audio = setupAudio({ content, hud, tour, camera: camera.object3D });
  const tracker = new VisitTracker(new AnalyticsLog(storageArea()), set.stations.length);
  tour.subscribe((s) => tracker.onState(s));
  window.addEventListener('pagehide', () => tracker.end('closed'));
  const onState = (s: TourState, previous: TourState | null): void => {
    hud.render(s, previous);
    audio.onState(s, previous);
    if (!previous || s.panel !== previous.panel || s.settings !== previous.settings) renderPanel(s);
    if (previous && s.settings.highContrast !== previous.settings.highContrast) {
      // Labels and tags are baked into atlases: redraw them in the new colours.
      labels.dispose();
      scene.object3D.remove(labels.mesh);
      labels = buildStationLabels(content, built.stations, s.settings.highContrast);
      scene.object3D.add(labels.mesh, roleTags.build(content, built.crew, s.settings.highContrast, tagLines));
    }
    focusRing.showAt(s.focus === null ? null : tour.layout(s.order[s.focus]!).spot);
    roleTags.invalidate();
    writeStorage(s);
  };
  performance.mark('backlot-overlays');
  tour.subscribe(onState);
  onState(state, null);
  if (link.unknown) hud.showNotice(format(locale.ui.unknownStation, { id: link.unknown }));
  for (const notice of result.notices) console.warn(`Backlot: ${notice}`);

  // --- Kiosk (?mode=kiosk) or an ordinary visit; analytics either way (kept on this device).
  const placeAtStart = (): void => {
    rig.object3D.position.set(set.start.position[0], 0, set.start.position[1]);
    rig.object3D.rotation.y = THREE.MathUtils.degToRad(set.start.facing);
    const look = camera.components['look-controls'] as unknown as { yawObject?: THREE.Object3D; pitchObject?: THREE.Object3D } | undefined;
    look?.yawObject?.rotation.set(0, 0, 0);
    look?.pitchObject?.rotation.set(0, 0, 0);
  };
  if (kiosk) {
    // Kiosk code is its own chunk: ordinary visits never load it.
    const { Kiosk, KIOSK_DEFAULTS } = await import('./kiosk/kiosk');
    const kioskSettings = { ...DEFAULT_SETTINGS, reducedMotion: prefersReduced, textSize: set.kiosk?.textSize ?? KIOSK_DEFAULTS.textSize };
    tour.kiosk = new Kiosk({ content, tour, audio, tracker, settings: kioskSettings, placeAtStart, invitations: invitations(content) });
  } else if (params.mode === 'lesson') {
    // Classroom lesson: its own chunk and scenes/lesson.json, fetched only in this mode.
    const { startLesson } = await import('./lesson/lesson-ui');
    tracker.start('lesson', locale.locale);
    await startLesson({ content, tour, hud, tracker, requested: params.stations, read: fetchText });
    tracker.onState(tour.state!);
  } else {
    tracker.start('tour', locale.locale);
    tracker.onState(state);
    const lessonLink = h('button', { type: 'button', id: 'btn-lesson' }, locale.ui.lessonButton);
    lessonLink.addEventListener('click', () => {
      const url = new URL(window.location.href);
      url.searchParams.set('mode', 'lesson');
      url.searchParams.delete('station');
      window.location.assign(url.href);
    });
    hud.slots.tools.insertBefore(lessonLink, hud.slots.tools.querySelector('#btn-settings'));
  }
  // Only a visit in progress resumes; a kiosk that lost its GPU in the attract loop starts afresh.
  watchContextLoss(scene, () => tour.kiosk?.phase === 'visit' || tour.kiosk?.phase === 'countdown');

  // --- WebXR: VR headset controls, AR tabletop model, their DOM (see src/xr/setup-xr.ts).
  setupXr({
    content, scene, rig: rig.object3D, camera: camera.object3D, tour, built, hud, vrFade, lines: overlayLines,
    panel: { hitPanel: (r) => panel.hitPanel(r), hoverButton: (b) => panelButtons.setHover(b) && panel.repaintButtons() },
    labels: () => labels.mesh,
    renderPanel: () => renderPanel(tour.state!),
    invalidateTags: () => roleTags.invalidate(),
    hideTags: () => roleTags.hideAll(),
  });

  // The one ordered per-frame update after the visitor has moved: tags, focus ring, floor plan.
  const renderer = scene.renderer as THREE.WebGLRenderer;
  const size = new THREE.Vector2();
  const pos = new THREE.Vector3();
  tour.addFrameHook(() => {
    if (tour.xrMode === 'ar') return; // AR tags are DOM tags over the model (see XrUi)
    renderer.getSize(size);
    roleTags.update(tour.state!, scene.camera, { width: size.x, height: size.y });
  });
  tour.addFrameHook((dt) => focusRing.update(dt, tour.state!.settings.reducedMotion));
  let xrSeen = tour.xrMode;
  tour.addFrameHook(() => {
    if (tour.xrMode !== xrSeen) tracker.xr((xrSeen = tour.xrMode));
    tour.visitorPosition(pos);
    hud.floorPlan.updateVisitor(pos.x, pos.z, tour.visitorYaw());
    overlayLines.commit(); // last: every line writer has run this frame
  });
  window.addEventListener('resize', () => renderPanel(tour.state!));

  performance.mark('backlot-hud');
  // Ready once a frame with the set in it has been drawn.
  const markReady = (): void => {
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        performance.mark('backlot-first-frame');
        document.body.dataset.backlot = 'ready';
        // Offline support, registered late (a lazy chunk). A kiosk applies a new version at its
        // next attract loop; elsewhere it waits until the tour is next opened.
        void import('./offline/register').then((m) =>
          m.registerOffline({
            // Said quietly, in Help: a pop-up notice here would talk over whatever the visitor is doing.
            onOfflineReady: () => document.getElementById('help')?.insertBefore(h('p', { id: 'offline-status', role: 'status' }, locale.ui.offlineReady), document.querySelector('#help .dialog-close')),
            onUpdateReady: (apply) => tour.kiosk?.setUpdate(apply),
          }),
        );
      }),
    );
  };
  if (scene.renderStarted) markReady();
  else (scene as unknown as HTMLElement).addEventListener('renderstart', markReady, { once: true });
}

boot().catch((err: unknown) => {
  console.error('Backlot failed to start:', err);
  showErrorScreen([{ file: '(app)', path: '$', message: err instanceof Error ? err.message : String(err) }]);
});
