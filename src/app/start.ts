import type { LanguageWish } from '../content/load';
import type { Content } from '../content/types';
import { AUDIO_PREFS_KEY } from '../audio/prefs';
import { LANGUAGE_KEY, readStoredLanguage } from '../i18n/language';
import { readItem, removeItems } from '../storage';
import { STORAGE_KEY, fromStored } from '../tour/persist';
import { DEFAULT_SETTINGS, initialState, tourReducer, type Settings, type TourState } from '../tour/state';
import { resolveStation, type UrlParams } from '../tour/url';
import { resumePending } from './resume';

/**
 * Before anything loads: a kiosk that starts afresh (switched on, or its power cut mid-visit)
 * forgets the last visitor — station, settings, sound and language, also a language or station
 * left in a restored address (as its reset does). Only its own reload within a visit carries on.
 * Returns the language the visitor asked for, strongest first.
 */
export function prepareStart(params: UrlParams): LanguageWish & { readonly freshKiosk: boolean } {
  const kiosk = params.mode === 'kiosk';
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
  // A kiosk starts in the set's own language whatever the browser says; a visitor's switch is kept.
  return {
    freshKiosk,
    url: freshKiosk ? null : params.lang,
    stored: readStoredLanguage(),
    browser: kiosk ? [] : (navigator.languages ?? [navigator.language]),
  };
}

export interface StartState {
  readonly state: TourState;
  /** The station the visitor starts at, if any (else the set's start spot). */
  readonly startAt: string | null;
  /** A ?station= that names no station: said in a notice. */
  readonly unknownStation: string | null;
  /** Settings a new visitor starts with (reduced motion as the system asks). */
  readonly defaults: Settings;
}

/** Initial state: what the visitor had (if still valid), then the deep link wins. */
export function startState(content: Content, params: UrlParams, search: string): StartState {
  const { set } = content;
  const prefersReduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  const defaults = { ...DEFAULT_SETTINGS, reducedMotion: prefersReduced };
  const stationIds = set.stations.map((s) => s.id);
  const stored = fromStored(readItem(STORAGE_KEY), stationIds, defaults);
  // A lesson starts with a clean slate (a class shares the device); settings are kept.
  const fresh = params.mode === 'lesson';
  let state: TourState = { ...initialState(set.tour, stored.settings), visited: fresh ? [] : stored.visited, overlay: stored.overlay, done: fresh ? [] : stored.done };
  const link = resolveStation(params, stationIds, search);
  const startAt = link.station ?? (link.unknown || fresh ? null : stored.station);
  if (startAt) state = tourReducer(state, { type: 'go', station: startAt });
  return { state, startAt, unknownStation: link.unknown, defaults };
}
