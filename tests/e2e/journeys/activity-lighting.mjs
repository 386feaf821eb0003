// The lighting activity at its station (src/activities/lighting/): light a seated stand-in with key,
// fill and back light, hard or soft key, and a flag against the spill, to a classic three-point
// look. Driven through its DOM controls: the start look checked (what to fix first, said), the key
// made soft, the fill switched on and pushed as bright as the key (a flat face, said and checked),
// brought down, the back light on, the flag in (the goal, kept with the visit), the key dimmed
// afterwards (checked again: too dim), Start again; then Spanish on a phone. After each control
// that changes the light the live region speaks and the canvas in the activity's region changes.
// Every number and word is content (scenes/activities/lighting.json and its words), never code.
import { assert, assertEqual, test } from '../lib/runner.mjs';
import { frames, waitFor, waitForStation } from '../lib/helpers.mjs';
import { card, cardState, openActivity, pixelChange, regionPixels, stationRegion, use } from '../lib/activity.mjs';

const STATION = 'lighting';
const ID = 'lighting';
const CARD = card(STATION);

const content = (page, lang) => page.evaluate((code) => Promise.all([
  fetch('scenes/activities/lighting.json').then((r) => r.json()),
  fetch(`scenes/activities/lighting/${code}.json`).then((r) => r.json()),
]).then(([params, words]) => ({ params, words })), lang);

const current = (page) => page.evaluate(() => window.backlot.activities.current());
/** A text with its {placeholders} filled, numbers written as the language writes them (as the activity does). */
const say = (words, key, values = {}) => {
  const number = new Intl.NumberFormat(words.locale, { maximumFractionDigits: 1 });
  return words.text[key].replace(/\{(\w+)\}/g, (m, k) => (k in values ? (typeof values[k] === 'number' ? number.format(values[k]) : values[k]) : m));
};
const statusOf = (words, s) => [
  s.key.on && s.key.level > 0 ? say(words, 'statusKey', { n: String(s.key.level), quality: words.text[s.quality === 'hard' ? 'statusHard' : 'statusSoft'] }) : words.text.statusKeyOff,
  s.fill.on && s.fill.level > 0 ? say(words, 'statusFill', { n: String(s.fill.level) }) : words.text.statusFillOff,
  s.back.on && s.back.level > 0 ? say(words, 'statusBack', { n: String(s.back.level) }) : words.text.statusBackOff,
  words.text[s.flag ? 'statusFlagIn' : 'statusFlagOut'],
].join(words.text.statusJoin);


/** The flag swings over a few frames; the spill goes when it arrives. Waits for it to rest. */
const flagAtRest = (page) => waitFor(page, async () => { const v = (await window.backlot.activities.current())?.view; return Boolean(v) && (v.swing === 0 || v.swing === 1); }, null, { what: 'the flag at rest', timeout: 30_000 });

/** Uses a control and asserts the canvas in the activity's region changed by more than `min` levels. */
async function useAndSee(t, page, id, value, { min = 0.3 } = {}) {
  const clip = await stationRegion(page, ID);
  const before = await regionPixels(page, clip);
  const r = await use(page, STATION, id, value);
  await flagAtRest(page);
  await frames(page, 3);
  const change = pixelChange(before, await regionPixels(page, clip));
  assert(change > min, `after ${id}=${value} the canvas in the activity's region changed by ${change.toFixed(2)} levels (want > ${min})`);
  t.note(`${id} = ${value}: the activity's region changed by ${change.toFixed(2)} levels`);
  return { ...r, change };
}

test('activity-lighting: a face lit to a three-point look, a flat fill and the spill explained', async (t) => {
  const page = await openActivity(t, STATION);
  const { params, words } = await content(page, 'en');
  const { target } = params;

  t.step('the card: title, goal, a toggle and a dimmer per lamp, hard or soft, the flag, Check the look');
  assertEqual(await page.$eval(`${CARD} h2`, (e) => e.textContent), words.title, 'the card title');
  assertEqual(await page.$eval(`${CARD} .activity-goal`, (e) => e.textContent), words.goal, 'the goal');
  for (const id of ['key', 'fill', 'back', 'flag']) {
    const pressed = await page.$eval(`${CARD} button[data-control="${id}"]`, (b) => b.getAttribute('aria-pressed'));
    assertEqual(pressed, String(id === 'key' ? params.start.key.on : id === 'flag' ? params.start.flag : params.start[id].on), `${id} starts as the content says`);
  }
  for (const id of ['keyLevel', 'fillLevel', 'backLevel']) {
    const r = await page.$eval(`${CARD} input[type=range][data-control="${id}"]`, (e) => [e.min, e.max, e.step]);
    assertEqual(r, ['0', '100', String(params.dimmerStep)], `${id} is a 0–100 % dimmer`);
  }
  const options = await page.$$eval(`${CARD} [role=group][data-control="keyQuality"] button[data-option]`, (bs) => bs.map((b) => [b.dataset.option, b.getAttribute('aria-pressed')]));
  assertEqual(options, [['hard', String(params.start.quality === 'hard')], ['soft', String(params.start.quality === 'soft')]], 'hard or soft, the start one pressed');
  let s = await cardState(page, STATION);
  let c = await current(page);
  assertEqual([s.status, s.state], [statusOf(words, c), 'trying'], 'the status line at the start');
  await t.screenshot(page, 'activity-lighting-before.png');

  t.step('Check the look at the start: the key is hard, said first');
  let r = await use(page, STATION, 'check', true);
  assertEqual([r.after.tone, r.after.feedback], ['bad', words.text.fixWantSoft], 'what to fix first');

  t.step('the key made soft: the softbox replaces the Fresnel, the face and the spill change');
  r = await useAndSee(t, page, 'keyQuality', 'soft');
  assertEqual([r.after.tone, r.after.feedback], ['info', words.text.softKey], 'what a soft key does');

  t.step('the fill on: the shadow side lifts, the key:fill ratio said');
  r = await useAndSee(t, page, 'fill', true);
  c = await current(page);
  assertEqual(r.after.feedback, say(words, 'fillOn', { ratio: c.key.level / c.fill.level }), 'what the fill does');

  t.step('the fill as bright as the key: a flat face, said, and Check the look says what to fix');
  r = await useAndSee(t, page, 'fillLevel', 100);
  assertEqual(r.after.feedback, say(words, 'fillFlat', { n: 100 }), 'a fill as bright as the key');
  r = await use(page, STATION, 'check', true);
  assertEqual([r.after.tone, r.after.feedback, r.after.state], ['bad', words.text.fixFillFlat, 'trying'], 'the flat face, to fix');

  t.step('the fill brought down to a third of the key, the back light on');
  r = await useAndSee(t, page, 'fillLevel', 30);
  assertEqual(r.after.feedback, say(words, 'fillDimmed', { n: '30', ratio: 100 / 30 }), 'the new ratio');
  r = await useAndSee(t, page, 'back', true);
  assertEqual(r.after.feedback, words.text.backOn, 'what the back light does');
  r = await use(page, STATION, 'check', true);
  assertEqual([r.after.tone, r.after.feedback], ['bad', words.text.fixFlagOut], 'only the spill is left');
  await t.screenshot(page, 'activity-lighting-spill.png');

  t.step('the flag in: the spill leaves the backdrop, and the look is reached');
  const spill = (await current(page)).view.backdrop;
  r = await useAndSee(t, page, 'flag', true);
  assertEqual([r.after.tone, r.after.feedback, r.after.state], ['good', words.done, 'done'], 'the success says the gaffer\'s and the cinematographer\'s jobs');
  assert(/gaffer/.test(words.done) && /cinematographer/.test(words.done), 'the success words name both jobs');
  c = await current(page);
  assert(c.view.backdrop < spill * 0.8, `the backdrop is darker with the flag in (${spill} → ${c.view.backdrop})`);
  assertEqual(r.after.status, statusOf(words, c), 'the status line at the goal');
  assert(c.key.level >= target.key.min && c.quality === target.quality && c.flag === target.flag, 'the state is the target');
  await waitFor(page, (id) => window.backlot.activities.done().includes(id), ID, { what: `"${ID}" in activities.done()` });
  await t.screenshot(page, 'activity-lighting-done.png');

  t.step('the key dimmed below the target afterwards: said with the ratio; Check says it is too dim; done is kept');
  r = await useAndSee(t, page, 'keyLevel', 50);
  assertEqual(r.after.feedback, say(words, 'keyDimmedRatio', { n: '50', ratio: 50 / 30 }), 'the dimmed key and its ratio');
  r = await use(page, STATION, 'check', true);
  assertEqual([r.after.tone, r.after.feedback], ['bad', say(words, 'fixKeyDim', { min: String(target.key.min), max: String(target.key.max) })], 'too dim a key');
  assertEqual((await current(page)).done, true, 'the goal stays reached');

  t.step('Start again: the start look');
  await page.click('#activity-reset');
  await frames(page, 3);
  s = await cardState(page, STATION);
  c = await current(page);
  assertEqual([c.quality, c.flag, c.fill.on, c.back.on, c.key.level], [params.start.quality, params.start.flag, params.start.fill.on, params.start.back.on, params.start.key.level], 'the state after Start again');
  assertEqual([s.status, s.state], [statusOf(words, c), 'trying'], 'the card after Start again');
}, { timeout: 360_000 });

test('activity-lighting: in Spanish on a phone, the key switched off and checked', async (t) => {
  const page = await openActivity(t, STATION, 'lang=es');
  const { words } = await content(page, 'es');
  assertEqual(await page.$eval(`${CARD} h2`, (e) => e.textContent), words.title, 'the Spanish title');

  t.step('a phone (Puppeteer reloads the page for it), the card open again');
  await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
  await page.waitForFunction(() => document.body.dataset.backlot === 'ready', { timeout: 60_000 });
  await waitForStation(page, STATION);
  await waitFor(page, () => { const b = document.getElementById('btn-activity'); return b && !b.hidden; }, null, { what: '#btn-activity on the phone', timeout: 30_000 });
  await page.click('#btn-activity');
  await waitFor(page, (sel) => Boolean(document.querySelector(sel)), CARD, { what: 'the card on the phone', timeout: 30_000 });
  await waitFor(page, () => !window.backlot.tour.isTravelling(), null, { what: 'the view turned to the activity' });
  await frames(page, 6);
  const box = await page.$eval(CARD, (e) => { const b = e.getBoundingClientRect(); return { left: b.left, right: b.right }; });
  assert(box.left >= 0 && box.right <= 390 + 1, `the card fits the phone's width: ${JSON.stringify(box)}`);
  await t.screenshot(page, 'activity-lighting-phone-before.png');

  t.step('the key off: the face loses its shape, said in Spanish; Check says to switch it on');
  let r = await useAndSee(t, page, 'key', false, { min: 0.1 });
  assertEqual([r.after.tone, r.after.feedback], ['info', words.text.keyOff], 'the key off, in Spanish');
  r = await use(page, STATION, 'check', true);
  assertEqual([r.after.tone, r.after.feedback], ['bad', words.text.fixKeyOff], 'switch the key on, in Spanish');

  t.step('the key on and the fill on: the ratio written with a decimal comma');
  await useAndSee(t, page, 'key', true, { min: 0.1 });
  await use(page, STATION, 'fillLevel', 40);
  r = await useAndSee(t, page, 'fill', true, { min: 0.1 });
  assertEqual(r.after.feedback, say(words, 'fillOn', { ratio: 2.5 }), 'the Spanish ratio');
  assert(r.after.feedback.includes('2,5:1'), `a decimal comma: ${r.after.feedback}`);
  await t.screenshot(page, 'activity-lighting-phone.png');
}, { timeout: 240_000 });
