import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, focusLeaves, initialState, OVERLAY_MODES, tourReducer, type TourAction, type TourState } from '../../src/tour/state';

const ORDER = ['writers-room', 'camera', 'edit-suite'] as const;

function freeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) freeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * One visitor action. The input state is deep-frozen first (so any in-place write throws, ES modules
 * being strict) and compared with a copy afterwards, so a reducer that mutates cannot pass.
 */
function step(state: TourState, action: TourAction): TourState {
  const before = structuredClone(state);
  const next = tourReducer(freeze(state), action);
  expect(state).toEqual(before);
  return next;
}

/** Runs actions in order from `state`. */
const run = (state: TourState, ...actions: TourAction[]): TourState => actions.reduce(step, state);

const start = (): TourState => initialState([...ORDER]);
const at = (station: string): TourState => step(start(), { type: 'go', station });

describe('initialState', () => {
  it('starts at the start spot with nothing visited or open', () => {
    expect(start()).toEqual({
      order: ['writers-room', 'camera', 'edit-suite'],
      station: null,
      visited: [],
      panel: null,
      focus: null,
      overlay: 'station',
      settings: { textSize: 'normal', reducedMotion: false, highContrast: false, snapTurn: 30, smoothMove: false, seated: false },
      trip: 0,
      done: [],
      visitor: 0,
    });
  });

  it('takes restored settings', () => {
    const settings = { textSize: 'large', reducedMotion: true, highContrast: false, snapTurn: 45, smoothMove: false, seated: true } as const;
    expect(initialState([...ORDER], settings).settings).toEqual(settings);
  });
});

describe('go', () => {
  it('walks to a station: it becomes current, visited, its panel opens, the trip counter bumps', () => {
    const s = step(start(), { type: 'go', station: 'camera' });
    expect(s.station).toBe('camera');
    expect(s.visited).toEqual(['camera']);
    expect(s.panel).toEqual({ kind: 'station', id: 'camera' });
    expect(s.trip).toBe(1);
  });

  it('visited grows once per station, in first-visit order; every trip still counts', () => {
    const s = run(
      start(),
      { type: 'go', station: 'edit-suite' },
      { type: 'go', station: 'writers-room' },
      { type: 'go', station: 'edit-suite' },
      { type: 'go', station: 'edit-suite' },
    );
    expect(s.visited).toEqual(['edit-suite', 'writers-room']);
    expect(s.station).toBe('edit-suite');
    expect(s.trip).toBe(4);
  });

  it('going to the current station again reopens its panel and is a new trip', () => {
    const s = run(at('camera'), { type: 'escape' }, { type: 'go', station: 'camera' });
    expect(s.panel).toEqual({ kind: 'station', id: 'camera' });
    expect(s.trip).toBe(2);
    expect(s.visited).toEqual(['camera']);
  });

  it('an unknown station is ignored: the very same state comes back', () => {
    const before = at('camera');
    expect(step(before, { type: 'go', station: 'kamera' })).toBe(before);
    expect(step(start(), { type: 'go', station: '' })).toEqual(start());
  });

  it('moves an active focus ring to the station, and leaves an absent one absent', () => {
    const ringed = run(start(), { type: 'focusStep', direction: 1 }, { type: 'go', station: 'edit-suite' });
    expect(ringed.focus).toBe(2);
    expect(at('edit-suite').focus).toBeNull();
  });
});

describe('next / previous', () => {
  it('from the start, next goes to the first station', () => {
    const s = step(start(), { type: 'next' });
    expect(s.station).toBe('writers-room');
    expect(s.visited).toEqual(['writers-room']);
    expect(s.trip).toBe(1);
  });

  it('from the start, previous also goes to the first station', () => {
    expect(step(start(), { type: 'previous' }).station).toBe('writers-room');
  });

  it('from the middle, next and previous go to the neighbours', () => {
    const middle = at('camera');
    expect(step(middle, { type: 'next' })).toMatchObject({ station: 'edit-suite', panel: { kind: 'station', id: 'edit-suite' }, trip: 2 });
    expect(step(middle, { type: 'previous' })).toMatchObject({ station: 'writers-room', panel: { kind: 'station', id: 'writers-room' }, trip: 2 });
  });

  it('next at the last station stays put: same state, no new trip', () => {
    const last = at('edit-suite');
    expect(step(last, { type: 'next' })).toBe(last);
  });

  it('previous at the first station stays put: same state, no new trip', () => {
    const first = at('writers-room');
    expect(step(first, { type: 'previous' })).toBe(first);
  });

  it('next at the last station does not reopen a closed panel', () => {
    const closed = step(at('edit-suite'), { type: 'escape' });
    expect(step(closed, { type: 'next' }).panel).toBeNull();
  });

  it('a whole tour with next visits every station in order', () => {
    const s = run(start(), { type: 'next' }, { type: 'next' }, { type: 'next' }, { type: 'next' });
    expect(s.visited).toEqual([...ORDER]);
    expect(s.station).toBe('edit-suite');
    expect(s.trip).toBe(3);
  });

  it('with an empty tour, next and previous do nothing', () => {
    const empty = initialState([]);
    expect(step(empty, { type: 'next' })).toBe(empty);
    expect(step(empty, { type: 'previous' })).toBe(empty);
  });
});

describe('panels and escape', () => {
  it('openRole opens a role card for a crew figure at a station', () => {
    const s = step(at('camera'), { type: 'openRole', role: 'camera-operator', station: 'camera' });
    expect(s.panel).toEqual({ kind: 'role', id: 'camera-operator', station: 'camera' });
    expect(s.station).toBe('camera');
    expect(s.trip).toBe(1);
  });

  it('openStationPanel reopens the current station panel', () => {
    const s = run(at('camera'), { type: 'escape' }, { type: 'openStationPanel' });
    expect(s.panel).toEqual({ kind: 'station', id: 'camera' });
  });

  it('openStationPanel replaces a role card with the station panel', () => {
    const s = run(at('camera'), { type: 'openRole', role: 'camera-operator', station: 'camera' }, { type: 'openStationPanel' });
    expect(s.panel).toEqual({ kind: 'station', id: 'camera' });
  });

  it('openStationPanel at the start spot does nothing', () => {
    const s = start();
    expect(step(s, { type: 'openStationPanel' })).toBe(s);
  });

  it("escape steps back: role card → its station's panel → closed → focus ring cleared → nothing", () => {
    // The role card belongs to a figure at edit-suite seen from camera: escape returns to *its* station.
    const withRole = run(at('camera'), { type: 'focusStep', direction: 1 }, { type: 'openRole', role: 'editor', station: 'edit-suite' });
    expect(withRole.focus).toBe(2);

    const s1 = step(withRole, { type: 'escape' });
    expect(s1.panel).toEqual({ kind: 'station', id: 'edit-suite' });
    expect(s1.focus).toBe(2);

    const s2 = step(s1, { type: 'escape' });
    expect(s2.panel).toBeNull();
    expect(s2.focus).toBe(2);

    const s3 = step(s2, { type: 'escape' });
    expect(s3.panel).toBeNull();
    expect(s3.focus).toBeNull();
    expect(s3.station).toBe('camera');

    expect(step(s3, { type: 'escape' })).toBe(s3);
  });
});

describe('focusStep (keyboard focus ring over the stations)', () => {
  it('from no focus at the start spot: forward rings the first station, backward the last', () => {
    expect(step(start(), { type: 'focusStep', direction: 1 }).focus).toBe(0);
    expect(step(start(), { type: 'focusStep', direction: -1 }).focus).toBe(2);
  });

  it('from no focus at a station: the ring starts at its neighbour', () => {
    expect(step(at('camera'), { type: 'focusStep', direction: 1 }).focus).toBe(2);
    expect(step(at('camera'), { type: 'focusStep', direction: -1 }).focus).toBe(0);
  });

  it('from no focus at an end station: the ring wraps round to the other end', () => {
    expect(step(at('edit-suite'), { type: 'focusStep', direction: 1 }).focus).toBe(0);
    expect(step(at('writers-room'), { type: 'focusStep', direction: -1 }).focus).toBe(2);
  });

  it('with a ring, steps move it one station at a time without moving the visitor', () => {
    const s = run(start(), { type: 'focusStep', direction: 1 }, { type: 'focusStep', direction: 1 });
    expect(s.focus).toBe(1);
    expect(s.station).toBeNull();
    expect(s.trip).toBe(0);
    expect(step(s, { type: 'focusStep', direction: -1 }).focus).toBe(0);
  });

  it('past the last station the ring clears so keyboard focus can leave the 3D view', () => {
    const last = run(start(), { type: 'focusStep', direction: -1 });
    expect(last.focus).toBe(2);
    expect(step(last, { type: 'focusStep', direction: 1 }).focus).toBeNull();
  });

  it('before the first station the ring clears too (no keyboard trap)', () => {
    const first = run(start(), { type: 'focusStep', direction: 1 });
    expect(first.focus).toBe(0);
    expect(step(first, { type: 'focusStep', direction: -1 }).focus).toBeNull();
  });

  it('with an empty tour there is nothing to ring', () => {
    expect(step(initialState([]), { type: 'focusStep', direction: 1 }).focus).toBeNull();
    expect(step(initialState([]), { type: 'focusStep', direction: -1 }).focus).toBeNull();
  });
});

describe('focusLeaves', () => {
  const ringAt = (index: number): TourState => ({ ...start(), focus: index });

  it('is true only when an active ring would step off either end', () => {
    expect(focusLeaves(ringAt(2), 1)).toBe(true);
    expect(focusLeaves(ringAt(0), -1)).toBe(true);
  });

  it('is false while the ring stays inside', () => {
    expect(focusLeaves(ringAt(1), 1)).toBe(false);
    expect(focusLeaves(ringAt(1), -1)).toBe(false);
    expect(focusLeaves(ringAt(0), 1)).toBe(false);
    expect(focusLeaves(ringAt(2), -1)).toBe(false);
  });

  it('is false with no ring (the key should enter the 3D view, not leave it)', () => {
    expect(focusLeaves(start(), 1)).toBe(false);
    expect(focusLeaves(start(), -1)).toBe(false);
    expect(focusLeaves(initialState([]), 1)).toBe(false);
  });

  it('does not change the state it looks at', () => {
    const s = freeze(ringAt(2));
    focusLeaves(s, 1);
    expect(s.focus).toBe(2);
  });
});

describe('focusClear and activateFocus', () => {
  it('focusClear removes the ring; without one it returns the same state', () => {
    const ringed = step(start(), { type: 'focusStep', direction: 1 });
    expect(step(ringed, { type: 'focusClear' }).focus).toBeNull();
    const plain = start();
    expect(step(plain, { type: 'focusClear' })).toBe(plain);
  });

  it('activateFocus walks to the ringed station like go', () => {
    const ringed = run(at('writers-room'), { type: 'focusStep', direction: 1 }, { type: 'focusStep', direction: 1 });
    expect(ringed.focus).toBe(2);
    const s = step(ringed, { type: 'activateFocus' });
    expect(s).toMatchObject({ station: 'edit-suite', panel: { kind: 'station', id: 'edit-suite' }, focus: 2, trip: 2 });
    expect(s.visited).toEqual(['writers-room', 'edit-suite']);
  });

  it('activateFocus without a ring does nothing', () => {
    const s = at('camera');
    expect(step(s, { type: 'activateFocus' })).toBe(s);
  });
});

describe('role-tag overlay', () => {
  it('setOverlay sets the mode; setting the current mode returns the same state', () => {
    const off = step(start(), { type: 'setOverlay', mode: 'off' });
    expect(off.overlay).toBe('off');
    expect(step(off, { type: 'setOverlay', mode: 'off' })).toBe(off);
    expect(step(off, { type: 'setOverlay', mode: 'all' }).overlay).toBe('all');
  });

  // The HUD's role-tag button is a two-state toggle (aria-pressed, "show"/"hide"), so since a32cd52
  // cycleOverlay flips between 'all' and 'off'; 'station' is only where a visit starts.
  it('cycleOverlay goes station → all → off → all → off (never back to station)', () => {
    const s0 = start();
    const s1 = step(s0, { type: 'cycleOverlay' });
    const s2 = step(s1, { type: 'cycleOverlay' });
    const s3 = step(s2, { type: 'cycleOverlay' });
    const s4 = step(s3, { type: 'cycleOverlay' });
    expect([s0.overlay, s1.overlay, s2.overlay, s3.overlay, s4.overlay]).toEqual(['station', 'all', 'off', 'all', 'off']);
  });

  it('every overlay mode is reachable with setOverlay', () => {
    expect(OVERLAY_MODES).toEqual(['station', 'all', 'off']);
    let s = step(start(), { type: 'setOverlay', mode: 'all' });
    for (const mode of OVERLAY_MODES) {
      s = step(s, { type: 'setOverlay', mode });
      expect(s.overlay).toBe(mode);
    }
  });
});

describe('setSettings', () => {
  it('merges: changing one setting keeps the others', () => {
    const s1 = step(start(), { type: 'setSettings', settings: { textSize: 'large' } });
    expect(s1.settings).toEqual({ textSize: 'large', reducedMotion: false, highContrast: false, snapTurn: 30, smoothMove: false, seated: false });
    const s2 = step(s1, { type: 'setSettings', settings: { highContrast: true } });
    expect(s2.settings).toEqual({ textSize: 'large', reducedMotion: false, highContrast: true, snapTurn: 30, smoothMove: false, seated: false });
    const s3 = step(s2, { type: 'setSettings', settings: { reducedMotion: true, textSize: 'x-large' } });
    expect(s3.settings).toEqual({ textSize: 'x-large', reducedMotion: true, highContrast: true, snapTurn: 30, smoothMove: false, seated: false });
  });

  it('does not touch the shared DEFAULT_SETTINGS object', () => {
    step(start(), { type: 'setSettings', settings: { textSize: 'x-large', highContrast: true } });
    expect(DEFAULT_SETTINGS).toEqual({ textSize: 'normal', reducedMotion: false, highContrast: false, snapTurn: 30, smoothMove: false, seated: false });
  });
});

describe('a visitor session', () => {
  it('keeps everything else intact as actions pile up', () => {
    const s = run(
      start(),
      { type: 'setSettings', settings: { textSize: 'large' } },
      { type: 'cycleOverlay' },
      { type: 'next' },
      { type: 'openRole', role: 'writer', station: 'writers-room' },
      { type: 'next' },
      { type: 'focusStep', direction: 1 },
      { type: 'activateFocus' },
      { type: 'previous' },
    );
    expect(s).toEqual({
      order: [...ORDER],
      station: 'camera',
      visited: ['writers-room', 'camera', 'edit-suite'],
      panel: { kind: 'station', id: 'camera' },
      focus: 1,
      overlay: 'all',
      settings: { textSize: 'large', reducedMotion: false, highContrast: false, snapTurn: 30, smoothMove: false, seated: false },
      trip: 4,
      done: [],
      visitor: 0,
    });
  });
});

describe('activityDone (a hands-on activity completed)', () => {
  it('is recorded once, in the order done, and a kiosk reset forgets it', () => {
    let s = step(at('camera'), { type: 'activityDone', id: 'camera' });
    s = step(s, { type: 'activityDone', id: 'lighting' });
    const again = step(s, { type: 'activityDone', id: 'camera' });
    expect(again).toBe(s);
    expect(s.done).toEqual(['camera', 'lighting']);
    const next = step(s, { type: 'reset', settings: s.settings });
    expect(next.done).toEqual([]);
    expect(next.visitor).toBe(s.visitor + 1);
  });
});

describe('reset (a new kiosk visitor)', () => {
  it('forgets station, visits, panel, focus and overlay, takes the given settings, and counts as a new trip', async () => {
    const { initialState, tourReducer, DEFAULT_SETTINGS } = await import('../../src/tour/state');
    let s = initialState(['a', 'b', 'c']);
    s = tourReducer(s, { type: 'go', station: 'b' });
    s = tourReducer(s, { type: 'setOverlay', mode: 'all' });
    s = tourReducer(s, { type: 'setSettings', settings: { highContrast: true } });
    const r = tourReducer(s, { type: 'reset', settings: { ...DEFAULT_SETTINGS, textSize: 'large' } });
    expect(r).toEqual({ ...initialState(['a', 'b', 'c'], { ...DEFAULT_SETTINGS, textSize: 'large' }), trip: s.trip + 1, visitor: 1 });
  });
});
