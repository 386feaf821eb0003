import type { LessonFile, QuizQuestion } from '../content/lesson';
import type { SetFile } from '../content/types';

/**
 * The lesson's logic, without DOM: which stations and in what order (a teacher's URL list, else
 * lesson.json's, else the whole tour), the stages they cover, and a run through the quiz.
 */
export function lessonStations(set: SetFile, lesson: LessonFile, requested: readonly string[] | null): { order: string[]; unknown: string[] } {
  const known = new Set(set.stations.map((s) => s.id));
  const wanted = requested ?? lesson.stations ?? set.tour;
  const order = wanted.filter((id) => known.has(id));
  const unknown = wanted.filter((id) => !known.has(id));
  return { order: order.length > 0 ? order : [...set.tour], unknown };
}

/** Production stages among the given stations (each counted once). */
export function stagesOf(set: SetFile, stations: readonly string[]): number {
  const stageOf = new Map(set.stations.map((s) => [s.id, s.stage]));
  return new Set(stations.map((id) => stageOf.get(id)).filter(Boolean)).size;
}

/**
 * The hands-on activities at the lesson's stations and how many of them are done. Ids in `done`
 * that are not on the list (an activity since removed from the set) are not counted.
 */
export function activitiesDone(list: readonly { readonly id: string; readonly station: string }[], order: readonly string[], done: readonly string[]): { done: number; total: number } {
  const here = list.filter((a) => order.includes(a.station));
  return { done: here.filter((a) => done.includes(a.id)).length, total: here.length };
}

/** The questions for a lesson: those its stations teach, or all of them if none match. */
export function quizFor(lesson: LessonFile, order: readonly string[]): readonly QuizQuestion[] {
  const here = lesson.quiz.filter((q) => order.includes(q.station));
  return here.length > 0 ? here : lesson.quiz;
}

export interface QuizAnswer {
  readonly question: string;
  readonly choice: number;
  readonly correct: boolean;
}

export class QuizRun {
  private index = 0;
  private readonly answers: QuizAnswer[] = [];

  constructor(readonly questions: readonly QuizQuestion[]) {}

  get current(): QuizQuestion | null {
    return this.questions[this.index] ?? null;
  }

  get position(): number {
    return this.index;
  }

  /** The answer given to the current question, if any. */
  get answered(): QuizAnswer | null {
    const q = this.current;
    return q ? (this.answers.find((a) => a.question === q.id) ?? null) : null;
  }

  get done(): boolean {
    return this.index >= this.questions.length;
  }

  get correct(): number {
    return this.answers.filter((a) => a.correct).length;
  }

  /** First answer counts; answering again is ignored. */
  answer(choice: number): QuizAnswer | null {
    const q = this.current;
    if (!q || this.answered) return null;
    const a = { question: q.id, choice, correct: choice === q.answer };
    this.answers.push(a);
    return a;
  }

  next(): void {
    if (this.answered) this.index++;
  }
}
