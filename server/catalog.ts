/**
 * The ids the server checks messages against (stations, roles, quiz questions and their answers),
 * read from the same content files the app fetches: the served copy first (a museum may have
 * edited the built site's scenes/), else the source folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog, QuizKey } from '../src/classroom/protocol';

interface Ids {
  readonly id: string;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (err) {
    throw new Error(`classroom: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The folder holding scenes/: the built app's if it has one, else the project's. */
export function contentRoot(distDir: string | null, projectDir: string): string {
  return distDir && existsSync(join(distDir, 'scenes', 'set.json')) ? distDir : projectDir;
}

export function loadCatalog(root: string): Catalog {
  const set = readJson(join(root, 'scenes', 'set.json')) as { stations: Ids[]; roles: Ids[]; defaultLocale: string };
  const lesson = readJson(join(root, 'scenes', 'lesson.json')) as { quiz: { id: string; answer: number }[] };
  const locale = readJson(join(root, 'scenes', 'locales', `${set.defaultLocale}.json`)) as { lesson?: { quiz?: Record<string, { choices?: unknown[] }> } };
  const quiz: QuizKey[] = lesson.quiz.map((q) => {
    const choices = locale.lesson?.quiz?.[q.id]?.choices?.length ?? 0;
    if (choices <= q.answer) throw new Error(`classroom: question "${q.id}" has ${choices} choices in ${set.defaultLocale}.json`);
    return { id: q.id, answer: q.answer, choices };
  });
  return { stations: new Set(set.stations.map((s) => s.id)), roles: new Set(set.roles.map((r) => r.id)), quiz };
}
