import type { AppContext } from '../app/context';
import { Disposables, type Disposer } from '../app/disposables';
import { loadLesson } from '../content/lesson';
import { formatProblem, totalProblems } from '../content/problems';
import { LessonUi } from './lesson-ui';

/**
 * The classroom lesson (?mode=lesson; a lazy chunk, with scenes/lesson.json fetched only in this
 * mode). A broken lesson file is reported by file and path, and the tour carries on without it.
 */
export async function install(ctx: AppContext): Promise<Disposer> {
  const { content, analytics, tour, hud } = ctx;
  const d = new Disposables();
  analytics.start('lesson', content.locale.locale);
  d.add(() => analytics.end('closed'));
  const lesson = await loadLesson(ctx.read, content);
  // Without the activities feature (or with no activities in the set) the lesson counts stations only.
  const activities = () => ctx.services.activities?.loaded() ?? Promise.resolve(null);
  if (lesson.ok) new LessonUi({ content, lesson: lesson.value, tour, hud, tracker: analytics, requested: ctx.params.stations, d, activities });
  else {
    for (const problem of lesson.problems) console.warn(`Backlot: ${formatProblem(problem)}`);
    hud.showNotice(`${formatProblem(lesson.problems[0]!)}${lesson.problems.length > 1 ? ` (+${totalProblems(lesson.problems) - 1})` : ''}`, 30_000);
  }
  analytics.onState(tour.state!);
  return () => d.dispose();
}
