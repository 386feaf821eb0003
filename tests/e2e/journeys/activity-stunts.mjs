// The stunts activity at the stunts station (src/activities/stunts/): before the double's high
// fall, the safety checks in the right order, then Roll. Driven through its DOM controls: Roll
// with nothing checked (the safety officer's stop, and where to start again), the first check, a
// check out of turn (stopped, nothing counted), every check in order, Roll (the fall plays, the
// goal is kept with the visit), Start again; then Spanish on a phone, with reduced motion (the
// fall is a cut). After each control the live region speaks and the canvas in the activity's
// region changes. The order, the buttons' order and every word are content
// (scenes/activities/stunts.json and its words), never code.
import { assert, assertEqual, test } from '../lib/runner.mjs';
import { frames, waitFor, waitForStation } from '../lib/helpers.mjs';
import { card, cardState, openActivity, pixelChange, regionPixels, stationRegion, use } from '../lib/activity.mjs';

const STATION = 'stunts';
const ID = 'stunts';
const CARD = card(STATION);

/** The activity's settings and words as the app serves them. */
const content = (page, lang) => page.evaluate((code) => Promise.all([
  fetch('scenes/activities/stunts.json').then((r) => r.json()),
  fetch(`scenes/activities/stunts/${code}.json`).then((r) => r.json()),
]).then(([params, words]) => ({ params, words })), lang);

const fill = (text, values) => text.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
const current = (page) => page.evaluate(() => window.backlot.activities.current());
const disabled = (page, id) => page.$eval(`${CARD} [data-control="${id}"]`, (b) => b.disabled);

/** Uses a control (lib/activity.mjs's use) and asserts the canvas in the activity's region changed by more than `min`. */
async function useAndSee(page, station, id, value, { activity = station, min = 0.3 } = {}) {
  const clip = await stationRegion(page, activity);
  const before = await regionPixels(page, clip);
  const r = await use(page, station, id, value);
  await frames(page, 4);
  const change = pixelChange(before, await regionPixels(page, clip));
  assert(change > min, `after ${id}=${value} the canvas in the station's region changed by ${change.toFixed(2)} levels (want > ${min})`);
  return { ...r, change };
}

/** What the safety officer says when `missed` is the check that should have come next. */
const stopText = (words, missed) => `${words.text[`${missed}.stop`]} ${fill(words.text.again, { step: words.text[`${missed}.label`] })}`;

test('activity-stunts: the safety checks in order, a stop for each mistake, then the fall onto the mats', async (t) => {
  const page = await openActivity(t, STATION);
  const { params, words } = await content(page, 'en');
  const order = params.order;
  const total = order.length;

  t.step('the card: title, goal, no checks done, a button per check in the content order, then Roll');
  assertEqual(await page.$eval(`${CARD} h2`, (e) => e.textContent), words.title, 'the card title');
  assertEqual(await page.$eval(`${CARD} .activity-goal`, (e) => e.textContent), words.goal, 'the goal');
  let s = await cardState(page, STATION);
  assertEqual(s.status, fill(words.text.status, { n: 0, total }), 'the status at the start');
  assertEqual(s.state, 'trying', 'data-state at the start');
  const buttons = await page.$$eval(`${CARD} button.activity-action`, (bs) => bs.map((b) => [b.dataset.control, b.textContent]));
  assertEqual(buttons, [...params.buttons.map((id) => [id, words.text[`${id}.label`]]), ['roll', words.text['roll.label']]], 'the buttons, in the content order');
  assert(params.buttons.some((id, i) => id !== order[i]), 'the buttons are not shown in the right order (that would give it away)');
  await t.screenshot(page, 'activity-stunts-before.png');

  t.step('Roll with nothing checked: the safety officer stops it, names the first check, the STOP sign goes up');
  let r = await useAndSee(page, STATION, 'roll', true, { activity: ID });
  assertEqual(r.after.tone, 'bad', 'tone of a roll too early');
  assertEqual(r.after.feedback, stopText(words, order[0]), 'what the safety officer says');
  assert(r.after.feedback.startsWith('Stop!'), `a stop is called: ${r.after.feedback}`);
  assertEqual(r.after.status, fill(words.text.statusStopped, { n: 0, total }), 'the status says it was stopped');
  assertEqual(r.after.state, 'trying', 'no goal on a stop');
  let c = await current(page);
  assertEqual([c.phase, c.view.stopSign, c.view.double.target], ['prep', true, 'start'], 'nothing rolled, the sign is up');

  t.step(`the first check (${order[0]}): done, the sign comes down`);
  r = await useAndSee(page, STATION, order[0], true, { activity: ID });
  assertEqual([r.after.tone, r.after.feedback], ['good', words.text[`${order[0]}.done`]], `feedback on ${order[0]}`);
  assertEqual(await disabled(page, order[0]), true, `${order[0]} can't be done twice`);
  assertEqual((await current(page)).view.stopSign, false, 'the STOP sign is down');

  t.step(`a check out of turn (${order[3]} before ${order[1]}): stopped, and it does not count`);
  r = await useAndSee(page, STATION, order[3], true, { activity: ID });
  assertEqual(r.after.tone, 'bad', 'tone of a check out of turn');
  assertEqual(r.after.feedback, stopText(words, order[1]), `the stop names ${order[1]}, the check that comes next`);
  c = await current(page);
  assertEqual([c.checksDone, c.next, c.stop], [[order[0]], order[1], { missed: order[1], tried: order[3] }], 'the sequence goes on from the missed check');
  assertEqual(await disabled(page, order[3]), false, `${order[3]} must be pressed again in its turn`);

  t.step('every other check, in order: each shows on the set');
  for (const [i, id] of order.entries()) {
    if (i === 0) continue;
    r = await useAndSee(page, STATION, id, true, { activity: ID });
    assertEqual([r.after.tone, r.after.feedback], ['good', words.text[`${id}.done`]], `feedback on ${id}`);
    assertEqual(r.after.status, fill(words.text.status, { n: i + 1, total }), `the status after ${id}`);
    assertEqual(await disabled(page, id), true, `${id}'s button once done`);
    t.note(`${id} changed the activity's region by ${r.change.toFixed(2)} levels`);
  }
  await waitFor(page, async () => {
    const v = (await window.backlot.activities.current()).view;
    return !v.double.moving && v.crew.every((m) => !m.moving) && v.matsLanded;
  }, null, { what: 'everyone in place, the mats laid', timeout: 30_000 });
  c = await current(page);
  assertEqual([c.view.double.target, c.view.crew.every((m) => m.target === 'clear'), c.view.matsVisible], ['deck', true, true], 'the double up on the platform, the crew behind the line, the mats in');
  await t.screenshot(page, 'activity-stunts-ready.png');

  t.step('Roll: the goal, the fall plays out, the double lands flat on the mats');
  const top = c.view.double.hips[1];
  // The fall is what changes the picture: compare before Roll with after the landing.
  const clip = await stationRegion(page, ID);
  const beforeRoll = await regionPixels(page, clip);
  r = await use(page, STATION, 'roll', true);
  assertEqual(r.after.tone, 'good', 'tone of the roll');
  assert(r.after.feedback.includes(words.text.rolled) && r.after.feedback.includes(words.done), `the roll says what the coordinator and the safety officer do: ${r.after.feedback}`);
  assertEqual(r.after.state, 'done', 'data-state after the roll');
  assertEqual(r.after.status, fill(words.text.statusDone, { total }), 'the status after the roll');
  for (const b of [...params.buttons, 'roll']) assertEqual(await disabled(page, b), true, `${b} is disabled once rolled`);
  await waitFor(page, (id) => window.backlot.activities.done().includes(id), ID, { what: `"${ID}" in activities.done()` });
  await waitFor(page, async () => (await window.backlot.activities.current()).phase === 'landed', null, { what: 'the fall has landed', timeout: 60_000 });
  await frames(page, 4);
  const fell = pixelChange(beforeRoll, await regionPixels(page, clip));
  assert(fell > 0.3, `the fall changed the canvas in the activity's region by ${fell.toFixed(2)} levels (want > 0.3)`);
  t.note(`the fall changed the activity's region by ${fell.toFixed(2)} levels`);
  c = await current(page);
  const [hx, hy, hz] = c.view.double.hips;
  assert(Math.abs(hx - params.fall.to[0]) < 0.05 && Math.abs(hz - params.fall.to[1]) < 0.05, `the double's hips landed on the mark: ${c.view.double.hips}`);
  assert(hy < top - 1 && hy > params.mats.base, `the double fell from ${top} m to ${hy} m, onto the mats`);
  assert(Math.abs(c.view.double.pitch + Math.PI / 2) < 0.05, `the double lies flat on the back (pitch ${c.view.double.pitch})`);
  assertEqual(c.view.lamp, true, 'the stand-by lamp is lit');
  await frames(page, 4);
  await t.screenshot(page, 'activity-stunts-done.png');

  t.step('Start again: nothing checked, every button back, everyone at their first places');
  await page.click('#activity-reset');
  await frames(page, 3);
  s = await cardState(page, STATION);
  assertEqual([s.status, s.state, s.feedback], [fill(words.text.status, { n: 0, total }), 'trying', ''], 'the card after Start again');
  for (const b of [...params.buttons, 'roll']) assertEqual(await disabled(page, b), false, `${b} after Start again`);
  c = await current(page);
  assertEqual([c.phase, c.checksDone, c.view.double.target, c.view.matsVisible, c.view.lamp], ['prep', [], 'start', false, false], 'the state after Start again');
}, { timeout: 300_000 });

test('activity-stunts: in Spanish on a phone, with reduced motion the fall is a cut', async (t) => {
  const page = await openActivity(t, STATION, 'lang=es');
  const { params, words } = await content(page, 'es');
  assertEqual(await page.$eval(`${CARD} h2`, (e) => e.textContent), words.title, 'the Spanish title');

  t.step('a phone (Puppeteer reloads the page for it), reduced motion, the card open again');
  await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
  await page.waitForFunction(() => document.body.dataset.backlot === 'ready', { timeout: 60_000 });
  await waitForStation(page, STATION);
  await page.evaluate(() => window.backlot.tour.dispatch({ type: 'setSettings', settings: { reducedMotion: true } }));
  await waitFor(page, () => { const b = document.getElementById('btn-activity'); return b && !b.hidden; }, null, { what: '#btn-activity on the phone', timeout: 30_000 });
  await page.click('#btn-activity');
  await waitFor(page, (sel) => Boolean(document.querySelector(sel)), CARD, { what: 'the card on the phone', timeout: 30_000 });
  await frames(page, 6);
  const r = await useAndSee(page, STATION, params.order[1], true, { activity: ID, min: 0.1 });
  assertEqual(r.after.feedback, stopText(words, params.order[0]), 'the Spanish stop');
  assert(r.after.feedback.startsWith('¡Alto!'), `a stop in Spanish: ${r.after.feedback}`);
  const box = await page.$eval(CARD, (e) => { const b = e.getBoundingClientRect(); return { left: b.left, right: b.right, width: b.width }; });
  assert(box.left >= 0 && box.right <= 390 + 1, `the card fits the phone's width: ${JSON.stringify(box)}`);
  for (const id of params.order) {
    const step = await useAndSee(page, STATION, id, true, { activity: ID, min: 0.1 });
    assertEqual(step.after.feedback, words.text[`${id}.done`], `the Spanish ${id}`);
  }
  // Reduced motion: no walk, no climb, no fall in between; everyone is at once where they go.
  let c = await current(page);
  assertEqual([c.view.double.target, c.view.double.moving, c.view.matsLanded], ['deck', false, true], 'the double is up at once');
  await t.screenshot(page, 'activity-stunts-phone-ready.png');
  const rolled = await useAndSee(page, STATION, 'roll', true, { activity: ID, min: 0.1 });
  assert(rolled.after.feedback.includes(words.done), `the Spanish success: ${rolled.after.feedback}`);
  c = await current(page);
  assertEqual([c.phase, c.view.fall], ['landed', 1], 'with reduced motion the fall is a cut: landed at once');
  await t.screenshot(page, 'activity-stunts-phone-done.png');
}, { timeout: 240_000 });
