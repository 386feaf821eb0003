import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditActivities, validateActivities, validateActivityWords, type ReadParsed } from '../../src/content/activities-check';
import { ACTIVITIES_FILE, ACTIVITY_KINDS, activityFile, activityWordsFile, type ActivitiesFile, type ActivityDef } from '../../src/content/activity-types';
import type { ContentProblem, SetFile } from '../../src/content/types';
import type { Checked } from '../../src/content/validate';
import { contentVerdict } from '../../src/offline/content-check';
import { SPECS } from '../../src/activities/specs';
import type { ActivityWords } from '../../src/activities/types';

/**
 * The activities' index (scenes/activities.json) and the rules every kind's words share: each case
 * breaks one thing in a copy of the shipped files and expects the problem at its file and JSON path.
 * Each kind's own settings are tested in tests/unit/activity-<kind>.test.ts.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string): unknown => JSON.parse(readFileSync(`${ROOT}${file}`, 'utf8'));
const set = (): SetFile => structuredClone(read('scenes/set.json')) as SetFile;
const index = (): { -readonly [K in keyof ActivitiesFile]: ActivitiesFile[K] extends readonly (infer T)[] ? T[] : ActivitiesFile[K] } => structuredClone(read(ACTIVITIES_FILE)) as never;
const defs = (): readonly ActivityDef[] => (read(ACTIVITIES_FILE) as ActivitiesFile).activities;
const words = (def: ActivityDef, code = 'en'): { -readonly [K in keyof ActivityWords]: ActivityWords[K] } & { text: Record<string, string> } => structuredClone(read(activityWordsFile(def.id, code))) as never;

function problemsOf(result: Checked<unknown>): readonly ContentProblem[] {
  if (result.ok) throw new Error('expected the content to be rejected, but it was accepted');
  return result.problems;
}
const at = (problems: readonly ContentProblem[]): string[] => problems.map((p) => `${p.file} ${p.path}`);

/** The shipped files as the audit reads them (null: not there). */
const readShipped: ReadParsed = async (file) => (existsSync(`${ROOT}${file}`) ? { ok: true, value: read(file) } : null);

describe('the shipped activities', () => {
  it('pass every check: index, settings, words in every language', async () => {
    expect(await auditActivities(readShipped, set())).toEqual([]);
  });
  it('cover the six kinds the issue asks for, each at its station', () => {
    expect(defs().map((d) => [d.kind, d.station]).sort()).toEqual([...ACTIVITY_KINDS].map((k) => [k, k === 'continuity' ? 'floor' : k]).sort());
  });
  it('have every word a kind shows, and no other, in English and Spanish', () => {
    for (const def of defs()) {
      for (const code of ['en', 'es']) {
        expect(Object.keys(words(def, code).text).sort(), `${def.id} ${code}`).toEqual([...SPECS[def.kind].words].sort());
      }
    }
  });
});

describe('scenes/activities.json problems name the file and the JSON path', () => {
  it('1. an unknown station', () => {
    const j = index();
    j.activities[0] = { ...j.activities[0]!, station: 'canteen' };
    expect(at(problemsOf(validateActivities(j, set())))).toEqual([`${ACTIVITIES_FILE} $.activities[0].station`]);
  });
  it('2. two activities at one station', () => {
    const j = index();
    j.activities[1] = { ...j.activities[1]!, station: j.activities[0]!.station };
    const problems = problemsOf(validateActivities(j, set()));
    expect(at(problems)).toEqual([`${ACTIVITIES_FILE} $.activities[1].station`]);
    expect(problems[0]!.message).toMatch(/one activity a station/);
  });
  it('3. a repeated id', () => {
    const j = index();
    j.activities[2] = { ...j.activities[2]!, id: j.activities[0]!.id };
    expect(at(problemsOf(validateActivities(j, set())))).toContain(`${ACTIVITIES_FILE} $.activities[2].id`);
  });
  it('4. an unknown kind (the schema)', () => {
    const j = index();
    (j.activities[0] as { kind: string }).kind = 'catering';
    expect(at(problemsOf(validateActivities(j, set())))).toEqual([`${ACTIVITIES_FILE} $.activities[0].kind`]);
  });
  it('5. an id that could not name a file', () => {
    const j = index();
    j.activities[0] = { ...j.activities[0]!, id: '../set' };
    expect(at(problemsOf(validateActivities(j, set())))).toEqual([`${ACTIVITIES_FILE} $.activities[0].id`]);
  });
  it('6. a missing settings file and missing words are reported per file', async () => {
    const def = defs()[0]!;
    const problems = await auditActivities(async (file) => (file === activityFile(def.id) || file === activityWordsFile(def.id, 'es') ? null : readShipped(file)), set());
    expect(at(problems)).toEqual([`${activityFile(def.id)} $`, `${activityWordsFile(def.id, 'es')} $`]);
  });
});

describe("an activity's words: problems name the file and the JSON path", () => {
  const def = (): ActivityDef => defs()[0]!;
  const file = (code = 'en'): string => activityWordsFile(def().id, code);
  it('7. a key the kind shows is missing', () => {
    const w = words(def());
    const key = SPECS[def().kind].words[0]!;
    delete w.text[key];
    const problems = problemsOf(validateActivityWords(w, def(), 'en'));
    expect(at(problems)).toEqual([`${file()} $.text`]);
    expect(problems[0]!.message).toContain(key);
  });
  it('8. a key the kind does not show (a typo)', () => {
    const w = words(def());
    w.text.tilte = 'x';
    expect(at(problemsOf(validateActivityWords(w, def(), 'en')))).toEqual([`${file()} $.text["tilte"]`]);
  });
  it('9. a text with nothing visible in it', () => {
    const w = words(def());
    w.goal = ' \u200b ';
    expect(at(problemsOf(validateActivityWords(w, def(), 'en')))).toEqual([`${file()} $.goal`]);
  });
  it('10. the wrong language', () => {
    const w = words(def(), 'es');
    w.locale = 'en';
    expect(at(problemsOf(validateActivityWords(w, def(), 'es')))).toEqual([`${file('es')} $.locale`]);
  });
  it('11. a placeholder the app fills in is missing', () => {
    const withPlaceholder = defs().find((d) => Object.keys(SPECS[d.kind].placeholders ?? {}).length > 0);
    if (!withPlaceholder) return; // no kind has placeholders: nothing to break
    const [key, needed] = Object.entries(SPECS[withPlaceholder.kind].placeholders!)[0]!;
    const w = words(withPlaceholder);
    w.text[key] = 'no placeholder here';
    const problems = problemsOf(validateActivityWords(w, withPlaceholder, 'en'));
    expect(at(problems)).toEqual([`${activityWordsFile(withPlaceholder.id, 'en')} $.text["${key}"]`]);
    expect(problems[0]!.message).toContain(needed[0]);
  });
  it('12. text is never markup: angle brackets are kept as text, not refused or parsed', () => {
    const w = words(def());
    w.title = '<img src=x onerror=alert(1)>';
    expect(validateActivityWords(w, def(), 'en').ok).toBe(true);
  });
});

describe('the service worker keeps a broken activity file out of the offline copy', () => {
  it('refuses an index with an unknown kind and words of the wrong language; passes the shipped ones', () => {
    const j = index();
    (j.activities[0] as { kind: string }).kind = 'catering';
    expect(contentVerdict(ACTIVITIES_FILE, JSON.stringify(j)).ok).toBe(false);
    const d = defs()[0]!;
    const w = words(d, 'es');
    w.locale = 'en';
    expect(contentVerdict(activityWordsFile(d.id, 'es'), JSON.stringify(w)).ok).toBe(false);
    expect(contentVerdict(ACTIVITIES_FILE, readFileSync(`${ROOT}${ACTIVITIES_FILE}`, 'utf8')).ok).toBe(true);
    expect(contentVerdict(activityWordsFile(d.id, 'es'), readFileSync(`${ROOT}${activityWordsFile(d.id, 'es')}`, 'utf8')).ok).toBe(true);
  });
});
