import schema from '../../../scenes/schema/activity-stunts.schema.json';
import type { Schema } from '../../content/schema-check';
import type { ActivitySpec, ReportAt } from '../types';

/**
 * Content rules of the "stunts" activity: the safety checks before a high fall, in order, then
 * roll. The schema already makes `order` and `buttons` permutations of the five checks; here are
 * the rules that need more than one field at once.
 */

/** The checks this kind knows. Each has its own effect on the set, so content orders them but can't add one. */
export const CHECK_IDS = ['mats', 'rig', 'meeting', 'area', 'medic'] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export type Vec2 = readonly [number, number];
export type Vec3 = readonly [number, number, number];

/** scenes/activities/<id>.json of kind "stunts", as the schema describes it. */
export interface StuntsParams {
  readonly version: 1;
  readonly order: readonly CheckId[];
  readonly buttons: readonly CheckId[];
  readonly tower: Vec2;
  readonly deck: { readonly at: Vec2; readonly height: number };
  readonly mats: { readonly at: Vec2; readonly size: Vec2; readonly base: number; readonly from: Vec2 };
  readonly fall: { readonly facing: number; readonly to: Vec2; readonly seconds: number };
  readonly double: { readonly jacket: string; readonly start: Vec2; readonly meeting: Vec2 };
  readonly crew: readonly { readonly jacket: string; readonly start: Vec2; readonly meeting: Vec2; readonly clear: Vec2 }[];
  readonly meetingCentre: Vec2;
  readonly cones: { readonly path: readonly Vec2[]; readonly spacing: number };
  readonly medic: { readonly jacket: string; readonly at: Vec2; readonly facing: number };
  readonly tag: Vec3;
  readonly beacon: Vec3;
  readonly stopSign: Vec3;
  readonly walkSpeed: number;
  readonly volume: number;
}

const WORDS = [
  ...CHECK_IDS.flatMap((id) => [`${id}.label`, `${id}.done`, `${id}.stop`]),
  'roll.label', 'rolled', 'again', 'already', 'finished',
  'status', 'statusStopped', 'statusDone',
  'sign.checked', 'sign.stop', 'sign.medic',
] as const;

/** How far the platform's centre may be from the tower it is bolted to. */
const DECK_REACH = 0.8;

function check(json: unknown, report: ReportAt, scope: Parameters<ActivitySpec['check']>[2]): void {
  const p = json as StuntsParams;
  if (p.buttons.every((id, i) => p.order[i] === id)) {
    report('$.buttons', 'lists the checks in their right order: that gives the answer away (show them in another fixed order)');
  }
  const meeting = p.order.indexOf('meeting');
  const area = p.order.indexOf('area');
  if (area < meeting) {
    report(`$.order[${area}]`, '"area" comes before "meeting": the crew gather for the meeting inside the area, then go behind the line, so the meeting must come first');
  }
  if (p.mats.size[0] < 0.4 || p.mats.size[1] < 0.4) report('$.mats.size', 'must be at least 0.4 m each way (a landing mat)');
  const [mx, mz] = p.mats.at;
  const [hw, hd] = [p.mats.size[0] / 2, p.mats.size[1] / 2];
  const [tx, tz] = p.fall.to;
  if (Math.abs(tx - mx) > hw || Math.abs(tz - mz) > hd) {
    report('$.fall.to', `[${tx}, ${tz}] is not on the mats (centre [${mx}, ${mz}], ${p.mats.size[0]} × ${p.mats.size[1]} m): the double must land on them`);
  }
  const reach = Math.hypot(p.deck.at[0] - p.tower[0], p.deck.at[1] - p.tower[1]);
  if (reach > DECK_REACH) report('$.deck.at', `is ${reach.toFixed(2)} m from the tower: the platform is bolted to it (at most ${DECK_REACH} m)`);
  const station = scope.set.stations.find((s) => s.id === scope.station);
  if (station && !station.props.some((prop) => prop.type === 'stunt-rig')) {
    report('$', `the station "${scope.station}" has no stunt-rig prop in scenes/set.json: the double falls from it`);
  }
}

export const spec: ActivitySpec = {
  kind: 'stunts',
  schema: schema as Schema,
  words: WORDS,
  placeholders: {
    again: ['{step}'],
    already: ['{step}'],
    status: ['{n}', '{total}'],
    statusStopped: ['{n}', '{total}'],
    statusDone: ['{total}'],
  },
  check,
  // The fall is 4 m of rig seen from the visitor's spot; on the tabletop model it is a few centimetres.
  onModel: false,
};
