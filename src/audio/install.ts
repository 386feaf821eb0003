import * as THREE from 'three';
import type { AppContext } from '../app/context';
import { Disposables, type Disposer } from '../app/disposables';
import { switchLanguage } from '../i18n/switch';
import type { TourState } from '../tour/state';
import { AudioUi } from '../ui/audio-ui';
import { CaptionBar } from '../world-ui/caption-bar';
import { readItem, writeItem } from '../storage';
import { Narration, type NarrationView } from './narration';
import { AUDIO_PREFS_KEY, DEFAULT_AUDIO_PREFS, parseAudioPrefs, serializeAudioPrefs, type AudioPrefs } from './prefs';

const readPrefs = (): AudioPrefs => parseAudioPrefs(readItem(AUDIO_PREFS_KEY));
/** Where storage is blocked the choice lasts for this visit. */
const writePrefs = (prefs: AudioPrefs): void => void writeItem(AUDIO_PREFS_KEY, serializeAudioPrefs(prefs));

export interface AudioSetup {
  readonly narration: Narration;
  /** Calls `listener` with every change of narration state or caption; returns its remover. */
  onView(listener: (view: NarrationView) => void): () => void;
  /** Back to the default sound choices (a new kiosk visitor); forgets the stored ones. */
  resetPrefs(): void;
  /**
   * Shows another feature's caption (a take's calls) in the caption line and, in a headset, on the
   * caption bar, in place of the narration's; null gives the line back to the narration.
   */
  caption(text: string | null): void;
  /** The visitor's sound choices now (a feature playing its own sounds follows them). */
  prefs(): AudioPrefs;
}

/**
 * The audio feature: narration, captions and set sound. Arrival starts a station's narration,
 * closing its panel stops it; captions show in the HUD and, in a headset, on a caption bar; the
 * listener follows the camera (the visitor's head in VR) in the audio phase, after the head is placed.
 */
export function install(ctx: AppContext): Disposer {
  const { content, hud, tour, xr } = ctx;
  const camera = ctx.camera.object3D;
  const d = new Disposables();
  let prefs = readPrefs();
  const bar = new CaptionBar({ dir: content.locale.dir, lang: content.locale.locale });
  camera.add(bar.mesh);
  d.add(() => {
    bar.mesh.removeFromParent();
    bar.dispose();
  });
  // Another feature's caption (a take's calls), shown instead of the narration's while set.
  let override: string | null = null;
  const withOverride = (view: NarrationView): NarrationView => (override === null ? view : { ...view, caption: override });
  const showBar = (view: NarrationView): void => {
    bar.show(xr.mode === 'vr' && prefs.captions ? withOverride(view).caption : null, tour.state?.settings.highContrast ?? false);
  };
  let viewListeners: ((view: NarrationView) => void)[] = [];
  const narration = new Narration(content, prefs, (view) => {
    ui.render(withOverride(view));
    showBar(view);
    for (const l of viewListeners) l(withOverride(view));
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
  d.add(() => narration.dispose());

  const pos = new THREE.Vector3();
  const quat = new THREE.Quaternion();
  const fwd = new THREE.Vector3();
  const up = new THREE.Vector3();
  let lastMode = xr.mode;
  d.add(ctx.phases.add('audio', 'narration and listener', () => {
    narration.tick();
    camera.getWorldPosition(pos);
    camera.getWorldQuaternion(quat);
    fwd.set(0, 0, -1).applyQuaternion(quat);
    up.set(0, 1, 0).applyQuaternion(quat);
    narration.listen(pos.x, pos.y, pos.z, fwd.x, fwd.y, fwd.z, up.x, up.y, up.z);
    if (xr.mode !== lastMode) {
      lastMode = xr.mode;
      showBar(narration.view);
    }
  }));

  // Narration starts once the visitor is there (after the walk or fade), and stops when they set
  // off elsewhere or close the station's panel.
  d.add(tour.addArrivalHook((station) => narration.arrive(station)));
  d.add(tour.subscribe((state, previous) => onState(narration, state, previous, () => showBar(narration.view))));
  if (tour.state?.station) narration.arrive(tour.state.station);

  ctx.services.audio = {
    narration,
    onView: (listener) => {
      viewListeners.push(listener);
      return () => {
        viewListeners = viewListeners.filter((l) => l !== listener);
      };
    },
    resetPrefs: () => setPrefs(DEFAULT_AUDIO_PREFS),
    caption: (text) => {
      override = text;
      const view = withOverride(narration.view);
      ui.render(view);
      showBar(narration.view);
      for (const l of viewListeners) l(view);
    },
    prefs: () => prefs,
  };
  d.add(() => delete ctx.services.audio);
  return () => d.dispose();
}

function onState(narration: Narration, state: TourState, previous: TourState, redrawBar: () => void): void {
  // A new trip stops the last station's narration, unless this trip has already arrived (in AR a
  // tap on a station arrives at once, before this listener runs).
  if (state.trip !== previous.trip && narration.station !== state.station) narration.stop();
  else if (previous.panel && !state.panel) narration.stop();
  if (state.settings.highContrast !== previous.settings.highContrast) redrawBar();
}
