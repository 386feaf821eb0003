// Classroom lesson (?mode=lesson): objectives, a teacher's stations in order, progress, the quiz
// with feedback that points back to the teaching station, and the completion summary.
import { assert, assertEqual, test } from '../lib/runner.mjs';
import { tour, waitFor, waitForStation } from '../lib/helpers.mjs';

test('lesson: objectives, a teacher\'s stations, progress, quiz with feedback and revisit, summary', async (t) => {
  const stations = ['development', 'led-volume', 'ai'];
  const page = await t.openApp(`?mode=lesson&stations=${stations.join(',')}`);
  const { locale, set } = t.content();
  const lesson = await page.evaluate(() => fetch('scenes/lesson.json').then((r) => r.json()));
  await waitFor(page, () => document.getElementById('lesson-intro')?.open, null, { what: 'the objectives screen' });
  const objectives = await page.$$eval('#lesson-intro .objectives li', (li) => li.map((l) => l.textContent));
  assertEqual(objectives, lesson.objectives.map((id) => locale.lesson.objectives[id]), 'objectives shown');
  assertEqual(await page.$$eval('#lesson-intro .lesson-stations li', (li) => li.map((l) => l.textContent)), stations.map((id) => locale.stations[id].title), 'lesson stations listed');
  await t.screenshot(page, 'lesson-intro.png');

  t.step('the lesson walks the teacher\'s stations in their order');
  await page.click('#btn-lesson-start');
  await waitForStation(page, 'development');
  assertEqual((await tour(page)).order, stations, 'tour order in the lesson');
  await page.click('#btn-next');
  await waitForStation(page, 'led-volume');
  await page.click('#btn-next');
  await waitForStation(page, 'ai');
  const stageCount = new Set(stations.map((id) => set.stations.find((s) => s.id === id).stage)).size;
  const stationsLine = locale.ui.lessonProgress.replace('{visited}', 3).replace('{total}', 3).replace('{stages}', stageCount).replace('{totalStages}', stageCount);
  // The hands-on activities at the lesson's stations are counted too, once their list has loaded.
  const activities = await page.evaluate(() => fetch('scenes/activities.json').then((r) => (r.ok ? r.json() : { activities: [] })));
  const here = activities.activities.filter((a) => stations.includes(a.station));
  const expected = (done) => (here.length > 0 ? `${stationsLine} · ${locale.ui.activitiesProgress.replace('{done}', done).replace('{total}', here.length)}` : stationsLine);
  await waitFor(page, (want) => document.getElementById('lesson-progress')?.textContent === want, expected(0), { what: `progress "${expected(0)}"` });
  assert(await page.$eval('#btn-quiz', (b) => b.classList.contains('ready')), 'the quiz button is not highlighted after every station');
  if (here.length > 0) {
    t.step('an activity done (as its host records it in the tour state) is counted');
    await page.evaluate((id) => window.backlot.tour.dispatch({ type: 'activityDone', id }), here[0].id);
    await waitFor(page, (want) => document.getElementById('lesson-progress')?.textContent === want, expected(1), { what: `progress "${expected(1)}"` });
    await t.screenshot(page, 'lesson-progress.png');
  } else t.note('no hands-on activity at the lesson\'s stations: the progress counts stations only');

  t.step('quiz: a wrong answer explains and points back to the station that teaches it');
  const questions = lesson.quiz.filter((q) => stations.includes(q.station));
  await page.click('#btn-quiz');
  await waitFor(page, () => document.getElementById('quiz')?.open, null, { what: 'the quiz' });
  assertEqual(await page.$eval('.quiz-count', (e) => e.textContent), locale.ui.quizQuestion.replace('{n}', 1).replace('{total}', questions.length), 'question count');
  const first = questions[0];
  assertEqual(await page.$eval('#quiz-question', (e) => e.textContent), locale.lesson.quiz[first.id].question, 'first question');
  const wrong = (first.answer + 1) % 4;
  await page.click(`#quiz-choice-${wrong}`);
  await waitFor(page, () => Boolean(document.getElementById('quiz-feedback')), null, { what: 'feedback' });
  const feedback = await page.$eval('#quiz-feedback', (e) => ({ cls: e.className, text: e.textContent }));
  assert(feedback.cls.includes('wrong') && feedback.text.includes(locale.lesson.quiz[first.id].feedback) && feedback.text.startsWith(locale.ui.quizWrong), `feedback: ${JSON.stringify(feedback)}`);
  assert(await page.$eval(`#quiz-choice-${first.answer}`, (b) => b.classList.contains('right')), 'the right answer is not marked');
  await t.screenshot(page, 'quiz-feedback.png');
  const revisit = await page.$eval('#btn-quiz-revisit', (b) => b.textContent);
  assertEqual(revisit, locale.ui.quizRevisit.replace('{station}', locale.stations[first.station].title), 'revisit button');
  await page.click('#btn-quiz-revisit');
  await waitForStation(page, first.station);
  assert(!(await page.$eval('#quiz', (d) => d.open)), 'the quiz stayed open over the station');

  t.step('back to the quiz where it was; the rest answered right; the summary');
  await page.click('#btn-quiz');
  await page.click('#btn-quiz-next');
  for (const q of questions.slice(1)) {
    await waitFor(page, (text) => document.getElementById('quiz-question')?.textContent === text, locale.lesson.quiz[q.id].question, { what: `question ${q.id}` });
    await page.click(`#quiz-choice-${q.answer}`);
    await waitFor(page, () => document.getElementById('quiz-feedback')?.className.includes('right'), null, { what: `right answer to ${q.id}` });
    await page.click('#btn-quiz-next');
  }
  await waitFor(page, () => document.getElementById('lesson-summary')?.open, null, { what: 'the summary' });
  const summary = await page.$eval('#lesson-summary-text', (e) => e.textContent);
  assert(summary.includes(`${questions.length - 1}`) && summary.includes(`${questions.length}`), `summary: ${summary}`);
  if (here.length > 0) {
    const line = locale.ui.activitiesProgress.replace('{done}', 1).replace('{total}', here.length);
    assert(summary.endsWith(line), `the summary does not end with "${line}": ${summary}`);
  }
  assertEqual(await page.$$eval('#lesson-summary .points li', (li) => li.length), lesson.points.length, 'takeaways and notes recapped');
  await t.screenshot(page, 'lesson-summary.png');
  const quizEvents = await page.evaluate(() => JSON.parse(localStorage.getItem('backlot:analytics')).filter((e) => e.type === 'quiz'));
  assertEqual(quizEvents.length, questions.length, 'quiz answers in the local analytics');
  assertEqual(quizEvents.filter((e) => e.correct).length, questions.length - 1, 'correct answers in the analytics');
}, { timeout: 150_000 });

test('lesson: a broken lesson.json is reported by file and path, and the tour still runs', async (t) => {
  t.allow('console', /lesson\.json/);
  const page = await t.openApp('?mode=lesson', {
    beforeGoto: async (p) => {
      await p.setRequestInterception(true);
      p.on('request', (req) => {
        if (new URL(req.url()).pathname.endsWith('/scenes/lesson.json')) {
          req.respond({ status: 200, contentType: 'application/json', body: JSON.stringify({ version: 1, objectives: ['x'], points: [], quiz: [] }) });
        } else req.continue();
      });
    },
  });
  await waitFor(page, () => !document.getElementById('notice').hidden, null, { what: 'a notice about the lesson' });
  const notice = await page.$eval('#notice', (e) => e.textContent);
  assert(notice.includes('scenes/lesson.json') && notice.includes('$'), `notice: ${notice}`);
  await page.click('#btn-next');
  const { set } = t.content();
  await waitForStation(page, set.tour[0]);
});
