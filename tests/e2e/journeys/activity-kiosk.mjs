// Kiosk mode and the hands-on activities: what one visitor did at an activity (a check pressed, the
// goal reached) must not greet the next one. The idle reset closes the card, clears the visit's
// completed activities and puts every activity back to how a new visitor finds it.
import { assert, assertEqual, test } from '../lib/runner.mjs';
import { dispatch, frames, waitFor, waitForStation } from '../lib/helpers.mjs';
import { card } from '../lib/activity.mjs';

const STATION = 'stunts';
const CARD = card(STATION);

const kioskCall = (page, method) => page.evaluate((m) => window.backlot.kiosk[m](), method);
const waitPhase = (page, phase) => waitFor(page, (p) => window.backlot.kiosk.phase === p, phase, { what: `kiosk phase "${phase}"` });
const current = (page) => page.evaluate(() => window.backlot.activities.current());
const doneList = (page) => page.evaluate(() => window.backlot.activities.done());

/** Opens the station's activity through the public hook and waits for its card. */
async function openStunts(page) {
  const opened = await page.evaluate((s) => window.backlot.activities.open(s), STATION);
  assert(opened, `window.backlot.activities.open("${STATION}") returned false`);
  await waitFor(page, (sel) => Boolean(document.querySelector(sel)), CARD, { what: `${CARD} open`, timeout: 30_000 });
  await frames(page, 3);
}

/** Presses one of the card's buttons as a visitor does (a real click), then lets the change draw. */
async function press(page, id) {
  const sel = `${CARD} button[data-control="${id}"]`;
  assert(await page.$(sel), `${CARD} has no button [data-control="${id}"]`);
  await page.click(sel);
  await frames(page, 3);
}

test('activity-kiosk: the idle reset clears the stunts activity for the next visitor', async (t) => {
  const page = await t.openApp('?mode=kiosk');
  await waitFor(page, () => Boolean(window.backlot.kiosk && window.backlot.activities), null, { what: 'window.backlot.kiosk and .activities set' });
  await waitPhase(page, 'attract');
  // The right order of the checks is content (scenes/activities/stunts.json), not code.
  const { order } = await page.evaluate(() => fetch('scenes/activities/stunts.json').then((r) => r.json()));

  t.step('a visitor begins and walks to the stunts');
  await kioskCall(page, 'begin');
  await waitPhase(page, 'visit');
  await dispatch(page, { type: 'go', station: STATION });
  await waitForStation(page, STATION);

  t.step('the activity opens as new');
  await openStunts(page);
  const first = await current(page);
  assert(first && first.station === STATION && first.done === false, `the first state: ${JSON.stringify(first)}`);
  assertEqual(await doneList(page), [], 'activities done at the start of the visit');
  const buttons = await page.$$eval(`${CARD} button[data-control]`, (bs) => bs.map((b) => b.dataset.control));
  assert(buttons.includes(order[0]), `no button for the first check "${order[0]}" in ${JSON.stringify(buttons)}`);
  await t.screenshot(page, 'activity-kiosk-first.png');

  t.step('a check pressed changes the state');
  await press(page, order[0]);
  const changed = await current(page);
  assert(JSON.stringify(changed) !== JSON.stringify(first), `current() did not change after pressing "${order[0]}": ${JSON.stringify(changed)}`);
  t.note(`after "${order[0]}": ${JSON.stringify({ status: changed.status, checksDone: changed.checksDone, phase: changed.phase })}`);

  t.step('the other checks in order and the roll: the goal is kept with the visit');
  for (const id of order.slice(1)) await press(page, id);
  await press(page, 'roll');
  await waitFor(page, (id) => window.backlot.activities.done().includes(id), STATION, { what: `"${STATION}" in activities.done() after the roll`, timeout: 20_000 });
  assert((await current(page)).done, 'current().done is false after the roll');
  await t.screenshot(page, 'activity-kiosk-done.png');

  t.step('idle: the countdown runs out and the kiosk resets');
  await kioskCall(page, 'expireIdle');
  await waitPhase(page, 'countdown');
  await kioskCall(page, 'finishCountdown');
  await waitPhase(page, 'attract');
  await frames(page, 2);
  assertEqual(await page.$(CARD), null, `${CARD} after the reset`);
  assertEqual(await page.evaluate(() => window.backlot.activities.isOpen), false, 'activities.isOpen after the reset');
  assertEqual(await doneList(page), [], 'activities.done() after the reset');
  assertEqual(await current(page), null, 'current() after the reset (nothing open)');

  t.step('the next visitor finds the activity as new');
  await kioskCall(page, 'begin');
  await waitPhase(page, 'visit');
  await openStunts(page);
  const again = await current(page);
  assertEqual(again, first, 'the stunts activity\'s state when the next visitor opens it');
  assertEqual(await doneList(page), [], 'activities done for the next visitor');
  await t.screenshot(page, 'activity-kiosk-next-visitor.png');

  t.step('the first visitor\'s activity is in the local analytics');
  const log = await page.evaluate(() => JSON.parse(localStorage.getItem('backlot:analytics') ?? '[]'));
  const mine = log.filter((e) => e.type === 'activity' && e.activity === STATION);
  const firstSession = mine[0]?.session;
  assert(firstSession, `no "activity" events for ${STATION} in the analytics: ${JSON.stringify(log.map((e) => e.type))}`);
  const outcomes = mine.filter((e) => e.session === firstSession).map((e) => e.outcome);
  assert(outcomes[0] === 'opened' && outcomes.includes('done'), `the first visitor's ${STATION} outcomes: ${JSON.stringify(outcomes)}`);
  assert(mine.some((e) => e.session !== firstSession && e.outcome === 'opened'), 'the next visitor\'s "opened" is not in a session of its own');
}, { timeout: 120_000 });
