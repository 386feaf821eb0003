import { describe, expect, it } from 'vitest';
import { actTake, advanceTake, currentStep, cutTake, holdRole, pauseTake, resumeTake, startTake, TAKE_EARLY_GRACE_MS, takeDeadline } from '../../src/classroom/take';
import { STEPS } from './classroom/fixtures';

const T0 = 1_000_000;
const LEAD = 2000;
const START = T0 + LEAD;
/** sound-speed is called when roll-sound (1.5 s) ends. */
const SPEED_AT = START + 1500;

describe('the take (pure timeline)', () => {
  it('with nobody holding a role, the app plays every step and the take is good', () => {
    const t = startTake(1, STEPS, {}, T0, LEAD);
    expect(t.status).toBe('rolling');
    expect(currentStep(t)?.id).toBe('roll-sound');
    expect(takeDeadline(t)).toBe(SPEED_AT);
    // App-played cues take 1 s each: 1.5 + 1 + 1.5 + 1 + 1 + 3 = 9 s.
    const done = advanceTake(t, START + 60_000);
    expect(done.status).toBe('good');
    expect(done.endedAt).toBe(START + 9000);
    expect(done.hits.map((h) => [h.step, h.by])).toEqual([['sound-speed', null], ['rolling', null], ['marker', null]]);
    expect(takeDeadline(done)).toBeNull();
  });

  it('steps advance one by one as time passes', () => {
    let t = startTake(1, STEPS, {}, T0, LEAD);
    t = advanceTake(t, SPEED_AT + 10);
    expect(currentStep(t)?.id).toBe('sound-speed');
    expect(t.stepAt).toBe(SPEED_AT);
    expect(advanceTake(t, SPEED_AT + 10)).toBe(t); // nothing due: the same object
  });

  it('a student on their cue moves the take on, with their reaction time', () => {
    let t = startTake(1, STEPS, { 'sound-mixer': 'ana' }, T0, LEAD);
    expect(takeDeadline(advanceTake(t, SPEED_AT))).toBe(SPEED_AT + 4000); // a held cue waits its whole window
    const r = actTake(t, 'ana', SPEED_AT + 700);
    expect(r.outcome).toBe('hit');
    t = r.take;
    expect(currentStep(t)?.id).toBe('roll-camera');
    expect(t.stepAt).toBe(SPEED_AT + 700);
    expect(t.hits).toEqual([{ step: 'sound-speed', role: 'sound-mixer', by: 'ana', ms: 700 }]);
    expect(actTake(t, 'ana', SPEED_AT + 800).outcome).toBe('ignored'); // no cue of hers is left
    expect(actTake(t, 'bo', SPEED_AT + 800).outcome).toBe('ignored'); // holds nothing
  });

  it('a missed cue makes the take no good when its window closes', () => {
    const t = startTake(1, STEPS, { 'sound-mixer': 'ana' }, T0, LEAD);
    expect(advanceTake(t, SPEED_AT + 3999).status).toBe('rolling');
    const missed = advanceTake(t, SPEED_AT + 4000);
    expect(missed.status).toBe('no-good');
    expect(missed.fault).toEqual({ kind: 'missed', step: 'sound-speed', role: 'sound-mixer', by: 'ana' });
    expect(missed.endedAt).toBe(SPEED_AT + 4000);
    expect(actTake(missed, 'ana', SPEED_AT + 4100).outcome).toBe('ignored');
  });

  it('acting before one\'s cue is called is early: no good', () => {
    const t = startTake(1, STEPS, { 'camera-assistant': 'cy' }, T0, LEAD);
    const r = actTake(t, 'cy', START + 300);
    expect(r.outcome).toBe('early');
    expect(r.take.status).toBe('no-good');
    expect(r.take.fault).toEqual({ kind: 'early', step: 'marker', role: 'camera-assistant', by: 'cy' });
  });

  it('a press just before the cue is called counts (network and clock jitter)', () => {
    const t = startTake(1, STEPS, { 'sound-mixer': 'ana' }, T0, LEAD);
    const r = actTake(t, 'ana', SPEED_AT - (TAKE_EARLY_GRACE_MS - 50));
    expect(r.outcome).toBe('hit');
    expect(currentStep(r.take)?.id).toBe('roll-camera');
    expect(actTake(t, 'ana', SPEED_AT - TAKE_EARLY_GRACE_MS - 50).outcome).toBe('early');
    // The same during the lead-in when the very first step is a student's cue.
    const first = startTake(1, [STEPS[1]!], { 'sound-mixer': 'ana' }, T0, LEAD);
    expect(actTake(first, 'ana', START - 100).take.status).toBe('good');
    expect(actTake(first, 'ana', START - 1000).outcome).toBe('early');
  });

  it('a whole take with students on every cue ends good at the last step', () => {
    const holders = { 'sound-mixer': 'ana', 'camera-operator': 'bo', 'camera-assistant': 'cy' };
    let t = startTake(3, STEPS, holders, T0, LEAD);
    t = actTake(t, 'ana', SPEED_AT + 500).take; // roll-camera 1.5 s → rolling at +2000
    t = actTake(t, 'bo', SPEED_AT + 2600).take;
    t = actTake(t, 'cy', SPEED_AT + 3000).take;
    expect(currentStep(t)?.id).toBe('action');
    t = advanceTake(t, SPEED_AT + 6000);
    expect(t.status).toBe('good');
    expect(t.hits.map((h) => h.by)).toEqual(['ana', 'bo', 'cy']);
    expect(t.n).toBe(3);
  });

  it('pausing stops the clock; resuming gives the window back', () => {
    let t = startTake(1, STEPS, { 'sound-mixer': 'ana' }, T0, LEAD);
    t = pauseTake(t, SPEED_AT + 1000);
    expect(takeDeadline(t)).toBeNull();
    expect(actTake(t, 'ana', SPEED_AT + 2000).outcome).toBe('ignored');
    expect(advanceTake(t, SPEED_AT + 50_000).status).toBe('rolling');
    t = resumeTake(t, SPEED_AT + 61_000);
    expect(takeDeadline(t)).toBe(SPEED_AT + 60_000 + 4000);
    expect(actTake(t, 'ana', SPEED_AT + 63_000).outcome).toBe('hit');
  });

  it('a role whose holder drops out is played by the app; handing it back makes it a cue again', () => {
    let t = startTake(1, STEPS, { 'sound-mixer': 'ana' }, T0, LEAD);
    t = holdRole(t, 'sound-mixer', null, SPEED_AT + 200);
    expect(takeDeadline(t)).toBe(SPEED_AT + 1000);
    t = holdRole(t, 'sound-mixer', 'ana', SPEED_AT + 300);
    expect(takeDeadline(t)).toBe(SPEED_AT + 4000);
    // Released after its app time has passed: played at once.
    const late = holdRole(t, 'sound-mixer', null, SPEED_AT + 2000);
    expect(currentStep(late)?.id).toBe('roll-camera');
  });

  it('cut stops a rolling take and leaves a finished one alone', () => {
    const t = cutTake(startTake(1, STEPS, {}, T0, LEAD), START + 100);
    expect(t.status).toBe('cut');
    expect(t.endedAt).toBe(START + 100);
    expect(cutTake(t, START + 200)).toBe(t);
  });
});
