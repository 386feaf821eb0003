import { describe, expect, it } from 'vitest';
import { activitiesDone, lessonStations, quizFor, QuizRun, stagesOf } from '../../src/lesson/quiz';
import type { LessonFile } from '../../src/content/lesson';
import { validSet } from './fixtures';
import type { SetFile } from '../../src/content/types';

const set = validSet() as unknown as SetFile;
const ids = set.tour;
const lesson: LessonFile = {
  version: 1,
  objectives: ['o'],
  points: [{ id: 'p', kind: 'takeaway' }],
  quiz: [
    { id: 'q1', station: ids[0]!, answer: 2, covers: ['p'] },
    { id: 'q2', station: ids[1]!, answer: 0, covers: ['p'] },
  ],
};

describe('lesson stations', () => {
  it('a teacher\'s list wins, unknown ids are reported, an empty result falls back to the tour', () => {
    expect(lessonStations(set, lesson, [ids[1]!, 'nope', ids[0]!])).toEqual({ order: [ids[1], ids[0]], unknown: ['nope'] });
    expect(lessonStations(set, { ...lesson, stations: [ids[0]!] }, null).order).toEqual([ids[0]]);
    expect(lessonStations(set, lesson, null).order).toEqual([...ids]);
    expect(lessonStations(set, lesson, ['nope']).order).toEqual([...ids]);
  });

  it('counts the production stages of the stations visited', () => {
    const stages = new Set(set.stations.map((s) => s.stage));
    expect(stagesOf(set, ids)).toBe(stages.size);
    expect(stagesOf(set, [])).toBe(0);
  });

  it('asks the questions of the lesson\'s stations, or all when none match', () => {
    expect(quizFor(lesson, [ids[1]!]).map((q) => q.id)).toEqual(['q2']);
    expect(quizFor(lesson, ['elsewhere']).map((q) => q.id)).toEqual(['q1', 'q2']);
  });
});

describe('hands-on activities in the lesson', () => {
  const list = [{ id: 'light-a-face', station: ids[0]! }, { id: 'boom', station: ids[1]! }, { id: 'far', station: 'elsewhere' }];

  it('counts only the activities at the lesson\'s stations, and only those done', () => {
    expect(activitiesDone(list, [ids[0]!, ids[1]!], [])).toEqual({ done: 0, total: 2 });
    expect(activitiesDone(list, [ids[0]!, ids[1]!], ['boom'])).toEqual({ done: 1, total: 2 });
    expect(activitiesDone(list, [ids[1]!], ['light-a-face', 'boom', 'far'])).toEqual({ done: 1, total: 1 });
  });

  it('a done id that is not on the list (a removed activity) is not counted; no activities: 0 of 0', () => {
    expect(activitiesDone(list, [ids[0]!], ['gone', 'light-a-face'])).toEqual({ done: 1, total: 1 });
    expect(activitiesDone([], [...ids], ['boom'])).toEqual({ done: 0, total: 0 });
  });
});

describe('a quiz run', () => {
  it('takes the first answer, moves on only when answered, and scores', () => {
    const run = new QuizRun(lesson.quiz);
    run.next();
    expect(run.current?.id).toBe('q1');
    expect(run.answer(1)).toEqual({ question: 'q1', choice: 1, correct: false });
    expect(run.answer(2)).toBeNull();
    run.next();
    expect(run.answer(0)?.correct).toBe(true);
    run.next();
    expect(run.done).toBe(true);
    expect(run.correct).toBe(1);
  });
});
