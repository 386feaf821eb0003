import type { Catalog } from '../../../src/classroom/protocol';
import type { TakeStep } from '../../../src/classroom/take';

/** A small catalog like the one the server builds from scenes/ (ids as in set.json and lesson.json). */
export const catalog: Catalog = {
  stations: new Set(['camera', 'sound', 'floor', 'lighting']),
  roles: new Set(['assistant-director', 'sound-mixer', 'camera-operator', 'camera-assistant', 'director']),
  quiz: [
    { id: 'stages-in-order', answer: 2, choices: 4 },
    { id: 'led-wall', answer: 1, choices: 4 },
    { id: 'crew-jobs', answer: 0, choices: 3 },
  ],
};

/** Roll sound → speed → roll camera → rolling → marker → action, the order a 1st AD calls it. */
export const STEPS: TakeStep[] = [
  { id: 'roll-sound', role: 'assistant-director', cue: false, seconds: 1.5 },
  { id: 'sound-speed', role: 'sound-mixer', cue: true, seconds: 4 },
  { id: 'roll-camera', role: 'assistant-director', cue: false, seconds: 1.5 },
  { id: 'rolling', role: 'camera-operator', cue: true, seconds: 4 },
  { id: 'marker', role: 'camera-assistant', cue: true, seconds: 4 },
  { id: 'action', role: 'director', cue: false, seconds: 3 },
];
