import { checkSchema, propertyPath, type Schema } from './schema-check';
import takeSchema from '../../scenes/schema/take.schema.json';
import takeLocaleSchema from '../../scenes/schema/take-locale.schema.json';
import { HOT_SET_MARGIN, placeOnHotSet } from './hot-set-check';
import { reportDuplicateIds, type Checked } from './validate';
import type { ContentProblem, GearDef, HotSetDef, PerformerDef, SetFile } from './types';
import { GEAR_ACTIONS, TAKE_FILE, TAKE_UI_KEYS, TAKE_UI_PLACEHOLDERS, type TakeAction, type TakeActionKind, type TakeFile, type TakeLocaleFile, type TakeStepDef } from './take-types';

/**
 * Checks of a take (scenes/take.json) and of its words (scenes/take/<code>.json): each against its
 * schema, then against the set's hot set (who exists, who may do what, where they go) and against
 * each other (every step and performer has its words). Ids are looked up as own properties only.
 */

type Report = (path: string, message: string) => void;

/** Timing slack, seconds: authors round, and a motion ending a frame late is invisible. */
const SLACK = 0.05;
/** Actions that move someone or something to `to`. */
const MOVES: readonly TakeActionKind[] = ['walk', 'dolly'];
/** Actions that need a performer as `target`, and what the target is for. */
const NEEDS_TARGET: Partial<Record<TakeActionKind, string>> = {
  'boom-follow': 'the performer the microphone follows',
  'pull-focus': 'the performer focus goes to',
};
const GEAR_ONLY = new Set<string>(Object.values(GEAR_ACTIONS).flat());

/** What an id on the hot set stands for. */
type Who = { readonly kind: 'performer'; readonly def: PerformerDef } | { readonly kind: 'gear'; readonly def: GearDef };

interface Scope {
  readonly set: SetFile;
  readonly hotSet: HotSetDef;
  readonly who: ReadonlyMap<string, Who>;
  readonly p: Report;
}

const secs = (n: number): string => `${Number(n.toFixed(2))} s`;

export function validateTake(json: unknown, set: SetFile, file: string = TAKE_FILE): Checked<TakeFile> {
  const problems = checkSchema(json, takeSchema as Schema, file);
  if (problems.length > 0) return { ok: false, problems };
  const take = json as TakeFile;
  const p: Report = (path, message) => {
    problems.push({ file, path, message });
  };
  const hotSet = set.hotSet;
  if (!hotSet) {
    p('$', 'needs a hot set to be shot on, but scenes/set.json has no "hotSet"');
    return { ok: false, problems };
  }
  const who = new Map<string, Who>();
  for (const def of hotSet.gear) who.set(def.id, { kind: 'gear', def });
  for (const def of hotSet.performers) who.set(def.id, { kind: 'performer', def });
  const scope: Scope = { set, hotSet, who, p };
  const camera = who.get(take.camera);
  if (!camera) p('$.camera', `"${take.camera}" is not a gear id in scenes/set.json $.hotSet.gear`);
  else if (camera.kind !== 'gear' || camera.def.type !== 'dolly') p('$.camera', `"${take.camera}" is ${camera.kind === 'gear' ? `a ${camera.def.type}` : 'a performer'}, not a dolly: the monitor shows a dolly camera's view`);
  reportDuplicateIds(take.steps, (s) => s.id, file, (i) => `$.steps[${i}].id`, 'step', problems);
  take.steps.forEach((step, i) => checkStep(step, `$.steps[${i}]`, scope));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: take };
}

function checkStep(step: TakeStepDef, base: string, scope: Scope): void {
  const { p } = scope;
  const speaker = scope.who.get(step.speaker);
  if (!speaker) p(`${base}.speaker`, `"${step.speaker}" is not a performer on the hot set (scenes/set.json $.hotSet.performers)`);
  else if (speaker.kind === 'gear') p(`${base}.speaker`, `"${step.speaker}" is gear, not a performer: only a performer can make a call`);
  if (step.seconds <= 0) p(`${base}.seconds`, 'must be more than 0 seconds');
  step.actions.forEach((action, j) => {
    const path = `${base}.actions[${j}]`;
    checkActor(action, path, scope);
    checkArguments(action, path, scope);
    checkTiming(action, step, path, p);
  });
}

/** `who` exists, and only gear does gear's actions. */
function checkActor(action: TakeAction, path: string, { who, p }: Scope): void {
  const actor = who.get(action.who);
  if (!actor) {
    p(`${path}.who`, `"${action.who}" is not a performer or gear id on the hot set (scenes/set.json $.hotSet)`);
    return;
  }
  if (actor.kind === 'gear') {
    const allowed = GEAR_ACTIONS[actor.def.type] ?? [];
    if (!allowed.includes(action.do)) p(`${path}.do`, `"${action.do}" is not something a ${actor.def.type} can do: "${action.who}" can only ${allowed.map((a) => `"${a}"`).join(' or ')}`);
  } else if (GEAR_ONLY.has(action.do)) {
    const owner = Object.keys(GEAR_ACTIONS).find((type) => GEAR_ACTIONS[type]!.includes(action.do));
    p(`${path}.do`, `"${action.do}" is an action for gear of type ${owner ?? 'gear'}, not for a performer like "${action.who}"`);
  }
}

/** Each action has what it needs (`to`, `facing`, `target`) and nothing it would ignore. */
function checkArguments(action: TakeAction, path: string, scope: Scope): void {
  const { p } = scope;
  const moves = MOVES.includes(action.do);
  if (moves && action.to === undefined) p(`${path}.to`, `is required for "${action.do}": where to, [x, z] in the hot set's frame`);
  else if (!moves && action.to !== undefined) p(`${path}.to`, `is only used by "walk" and "dolly"; "${action.do}" would ignore it`);
  else if (action.to !== undefined) {
    const at = placeOnHotSet(scope.set, scope.hotSet, action.to, HOT_SET_MARGIN.figure);
    if (!at.inside) p(`${path}.to`, `takes "${action.who}" to ${at.world} on the stage, outside the soundstage walls (keep ${HOT_SET_MARGIN.figure} m inside)`);
  }
  if (action.do === 'turn') {
    if (action.facing === undefined && action.target === undefined) p(path, '"turn" needs "facing" (degrees in the hot set\'s frame) or "target" (a performer to turn toward)');
    else if (action.facing !== undefined && action.target !== undefined) p(path, '"turn" takes "facing" or "target", not both');
  } else if (action.facing !== undefined && action.do !== 'walk') p(`${path}.facing`, `is only used by "turn" and "walk" (a side-step); "${action.do}" would ignore it`);
  const needs = NEEDS_TARGET[action.do];
  if (needs !== undefined && action.target === undefined) p(`${path}.target`, `is required for "${action.do}": ${needs}`);
  if (action.target !== undefined) {
    const target = scope.who.get(action.target);
    if (target?.kind !== 'performer') p(`${path}.target`, `"${action.target}" is not a performer on the hot set (scenes/set.json $.hotSet.performers)`);
    else if (action.target === action.who) p(`${path}.target`, `is "${action.who}", who does the action: a target must be someone else`);
  }
}

/** An action lasts more than 0 s and ends within its step. */
function checkTiming(action: TakeAction, step: TakeStepDef, path: string, p: Report): void {
  const at = action.at ?? 0;
  if (action.seconds !== undefined && action.seconds <= 0) p(`${path}.seconds`, 'must be more than 0 seconds (leave it out to last to the end of the step)');
  else if (action.seconds !== undefined && at + action.seconds > step.seconds + SLACK) {
    p(`${path}.seconds`, `runs to ${secs(at + action.seconds)}, past the end of its step "${step.id}" (${secs(step.seconds)}); shorten it or start it earlier`);
  } else if (at >= step.seconds && step.seconds > 0) p(`${path}.at`, `starts at ${secs(at)}, when its step "${step.id}" (${secs(step.seconds)}) is already over`);
}

/** Checks one language's words of the take: every step and performer has them, with the UI's placeholders. */
export function validateTakeLocale(json: unknown, take: TakeFile, set: SetFile, file: string, code: string): Checked<TakeLocaleFile> {
  const problems: ContentProblem[] = checkSchema(json, takeLocaleSchema as Schema, file);
  if (problems.length > 0) return { ok: false, problems };
  const words = json as TakeLocaleFile;
  const p: Report = (path, message) => {
    problems.push({ file, path, message });
  };
  if (words.locale !== code) p('$.locale', `is "${words.locale}" but the file is for "${code}"`);
  const stepIds = take.steps.map((s) => s.id);
  take.steps.forEach((step, i) => {
    if (!Object.hasOwn(words.steps, step.id)) p(propertyPath('$.steps', step.id), `is missing: step "${step.id}" (${TAKE_FILE} $.steps[${i}]) needs its call and what`);
  });
  const known = new Set(stepIds);
  for (const id of Object.keys(words.steps)) if (!known.has(id)) p(propertyPath('$.steps', id), `"${id}" is not a step in ${TAKE_FILE} (check the spelling)`);
  checkFollow(words, known, set.hotSet?.performers ?? [], p);
  for (const key of TAKE_UI_KEYS) {
    for (const placeholder of TAKE_UI_PLACEHOLDERS[key] ?? []) {
      if (!words.ui[key].includes(placeholder)) p(`$.ui.${key}`, `must contain the placeholder ${placeholder}`);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: words };
}

/** Every performer has a point of view, no one else does, and its steps are the take's. */
function checkFollow(words: TakeLocaleFile, steps: ReadonlySet<string>, performers: readonly PerformerDef[], p: Report): void {
  performers.forEach((performer, i) => {
    if (!Object.hasOwn(words.follow, performer.id)) p(propertyPath('$.follow', performer.id), `is missing: performer "${performer.id}" (scenes/set.json $.hotSet.performers[${i}]) needs their intro, idle and steps`);
  });
  const ids = new Set(performers.map((performer) => performer.id));
  for (const [id, follow] of Object.entries(words.follow)) {
    const base = propertyPath('$.follow', id);
    if (!ids.has(id)) p(base, `"${id}" is not a performer on the hot set in scenes/set.json (check the spelling)`);
    for (const step of Object.keys(follow.steps)) {
      if (!steps.has(step)) p(propertyPath(`${base}.steps`, step), `"${step}" is not a step in ${TAKE_FILE} (check the spelling)`);
    }
  }
}
