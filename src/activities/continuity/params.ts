/**
 * The continuity activity's settings (scenes/activities/continuity.json) as types, and the few
 * measures the content rules (spec.ts) and the drawing (view.ts) must agree on: how much table an
 * item covers and how big a change must be to read on the AR tabletop model. Pure: no three.js.
 */

/** The things in the tableau, one of each: a candidate the visitor can pick. */
export const ITEM_KINDS = ['glass', 'bottle', 'plate', 'menu', 'lamp', 'jacket', 'cup'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const TAKES = ['take1', 'take2'] as const;
export type TakeId = (typeof TAKES)[number];

export type Hand = 'left' | 'right';

/** One item in one take. Which fields an item has depends on its kind (see FIELDS). */
export interface ItemState {
  /** On the table top: metres from its centre, x to the visitor's right, z toward the visitor. */
  readonly at?: readonly [number, number];
  /** How full the glass is, 0 to 1. */
  readonly fill?: number;
  /** The stand-in's jacket: open (shirt showing) or buttoned. */
  readonly open?: boolean;
  /** The stand-in's hand (their own left or right) holding the cup up. */
  readonly hand?: Hand;
}

export interface ItemDef {
  readonly id: ItemKind;
  readonly take1: ItemState;
  readonly take2: ItemState;
}

export interface ContinuityParams {
  readonly version: 1;
  readonly tableau: {
    /** The table's centre in the station's frame (the props' `at` coordinates). */
    readonly at: readonly [number, number];
    /** Yaw in degrees from the station's facing; 0: the stand-in faces the visitor's spot (+z). */
    readonly facing: number;
    /** The table top, width (x) and depth (z), metres. */
    readonly table: readonly [number, number];
  };
  /** In the order their buttons are listed. */
  readonly items: readonly ItemDef[];
}

type Field = keyof ItemState;

/** The fields each kind has, in both takes. */
export const FIELDS: Readonly<Record<ItemKind, readonly Field[]>> = {
  glass: ['at', 'fill'],
  bottle: ['at'],
  plate: ['at'],
  menu: ['at'],
  lamp: ['at'],
  jacket: ['open'],
  cup: ['hand'],
};

/** Radius of table an item on it covers, metres (the drawing in tableau.ts stays inside it). */
export const FOOTPRINT: Readonly<Partial<Record<ItemKind, number>>> = {
  glass: 0.05,
  bottle: 0.045,
  plate: 0.14,
  menu: 0.08,
  lamp: 0.08,
};

/**
 * The smallest change that still reads on the tabletop AR model (1:40: a 15 cm move is about 4 mm
 * there, which a visitor leaning in can see; a third of a glass is the liquid's colour jumping).
 */
export const MIN_MOVE = 0.15;
export const MIN_FILL_CHANGE = 0.3;

/** How far behind the table's back edge the stand-in sits (the seat's centre), metres. */
export const SEAT_BEHIND = 0.3;
/** The floor the tableau covers behind the table's back edge (bench and its back), metres. */
export const BENCH_DEPTH = 0.55;

/** Whether an item differs between the takes (a real change) or is a decoy that matches. */
export function changed(item: ItemDef): boolean {
  const a = item.take1;
  const b = item.take2;
  if (a.fill !== b.fill || a.open !== b.open || a.hand !== b.hand) return true;
  if (a.at === undefined || b.at === undefined) return a.at !== b.at;
  return a.at[0] !== b.at[0] || a.at[1] !== b.at[1];
}
