import schema from '../../../scenes/schema/activity-lighting.schema.json';
import type { Schema } from '../../content/schema-check';
import type { ActivitySpec, ReportAt } from '../types';
import { LAMPS, goalMet, initialState, type LightingParams, type Range } from './logic';

/** Every word a lighting activity shows (scenes/activities/<id>/<code>.json's "text"). */
const WORDS = [
  // control labels and options
  'key', 'keyLevel', 'keyQuality', 'hard', 'soft', 'fill', 'fillLevel', 'back', 'backLevel', 'flag', 'check',
  // a dimmer's value in words
  'percent',
  // the status line's pieces
  'statusKey', 'statusKeyOff', 'statusFill', 'statusFillOff', 'statusBack', 'statusBackOff', 'statusFlagIn', 'statusFlagOut',
  'statusHard', 'statusSoft', 'statusJoin',
  // what a change does
  'keyOn', 'keyOff', 'keyDimmed', 'keyDimmedRatio', 'keyLevelOff', 'hardKey', 'softKey',
  'fillOn', 'fillOff', 'fillDimmed', 'fillLevelOff', 'fillFlat', 'fillNoKey', 'fillZero',
  'backOn', 'backOff', 'backDimmed', 'backLevelOff', 'flagIn', 'flagOut',
  // "Check the look": what to fix
  'fixKeyOff', 'fixKeyDim', 'fixKeyBright', 'fixWantSoft', 'fixWantHard', 'fixFillOff', 'fixFillFlat', 'fixFillDim', 'fixFillBright',
  'fixBackOff', 'fixBackDim', 'fixBackBright', 'fixFlagOut', 'fixFlagIn',
] as const;

const PLACEHOLDERS: Readonly<Record<string, readonly string[]>> = {
  percent: ['{n}'],
  statusKey: ['{n}', '{quality}'],
  statusFill: ['{n}'],
  statusBack: ['{n}'],
  keyDimmed: ['{n}'],
  keyDimmedRatio: ['{n}', '{ratio}'],
  keyLevelOff: ['{n}'],
  fillOn: ['{ratio}'],
  fillDimmed: ['{n}', '{ratio}'],
  fillLevelOff: ['{n}'],
  fillFlat: ['{n}'],
  backDimmed: ['{n}'],
  backLevelOff: ['{n}'],
  fixKeyDim: ['{min}'],
  fixKeyBright: ['{max}'],
  fixFillOff: ['{min}', '{max}'],
  fixFillDim: ['{ratio}', '{max}'],
  fixFillBright: ['{ratio}', '{min}'],
  fixBackDim: ['{min}'],
  fixBackBright: ['{max}'],
};

/** Dimmer settings (multiples of the step, 0–100) inside a range. */
function stepsIn(r: Range, step: number): number[] {
  const out: number[] = [];
  for (let v = 0; v <= 100; v += step) if (v > 0 && v >= r.min && v <= r.max) out.push(v);
  return out;
}

/** Whether some key and fill settings on the dimmers' steps give a key:fill inside the target. */
function ratioReachable(p: LightingParams): boolean {
  for (const k of stepsIn(p.target.key, p.dimmerStep)) {
    for (let f = p.dimmerStep; f < k; f += p.dimmerStep) {
      const r = k / f;
      if (r >= p.target.ratio.min && r <= p.target.ratio.max) return true;
    }
  }
  return false;
}

function check(json: unknown, report: ReportAt): void {
  const p = json as LightingParams;
  const ranges = [['$.target.key', p.target.key], ['$.target.back', p.target.back], ['$.target.ratio', p.target.ratio]] as const;
  for (const [path, r] of ranges) if (r.min > r.max) report(path, `min (${r.min}) is above max (${r.max})`);
  if (p.target.ratio.min <= 1) report('$.target.ratio.min', 'must be above 1: the key is the brightest light on the face (1:1 is a flat face)');
  for (const lamp of LAMPS) {
    if (p.start[lamp].level % p.dimmerStep !== 0) report(`$.start.${lamp}.level`, `is not on the dimmer's steps of ${p.dimmerStep} %`);
    const [x, z] = p.lamps[lamp].at;
    if (Math.hypot(x - p.standIn.at[0], z - p.standIn.at[1]) < 0.35) report(`$.lamps.${lamp}.at`, 'is inside the stand-in: a lamp needs at least 0.35 m');
  }
  if (stepsIn(p.target.key, p.dimmerStep).length === 0) report('$.target.key', `no key setting in steps of ${p.dimmerStep} % is inside it`);
  if (stepsIn(p.target.back, p.dimmerStep).length === 0) report('$.target.back', `no back-light setting in steps of ${p.dimmerStep} % is inside it`);
  else if (!ratioReachable(p)) report('$.target.ratio', `no key and fill settings in steps of ${p.dimmerStep} % give a key:fill inside it`);
  for (const [name, cone] of Object.entries(p.look.cones)) {
    if (cone.inner >= cone.outer) report(`$.look.cones.${name}`, `inner (${cone.inner}°) must be below outer (${cone.outer}°): the beam fades between them`);
  }
  if (goalMet(initialState(p.start), p.target)) report('$.start', 'is already the target look: there would be nothing to do');
}

export const spec: ActivitySpec = {
  kind: 'lighting',
  schema: schema as Schema,
  words: WORDS,
  placeholders: PLACEHOLDERS,
  check,
  onModel: true,
};
