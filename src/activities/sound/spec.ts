import type { Schema } from '../../content/schema-check';
import schema from '../../../scenes/schema/activity-sound.schema.json';
import type { ActivitySpec } from '../types';
import type { SoundParams } from './logic';

/** Every word a sound activity shows (control labels, feedback, status, the lettering on the gear). */
export const SOUND_WORDS = [
  'height', 'heightValue', 'play', 'roomTone',
  'status', 'statusIn', 'statusLine',
  'movedAbove', 'movedIn', 'inShot', 'grazing', 'tooHigh', 'noSound', 'toneStart', 'toneSpoiled',
  'lineA', 'lineB',
  'meterVoice', 'meterRoom', 'rec', 'frameLabel', 'inShotSign', 'toneSign', 'logGood', 'logNoGood', 'logTone', 'logToneSpoiled',
] as const;

const LEVELS = ['{level}', '{room}'] as const;

/** Content rules the schema can't say: ranges that make sense together, and the gear it stands at. */
function check(json: unknown, report: (path: string, message: string) => void, scope: Parameters<ActivitySpec['check']>[2]): void {
  const p = json as SoundParams;
  const { mic, target, frame } = p;
  if (mic.min >= mic.max) report('$.mic.max', `must be above mic.min (${mic.min})`);
  if (mic.step > mic.max - mic.min) report('$.mic.step', 'is larger than the slider\'s range');
  if (mic.start < mic.min || mic.start > mic.max) report('$.mic.start', `must be between mic.min and mic.max (${mic.min}–${mic.max})`);
  if (frame.aboveHeads <= mic.min || frame.aboveHeads >= mic.max) {
    report('$.frame.aboveHeads', `must be inside the slider's range (${mic.min}–${mic.max}): the visitor has to be able to put the mic in shot and out of it`);
  }
  if (target.min >= target.max) report('$.target.max', `must be above target.min (${target.min})`);
  // The sweet spot must be a place the slider can stop at, and a new visitor must not start in it.
  const low = frame.aboveHeads + target.min;
  const high = frame.aboveHeads + target.max;
  const stops = Math.floor((mic.max - mic.min) / mic.step + 1e-6);
  let reachable = false;
  for (let i = 0; i <= stops && !reachable; i++) {
    const h = mic.min + i * mic.step;
    reachable = h >= low - 1e-6 && h <= high + 1e-6;
  }
  if (!reachable) report('$.target', `no slider position (from ${mic.min} by ${mic.step}) is in the sweet spot ${low.toFixed(2)}–${high.toFixed(2)} m above the heads`);
  if (mic.start >= low - 1e-6 && mic.start <= high + 1e-6) report('$.mic.start', 'is already in the sweet spot: a new visitor would have nothing to find');
  const [a, b] = p.actors;
  if (a && b && Math.hypot(a.at[0] - b.at[0], a.at[1] - b.at[1]) < 0.4) report('$.actors[1].at', 'stands within 0.4 m of the other actor');
  if (p.lines[0] === p.lines[1]) report('$.lines[1]', 'must be a different line from lines[0]');
  for (const key of ['highpassHz', 'lowpassHz'] as const) {
    p.hear[key].forEach((hz, i) => {
      if (hz < 20) report(`$.hear.${key}[${i}]`, `must be at least 20 Hz, found ${hz}`);
    });
  }
  if (p.roomTone.demoSeconds > p.roomTone.seconds) report('$.roomTone.demoSeconds', `must not be longer than the real room tone (${p.roomTone.seconds} s)`);
  // The meter stands on the sound cart and the boom is in the boom operator's hands.
  const station = scope.set.stations.find((s) => s.id === scope.station);
  if (station && !station.props.some((pr) => pr.type === 'sound-cart')) report('$', `the station "${scope.station}" in scenes/set.json has no sound-cart prop for the meter and the monitor`);
  if (station && !station.crew.some((c) => c.role === 'boom-operator')) report('$', `the station "${scope.station}" in scenes/set.json has no boom-operator to hold the boom`);
}

export const spec: ActivitySpec = {
  kind: 'sound',
  schema: schema as Schema,
  words: SOUND_WORDS,
  placeholders: {
    heightValue: ['{h}'],
    status: ['{clear}', ...LEVELS],
    statusIn: ['{clear}', ...LEVELS],
    statusLine: ['{line}', ...LEVELS],
    movedAbove: ['{clear}', ...LEVELS],
    movedIn: ['{clear}'],
    tooHigh: [...LEVELS],
    toneStart: ['{seconds}'],
    logGood: ['{n}'],
    logNoGood: ['{n}'],
    logTone: ['{seconds}'],
  },
  check,
  onModel: false,
};
