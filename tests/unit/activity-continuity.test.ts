import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateActivityParams, validateActivityWords } from '../../src/content/activities-check';
import type { ActivityDef } from '../../src/content/activity-types';
import type { ContentProblem, SetFile } from '../../src/content/types';
import { ContinuityLogic } from '../../src/activities/continuity/logic';
import { changed, type ContinuityParams, type ItemDef } from '../../src/activities/continuity/params';
import { ContinuityTexts } from '../../src/activities/continuity/texts';
import type { ActivityWords } from '../../src/activities/types';
import { format } from '../../src/ui/dom';

const root = resolve(__dirname, '../..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(resolve(root, file), 'utf8'));
const set = readJson('scenes/set.json') as SetFile;
const def: ActivityDef = { id: 'continuity', kind: 'continuity', station: 'floor' };
const PARAMS_FILE = 'scenes/activities/continuity.json';
const shipped = readJson(PARAMS_FILE) as ContinuityParams;
const en = readJson('scenes/activities/continuity/en.json') as ActivityWords;

/** A deep copy of the shipped settings to break. */
const copy = (): { -readonly [K in keyof ContinuityParams]: ContinuityParams[K] } & { items: ItemDef[] } => JSON.parse(JSON.stringify(shipped));

function problemsOf(json: unknown): ContentProblem[] {
  const checked = validateActivityParams(json, def, set);
  return checked.ok ? [] : [...checked.problems];
}

const paths = (problems: readonly ContentProblem[]): string[] => problems.map((p) => p.path);

describe('continuity: the shipped content', () => {
  it('passes its schema and rules', () => {
    expect(problemsOf(shipped)).toEqual([]);
  });

  it('has its words in every language the set lists', () => {
    for (const code of set.locales) {
      const file = `scenes/activities/continuity/${code}.json`;
      const checked = validateActivityWords(readJson(file), def, code);
      expect(checked.ok ? [] : checked.problems).toEqual([]);
    }
  });

  it('has real changes and decoys', () => {
    const changes = shipped.items.filter(changed).map((i) => i.id);
    expect(changes.sort()).toEqual(['bottle', 'cup', 'glass', 'jacket']);
    expect(shipped.items.length - changes.length).toBeGreaterThanOrEqual(2);
  });
});

describe('continuity: invalid content is reported with its file and path', () => {
  it('an extra field for the kind (a glass has no hand)', () => {
    const bad = copy();
    const glass = bad.items.findIndex((i) => i.id === 'glass');
    (bad.items[glass]!.take2 as Record<string, unknown>).hand = 'left';
    const problems = problemsOf(bad);
    expect(problems).toContainEqual(expect.objectContaining({ file: PARAMS_FILE, path: `$.items[${glass}].take2.hand` }));
  });

  it('a field the kind needs is missing (the jacket in take 1)', () => {
    const bad = copy();
    const jacket = bad.items.findIndex((i) => i.id === 'jacket');
    bad.items[jacket] = { id: 'jacket', take1: {}, take2: { open: true } };
    expect(paths(problemsOf(bad))).toContain(`$.items[${jacket}].take1`);
  });

  it('a move too small to see on the tabletop model', () => {
    const bad = copy();
    const bottle = bad.items.findIndex((i) => i.id === 'bottle');
    const at = bad.items[bottle]!.take1.at!;
    bad.items[bottle] = { id: 'bottle', take1: { at }, take2: { at: [at[0] + 0.05, at[1]] } };
    const problems = problemsOf(bad);
    expect(problems).toContainEqual(expect.objectContaining({ file: PARAMS_FILE, path: `$.items[${bottle}].take2.at` }));
    expect(problems.find((p) => p.path === `$.items[${bottle}].take2.at`)?.message).toMatch(/tabletop/);
  });

  it('an item off the table, and two items standing in each other', () => {
    const bad = copy();
    const plate = bad.items.findIndex((i) => i.id === 'plate');
    const menu = bad.items.findIndex((i) => i.id === 'menu');
    bad.items[plate] = { id: 'plate', take1: { at: [0.4, 0] }, take2: { at: [0.4, 0] } };
    const problems = problemsOf(bad);
    expect(problems).toContainEqual(expect.objectContaining({ path: `$.items[${plate}].take1.at`, message: expect.stringMatching(/falls off/) }));
    // the menu card (at 0.33, -0.19) is now under the plate: the later one of the pair is named
    expect(problems).toContainEqual(expect.objectContaining({ path: `$.items[${Math.max(plate, menu)}].take1.at`, message: expect.stringMatching(/stands in/) }));
  });

  it('no decoy left (every item changes), and a repeated id', () => {
    const bad = copy();
    bad.items = bad.items.filter(changed);
    expect(paths(problemsOf(bad))).toContain('$.items');
    const twice = copy();
    twice.items[6] = twice.items[0]!;
    expect(paths(problemsOf(twice))).toContain('$.items[6].id');
  });

  it('a tableau standing in the station crew, or turned away from the visitor', () => {
    const bad = copy();
    // the script supervisor sits at [0.9, -0.75] in the floor station's frame
    bad.tableau = { ...bad.tableau, at: [0.9, -0.2] };
    expect(problemsOf(bad)).toContainEqual(expect.objectContaining({ path: '$.tableau.at', message: expect.stringMatching(/script-supervisor/) }));
    const away = copy();
    away.tableau = { ...away.tableau, facing: 90 };
    expect(paths(problemsOf(away))).toContain('$.tableau.facing');
  });

  it('the schema: an unknown item id and a fill over 1', () => {
    const bad = JSON.parse(JSON.stringify(shipped)) as { items: { id: string; take2: { fill?: number } }[] };
    bad.items[1]!.id = 'teapot';
    bad.items[0]!.take2.fill = 1.4;
    expect(paths(problemsOf(bad))).toEqual(expect.arrayContaining(['$.items[1].id', '$.items[0].take2.fill']));
  });

  it('words: a missing key and a placeholder a translation dropped', () => {
    const words = JSON.parse(JSON.stringify(en)) as { text: Record<string, string> };
    delete words.text['same.lamp'];
    words.text.wrong = 'Try again.';
    const checked = validateActivityWords(words, def, 'en');
    const problems = checked.ok ? [] : checked.problems;
    expect(problems).toContainEqual(expect.objectContaining({ file: 'scenes/activities/continuity/en.json', path: '$.text', message: expect.stringMatching(/same\.lamp/) }));
    expect(paths(problems)).toContain('$.text["wrong"]');
  });
});

describe('continuity: the logic', () => {
  it('needs take 2 looked at before a pick counts', () => {
    const logic = new ContinuityLogic(shipped.items);
    expect(logic.pick('glass')).toBe('compare-first');
    expect(logic.state.found).toEqual([]);
    expect(logic.showTake('take1')).toBe(false);
    expect(logic.showTake('take2')).toBe(true);
    expect(logic.state.compared).toBe(true);
  });

  it('reaches the goal when every change is noted, in the order found', () => {
    const logic = new ContinuityLogic(shipped.items);
    logic.showTake('take2');
    expect(logic.total).toBe(4);
    for (const id of ['cup', 'glass', 'jacket'] as const) expect(logic.pick(id)).toBe('found');
    expect(logic.done).toBe(false);
    expect(logic.showTake('take1')).toBe(true);
    expect(logic.pick('bottle')).toBe('found');
    expect(logic.done).toBe(true);
    expect(logic.state.found).toEqual(['cup', 'glass', 'jacket', 'bottle']);
  });

  it('a decoy is a miss and changes nothing else; a change noted twice is said once', () => {
    const logic = new ContinuityLogic(shipped.items);
    logic.showTake('take2');
    expect(logic.pick('lamp')).toBe('matches');
    expect(logic.pick('menu')).toBe('matches');
    expect(logic.state.misses).toBe(2);
    expect(logic.state.found).toEqual([]);
    expect(logic.pick('glass')).toBe('found');
    expect(logic.pick('glass')).toBe('already');
    expect(logic.state.found).toEqual(['glass']);
  });

  it('resets to take 1 with empty notes', () => {
    const logic = new ContinuityLogic(shipped.items);
    logic.showTake('take2');
    for (const item of shipped.items) logic.pick(item.id);
    expect(logic.done).toBe(true);
    logic.reset();
    expect(logic.state).toEqual({ take: 'take1', compared: false, found: [], misses: 0 });
    expect(logic.done).toBe(false);
  });
});

describe('continuity: what it says', () => {
  const texts = new ContinuityTexts(en, format);

  it('a right pick fills the notes; the last one adds what the script supervisor does', () => {
    const logic = new ContinuityLogic(shipped.items);
    logic.showTake('take2');
    expect(texts.status(logic.state, logic.total)).toContain('4');
    logic.pick('glass');
    const said = texts.picked('glass', 'found', logic.done);
    expect(said.tone).toBe('good');
    expect(said.text).toContain(en.text['note.glass']);
    expect(texts.status(logic.state, logic.total)).toContain(en.text['note.glass']);
    for (const id of ['bottle', 'jacket', 'cup'] as const) logic.pick(id);
    expect(texts.picked('cup', 'found', logic.done).text).toContain(en.done);
  });

  it('a wrong pick says why it matches and why that matters to the editor', () => {
    const said = texts.picked('lamp', 'matches', false);
    expect(said.tone).toBe('bad');
    expect(said.text).toContain(en.text['same.lamp']);
    expect(said.text).toMatch(/editor/i);
    expect(said.text).not.toMatch(/\{why\}/);
  });
});
