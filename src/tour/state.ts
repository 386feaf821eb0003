/**
 * Tour state: where the visitor is, what they have seen, what is open. A pure reducer — no DOM,
 * no A-Frame, no timers — so every visitor action is unit-testable.
 */

export const TEXT_SIZES = ['normal', 'large', 'x-large'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

/** Role tags: only the crew of the station being visited, everyone in view, or none. */
export const OVERLAY_MODES = ['station', 'all', 'off'] as const;
export type OverlayMode = (typeof OVERLAY_MODES)[number];

/** Snap-turn angles offered in VR, degrees. */
export const SNAP_TURNS = [30, 45] as const;
export type SnapTurn = (typeof SNAP_TURNS)[number];

export interface Settings {
  readonly textSize: TextSize;
  readonly reducedMotion: boolean;
  readonly highContrast: boolean;
  /** VR comfort: how far one flick of the thumbstick turns the visitor. */
  readonly snapTurn: SnapTurn;
  /** VR comfort: thumbstick walking with a vignette (off by default; teleport is the comfortable way). */
  readonly smoothMove: boolean;
  /** VR comfort: raises the view by a standing person's eye height minus a seated one's. */
  readonly seated: boolean;
}

export type Panel = { readonly kind: 'station'; readonly id: string } | { readonly kind: 'role'; readonly id: string; readonly station: string };

export interface TourState {
  /** Guided-tour order of station ids. */
  readonly order: readonly string[];
  /** Station the visitor is at (or travelling to); null at the start spot. */
  readonly station: string | null;
  /** Station ids visited, in first-visit order. */
  readonly visited: readonly string[];
  readonly panel: Panel | null;
  /** Index in `order` of the keyboard focus ring, or null when the 3D view has no focus ring. */
  readonly focus: number | null;
  readonly overlay: OverlayMode;
  readonly settings: Settings;
  /** Bumped on every `go`, so the scene can tell a new trip from a re-render. */
  readonly trip: number;
  /** Hands-on activities completed (ids of scenes/activities.json), in the order they were done. */
  readonly done: readonly string[];
  /** Bumped on every `reset` (a new kiosk or lesson visitor): features drop what the last one left. */
  readonly visitor: number;
}

export type TourAction =
  | { readonly type: 'go'; readonly station: string }
  | { readonly type: 'next' }
  | { readonly type: 'previous' }
  | { readonly type: 'openRole'; readonly role: string; readonly station: string }
  | { readonly type: 'openStationPanel' }
  | { readonly type: 'escape' }
  | { readonly type: 'focusStep'; readonly direction: 1 | -1 }
  | { readonly type: 'focusClear' }
  | { readonly type: 'activateFocus' }
  | { readonly type: 'setOverlay'; readonly mode: OverlayMode }
  | { readonly type: 'cycleOverlay' }
  | { readonly type: 'setSettings'; readonly settings: Partial<Settings> }
  /** A new visitor (kiosk reset): nothing visited, nothing open, these settings, back at the start. */
  | { readonly type: 'reset'; readonly settings: Settings }
  /** A lesson's own stations and order: Next/Previous and the focus ring follow it. */
  | { readonly type: 'setOrder'; readonly order: readonly string[] }
  /** A hands-on activity's goal was reached (kept with the visit: progress, analytics, lesson). */
  | { readonly type: 'activityDone'; readonly id: string };

export const DEFAULT_SETTINGS: Settings = { textSize: 'normal', reducedMotion: false, highContrast: false, snapTurn: 30, smoothMove: false, seated: false };

export function initialState(order: readonly string[], settings: Settings = DEFAULT_SETTINGS): TourState {
  return { order, station: null, visited: [], panel: null, focus: null, overlay: 'station', settings, trip: 0, done: [], visitor: 0 };
}

function go(state: TourState, station: string): TourState {
  if (!state.order.includes(station)) return state;
  return {
    ...state,
    station,
    visited: state.visited.includes(station) ? state.visited : [...state.visited, station],
    panel: { kind: 'station', id: station },
    focus: state.focus === null ? null : state.order.indexOf(station),
    trip: state.trip + 1,
  };
}

export function tourReducer(state: TourState, action: TourAction): TourState {
  switch (action.type) {
    case 'go':
      return go(state, action.station);
    case 'next':
    case 'previous': {
      const last = state.order.length - 1;
      if (last < 0) return state;
      const here = state.station === null ? -1 : state.order.indexOf(state.station);
      const target = action.type === 'next' ? (here < 0 ? 0 : Math.min(last, here + 1)) : here < 0 ? 0 : Math.max(0, here - 1);
      return target === here ? state : go(state, state.order[target]!);
    }
    case 'openRole':
      return { ...state, panel: { kind: 'role', id: action.role, station: action.station } };
    case 'openStationPanel':
      return state.station === null ? state : { ...state, panel: { kind: 'station', id: state.station } };
    case 'escape':
      // A role card steps back to its station's panel; a panel closes; then the focus ring goes.
      if (state.panel?.kind === 'role') return { ...state, panel: { kind: 'station', id: state.panel.station } };
      if (state.panel) return { ...state, panel: null };
      return state.focus === null ? state : { ...state, focus: null };
    case 'focusStep': {
      // Stepping past either end clears the ring so keyboard focus can leave the 3D view (no trap).
      const count = state.order.length;
      let next: number;
      if (state.focus === null) {
        const here = state.station === null ? -1 : state.order.indexOf(state.station);
        next = action.direction === 1 ? here + 1 : here < 0 ? count - 1 : here - 1;
        if (here >= 0 && action.direction === 1 && next >= count) next = 0;
        if (here >= 0 && action.direction === -1 && next < 0) next = count - 1;
      } else {
        next = state.focus + action.direction;
      }
      return { ...state, focus: next >= 0 && next < count ? next : null };
    }
    case 'focusClear':
      return state.focus === null ? state : { ...state, focus: null };
    case 'activateFocus':
      return state.focus === null ? state : go(state, state.order[state.focus]!);
    case 'setOverlay':
      return state.overlay === action.mode ? state : { ...state, overlay: action.mode };
    case 'cycleOverlay':
      // The toggle (button, key O) switches between everyone's tags and none; 'station' is the
      // default a new visit starts in (tags for the crew being visited only).
      return { ...state, overlay: state.overlay === 'all' ? 'off' : 'all' };
    case 'setSettings':
      return { ...state, settings: { ...state.settings, ...action.settings } };
    case 'reset':
      return { ...initialState(state.order, action.settings), trip: state.trip + 1, visitor: state.visitor + 1 };
    case 'setOrder':
      return action.order.length === 0 ? state : { ...state, order: action.order, focus: null };
    case 'activityDone':
      return state.done.includes(action.id) ? state : { ...state, done: [...state.done, action.id] };
  }
}

/** Is the focus ring about to leave the 3D view? Lets the key handler skip preventDefault. */
export function focusLeaves(state: TourState, direction: 1 | -1): boolean {
  return tourReducer(state, { type: 'focusStep', direction }).focus === null && state.focus !== null;
}
