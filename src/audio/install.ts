import * as THREE from 'three';
import type { Content } from '../content/types';
import type { TourSystem } from '../systems/tour';
import type { TourState } from '../tour/state';
import type { Hud } from '../ui/hud';
import { AudioUi } from '../ui/audio-ui';
import { CaptionBar } from '../world-ui/caption-bar';
import { storeLanguage } from '../i18n/language';
import { markResume } from '../app/resume';
import { readItem, writeItem } from '../storage';
import { Narration, type NarrationView } from './narration';
import { AUDIO_PREFS_KEY, DEFAULT_AUDIO_PREFS, parseAudioPrefs, serializeAudioPrefs, type AudioPrefs } from './prefs';

const readPrefs = (): AudioPrefs => parseAudioPrefs(readItem(AUDIO_PREFS_KEY));
/** Where storage is blocked the choice lasts for this visit. */
const writePrefs = (prefs: AudioPrefs): void => void writeItem(AUDIO_PREFS_KEY, serializeAudioPrefs(prefs));

/** Reloads the tour in another language; the station and settings come back from storage. */
export function switchLanguage(code: string): void {
  storeLanguage(code);
  // A kiosk visitor changing language carries on with the same visit after the reload.
  if (document.body.classList.contains('kiosk')) markResume();
  const url = new URL(window.location.href);
  url.searchParams.set('lang', code);
  url.searchParams.delete('station');
  window.location.assign(url.href);
}

export interface AudioSetup {
  readonly narration: Narration;
  onState(state: TourState, previous: TourState | null): void;
  /** Called with every change of narration state or caption. */
  onView(listener: (view: NarrationView) => void): void;
  /** Back to the default sound choices (a new kiosk visitor); forgets the stored ones. */
  resetPrefs(): void;
}

/**
 * Wires narration, captions and set sound into the tour: arrival starts a station's narration,
 * closing its panel stops it; captions show in the HUD and, in a headset, on a caption bar; the
 * listener follows the camera (the visitor's head in VR) every frame.
 */
export function setupAudio(options: { content: Content; hud: Hud; tour: TourSystem; camera: THREE.Object3D }): AudioSetup {
  const { content, hud, tour, camera } = options;
  let prefs = readPrefs();
  const bar = new CaptionBar();
  camera.add(bar.mesh);
  const showBar = (view: NarrationView): void => {
    bar.show(tour.xrMode === 'vr' && prefs.captions ? view.caption : null, tour.state?.settings.highContrast ?? false);
  };
  const viewListeners: ((view: NarrationView) => void)[] = [];
  const narration = new Narration(content, prefs, (view) => {
    ui.render(view);
    showBar(view);
    for (const l of viewListeners) l(view);
  });
  const setPrefs = (next: AudioPrefs): void => {
    prefs = next;
    writePrefs(prefs);
    narration.setPrefs(prefs);
    ui.renderPrefs(prefs);
    showBar(narration.view);
  };
  const ui: AudioUi = new AudioUi(content, hud, prefs, {
    pause: () => narration.pause(),
    resume: () => narration.resume(),
    replay: () => narration.replay(),
    skip: () => narration.skip(),
    unlock: () => narration.unlock(),
    prefs: (change) => setPrefs({ ...prefs, ...change }),
    language: (code) => {
      if (code !== content.locale.locale) switchLanguage(code);
    },
  });
  ui.render(narration.view);
  tour.narration = narration;

  const pos = new THREE.Vector3();
  const quat = new THREE.Quaternion();
  const fwd = new THREE.Vector3();
  const up = new THREE.Vector3();
  let lastMode = tour.xrMode;
  tour.addFrameHook(() => {
    narration.tick();
    camera.getWorldPosition(pos);
    camera.getWorldQuaternion(quat);
    fwd.set(0, 0, -1).applyQuaternion(quat);
    up.set(0, 1, 0).applyQuaternion(quat);
    narration.listen(pos.x, pos.y, pos.z, fwd.x, fwd.y, fwd.z, up.x, up.y, up.z);
    if (tour.xrMode !== lastMode) {
      lastMode = tour.xrMode;
      showBar(narration.view);
    }
  });

  // Narration starts once the visitor is there (after the walk or fade), and stops when they set
  // off elsewhere or close the station's panel.
  tour.addArrivalHook((station) => narration.arrive(station));
  if (tour.state?.station) narration.arrive(tour.state.station);

  return {
    narration,
    onView: (listener) => viewListeners.push(listener),
    resetPrefs: () => setPrefs(DEFAULT_AUDIO_PREFS),
    onState(state, previous) {
      if (!previous) return;
      // A new trip stops the last station's narration, unless this trip has already arrived (in
      // AR a tap on a station arrives at once, before this listener runs).
      if (state.trip !== previous.trip && narration.station !== state.station) narration.stop();
      else if (previous.panel && !state.panel) narration.stop();
      if (previous && state.settings.highContrast !== previous.settings.highContrast) showBar(narration.view);
    },
  };
}
