import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as THREE from 'three';
import setSchema from '../../scenes/schema/set.schema.json';
import { loadContent, type ContentResult } from '../../src/content/load';
import { auditContent } from '../../src/content/audit';
import { loadLesson, validateLesson, type LessonFile } from '../../src/content/lesson';
import { capProblems, contentWarnings, totalProblems, MAX_LISTED_PROBLEMS, parseJson, placeInStation, SHIPPED_STAFF_PIN, validateLocale, validateSet, type Checked } from '../../src/content/validate';
import type { ContentProblem, LocaleFile, SetFile } from '../../src/content/types';
import { format } from '../../src/ui/dom';
import { memoryReader, nth, validFiles, validLocale, validSet, validSetValue } from './fixtures';

const SET = 'scenes/set.json';
const EN = 'scenes/locales/en.json';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const readShipped = async (file: string): Promise<string | null> => {
  try {
    return readFileSync(`${ROOT}${file}`, 'utf8');
  } catch {
    return null;
  }
};

function problemsOf(result: Checked<unknown> | ContentResult): readonly ContentProblem[] {
  if (result.ok) throw new Error('expected the content to be rejected, but it was accepted');
  return result.problems;
}
const problem = (file: string, path: string, fragment: string): unknown => ({ file, path, message: expect.stringContaining(fragment) });

/** JSON text with an extra member spliced into the first object after `anchor` (so "__proto__" stays an own key). */
const withMember = (value: unknown, anchor: string, member: string): unknown => JSON.parse(JSON.stringify(value).replace(anchor, `${anchor}${member},`));

describe('keys named like Object.prototype members are ordinary keys', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('"%s" at the top of set.json is an unknown property', (key) => {
    const set = withMember(validSet(), '{', `"${key}": 1`);
    expect(Object.hasOwn(set as object, key)).toBe(true);
    expect(problemsOf(validateSet(set))).toEqual([problem(SET, `$.${key}`, 'is not a known property')]);
  });

  it('"constructor" and "__proto__" inside a station are unknown properties too', () => {
    const set = withMember(validSet(), '"stations":[{', '"constructor": {}, "__proto__": []');
    expect(problemsOf(validateSet(set))).toEqual([
      problem(SET, '$.stations[0].constructor', 'is not a known property'),
      problem(SET, '$.stations[0].__proto__', 'is not a known property'),
    ]);
  });

  it('"constructor" in a locale\'s ui is an unknown UI key; "__proto__" as a station text key is not an id', () => {
    const loc = withMember(withMember(validLocale(), '"ui":{', '"constructor": "x"'), '"stations":{', '"__proto__": {"title": "T"}');
    const problems = problemsOf(validateLocale(loc, validSetValue(), EN));
    expect(problems).toContainEqual(problem(EN, '$.ui.constructor', 'is not a known property'));
    expect(problems).toContainEqual(problem(EN, '$.stations.__proto__', 'the name "__proto__" does not match'));
  });

  it('a required key is not found on the prototype: "constructor" required in an empty object', () => {
    expect(problemsOf(validateSet({}))).toContainEqual(problem(SET, '$.version', 'is required but missing'));
  });

  it('format() fills only its own values', () => {
    const values = { title: 'Camera', n: 3 };
    expect(format('{title} {n}', values)).toBe('Camera 3');
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) expect(format(`a {${key}} b`, values)).toBe(`a {${key}} b`);
    expect(format('{missing}', values)).toBe('{missing}');
  });
});

describe('text must contain a visible character', () => {
  it.each([
    ['spaces', '     '],
    ['tabs and line breaks', '\t\n\r\n'],
    ['no-break and ideographic spaces', '\u00a0\u3000\u2003'],
    ['zero-width characters', '\u200b\u200c\u200d\u2060\ufeff'],
    ['direction marks', '\u200e\u200f\u202b\u202c'],
  ])('a UI string of only %s is rejected', (_what, text) => {
    const loc = validLocale();
    loc.ui.close = text;
    expect(problemsOf(validateLocale(loc, validSetValue(), EN))).toEqual([problem(EN, '$.ui.close', 'is refused: text needs at least one visible character (not only spaces')]);
  });

  it('a long explanation of only whitespace (it would draw as a tall empty panel) is rejected', () => {
    const loc = validLocale();
    loc.stations.camera = { ...loc.stations.camera!, explanation: ' \n'.repeat(200) };
    const problems = problemsOf(validateLocale(loc, validSetValue(), EN));
    expect(problems).toEqual([problem(EN, '$.stations.camera.explanation', 'is refused: text needs at least one visible character')]);
    // The message quotes a shortened value, not 400 characters of whitespace.
    expect(nth(problems, 0).message.length).toBeLessThan(300);
  });

  it('text with one visible character among spaces, in any script, passes', () => {
    for (const text of ['  x  ', 'カメラ', 'كاميرا', '🎬', '\u200bA']) {
      const loc = validLocale();
      loc.ui.close = text;
      expect(validateLocale(loc, validSetValue(), EN).ok, text).toBe(true);
    }
  });

  it('an empty string says "must not be empty" once, not also "does not match"; a number says "must be a string" once', () => {
    const loc = validLocale();
    loc.ui.close = '';
    Object.assign(loc.ui, { next: 5 });
    expect(problemsOf(validateLocale(loc, validSetValue(), EN))).toEqual([problem(EN, '$.ui.close', 'must not be empty'), problem(EN, '$.ui.next', 'must be a string, found number 5')]);
  });
});

describe('duplicate ids of every kind', () => {
  it('a locale listed twice', () => {
    const set = validSet();
    set.locales = ['en', 'es', 'en'];
    expect(problemsOf(validateSet(set))).toEqual([problem(SET, '$.locales[2]', 'string "en" is listed twice (first at index 0)')]);
  });

  it('an attract station listed twice', () => {
    const set = validSet();
    set.kiosk = { attractStations: ['camera', 'edit-suite', 'camera'] };
    expect(problemsOf(validateSet(set))).toEqual([problem(SET, '$.kiosk.attractStations[2]', '"camera" is listed twice (first at index 0)')]);
  });

  it('a key given twice in one object of the JSON text (JSON.parse would keep only the last)', () => {
    const text = '{\n  "stations": {\n    "camera": {"title": "A"},\n    "camera": {"title": "B"}\n  },\n  "a": [{"x": 1, "x": 2}]\n}';
    expect(problemsOf(parseJson(text, EN))).toEqual([
      problem(EN, '$.stations.camera', 'is given twice in the same object (again at line 4, column 5)'),
      problem(EN, '$.a[0].x', 'is given twice'),
    ]);
    expect(parseJson('{"a": {"x": 1}, "b": {"x": 1}}', EN).ok).toBe(true);
  });

  it('a locale file with a station text pasted twice fails to load, naming the key', async () => {
    const files = validFiles();
    files[EN] = JSON.stringify(validLocale(), null, 2).replace('"stations": {', '"stations": {\n    "camera": { "title": "Old" },');
    expect(problemsOf(await loadContent(memoryReader(files)))).toEqual([problem(EN, '$.stations.camera', 'is given twice')]);
  });

  it('JSON nested thousands of levels deep is refused, not a stack overflow', () => {
    const text = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    expect(problemsOf(parseJson(text, SET))).toEqual([problem(SET, '$', 'nested more than 200 levels deep')]);
    expect(problemsOf(parseJson(`${'['.repeat(5000)}`, SET))).toEqual([problem(SET, '$', 'is not valid JSON (line 1, column 201): nested more than 200 levels deep')]);
  });
});

describe('the lesson: own-property lookups and duplicate ids', () => {
  const shipped = async (): Promise<{ lesson: LessonFile; set: SetFile; locale: LocaleFile }> => {
    const loaded = await loadContent(readShipped, 'en');
    if (!loaded.ok) throw new Error('shipped content should load');
    return { lesson: JSON.parse((await readShipped('scenes/lesson.json'))!) as LessonFile, set: loaded.content.set, locale: structuredClone(loaded.content.locale) };
  };
  type Writable = { -readonly [K in keyof LessonFile]: LessonFile[K] extends readonly (infer T)[] ? { -readonly [P in keyof T]: T[P] }[] : LessonFile[K] };

  it('a question id "constructor" without text is reported, not a TypeError', async () => {
    const { lesson, set, locale } = await shipped();
    const broken = structuredClone(lesson) as Writable;
    broken.quiz[0]!.id = 'constructor';
    expect(() => validateLesson(broken, set, locale, EN)).not.toThrow();
    expect(problemsOf(validateLesson(broken, set, locale, EN))).toEqual(
      expect.arrayContaining([problem(EN, '$.lesson.quiz.constructor', 'has no text for question "constructor"'), problem(EN, '$.lesson.quiz["stages-in-order"]', '"stages-in-order" is not a question in scenes/lesson.json')]),
    );
  });

  it('objective, point and question ids "constructor"/"to-string" with their text pass', async () => {
    const { lesson, set, locale } = await shipped();
    const renamed = structuredClone(lesson) as Writable;
    const text = (locale as unknown as { lesson: { objectives: Record<string, string>; points: Record<string, string>; quiz: Record<string, unknown> } }).lesson;
    const move = (map: Record<string, unknown>, from: string, to: string): void => {
      map[to] = map[from];
      delete map[from];
    };
    move(text.objectives, renamed.objectives[0]!, 'constructor');
    renamed.objectives[0] = 'constructor';
    move(text.quiz, renamed.quiz[0]!.id, 'constructor');
    renamed.quiz[0]!.id = 'constructor';
    expect(validateLesson(renamed, set, locale, EN)).toMatchObject({ ok: true });
  });

  it('duplicate point ids, question ids, objectives, lesson stations and covered points', async () => {
    const { lesson, set, locale } = await shipped();
    const broken = structuredClone(lesson) as Writable;
    broken.points.push({ ...broken.points[0]! });
    broken.quiz[3]!.id = broken.quiz[1]!.id;
    expect(problemsOf(validateLesson(broken, set, locale, EN))).toEqual([
      problem('scenes/lesson.json', '$.points[9].id', 'point id "four-stages" is used twice (first at index 0)'),
      problem('scenes/lesson.json', '$.quiz[3].id', `question id "${lesson.quiz[1]!.id}" is used twice (first at index 1)`),
      problem(EN, `$.lesson.quiz["${lesson.quiz[3]!.id}"]`, 'is not a question in scenes/lesson.json'),
    ]);
    const lists = structuredClone(lesson) as Writable;
    lists.objectives.push(lists.objectives[1]!);
    lists.stations = ['camera', 'ai', 'camera'];
    lists.quiz[0]!.covers = ['four-stages', 'four-stages'];
    expect(problemsOf(validateLesson(lists, set, locale, EN))).toEqual([
      problem('scenes/lesson.json', '$.objectives[4]', '"departments" is listed twice (first at index 1)'),
      problem('scenes/lesson.json', '$.quiz[0].covers[1]', 'is listed twice (first at index 0)'),
      problem('scenes/lesson.json', '$.stations[2]', '"camera" is listed twice (first at index 0)'),
    ]);
  });

  it('a teacher\'s stations in lesson.json are allowed by the schema (the README offers them)', async () => {
    const { lesson, set, locale } = await shipped();
    expect(validateLesson({ ...lesson, stations: ['camera', 'ai'] }, set, locale, EN)).toMatchObject({ ok: true });
  });

  it('loadLesson caps a long list of problems', async () => {
    const { lesson, set, locale } = await shipped();
    const broken = structuredClone(lesson) as Writable;
    // Every point of an unknown kind, every answer out of range and every station not an id.
    const total = broken.points.length + 2 * broken.quiz.length;
    broken.points.forEach((pt) => (pt.kind = 'nope' as 'note'));
    broken.quiz.forEach((q) => (q.answer = 9));
    broken.quiz.forEach((q) => (q.station = 'No Where'));
    const result = await loadLesson(async () => JSON.stringify(broken), { set, locale });
    const problems = problemsOf(result);
    expect(problems).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(problems.at(-1)).toEqual({ file: 'scenes/lesson.json', path: '$', message: `…and ${total - MAX_LISTED_PROBLEMS} more problems` });
  });
});

describe('props and crew stand inside the walls', () => {
  it('a prop pushed through the back wall is named by its JSON path', () => {
    const set = validSet();
    // Camera station at (0, -5), facing 0; the soundstage is 20 m deep (|z| ≤ 10 - 0.3).
    nth(nth(set.stations, 1).props, 1).at = [1, -4.8];
    expect(problemsOf(validateSet(set))).toEqual([problem(SET, '$.stations[1].props[1].at', 'puts the clapperboard at (1.0, -9.8), outside the soundstage walls (keep it 0.3 m inside)')]);
  });

  it('a crew member placed outside, found through the station\'s facing', () => {
    const set = validSet();
    // Facing 90: the station's own +z points along world +x. 5.2 m "in front" of (10, -4) is x = 15.2 > 15 - 0.3.
    Object.assign(nth(set.stations, 2), { facing: 90, viewDistance: 1 });
    nth(nth(set.stations, 2).crew, 0).at = [0, 5.2];
    expect(problemsOf(validateSet(set))).toEqual([problem(SET, '$.stations[2].crew[0].at', 'puts the editor at (15.2, -4.0), outside the soundstage walls')]);
    // The same offset without the turn would be inside: the facing is what puts it out.
    nth(nth(set.stations, 2).crew, 0).at = [5.2, 0];
    expect(validateSet(set).ok).toBe(true);
  });

  it('placeInStation is the placement build-set.ts makes (MeshBuilder matrices and applyAxisAngle)', () => {
    for (const [position, facing, at] of [[[3, -2], 0, [1, 2]], [[-7, 4], 90, [0.5, -1]], [[10, -4], -30, [0, 0.6]], [[0, 0], 215, [-2.5, 1.25]]] as const) {
      const yaw = (facing * Math.PI) / 180;
      const viaMatrix = new THREE.Vector3().applyMatrix4(
        new THREE.Matrix4().makeTranslation(position[0], 0, position[1]).multiply(new THREE.Matrix4().makeRotationY(yaw)).multiply(new THREE.Matrix4().makeTranslation(at[0], 0, at[1])),
      );
      const viaAxis = new THREE.Vector3(at[0], 0, at[1]).applyAxisAngle(THREE.Object3D.DEFAULT_UP, yaw).add(new THREE.Vector3(position[0], 0, position[1]));
      const [x, z] = placeInStation({ position, facing }, at);
      for (const v of [viaMatrix, viaAxis]) {
        expect(x).toBeCloseTo(v.x, 9);
        expect(z).toBeCloseTo(v.z, 9);
      }
    }
  });
});

describe('bounded counts and lengths', () => {
  it('too many locales, stations texts and an id too long', () => {
    const set = validSet();
    set.locales = Array.from({ length: 21 }, (_, i) => `l${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
    set.defaultLocale = set.locales[0]!;
    nth(set.roles, 0).department = `a${'-b'.repeat(40)}`;
    expect(problemsOf(validateSet(set))).toEqual([
      problem(SET, '$.locales', 'must have at most 20 item(s), found 21'),
      problem(SET, '$.roles[0].department', 'must be at most 60 characters, found 81'),
    ]);
    const loc = validLocale();
    for (let i = 0; i < 41; i++) loc.departments[`d${i}`] = 'Dept';
    expect(problemsOf(validateLocale(loc, validSetValue(), EN))).toContainEqual(problem(EN, '$.departments', 'must have at most 40 entries, found 43'));
  });

  it('the limits are said in the schema descriptions', () => {
    expect(setSchema.description).toMatch(/at most 20 locales, 12 stages, 40 departments, 120 roles, 40 stations \(each with at most 16 props and 8 crew members\)/);
  });
});

describe('a capped list of problems', () => {
  const many = (n: number, file = SET): ContentProblem[] => Array.from({ length: n }, (_, i) => ({ file, path: `$.x[${i}]`, message: 'bad' }));

  it('lists the first 25 and one line for the rest, in the same file', () => {
    const capped = capProblems(many(65));
    expect(capped).toHaveLength(26);
    expect(capped.slice(0, 25)).toEqual(many(25));
    expect(capped[25]).toEqual({ file: SET, path: '$', message: '…and 40 more problems' });
    expect(capProblems(many(26))[25]).toEqual({ file: SET, path: '$', message: '…and 1 more problem' });
    expect(capProblems(many(25))).toEqual(many(25));
  });

  it('totalProblems says how many a capped list stands for (for "N problems" on the error screen)', () => {
    expect(totalProblems(capProblems(many(65)))).toBe(65);
    expect(totalProblems(capProblems(many(3)))).toBe(3);
    expect(totalProblems(many(30))).toBe(30);
  });

  it('names scenes/ when the rest spans files', () => {
    expect(capProblems([...many(25), ...many(2), ...many(3, EN)]).at(-1)).toEqual({ file: 'scenes/', path: '$', message: '…and 5 more problems' });
  });

  it('loadContent returns the capped list to the app', async () => {
    const files = validFiles();
    const loc = validLocale();
    for (const key of Object.keys(loc.ui).slice(0, 60)) (loc.ui as Record<string, string>)[key] = ' ';
    files[EN] = loc;
    const problems = problemsOf(await loadContent(memoryReader(files)));
    expect(problems).toHaveLength(26);
    expect(problems[25]).toEqual({ file: EN, path: '$', message: '…and 35 more problems' });
  });
});

describe('the kiosk PIN warning', () => {
  it('warns while the PIN is the shipped default, and only then', () => {
    const set = validSet();
    set.kiosk = { staffPin: SHIPPED_STAFF_PIN };
    expect(contentWarnings(set)).toEqual([problem(SET, '$.kiosk.staffPin', 'The PIN is visible to anyone who can load the site and is a lock against visitors, not a secret.')]);
    set.kiosk = { staffPin: '90817' };
    expect(contentWarnings(set)).toEqual([]);
    expect(contentWarnings(validSet())).toEqual([]);
  });

  it('the schema says the same to editors', () => {
    expect(setSchema.properties.kiosk.properties.staffPin.description).toContain('The PIN is visible to anyone who can load the site and is a lock against visitors, not a secret.');
  });

  it('the shipped scenes/ are valid, with the PIN warning', async () => {
    const audit = await auditContent(readShipped);
    expect(audit.problems).toEqual([]);
    expect(audit.warnings).toEqual([problem(SET, '$.kiosk.staffPin', `is still the shipped default "${SHIPPED_STAFF_PIN}"`)]);
  });
});
