import type { Disposables } from '../app/disposables';
import type { Content, LocaleFile } from '../content/types';
import type { LessonFile, LessonText } from '../content/lesson';
import type { TourSystem } from '../systems/tour';
import type { TourState } from '../tour/state';
import type { Hud } from '../ui/hud';
import type { VisitTracker } from '../analytics/tracker';
import { fill, format, h } from '../ui/dom';
import { activitiesDone, lessonStations, quizFor, QuizRun, stagesOf } from './quiz';

/** What the lesson needs of the hands-on activities (src/activities/install.ts's ActivitiesControl). */
export interface LessonActivities {
  list(): readonly ActivityAt[];
}

interface ActivityAt {
  readonly id: string;
  readonly station: string;
}

export interface LessonOptions {
  readonly content: Content;
  readonly lesson: LessonFile;
  readonly tour: TourSystem;
  readonly hud: Hud;
  readonly tracker: VisitTracker;
  /** ?stations= from the URL: a teacher's stations and order. */
  readonly requested: readonly string[] | null;
  /** Everything the lesson adds to the page goes through it (the app's teardown). */
  readonly d: Disposables;
  /**
   * Loads the hands-on activities (null: the set has none, or they failed). Asked once the lesson
   * reaches its first station, where the app loads them anyway, so starting a lesson loads no more
   * than before; until they arrive, and without any, the progress counts stations only.
   */
  readonly activities?: () => Promise<LessonActivities | null>;
}

/**
 * Classroom lesson (?mode=lesson): what you will learn, a guided walk through the lesson's
 * stations (Next/Previous follow them) with progress by stations and production stages, a quiz
 * whose feedback points back to the station that teaches each answer, and a completion summary.
 */
export class LessonUi {
  private readonly text: LessonText;
  private readonly order: string[];
  private run: QuizRun;
  private readonly progress: HTMLElement;
  private readonly quizButton: HTMLButtonElement;
  private readonly intro: HTMLDialogElement;
  private readonly quiz: HTMLDialogElement;
  private readonly quizBody: HTMLElement;
  private readonly summary: HTMLDialogElement;
  private readonly summaryBody: HTMLElement;
  /** The set's activities (empty until loaded, and without any: the lesson then reads as before). */
  private activityList: readonly ActivityAt[] = [];
  private activitiesAsked = false;

  constructor(private readonly o: LessonOptions) {
    const { content, lesson, tour, hud } = o;
    const { ui } = content.locale;
    this.text = (content.locale as LocaleFile & { lesson: LessonText }).lesson;
    const picked = lessonStations(content.set, lesson, o.requested);
    this.order = picked.order;
    if (picked.unknown.length > 0) hud.showNotice(format(ui.unknownStation, { id: picked.unknown.join(', ') }));
    this.run = new QuizRun(quizFor(lesson, this.order));
    tour.dispatch({ type: 'setOrder', order: this.order });

    const button = (id: string, label: string, onClick: () => void, cls = ''): HTMLButtonElement => {
      const b = h('button', { type: 'button', id, class: cls }, label);
      b.addEventListener('click', onClick);
      return b;
    };
    this.progress = h('p', { id: 'lesson-progress', class: 'lesson-progress', 'aria-live': 'polite' });
    this.quizButton = button('btn-quiz', ui.startQuiz, () => this.openQuiz());
    const introButton = button('btn-lesson-intro', ui.lessonButton, () => this.intro.showModal());
    const bar = h('div', { class: 'lesson-bar' }, this.progress, this.quizButton);
    hud.slots.tools.prepend(introButton);
    hud.slots.aboveFooter.prepend(bar);
    o.d.add(() => {
      introButton.remove();
      bar.remove();
    });

    this.intro = h('dialog', { id: 'lesson-intro', class: 'panel-dialog lesson-dialog', 'aria-labelledby': 'lesson-intro-title' },
      h('h2', { id: 'lesson-intro-title' }, ui.lessonTitle),
      h('h3', {}, ui.objectivesHeading),
      h('ul', { class: 'objectives' }, ...lesson.objectives.map((id) => h('li', {}, this.text.objectives[id] ?? id))),
      h('ol', { class: 'lesson-stations' }, ...this.order.map((id) => h('li', {}, content.locale.stations[id]?.title ?? id))),
      h('div', { class: 'dialog-actions' }, button('btn-lesson-start', ui.startLesson, () => this.start(), 'primary')),
    );
    this.quizBody = h('div', { class: 'quiz-body' });
    this.quiz = h('dialog', { id: 'quiz', class: 'panel-dialog lesson-dialog', 'aria-labelledby': 'quiz-title' },
      h('h2', { id: 'quiz-title' }, ui.quizTitle),
      this.quizBody,
    );
    this.summaryBody = h('div', { class: 'summary-body' });
    this.summary = h('dialog', { id: 'lesson-summary', class: 'panel-dialog lesson-dialog', 'aria-labelledby': 'lesson-summary-title' },
      h('h2', { id: 'lesson-summary-title' }, ui.summaryTitle),
      this.summaryBody,
      h('div', { class: 'dialog-actions' },
        button('btn-lesson-restart', ui.lessonRestart, () => this.restart(), 'primary'),
        button('btn-lesson-close', ui.lessonClose, () => this.leave()),
      ),
    );
    o.d.append(document.body, this.intro, this.quiz, this.summary);
    o.d.add(tour.subscribe((s) => this.render(s)));
    this.render(tour.state!);
    this.intro.showModal();
  }

  private askActivities(): void {
    if (this.activitiesAsked || !this.o.activities) return;
    this.activitiesAsked = true;
    void this.o.activities().catch(() => null).then((a) => {
      if (!a || this.o.d.isDisposed) return;
      this.activityList = a.list();
      this.render(this.o.tour.state!);
    });
  }

  private visited(s: TourState): string[] {
    return this.order.filter((id) => s.visited.includes(id));
  }

  /** "{done} of {total} hands-on activities done" for the lesson's stations, or null when they have none. */
  private activitiesLine(s: TourState): string | null {
    const count = activitiesDone(this.activityList, this.order, s.done);
    return count.total > 0 ? format(this.o.content.locale.ui.activitiesProgress, count) : null;
  }

  private render(s: TourState): void {
    if (s.station !== null) this.askActivities();
    const { ui } = this.o.content.locale;
    const visited = this.visited(s);
    const totalStages = stagesOf(this.o.content.set, this.order);
    const stations = format(ui.lessonProgress, { visited: visited.length, total: this.order.length, stages: stagesOf(this.o.content.set, visited), totalStages });
    const activities = this.activitiesLine(s);
    // One line in the bar: a middle dot joins the two counts in any language, with no sentence to translate.
    this.progress.textContent = activities ? `${stations} · ${activities}` : stations;
    const ready = visited.length === this.order.length;
    this.quizButton.classList.toggle('ready', ready);
    this.quizButton.textContent = this.run.position > 0 && !this.run.done ? format(ui.quizProgress, { label: ui.startQuiz, n: this.run.position + 1, total: this.run.questions.length }) : ui.startQuiz;
  }

  private start(): void {
    this.intro.close();
    const s = this.o.tour.state!;
    const next = this.order.find((id) => !s.visited.includes(id)) ?? this.order[0]!;
    this.o.tour.dispatch({ type: 'go', station: next });
  }

  private openQuiz(): void {
    if (this.run.done) {
      this.showSummary();
      return;
    }
    this.renderQuestion();
    if (!this.quiz.open) this.quiz.showModal();
  }

  private renderQuestion(): void {
    const { content } = this.o;
    const { ui } = content.locale;
    const q = this.run.current;
    if (!q) {
      this.quiz.close();
      this.showSummary();
      return;
    }
    const t = this.text.quiz[q.id]!;
    const answered = this.run.answered;
    const choices = t.choices.map((c, i) => {
      const b = h('button', { type: 'button', id: `quiz-choice-${i}`, class: 'quiz-choice' }, c);
      if (answered) {
        b.disabled = true;
        if (i === q.answer) b.classList.add('right');
        if (i === answered.choice && !answered.correct) b.classList.add('wrong');
        b.setAttribute('aria-pressed', String(i === answered.choice));
      } else {
        b.addEventListener('click', () => {
          const a = this.run.answer(i);
          if (a) this.o.tracker.quiz(a.question, a.choice, a.correct);
          this.renderQuestion();
          (this.quiz.querySelector('#btn-quiz-next') as HTMLButtonElement | null)?.focus();
        });
      }
      return b;
    });
    const station = content.locale.stations[q.station]?.title ?? q.station;
    const last = this.run.position === this.run.questions.length - 1;
    fill(this.quizBody,
      h('p', { class: 'quiz-count' }, format(ui.quizQuestion, { n: this.run.position + 1, total: this.run.questions.length })),
      h('p', { class: 'quiz-question', id: 'quiz-question' }, t.question),
      h('div', { class: 'quiz-choices', role: 'group', 'aria-labelledby': 'quiz-question' }, ...choices),
      answered
        ? h('div', { id: 'quiz-feedback', class: `quiz-feedback ${answered.correct ? 'right' : 'wrong'}`, role: 'status' },
            h('strong', {}, answered.correct ? ui.quizCorrect : ui.quizWrong),
            ' ',
            t.feedback,
          )
        : null,
      answered
        ? h('div', { class: 'dialog-actions' },
            this.action('btn-quiz-revisit', format(ui.quizRevisit, { station }), () => {
              this.quiz.close();
              this.o.tour.dispatch({ type: 'go', station: q.station });
            }),
            this.action('btn-quiz-next', last ? ui.quizFinish : ui.quizNext, () => {
              this.run.next();
              this.renderQuestion();
              this.render(this.o.tour.state!);
            }, 'primary'),
          )
        : null,
    );
  }

  private action(id: string, label: string, onClick: () => void, cls = ''): HTMLButtonElement {
    const b = h('button', { type: 'button', id, class: cls }, label);
    b.addEventListener('click', onClick);
    return b;
  }

  private showSummary(): void {
    const { content } = this.o;
    const { ui } = content.locale;
    const s = this.o.tour.state!;
    const visited = this.visited(s);
    const activities = this.activitiesLine(s);
    fill(this.summaryBody,
      h('p', { id: 'lesson-summary-text' }, format(ui.summaryBody, {
        visited: visited.length, total: this.order.length,
        stages: stagesOf(content.set, visited), totalStages: stagesOf(content.set, this.order),
        correct: this.run.correct, questions: this.run.questions.length,
      }),
      // On a line of its own: the count is a phrase, not a sentence, so it needs no punctuation of its own.
      activities ? h('br') : null, activities),
      h('ul', { class: 'points' }, ...this.o.lesson.points.map((p) => h('li', { class: p.kind }, this.text.points[p.id] ?? p.id))),
    );
    if (!this.summary.open) this.summary.showModal();
  }

  private restart(): void {
    this.summary.close();
    this.run = new QuizRun(quizFor(this.o.lesson, this.order));
    this.o.tour.dispatch({ type: 'reset', settings: this.o.tour.state!.settings });
    this.o.tour.dispatch({ type: 'setOrder', order: this.order });
    this.o.tracker.start('lesson', this.o.content.locale.locale);
    this.intro.showModal();
  }

  private leave(): void {
    const url = new URL(window.location.href);
    url.searchParams.delete('mode');
    url.searchParams.delete('stations');
    window.location.assign(url.href);
  }
}
