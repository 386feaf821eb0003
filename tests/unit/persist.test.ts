import { describe, expect, it } from 'vitest';
import { fromStored, STORAGE_KEY, toPersisted, type Persisted } from '../../src/tour/persist';
import { DEFAULT_SETTINGS, initialState, tourReducer, type Settings, type TourAction, type TourState } from '../../src/tour/state';

const STATIONS = ['writers-room', 'camera', 'edit-suite'] as const;
/** A non-default fallback, so a test can tell "fell back" from "happened to equal the default". */
const FALLBACK: Settings = { textSize: 'x-large', reducedMotion: true, highContrast: true, snapTurn: 45, smoothMove: true, seated: true };

const restore = (text: string | null, fallback: Settings = FALLBACK): Persisted => fromStored(text, [...STATIONS], fallback);
const stored = (value: unknown): string => JSON.stringify(value);
const EMPTY: Persisted = { v: 1, station: null, visited: [], overlay: 'station', settings: FALLBACK, done: [] };

describe('toPersisted / fromStored round trip', () => {
  it('keeps station, visited, overlay and settings across a reload', () => {
    const actions: TourAction[] = [
      { type: 'go', station: 'edit-suite' },
      { type: 'go', station: 'writers-room' },
      { type: 'cycleOverlay' },
      { type: 'cycleOverlay' },
      { type: 'setSettings', settings: { textSize: 'large', highContrast: true } },
      { type: 'focusStep', direction: 1 },
    ];
    const state = actions.reduce<TourState>(tourReducer, initialState([...STATIONS]));
    const persisted = toPersisted(state);
    expect(persisted).toEqual({
      v: 1,
      station: 'writers-room',
      visited: ['edit-suite', 'writers-room'],
      overlay: 'off',
      settings: { ...DEFAULT_SETTINGS, textSize: 'large', highContrast: true },
      done: [],
    });
    expect(restore(JSON.stringify(persisted))).toEqual(persisted);
  });

  it('does not persist transient state (open panel, focus ring, trip counter, tour order)', () => {
    const state = [{ type: 'go', station: 'camera' }, { type: 'focusStep', direction: 1 }].reduce<TourState>(
      (s, a) => tourReducer(s, a as TourAction),
      initialState([...STATIONS]),
    );
    expect(Object.keys(toPersisted(state)).sort()).toEqual(['done', 'overlay', 'settings', 'station', 'v', 'visited']);
  });

  it('round-trips the start spot (no station, nothing visited)', () => {
    const persisted = toPersisted(initialState([...STATIONS], DEFAULT_SETTINGS));
    expect(restore(JSON.stringify(persisted))).toEqual({ ...EMPTY, settings: DEFAULT_SETTINGS });
  });

  it('uses a namespaced storage key', () => {
    expect(STORAGE_KEY).toBe('backlot:tour');
  });
});

describe('fromStored: anything malformed falls back to defaults', () => {
  it('nothing stored', () => {
    expect(restore(null)).toEqual(EMPTY);
    expect(restore('')).toEqual(EMPTY);
  });

  it('malformed JSON', () => {
    expect(restore('{"v":1,"station":"camera"')).toEqual(EMPTY);
    expect(restore('not json')).toEqual(EMPTY);
  });

  it('JSON that is not an object', () => {
    for (const text of ['null', '42', '"camera"', 'true', '[1]']) expect(restore(text), text).toEqual(EMPTY);
  });

  it('wrong or missing version drops the whole value, even if the rest is valid', () => {
    const good = { station: 'camera', visited: ['camera'], overlay: 'all', settings: { textSize: 'large', reducedMotion: false, highContrast: false } };
    expect(restore(stored({ v: 1, ...good })).station).toBe('camera');
    expect(restore(stored({ v: 2, ...good }))).toEqual(EMPTY);
    expect(restore(stored({ v: '1', ...good }))).toEqual(EMPTY);
    expect(restore(stored({ v: 0, ...good }))).toEqual(EMPTY);
    expect(restore(stored(good))).toEqual(EMPTY);
  });

  it('uses DEFAULT_SETTINGS when no fallback is given', () => {
    expect(fromStored('garbage', [...STATIONS])).toEqual({ ...EMPTY, settings: DEFAULT_SETTINGS });
  });
});

describe('fromStored: keeps only what is still valid for this content', () => {
  it('a station that no longer exists is dropped', () => {
    expect(restore(stored({ v: 1, station: 'green-room', visited: [] })).station).toBeNull();
    expect(restore(stored({ v: 1, station: 42, visited: [] })).station).toBeNull();
    expect(restore(stored({ v: 1, station: 'edit-suite', visited: [] })).station).toBe('edit-suite');
  });

  it('unknown and non-string visited entries are dropped, the rest kept in order', () => {
    const r = restore(stored({ v: 1, station: null, visited: ['edit-suite', 'green-room', 7, null, 'camera', { id: 'camera' }] }));
    expect(r.visited).toEqual(['edit-suite', 'camera']);
  });

  it('duplicated visited entries are deduplicated, first occurrence wins', () => {
    const r = restore(stored({ v: 1, station: null, visited: ['camera', 'writers-room', 'camera', 'writers-room', 'camera'] }));
    expect(r.visited).toEqual(['camera', 'writers-room']);
  });

  it('visited that is not an array becomes empty', () => {
    expect(restore(stored({ v: 1, visited: 'camera' })).visited).toEqual([]);
    expect(restore(stored({ v: 1, visited: { 0: 'camera' } })).visited).toEqual([]);
  });

  it('with no stations left at all, nothing survives', () => {
    const r = fromStored(stored({ v: 1, station: 'camera', visited: ['camera'] }), [], FALLBACK);
    expect(r.station).toBeNull();
    expect(r.visited).toEqual([]);
  });

  it('an unknown overlay mode falls back to "station"; known modes are kept', () => {
    expect(restore(stored({ v: 1, overlay: 'everyone' })).overlay).toBe('station');
    expect(restore(stored({ v: 1, overlay: 'OFF' })).overlay).toBe('station');
    expect(restore(stored({ v: 1, overlay: 'all' })).overlay).toBe('all');
    expect(restore(stored({ v: 1, overlay: 'off' })).overlay).toBe('off');
  });
});

describe('fromStored: settings fall back field by field', () => {
  it('keeps valid fields and replaces only the invalid ones', () => {
    const r = restore(stored({ v: 1, settings: { textSize: 'huge', reducedMotion: false, highContrast: 'yes' } }));
    expect(r.settings).toEqual({ textSize: 'x-large', reducedMotion: false, highContrast: true, snapTurn: 45, smoothMove: true, seated: true });
  });

  it('each field on its own', () => {
    expect(restore(stored({ v: 1, settings: { textSize: 'large', reducedMotion: 1, highContrast: false } })).settings).toEqual({
      textSize: 'large',
      reducedMotion: true,
      highContrast: false,
      snapTurn: 45, smoothMove: true, seated: true,
    });
    expect(restore(stored({ v: 1, settings: { textSize: 'normal', reducedMotion: false, highContrast: null } })).settings).toEqual({
      textSize: 'normal',
      reducedMotion: false,
      highContrast: true,
      snapTurn: 45, smoothMove: true, seated: true,
    });
    expect(restore(stored({ v: 1, settings: { textSize: 12, reducedMotion: false, highContrast: false } })).settings).toEqual({
      textSize: 'x-large',
      reducedMotion: false,
      highContrast: false,
      snapTurn: 45, smoothMove: true, seated: true,
    });
  });

  it('missing fields fall back; extra fields are not carried over', () => {
    const r = restore(stored({ v: 1, settings: { textSize: 'large', volume: 11 } }));
    expect(r.settings).toEqual({ textSize: 'large', reducedMotion: true, highContrast: true, snapTurn: 45, smoothMove: true, seated: true });
  });

  it('VR comfort settings: only 30° or 45° snap turns, booleans for smooth movement and seated mode', () => {
    const keep = restore(stored({ v: 1, settings: { snapTurn: 30, smoothMove: false, seated: false } })).settings;
    expect([keep.snapTurn, keep.smoothMove, keep.seated]).toEqual([30, false, false]);
    for (const snapTurn of [90, '45', 0, null, -30]) {
      expect(restore(stored({ v: 1, settings: { snapTurn } })).settings.snapTurn, String(snapTurn)).toBe(45);
    }
    const bad = restore(stored({ v: 1, settings: { smoothMove: 'yes', seated: 1 } })).settings;
    expect([bad.smoothMove, bad.seated]).toEqual([true, true]);
  });

  it('settings that are not an object fall back entirely', () => {
    for (const settings of [null, 'large', 3, ['large']]) expect(restore(stored({ v: 1, settings })).settings).toEqual(FALLBACK);
    expect(restore(stored({ v: 1 })).settings).toEqual(FALLBACK);
  });
});

describe('hands-on activities done', () => {
  it('survive a reload, once each, and a malformed entry is dropped', () => {
    const got = restore(stored({ v: 1, station: null, visited: [], overlay: 'station', settings: FALLBACK, done: ['lighting', 'lighting', 7, '<b>x</b>', 'camera'] }));
    expect(got.done).toEqual(['lighting', 'camera']);
  });
  it('a file without them has none', () => {
    expect(restore(stored({ v: 1, station: null, visited: [], overlay: 'station', settings: FALLBACK })).done).toEqual([]);
  });
});
