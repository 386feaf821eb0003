import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import setSchemaJson from '../../scenes/schema/set.schema.json';
import takeSchemaJson from '../../scenes/schema/take.schema.json';
import takeLocaleSchemaJson from '../../scenes/schema/take-locale.schema.json';
import { auditContent } from '../../src/content/audit';
import { validateTake, validateTakeLocale } from '../../src/content/take-check';
import { TAKE_ACTIONS, TAKE_FILE, TAKE_SOUNDS, TAKE_UI_KEYS, takeLocaleFile, type TakeFile, type TakeLocaleFile } from '../../src/content/take-types';
import { GEAR_TYPES, PERFORMER_HOLDS, POSES, PROP_TYPES, type ContentProblem, type SetFile } from '../../src/content/types';
import { validateSet, type Checked } from '../../src/content/validate';
import { contentVerdict } from '../../src/offline/content-check';
import type { Mutable } from './fixtures';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SET = 'scenes/set.json';
const EN = takeLocaleFile('en');
const read = (file: string): unknown => JSON.parse(readFileSync(`${ROOT}${file}`, 'utf8'));
const shippedText = async (file: string): Promise<string | null> => (existsSync(`${ROOT}${file}`) ? readFileSync(`${ROOT}${file}`, 'utf8') : null);

/** Fresh deep copies of the shipped files, to break one thing per case. */
const set = (): Mutable<SetFile> => structuredClone(read(SET)) as Mutable<SetFile>;
const take = (): Mutable<TakeFile> => structuredClone(read(TAKE_FILE)) as Mutable<TakeFile>;
const words = (code = 'en'): Mutable<TakeLocaleFile> => structuredClone(read(takeLocaleFile(code))) as Mutable<TakeLocaleFile>;
/** The take's languages that are shipped (Spanish may still be on its way). */
const shippedCodes = (set() as SetFile).locales.filter((code) => existsSync(`${ROOT}${takeLocaleFile(code)}`));

function problemsOf(result: Checked<unknown>): readonly ContentProblem[] {
  if (result.ok) throw new Error('expected the content to be rejected, but it was accepted');
  return result.problems;
}
const problem = (file: string, path: string, fragment: string): unknown => ({ file, path, message: expect.stringContaining(fragment) });
const takeProblems = (t: unknown, s: unknown = set()): readonly ContentProblem[] => problemsOf(validateTake(t, s as SetFile, TAKE_FILE));
const wordProblems = (w: unknown, code = 'en'): readonly ContentProblem[] => problemsOf(validateTakeLocale(w, take() as TakeFile, set() as SetFile, takeLocaleFile(code), code));
/** Step `i` and its action `j` of a take copy, failing loudly if the shipped take changed shape. */
const step = (t: Mutable<TakeFile>, i: number) => t.steps[i] ?? expect.fail(`the shipped take has no step ${i}`);
const action = (t: Mutable<TakeFile>, i: number, j: number) => step(t, i).actions[j] ?? expect.fail(`step ${i} has no action ${j}`);

describe('the shipped take', () => {
  it('scenes/set.json with its hot set passes', () => {
    expect(validateSet(set(), SET).ok).toBe(true);
  });

  it('scenes/take.json passes against the set', () => {
    expect(validateTake(take(), set() as SetFile, TAKE_FILE)).toEqual({ ok: true, value: take() });
  });

  it.each(shippedCodes)('scenes/take/%s.json passes', (code) => {
    expect(validateTakeLocale(words(code), take() as TakeFile, set() as SetFile, takeLocaleFile(code), code)).toEqual({ ok: true, value: words(code) });
  });

  it('the English words are shipped', () => {
    expect(shippedCodes).toContain('en');
  });
});

describe('the schemas agree with the types', () => {
  const hot = setSchemaJson.properties.hotSet.properties;
  it('prop types equal PROP_TYPES at the stations and on the hot set', () => {
    expect(setSchemaJson.$defs.station.properties.props.items.properties.type.enum).toEqual([...PROP_TYPES]);
    expect(hot.props.items.properties.type.enum).toEqual([...PROP_TYPES]);
  });

  it('performers and gear: poses, holds and gear types', () => {
    expect(setSchemaJson.$defs.performer.properties.pose.enum).toEqual([...POSES]);
    expect(setSchemaJson.$defs.performer.properties.holds.enum).toEqual([...PERFORMER_HOLDS]);
    expect(setSchemaJson.$defs.gear.properties.type.enum).toEqual([...GEAR_TYPES]);
  });

  it('take actions, sounds and UI keys', () => {
    expect(takeSchemaJson.$defs.action.properties.do.enum).toEqual([...TAKE_ACTIONS]);
    expect(takeSchemaJson.$defs.step.properties.sound.enum).toEqual([...TAKE_SOUNDS]);
    expect(takeLocaleSchemaJson.properties.ui.required).toEqual([...TAKE_UI_KEYS]);
    expect(Object.keys(takeLocaleSchemaJson.properties.ui.properties)).toEqual([...TAKE_UI_KEYS]);
  });
});

describe('validateSet: the hot set', () => {
  it('a performer role that is not defined', () => {
    const s = set();
    s.hotSet!.performers[0]!.role = 'stand-in';
    expect(problemsOf(validateSet(s, SET))).toContainEqual(problem(SET, '$.hotSet.performers[0].role', 'role "stand-in" is not defined in $.roles'));
  });

  it('a performer id used twice, and a gear id that is a performer id', () => {
    const s = set();
    s.hotSet!.performers[1]!.id = s.hotSet!.performers[0]!.id;
    s.hotSet!.gear[0]!.id = 'director';
    const problems = problemsOf(validateSet(s, SET));
    expect(problems).toContainEqual(problem(SET, '$.hotSet.performers[1].id', 'performer id "actor-a" is used twice (first at $.hotSet.performers[0].id)'));
    expect(problems).toContainEqual(problem(SET, '$.hotSet.gear[0].id', `gear id "director" is already a performer's id`));
  });

  it('a performer, a prop and gear outside the walls, measured through the hot set\'s frame', () => {
    const s = set();
    // 16 m along local x is inside a 36 m wide stage; turned 90° it runs 16 m toward a 28 m deep stage's wall.
    s.hotSet!.facing = 90;
    s.hotSet!.performers[0]!.at = [16, 0];
    s.hotSet!.props[0]!.at = [-17.5, 0];
    s.hotSet!.gear[1]!.at = [0, 30];
    const problems = problemsOf(validateSet(s, SET));
    expect(problems).toContainEqual(problem(SET, '$.hotSet.performers[0].at', 'outside the soundstage walls'));
    expect(problems).toContainEqual(problem(SET, '$.hotSet.props[0].at', 'puts the window-flat at'));
    expect(problems).toContainEqual(problem(SET, '$.hotSet.gear[1].at', 'outside the soundstage walls'));
    s.hotSet!.facing = 0;
    s.hotSet!.gear[1]!.at = [0, 3];
    expect(validateSet(s, SET).ok).toBe(true);
  });

  it('a station in `stations` that does not exist', () => {
    const s = set();
    s.hotSet!.stations[0] = 'hot-set';
    expect(problemsOf(validateSet(s, SET))).toEqual([problem(SET, '$.hotSet.stations[0]', '"hot-set" is not a station id')]);
  });

  it('what a performer holds is one of PERFORMER_HOLDS (schema)', () => {
    const s = set();
    Object.assign(s.hotSet!.performers[0]!, { holds: 'coffee' });
    expect(problemsOf(validateSet(s, SET))).toEqual([problem(SET, '$.hotSet.performers[0].holds', 'must be one of "slate", "boom"')]);
  });

  it('a role seen only on the hot set has its figure there; without it, it has none', () => {
    const s = set();
    s.hotSet!.performers = s.hotSet!.performers.filter((p) => p.role !== 'clapper-loader');
    const index = s.roles.findIndex((r) => r.id === 'clapper-loader');
    expect(problemsOf(validateSet(s, SET))).toContainEqual(problem(SET, `$.roles[${index}]`, `role "clapper-loader" has no crew figure: add it to one station's crew or the hot set's performers`));
  });
});

describe('validateTake: invalid takes', () => {
  it('an unknown speaker, and gear as a speaker', () => {
    const t = take();
    step(t, 0).speaker = 'runner';
    step(t, 1).speaker = 'red-light';
    const problems = takeProblems(t);
    expect(problems).toContainEqual(problem(TAKE_FILE, '$.steps[0].speaker', '"runner" is not a performer on the hot set'));
    expect(problems).toContainEqual(problem(TAKE_FILE, '$.steps[1].speaker', 'is gear, not a performer'));
  });

  it('an unknown `who`', () => {
    const t = take();
    action(t, 0, 1).who = 'ghost';
    expect(takeProblems(t)).toEqual([problem(TAKE_FILE, '$.steps[0].actions[1].who', '"ghost" is not a performer or gear id')]);
  });

  it('an unknown action (schema)', () => {
    const t = take();
    Object.assign(action(t, 0, 0), { do: 'juggle' });
    expect(takeProblems(t)).toEqual([problem(TAKE_FILE, '$.steps[0].actions[0].do', 'must be one of "walk", "turn"')]);
  });

  it('a gear action on a performer', () => {
    const t = take();
    Object.assign(action(t, 0, 0), { do: 'switch-on' });
    expect(takeProblems(t)).toEqual([problem(TAKE_FILE, '$.steps[0].actions[0].do', '"switch-on" is an action for gear of type red-light, not for a performer like "first-ad"')]);
  });

  it('a performer action on gear', () => {
    const t = take();
    Object.assign(action(t, 10, 3), { do: 'walk' });
    expect(takeProblems(t)).toEqual([problem(TAKE_FILE, '$.steps[10].actions[3].do', '"walk" is not something a dolly can do: "a-camera" can only "dolly"')]);
  });

  it('a walk without `to`, and `to` on an action that would ignore it', () => {
    const t = take();
    delete action(t, 0, 1).to;
    action(t, 0, 0).to = [0, 0];
    const problems = takeProblems(t);
    expect(problems).toContainEqual(problem(TAKE_FILE, '$.steps[0].actions[1].to', 'is required for "walk"'));
    expect(problems).toContainEqual(problem(TAKE_FILE, '$.steps[0].actions[0].to', 'would ignore it'));
  });

  it('a walk and a dolly outside the walls, measured through the hot set\'s frame', () => {
    const t = take();
    action(t, 0, 1).to = [16, 0];
    action(t, 10, 3).to = [0, 20];
    const turned = set();
    turned.hotSet!.facing = 90;
    const problems = takeProblems(t, turned);
    expect(problems).toContainEqual(problem(TAKE_FILE, '$.steps[0].actions[1].to', 'outside the soundstage walls'));
    expect(problems).toContainEqual(problem(TAKE_FILE, '$.steps[10].actions[3].to', 'outside the soundstage walls'));
    // Unturned, the same walk stays inside a 36 m wide stage; the dolly does not (its z is past 14 m).
    expect(takeProblems(t)).toEqual([problem(TAKE_FILE, '$.steps[10].actions[3].to', 'outside the soundstage walls')]);
  });

  it('an action that runs past its step, and one that starts after it', () => {
    const t = take();
    action(t, 0, 3).seconds = 2; // at 3.5 in a 5 s step
    action(t, 1, 1).at = 4.5; // no seconds, in a 4.5 s step
    Object.assign(action(t, 2, 0), { at: 0.8, seconds: 1.24 }); // ends at 2.04 in a 2 s step: within the slack
    const problems = takeProblems(t);
    expect(problems).toEqual([
      problem(TAKE_FILE, '$.steps[0].actions[3].seconds', 'runs to 5.5 s, past the end of its step "last-looks" (5 s)'),
      problem(TAKE_FILE, '$.steps[1].actions[1].at', 'starts at 4.5 s, when its step "picture-up" (4.5 s) is already over'),
    ]);
  });

  it('a duplicate step id', () => {
    const t = take();
    step(t, 3).id = step(t, 2).id;
    expect(takeProblems(t)).toEqual([problem(TAKE_FILE, '$.steps[3].id', 'step id "roll-sound" is used twice (first at index 2)')]);
  });

  it('a camera that is not a dolly, or not gear at all', () => {
    const t = take();
    t.camera = 'red-light';
    expect(takeProblems(t)).toEqual([problem(TAKE_FILE, '$.camera', '"red-light" is a red-light, not a dolly')]);
    t.camera = 'camera-op';
    expect(takeProblems(t)).toEqual([problem(TAKE_FILE, '$.camera', '"camera-op" is a performer, not a dolly')]);
    t.camera = 'b-camera';
    expect(takeProblems(t)).toEqual([problem(TAKE_FILE, '$.camera', '"b-camera" is not a gear id')]);
  });

  it('a turn with neither facing nor target; a pull-focus without target; a target that is gear', () => {
    const t = take();
    delete action(t, 0, 4).target;
    delete action(t, 10, 7).target;
    action(t, 11, 0).target = 'a-camera';
    const problems = takeProblems(t);
    expect(problems).toContainEqual(problem(TAKE_FILE, '$.steps[0].actions[4]', '"turn" needs "facing"'));
    expect(problems).toContainEqual(problem(TAKE_FILE, '$.steps[10].actions[7].target', 'is required for "pull-focus"'));
    expect(problems).toContainEqual(problem(TAKE_FILE, '$.steps[11].actions[0].target', '"a-camera" is not a performer'));
  });

  it('step seconds: more than 0 (checked), at most 30 (schema)', () => {
    const t = take();
    step(t, 2).seconds = 0;
    Object.assign(step(t, 2).actions[0]!, { seconds: 0 });
    expect(takeProblems(t)).toEqual([
      problem(TAKE_FILE, '$.steps[2].seconds', 'must be more than 0 seconds'),
      problem(TAKE_FILE, '$.steps[2].actions[0].seconds', 'must be more than 0 seconds'),
    ]);
    step(t, 2).seconds = 31;
    expect(takeProblems(t)).toEqual([problem(TAKE_FILE, '$.steps[2].seconds', 'must be at most 30')]);
  });

  it('the slate\'s take number is a positive whole number (schema)', () => {
    const t = take();
    t.slate.take = 0;
    expect(takeProblems(t)).toEqual([problem(TAKE_FILE, '$.slate.take', 'must be at least 1')]);
    t.slate.take = 2.5;
    expect(takeProblems(t)).toEqual([problem(TAKE_FILE, '$.slate.take', 'must be a whole number')]);
  });

  it('a set without a hot set has nowhere to shoot the take', () => {
    const s = set();
    delete s.hotSet;
    expect(takeProblems(take(), s)).toEqual([problem(TAKE_FILE, '$', 'needs a hot set')]);
  });
});

describe('validateTakeLocale: invalid words', () => {
  it('a step without its words', () => {
    const w = words();
    delete w.steps['roll-sound'];
    expect(wordProblems(w)).toEqual([problem(EN, '$.steps["roll-sound"]', 'is missing: step "roll-sound" (scenes/take.json $.steps[2]) needs its call and what')]);
  });

  it('words for a step id the take does not have', () => {
    const w = words();
    w.steps['rol-sound'] = { call: 'Roll sound.', what: 'A typo.' };
    expect(wordProblems(w)).toEqual([problem(EN, '$.steps["rol-sound"]', '"rol-sound" is not a step in scenes/take.json')]);
  });

  it('follow for an unknown performer, a missing performer and an unknown step', () => {
    const w = words();
    w.follow.ghost = { intro: 'Boo.', idle: 'Floats.', steps: {} };
    delete w.follow.mixer;
    w.follow['actor-a']!.steps.rehearsal = 'She runs the lines.';
    const problems = wordProblems(w);
    expect(problems).toContainEqual(problem(EN, '$.follow.ghost', '"ghost" is not a performer on the hot set'));
    expect(problems).toContainEqual(problem(EN, '$.follow.mixer', 'is missing: performer "mixer"'));
    expect(problems).toContainEqual(problem(EN, '$.follow["actor-a"].steps.rehearsal', '"rehearsal" is not a step'));
    expect(problems).toHaveLength(3);
  });

  it('a missing placeholder in ui.progress', () => {
    const w = words();
    w.ui.progress = 'Call {n}';
    expect(wordProblems(w)).toEqual([problem(EN, '$.ui.progress', 'must contain the placeholder {total}')]);
  });

  it('a locale code that is not the file\'s', () => {
    expect(wordProblems(words(), 'es')).toContainEqual(problem(takeLocaleFile('es'), '$.locale', 'is "en" but the file is for "es"'));
  });

  it('text with nothing visible, and a missing UI word (schema)', () => {
    const w = words();
    w.steps.cut!.call = ' \u200b\n';
    delete (w.ui as Partial<typeof w.ui>).stop;
    expect(wordProblems(w)).toEqual([problem(EN, '$.ui.stop', 'is required but missing'), problem(EN, '$.steps.cut.call', 'needs at least one visible character')]);
  });
});

describe('the take in check-content and the offline cache', () => {
  /** The shipped files, with some replaced (null: missing). */
  const reader = (overrides: Record<string, unknown>) => async (file: string): Promise<string | null> => {
    if (!Object.hasOwn(overrides, file)) return shippedText(file);
    const value = overrides[file];
    return value === null ? null : typeof value === 'string' ? value : JSON.stringify(value);
  };
  const takeFiles = (problems: readonly ContentProblem[]): ContentProblem[] => problems.filter((p) => p.file === TAKE_FILE || p.file.startsWith('scenes/take/'));

  it('reports a take problem and each language missing its words; a set without take.json has no take', async () => {
    const t = take();
    action(t, 0, 1).who = 'ghost';
    expect(takeFiles((await auditContent(reader({ [TAKE_FILE]: t }))).problems)).toEqual([problem(TAKE_FILE, '$.steps[0].actions[1].who', 'is not a performer')]);
    const missing = takeLocaleFile('es');
    expect(takeFiles((await auditContent(reader({ [missing]: null }))).problems)).toEqual([problem(missing, '$', 'is missing')]);
    const w = words();
    w.ui.title = 'Take';
    expect(takeFiles((await auditContent(reader({ [EN]: w }))).problems)).toHaveLength(2);
    expect(takeFiles((await auditContent(reader({ [TAKE_FILE]: null, [EN]: null }))).problems)).toEqual([]);
  });

  it('contentVerdict: the take and its words against their schemas, the words for the language of their name', () => {
    const text = (value: unknown): string => JSON.stringify(value);
    expect(contentVerdict(TAKE_FILE, text(take()))).toEqual({ ok: true });
    expect(contentVerdict(EN, text(words()))).toEqual({ ok: true });
    const t = take();
    Object.assign(action(t, 0, 0), { do: 'juggle' });
    expect(contentVerdict(TAKE_FILE, text(t))).toEqual({ ok: false, reason: expect.stringContaining('scenes/take.json $.steps[0].actions[0].do: must be one of') });
    expect(contentVerdict(takeLocaleFile('es'), text(words()))).toEqual({ ok: false, reason: 'scenes/take/es.json $.locale: is "en" but the file is for "es"' });
    expect(contentVerdict(EN, '{')).toMatchObject({ ok: false });
  });
});
