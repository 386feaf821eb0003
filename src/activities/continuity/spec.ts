import schema from '../../../scenes/schema/activity-continuity.schema.json';
import type { Schema } from '../../content/schema-check';
import { viewSpot } from '../../content/geometry';
import type { ActivitySpec, ReportAt } from '../types';
import { BENCH_DEPTH, FIELDS, FOOTPRINT, ITEM_KINDS, MIN_FILL_CHANGE, MIN_MOVE, TAKES, changed, type ContinuityParams, type ItemDef } from './params';

/**
 * The continuity activity's content rules beyond its schema: each item carries exactly the fields
 * its kind has, sits on the table without overlapping another, changes enough to be seen on the
 * tabletop model (or not at all: a decoy), and the tableau stands clear of the station's own crew
 * and props, turned toward the visitor.
 */

const PER_ITEM = ITEM_KINDS.flatMap((k) => [`item.${k}`, `note.${k}`, `same.${k}`]);

/** How close a station's prop or crew member may come to the tableau's floor, metres (a body's half-width). */
const CLEARANCE = 0.35;
/** The visitor's spot must be at least this far from the tableau, so it fits the view. */
const SPOT_CLEARANCE = 1.0;
/** The stand-in faces the visitor within this many degrees, or the jacket and hands read side-on. */
const MAX_TURN_AWAY = 30;
const DEG = Math.PI / 180;

function checkItem(item: ItemDef, i: number, table: readonly [number, number], report: ReportAt): void {
  const fields = FIELDS[item.id];
  for (const take of TAKES) {
    const state = item[take];
    for (const key of Object.keys(state) as (keyof typeof state)[]) {
      if (!fields.includes(key)) report(`$.items[${i}].${take}.${key}`, `a ${item.id} has no "${key}" (it has ${fields.join(', ')})`);
    }
    for (const key of fields) {
      if (state[key] === undefined) report(`$.items[${i}].${take}`, `a ${item.id} needs "${key}" in each take`);
    }
    const r = FOOTPRINT[item.id];
    if (state.at !== undefined && r !== undefined) {
      const [x, z] = state.at;
      if (Math.abs(x) + r > table[0] / 2 || Math.abs(z) + r > table[1] / 2) {
        report(`$.items[${i}].${take}.at`, `the ${item.id} (${Math.round(r * 100)} cm round its centre) falls off the ${table[0]} × ${table[1]} m table`);
      }
    }
  }
  const a = item.take1;
  const b = item.take2;
  if (a.at && b.at) {
    const moved = Math.hypot(a.at[0] - b.at[0], a.at[1] - b.at[1]);
    if (moved > 0 && moved < MIN_MOVE) report(`$.items[${i}].take2.at`, `moves ${moved.toFixed(2)} m: too little to see on the tabletop model (at least ${MIN_MOVE} m, or not at all)`);
  }
  if (a.fill !== undefined && b.fill !== undefined) {
    const d = Math.abs(a.fill - b.fill);
    if (d > 0 && d < MIN_FILL_CHANGE) report(`$.items[${i}].take2.fill`, `changes by ${d.toFixed(2)}: too little to see (at least ${MIN_FILL_CHANGE}, or not at all)`);
  }
}

/** Two items on the table in the same take must not stand in each other. */
function checkOverlaps(items: readonly ItemDef[], report: ReportAt): void {
  for (const take of TAKES) {
    items.forEach((p, i) => {
      items.forEach((q, j) => {
        if (j <= i) return;
        const ap = p[take].at;
        const aq = q[take].at;
        const rp = FOOTPRINT[p.id];
        const rq = FOOTPRINT[q.id];
        if (!ap || !aq || rp === undefined || rq === undefined) return;
        const gap = Math.hypot(ap[0] - aq[0], ap[1] - aq[1]) - rp - rq;
        if (gap < 0.01) report(`$.items[${j}].${take}.at`, `the ${q.id} stands in the ${p.id} ($.items[${i}]): move it ${(0.01 - gap).toFixed(2)} m further away`);
      });
    });
  }
}

/** Distance from a point to the tableau's floor (table and bench) in the tableau's own frame. */
function distanceToTableau(params: ContinuityParams, point: readonly [number, number]): number {
  const { at, facing, table } = params.tableau;
  const dx = point[0] - at[0];
  const dz = point[1] - at[1];
  // Into the tableau's frame: undo its yaw (x' = x cos + z sin… the inverse of rotateY(facing)).
  const c = Math.cos(facing * DEG);
  const s = Math.sin(facing * DEG);
  const x = c * dx - s * dz;
  const z = s * dx + c * dz;
  const ox = Math.max(0, Math.abs(x) - table[0] / 2);
  const back = -table[1] / 2 - BENCH_DEPTH;
  const oz = z > table[1] / 2 ? z - table[1] / 2 : z < back ? back - z : 0;
  return Math.hypot(ox, oz);
}

function checkPlacement(params: ContinuityParams, report: ReportAt, scope: Parameters<ActivitySpec['check']>[2]): void {
  const station = scope.set.stations.find((s) => s.id === scope.station);
  if (!station) return;
  const others = [
    ...station.props.map((p, i) => ({ at: p.at, what: `the ${p.type} (stations.${station.id}.props[${i}])` })),
    ...station.crew.map((m, i) => ({ at: m.at, what: `the ${m.role} (stations.${station.id}.crew[${i}])` })),
  ];
  for (const o of others) {
    const d = distanceToTableau(params, o.at);
    if (d < CLEARANCE) report('$.tableau.at', `the table and bench come within ${d.toFixed(2)} m of ${o.what}: keep ${CLEARANCE} m clear`);
  }
  // The visitor's spot, in the station's frame: viewDistance along +z.
  const spot = viewSpot({ position: [0, 0], facing: 0, viewDistance: station.viewDistance });
  if (distanceToTableau(params, spot) < SPOT_CLEARANCE) report('$.tableau.at', `is too close to where the visitor stands (keep ${SPOT_CLEARANCE} m): it would not fit the view`);
  const { at, facing } = params.tableau;
  const toSpot = Math.atan2(spot[0] - at[0], spot[1] - at[1]) / DEG;
  let turn = Math.abs(facing - toSpot) % 360;
  if (turn > 180) turn = 360 - turn;
  if (turn > MAX_TURN_AWAY) report('$.tableau.facing', `turns the stand-in ${turn.toFixed(0)}° away from the visitor (at most ${MAX_TURN_AWAY}°; ${toSpot.toFixed(0)} faces them)`);
}

function check(json: unknown, report: ReportAt, scope: Parameters<ActivitySpec['check']>[2]): void {
  const params = json as ContinuityParams;
  const seen = new Map<string, number>();
  params.items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) report(`$.items[${i}].id`, `"${item.id}" is already $.items[${first}]: one of each thing`);
    else seen.set(item.id, i);
    checkItem(item, i, params.tableau.table, report);
  });
  checkOverlaps(params.items, report);
  const changes = params.items.filter(changed).length;
  if (changes === 0) report('$.items', 'nothing differs between take 1 and take 2: there is no continuity error to find');
  if (changes === params.items.length) report('$.items', 'every item changes: keep at least one that matches (a decoy), or any pick is right');
  checkPlacement(params, report, scope);
}

export const spec: ActivitySpec = {
  kind: 'continuity',
  schema: schema as Schema,
  words: [
    'take', 'take1', 'take2', 'board', 'scene.take1', 'scene.take2',
    'found', 'wrong', 'already', 'compareFirst', 'statusEmpty', 'status',
    ...PER_ITEM,
  ],
  placeholders: {
    found: ['{note}'],
    wrong: ['{why}'],
    already: ['{item}'],
    statusEmpty: ['{total}'],
    status: ['{found}', '{total}', '{notes}'],
  },
  check,
  onModel: true,
};
