import type { ContentProblem } from './types';

/**
 * Content problems as people read them: one line each ("file path: reason"), a long list capped
 * with a count of the rest, and frozen content. Small and free of the validators, so the error
 * screen and a normal load carry none of the checking code.
 */
/** Capped lists and how many problems they stand for (kept beside the list, not parsed from its text). */
const totals = new WeakMap<readonly ContentProblem[], number>();

/** How many problems are listed before the rest is summed up in one line. */
export const MAX_LISTED_PROBLEMS = 25;

/**
 * The first `max` problems and one line that counts the rest: a broken file can have thousands, and
 * an error screen or terminal that lists them all helps nobody (the first ones are fixed first).
 */
export function capProblems(problems: readonly ContentProblem[], max = MAX_LISTED_PROBLEMS): readonly ContentProblem[] {
  if (problems.length <= max) return problems;
  const rest = problems.slice(max);
  const files = new Set(rest.map((p) => p.file));
  const file = files.size === 1 ? rest[0]!.file : 'scenes/';
  const capped = [...problems.slice(0, max), { file, path: '$', message: `…and ${rest.length} more problem${rest.length === 1 ? '' : 's'}` }];
  totals.set(capped, problems.length);
  return capped;
}

/** How many problems a list stands for: its length, or for a capped list the count before capping. */
export function totalProblems(problems: readonly ContentProblem[]): number {
  return totals.get(problems) ?? problems.length;
}

export function formatProblem(problem: ContentProblem): string {
  return `${problem.file} ${problem.path}: ${problem.message}`;
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
