// The continuity activity at the floor station (src/activities/continuity/): the visitor, as the
// script supervisor, flips between take 1 and take 2 of a diner table and picks what changed.
// Driven through its DOM controls: a pick before looking at take 2 (compare first), take 2, a decoy
// (try again, and why it matters to the editor), every real change into the notes, the goal kept
// with the visit, back to take 1 with the rings, Start again; then the same card in Spanish, on a
// phone and on the AR tabletop model (its card in the overlay, no life-size note). After each
// control the live region's text and the canvas in the tableau's region change.
// What is a change and what a decoy is content (scenes/activities/continuity.json), never code.
import { assert, assertEqual, test } from '../lib/runner.mjs';
import { frames, waitFor, waitForStillCamera } from '../lib/helpers.mjs';
import { enterXr, pullTrigger } from '../lib/xr.mjs';
import { card, cardState, openActivity, pixelChange, regionPixels, stationRegion, useAndSee } from '../lib/activity.mjs';

const STATION = 'floor';
const ID = 'continuity';
const CARD = card(STATION);

/** The activity's settings and words as the app serves them. */
const content = (page, lang) => page.evaluate((code) => Promise.all([
  fetch('scenes/activities/continuity.json').then((r) => r.json()),
  fetch(`scenes/activities/continuity/${code}.json`).then((r) => r.json()),
]).then(([params, words]) => ({ params, words })), lang);

/** An item differs between the takes (a change to find) or is a decoy: the same rule as params.ts. */
const differs = (item) => JSON.stringify(item.take1) !== JSON.stringify(item.take2);
const fill = (text, values) => text.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
/**
 * A pick draws a ring and a pin round one item of a tableau that covers a fifth of the view: a
 * smaller share of the region than a whole take changing. Nothing else moves there, so a tenth of
 * a level on average is already well above the picture's noise (measured in the first test).
 */
const PICK_MIN = 0.1;
const current = (page) => page.evaluate(() => window.backlot.activities.current());
const disabled = (page, id) => page.$eval(`${CARD} [data-control="${id}"]`, (b) => b.disabled);

test('activity-continuity: spot every change between two takes, a decoy explained, the notes filled in', async (t) => {
  const page = await openActivity(t, STATION);
  // Opening turns the view to the tableau: measure its region once the turn is over.
  await waitForStillCamera(page, 20_000);
  const { params, words } = await content(page, 'en');
  const changes = params.items.filter(differs).map((i) => i.id);
  const decoys = params.items.filter((i) => !differs(i)).map((i) => i.id);
  assert(changes.length > 0 && decoys.length > 0, `content has changes ${changes} and decoys ${decoys}`);

  t.step('the card: title, goal, empty notes, take 1 on the monitor, one button per candidate');
  assertEqual(await page.$eval(`${CARD} h2`, (e) => e.textContent), words.title, 'the card title');
  assertEqual(await page.$eval(`${CARD} .activity-goal`, (e) => e.textContent), words.goal, 'the goal');
  let s = await cardState(page, STATION);
  assertEqual(s.status, fill(words.text.statusEmpty, { total: changes.length }), 'the notes at the start');
  assertEqual(s.state, 'trying', 'data-state at the start');
  assertEqual(await page.$eval(`${CARD} [data-control="take"] button[data-option="take1"]`, (b) => b.getAttribute('aria-pressed')), 'true', 'Take 1 pressed at the start');
  const labels = await page.$$eval(`${CARD} button.activity-action[data-control^="item-"]`, (bs) => bs.map((b) => [b.dataset.control, b.textContent]));
  assertEqual(labels, params.items.map((i) => [`item-${i.id}`, words.text[`item.${i.id}`]]), 'the candidates, in content order, with their words');
  await t.screenshot(page, 'activity-continuity-before.png');

  t.step('a pick before looking at take 2: compare first (the take card flashes)');
  const clip = await stationRegion(page, ID);
  const noise = pixelChange(await regionPixels(page, clip), await regionPixels(page, clip));
  t.note(`the tableau's region: ${clip.width}×${clip.height} px; two grabs with no change differ by ${noise.toFixed(3)} levels`);
  assert(noise < PICK_MIN / 3, `the tableau's region is still between grabs (${noise.toFixed(3)} levels): a pick's change could not be told from noise`);
  let r = await useAndSee(page, STATION, `item-${changes[0]}`, true, { activity: ID, min: PICK_MIN });
  assertEqual(r.after.feedback, words.text.compareFirst, 'feedback on a pick before take 2');
  assertEqual((await current(page)).found, [], 'nothing in the notes yet');

  t.step('take 2 on the monitor: the tableau redraws');
  r = await useAndSee(page, STATION, 'take', 'take2', { activity: ID, min: 1 });
  assertEqual(r.after.feedback, words.text['scene.take2'], 'feedback on take 2');
  assertEqual(await page.$eval(`${CARD} [data-control="take"] button[data-option="take2"]`, (b) => b.getAttribute('aria-pressed')), 'true', 'Take 2 pressed');
  t.note(`take 2 changed the tableau's region by ${r.change.toFixed(2)} levels`);

  t.step('a decoy: try again, it matches, and why that matters to the editor');
  r = await useAndSee(page, STATION, `item-${decoys[0]}`, true, { activity: ID, min: PICK_MIN });
  assertEqual(r.after.tone, 'bad', 'tone of a wrong pick');
  assertEqual(r.after.feedback, fill(words.text.wrong, { why: words.text[`same.${decoys[0]}`] }), 'feedback on a decoy');
  assert(/editor/i.test(r.after.feedback), 'the wrong pick says why the notes matter (editors)');
  assertEqual(r.after.status, s.status, 'a decoy adds nothing to the notes');
  assertEqual(await disabled(page, `item-${decoys[0]}`), false, 'a decoy can be tried again');

  t.step('every change: a ring in 3D and a line in the notes');
  for (const [i, id] of changes.entries()) {
    r = await useAndSee(page, STATION, `item-${id}`, true, { activity: ID, min: PICK_MIN });
    t.note(`${id} noted: the region changed by ${r.change.toFixed(2)} levels`);
    assertEqual(r.after.tone, 'good', `tone after picking ${id}`);
    assert(r.after.feedback.includes(words.text[`note.${id}`]), `feedback after ${id} carries its note: ${r.after.feedback}`);
    assert(r.after.status.includes(words.text[`note.${id}`]), `the notes carry ${id}: ${r.after.status}`);
    assertEqual(await disabled(page, `item-${id}`), true, `${id}'s button once noted`);
    assertEqual(r.after.state, i === changes.length - 1 ? 'done' : 'trying', `data-state after ${i + 1} of ${changes.length}`);
  }
  s = await cardState(page, STATION);
  assert(s.feedback.includes(words.done), `the last pick says what the script supervisor does: ${s.feedback}`);
  await waitFor(page, (id) => window.backlot.activities.done().includes(id), ID, { what: `"${ID}" in activities.done()` });
  await t.screenshot(page, 'activity-continuity-done.png');

  t.step('back to take 1: the rings follow the items');
  r = await useAndSee(page, STATION, 'take', 'take1', { activity: ID, min: 1 });
  assertEqual(r.after.feedback, words.text['scene.take1'], 'feedback on take 1');
  await t.screenshot(page, 'activity-continuity-done-take1.png');

  t.step('Start again: take 1, empty notes, every button back');
  await page.click('#activity-reset');
  await frames(page, 3);
  s = await cardState(page, STATION);
  assertEqual(s.status, fill(words.text.statusEmpty, { total: changes.length }), 'the notes after Start again');
  assertEqual(s.state, 'trying', 'data-state after Start again');
  for (const id of changes) assertEqual(await disabled(page, `item-${id}`), false, `${id}'s button after Start again`);
  const after = await current(page);
  assertEqual([after.take, after.found, after.compared], ['take1', [], false], 'take, notes and compared after Start again');
}, { timeout: 240_000 });

test('activity-continuity: in Spanish', async (t) => {
  const page = await openActivity(t, STATION, 'lang=es');
  await waitForStillCamera(page, 20_000);
  const { params, words } = await content(page, 'es');
  assertEqual(await page.$eval(`${CARD} h2`, (e) => e.textContent), words.title, 'the Spanish title');
  const r = await useAndSee(page, STATION, 'take', 'take2', { activity: ID, min: 1 });
  assertEqual(r.after.feedback, words.text['scene.take2'], 'the Spanish take 2');
  const change = params.items.find(differs).id;
  const picked = await useAndSee(page, STATION, `item-${change}`, true, { activity: ID, min: PICK_MIN });
  assert(picked.after.status.includes(words.text[`note.${change}`]), `the Spanish notes: ${picked.after.status}`);
}, { timeout: 120_000 });

test('activity-continuity: on a phone, the card in the station sheet', async (t) => {
  const page = await t.newPage();
  await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
  await t.openApp(`?station=${STATION}`, { page });
  await waitFor(page, () => { const b = document.getElementById('btn-activity'); return b && !b.hidden && b.textContent.length > 0; }, null, { what: '#btn-activity in the sheet', timeout: 30_000 });
  await page.click('#btn-activity');
  await waitFor(page, (sel) => Boolean(document.querySelector(sel)), CARD, { what: `${CARD} open`, timeout: 30_000 });
  await waitForStillCamera(page, 20_000);
  const box = await page.$eval(CARD, (e) => { const b = e.getBoundingClientRect(); return { left: b.left, right: b.right }; });
  assert(box.left >= 0 && box.right <= 391, `the card fits the phone's width: ${JSON.stringify(box)}`);
  const r = await useAndSee(page, STATION, 'take', 'take2', { activity: ID, min: 1 });
  t.note(`take 2 on a phone changed the tableau's region by ${r.change.toFixed(2)} levels`);
  await t.screenshot(page, 'activity-continuity-phone.png');
}, { timeout: 120_000 });

test('activity-continuity: on the AR tabletop model, take 2 from the overlay card', async (t) => {
  const page = await t.openApp('?emulate-xr=ar');
  await waitFor(page, () => Boolean(document.querySelector('#btn-ar')), null, { what: '#btn-ar' });
  await enterXr(page, 'ar');
  await page.evaluate(() => {
    const a = -50 * Math.PI / 180;
    window.xrDevice.quaternion.set(Math.sin(a / 2), 0, 0, Math.cos(a / 2));
  });
  await waitFor(page, () => document.querySelector('a-scene').object3D.getObjectByName('ar-reticle')?.visible === true, null, { what: 'reticle', timeout: 15_000 });
  await pullTrigger(page);
  await waitFor(page, () => document.getElementById('ar-overlay').dataset.phase === 'placed', null, { what: 'model placed' });

  t.step('open it on the model: the card is in the overlay, with no life-size note');
  assert(await page.evaluate((s) => window.backlot.activities.open(s), STATION), `open(${STATION}) in AR`);
  await waitFor(page, (sel) => Boolean(document.querySelector(`#ar-overlay ${sel}`)), CARD, { what: 'the card in the AR overlay' });
  assertEqual(await page.evaluate(() => document.getElementById('activity-life-size')), null, 'no life-size note: continuity reads on the model');
  await page.click(`#ar-overlay ${CARD} [data-control="take"] button[data-option="take2"]`);
  await frames(page, 4);
  const after = await current(page);
  assertEqual(after.take, 'take2', 'take 2 on the model');
  assert(after.feedback.length > 0, 'the change was said');
  await t.screenshot(page, 'activity-continuity-ar.png');

  t.step('a change picked on the model goes into the notes');
  await page.click(`#ar-overlay ${CARD} [data-control="item-${(await current(page)).changes[0]}"]`);
  await frames(page, 4);
  const picked = await current(page);
  assertEqual(picked.found.length, 1, `a change noted on the model: ${JSON.stringify(picked.found)}`);
}, { timeout: 240_000 });
