import { DEFAULT_SETTINGS, OVERLAY_MODES, SNAP_TURNS, TEXT_SIZES, type OverlayMode, type Settings, type TourState } from './state';

/** What survives a reload. Versioned so an old or hand-edited value is dropped, never trusted. */
export interface Persisted {
  readonly v: 1;
  readonly station: string | null;
  readonly visited: readonly string[];
  readonly overlay: OverlayMode;
  readonly settings: Settings;
  /** Hands-on activities done (ids; the activities feature drops any its content no longer has). */
  readonly done: readonly string[];
}

export const STORAGE_KEY = 'backlot:tour';

export function toPersisted(state: TourState): Persisted {
  return { v: 1, station: state.station, visited: state.visited, overlay: state.overlay, settings: state.settings, done: state.done };
}

/**
 * Reads a stored value back, keeping only what is still valid for this content (a museum may have
 * removed a station since). Anything malformed falls back to defaults.
 */
export function fromStored(text: string | null, stations: readonly string[], fallback: Settings = DEFAULT_SETTINGS): Persisted {
  const empty: Persisted = { v: 1, station: null, visited: [], overlay: 'station', settings: fallback, done: [] };
  if (!text) return empty;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return empty;
  }
  if (typeof raw !== 'object' || raw === null || (raw as { v?: unknown }).v !== 1) return empty;
  const r = raw as Record<string, unknown>;
  const known = new Set(stations);
  const station = typeof r.station === 'string' && known.has(r.station) ? r.station : null;
  const visited = Array.isArray(r.visited) ? [...new Set(r.visited.filter((id): id is string => typeof id === 'string' && known.has(id)))] : [];
  const overlay = OVERLAY_MODES.includes(r.overlay as OverlayMode) ? (r.overlay as OverlayMode) : 'station';
  const s = (typeof r.settings === 'object' && r.settings !== null ? r.settings : {}) as Record<string, unknown>;
  const settings: Settings = {
    textSize: TEXT_SIZES.includes(s.textSize as Settings['textSize']) ? (s.textSize as Settings['textSize']) : fallback.textSize,
    reducedMotion: typeof s.reducedMotion === 'boolean' ? s.reducedMotion : fallback.reducedMotion,
    highContrast: typeof s.highContrast === 'boolean' ? s.highContrast : fallback.highContrast,
    snapTurn: SNAP_TURNS.includes(s.snapTurn as Settings['snapTurn']) ? (s.snapTurn as Settings['snapTurn']) : fallback.snapTurn,
    smoothMove: typeof s.smoothMove === 'boolean' ? s.smoothMove : fallback.smoothMove,
    seated: typeof s.seated === 'boolean' ? s.seated : fallback.seated,
  };
  // Ids only: whether each is still an activity is for the activities feature, which loads them later.
  const done = Array.isArray(r.done) ? [...new Set(r.done.filter((id): id is string => typeof id === 'string' && /^[a-z][a-z0-9-]{0,39}$/.test(id)))] : [];
  return { v: 1, station, visited, overlay, settings, done };
}
