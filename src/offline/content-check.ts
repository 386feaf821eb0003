import { checkSchema, type Schema } from '../content/schema-check';
import { formatProblem, parseJson, validateSet } from '../content/validate';
import type { ContentProblem } from '../content/types';
import { TAKE_FILE } from '../content/take-types';
import localeSchema from '../../scenes/schema/locale.schema.json';
import lessonSchema from '../../scenes/schema/lesson.schema.json';
import takeSchema from '../../scenes/schema/take.schema.json';
import takeLocaleSchema from '../../scenes/schema/take-locale.schema.json';
import activitiesSchema from '../../scenes/schema/activities.schema.json';
import activityWordsSchema from '../../scenes/schema/activity-words.schema.json';
import { ACTIVITIES_FILE } from '../content/activity-types';

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const CODE = '([a-z]{2,3}(?:-[A-Z]{2})?)';
const LOCALE = new RegExp(`^scenes/locales/${CODE}\\.json$`);
const TAKE_LOCALE = new RegExp(`^scenes/take/${CODE}\\.json$`);
/** An activity's words (scenes/activities/<id>/<code>.json); its settings file only has to parse here. */
const ACTIVITY_WORDS = new RegExp(`^scenes/activities/[a-z][a-z0-9-]*/${CODE}\\.json$`);

/**
 * Whether a content file may replace the offline copy: it must parse and pass the checks a file can
 * pass on its own (the set fully; a locale, the lesson, the take or the take's words against its
 * schema, and a language file must be for the language its name says). Cross-file checks stay with
 * the app, which reports them.
 */
export function contentVerdict(file: string, text: string): Verdict {
  const parsed = parseJson(text, file);
  if (!parsed.ok) return refused(parsed.problems);
  let problems: readonly ContentProblem[] = [];
  const language = LOCALE.exec(file) ?? TAKE_LOCALE.exec(file) ?? ACTIVITY_WORDS.exec(file);
  if (file === 'scenes/set.json') {
    const checked = validateSet(parsed.value, file);
    problems = checked.ok ? [] : checked.problems;
  } else if (language) {
    problems = checkSchema(parsed.value, (LOCALE.test(file) ? localeSchema : TAKE_LOCALE.test(file) ? takeLocaleSchema : activityWordsSchema) as Schema, file);
    const code = (parsed.value as { locale?: unknown }).locale;
    if (problems.length === 0 && code !== language[1]) problems = [{ file, path: '$.locale', message: `is ${JSON.stringify(code)} but the file is for "${language[1]}"` }];
  } else if (file === 'scenes/lesson.json') {
    problems = checkSchema(parsed.value, lessonSchema as Schema, file);
  } else if (file === TAKE_FILE) {
    problems = checkSchema(parsed.value, takeSchema as Schema, file);
  } else if (file === ACTIVITIES_FILE) {
    problems = checkSchema(parsed.value, activitiesSchema as Schema, file);
  }
  return problems.length === 0 ? { ok: true } : refused(problems);
}

function refused(problems: readonly ContentProblem[]): Verdict {
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return { ok: false, reason: `${formatProblem(problems[0]!)}${more}` };
}
