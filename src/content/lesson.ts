import { checkSchema, propertyPath, type Schema } from './schema-check';
import lessonSchema from '../../scenes/schema/lesson.schema.json';
import type { ContentProblem, LocaleFile, SetFile } from './types';
import { parseJson, type Checked } from './validate';

/** scenes/lesson.json: the classroom lesson's structure (its text is in each locale's "lesson"). */
export interface LessonFile {
  readonly $schema?: string;
  readonly version: 1;
  /** The seed's "what you will learn", one id each. */
  readonly objectives: readonly string[];
  /** Key takeaways and things to note; every one is covered by at least one quiz question. */
  readonly points: readonly { readonly id: string; readonly kind: 'takeaway' | 'note' }[];
  readonly quiz: readonly QuizQuestion[];
  /** A teacher's choice of stations and their order (default: the whole tour). */
  readonly stations?: readonly string[];
}

export interface QuizQuestion {
  readonly id: string;
  /** The station that teaches the answer: wrong answers send the learner back there. */
  readonly station: string;
  /** Index of the correct choice. */
  readonly answer: number;
  readonly covers: readonly string[];
}

export interface LessonText {
  readonly objectives: Readonly<Record<string, string>>;
  readonly points: Readonly<Record<string, string>>;
  readonly quiz: Readonly<Record<string, { readonly question: string; readonly choices: readonly string[]; readonly feedback: string }>>;
}

export const LESSON_FILE = 'scenes/lesson.json';

/**
 * Checks lesson.json against its schema, the set (stations exist) and one locale's text (every
 * objective, point and question has text; choices line up with the answer). Every point must be
 * covered by a question, so the quiz always reaches every takeaway and note.
 */
export function validateLesson(raw: unknown, set: SetFile, locale: LocaleFile, localeFile: string, file = LESSON_FILE): Checked<LessonFile> {
  const problems = checkSchema(raw, lessonSchema as Schema, file);
  if (problems.length > 0) return { ok: false, problems };
  const lesson = raw as LessonFile;
  const out: ContentProblem[] = [];
  const p = (f: string, path: string, message: string): void => {
    out.push({ file: f, path, message });
  };
  const stations = new Set(set.stations.map((s) => s.id));
  const points = new Set(lesson.points.map((x) => x.id));
  const covered = new Set<string>();
  lesson.stations?.forEach((id, i) => {
    if (!stations.has(id)) p(file, `$.stations[${i}]`, `"${id}" is not a station id`);
  });
  const text = (locale as LocaleFile & { lesson?: LessonText }).lesson;
  if (!text) {
    p(localeFile, '$', 'has no "lesson" text (objectives, points and quiz for scenes/lesson.json)');
    return { ok: false, problems: out };
  }
  lesson.objectives.forEach((id, i) => {
    if (!text.objectives[id]) p(localeFile, propertyPath('$.lesson.objectives', id), `has no text for objective "${id}" (scenes/lesson.json $.objectives[${i}])`);
  });
  lesson.points.forEach((pt) => {
    if (!text.points[pt.id]) p(localeFile, propertyPath('$.lesson.points', pt.id), `has no text for point "${pt.id}"`);
  });
  lesson.quiz.forEach((q, i) => {
    if (!stations.has(q.station)) p(file, `$.quiz[${i}].station`, `"${q.station}" is not a station id`);
    q.covers.forEach((c, j) => {
      if (!points.has(c)) p(file, `$.quiz[${i}].covers[${j}]`, `"${c}" is not a point id`);
      covered.add(c);
    });
    const t = text.quiz[q.id];
    if (!t) p(localeFile, propertyPath('$.lesson.quiz', q.id), `has no text for question "${q.id}"`);
    else if (q.answer >= t.choices.length) p(file, `$.quiz[${i}].answer`, `is ${q.answer}, but question "${q.id}" has ${t.choices.length} choices in ${localeFile}`);
  });
  lesson.points.forEach((pt, i) => {
    if (!covered.has(pt.id)) p(file, `$.points[${i}]`, `"${pt.id}" is not covered by any quiz question`);
  });
  return out.length > 0 ? { ok: false, problems: out } : { ok: true, value: lesson };
}

/** Loads scenes/lesson.json and checks it against the loaded content's set and language. */
export async function loadLesson(read: (file: string) => Promise<string | null>, content: { readonly set: SetFile; readonly locale: LocaleFile }): Promise<Checked<LessonFile>> {
  let text: string | null;
  try {
    text = await read(LESSON_FILE);
  } catch (err) {
    return { ok: false, problems: [{ file: LESSON_FILE, path: '$', message: `could not be read: ${err instanceof Error ? err.message : String(err)}` }] };
  }
  if (text === null) return { ok: false, problems: [{ file: LESSON_FILE, path: '$', message: 'is missing (not found)' }] };
  const parsed = parseJson(text, LESSON_FILE);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  return validateLesson(parsed.value, content.set, content.locale, `scenes/locales/${content.locale.locale}.json`);
}
