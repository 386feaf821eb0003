// The LED volume activity at its station (src/activities/led-volume/): the director asks for a look
// (a time of day and a weather), the visitor sets the wall to it and rolls camera. Driven through
// its DOM controls: a roll on the wrong look (what differs, said), the time and the weather changed
// (the wall's picture, its rain or snow and the light on the stand-ins change with them), the right
// look rolled (the next request), the last one rolled (the goal, kept with the visit), Start again;
// then Spanish on a phone with reduced motion (no lightning flashes). After each control the live
// region speaks and the canvas in the activity's region changes. Every look, request and word is
// content (scenes/activities/led-volume.json and its words), never code.
import { assert, assertEqual, test } from '../lib/runner.mjs';
import { frames, waitFor, waitForStation } from '../lib/helpers.mjs';
import { card, cardState, openActivity, pixelChange, regionPixels, stationRegion, use } from '../lib/activity.mjs';

const STATION = 'led-volume';
const ID = 'led-volume';
const CARD = card(STATION);

/** The activity's settings and words as the app serves them. */
const content = (page, lang) => page.evaluate((code) => Promise.all([
  fetch('scenes/activities/led-volume.json').then((r) => r.json()),
  fetch(`scenes/activities/led-volume/${code}.json`).then((r) => r.json()),
]).then(([params, words]) => ({ params, words })), lang);

const fill = (text, values) => text.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
const current = (page) => page.evaluate(() => window.backlot.activities.current());
const disabled = (page, id) => page.$eval(`${CARD} [data-control="${id}"]`, (b) => b.disabled);
const lookText = (words, look) => fill(words.text.look, { time: words.text[`time.${look.time}`], weather: words.text[`weather.${look.weather}`] });
const statusText = (words, look, want) => fill(words.text.status, { look: lookText(words, look), wanted: lookText(words, want) });
/** What a roll on `have` says when `want` was asked for (the first roll also explains the camera's frame). */
function wrongText(words, have, want, first) {
  const parts = first ? [words.text.rolling] : [];
  parts.push(words.text.cut);
  if (have.time !== want.time) parts.push(fill(words.text.rollWrongTime, { have: words.text[`time.${have.time}`], want: words.text[`time.${want.time}`] }));
  if (have.weather !== want.weather) parts.push(fill(words.text.rollWrongWeather, { have: words.text[`weather.${have.weather}`], want: words.text[`weather.${want.weather}`] }));
  return parts.join(' ');
}


/** Uses a control (lib/activity.mjs's use) and asserts the canvas in the activity's region changed by more than `min`. */
async function useAndSee(page, id, value, { min = 0.3 } = {}) {
  const clip = await stationRegion(page, ID);
  const before = await regionPixels(page, clip);
  const r = await use(page, STATION, id, value);
  await frames(page, 4);
  const change = pixelChange(before, await regionPixels(page, clip));
  assert(change > min, `after ${id}=${value} the canvas in the activity's region changed by ${change.toFixed(2)} levels (want > ${min})`);
  return { ...r, change };
}

/** Sets the wall to `look`, a control at a time, checking what each says; returns the last feedback. */
async function setLook(t, page, words, look, wantNow) {
  let last = null;
  for (const [id, value] of [['time', look.time], ['weather', look.weather]]) {
    if ((await current(page))[id] === value) continue;
    const r = await useAndSee(page, id, value);
    last = r.after;
    const said = words.text[`said.${value}`];
    const matches = (await current(page)).matches;
    assertEqual(r.after.feedback, matches ? `${said} ${words.text.matches}` : said, `what ${id} = ${value} teaches`);
    assertEqual(r.after.tone, 'info', `tone of ${id} = ${value}`);
    const pressed = await page.$eval(`${CARD} [data-control="${id}"] button[data-option="${value}"]`, (b) => b.getAttribute('aria-pressed'));
    assertEqual(pressed, 'true', `${id} = ${value} is pressed`);
    t.note(`${id} = ${value} changed the activity's region by ${r.change.toFixed(2)} levels`);
  }
  const c = await current(page);
  assertEqual([c.time, c.weather, c.rolling], [look.time, look.weather, false], 'the wall shows the look, not rolling');
  assertEqual(last?.status, statusText(words, look, wantNow), 'the status names the wall and the request');
  return last;
}

test('activity-led-volume: the director’s looks set on the wall, a wrong roll explained, then every set-up shot', async (t) => {
  const page = await openActivity(t, STATION);
  const { params, words } = await content(page, 'en');
  const [first, second] = params.requests;

  t.step('the card: title, goal, the start look and the first request, a choice per time and weather, Roll');
  assertEqual(await page.$eval(`${CARD} h2`, (e) => e.textContent), words.title, 'the card title');
  assertEqual(await page.$eval(`${CARD} .activity-goal`, (e) => e.textContent), words.goal, 'the goal');
  let s = await cardState(page, STATION);
  assertEqual([s.status, s.state], [statusText(words, params.start, first), 'trying'], 'status and state at the start');
  for (const [id, list] of [['time', params.times], ['weather', params.weathers]]) {
    const options = await page.$$eval(`${CARD} [data-control="${id}"] button[data-option]`, (bs) => bs.map((b) => [b.dataset.option, b.textContent, b.getAttribute('aria-pressed')]));
    assertEqual(options, list.map((o) => [o.id, words.text[`${id}.${o.id}`], o.id === params.start[id] ? 'true' : 'false']), `the ${id} options, in content order, the start one pressed`);
  }
  assertEqual(await page.$eval(`${CARD} button[data-control="roll"]`, (b) => b.textContent), words.text.roll, 'the Roll button');
  let c = await current(page);
  assertEqual([c.fall, c.rolling, c.drawCalls], [null, false, 3], 'a clear start: no rain layer drawn, 3 draw calls');
  assert(c.triangles < 5000, `the activity's meshes are small: ${c.triangles} triangles`);
  const startLight = c.light;
  await t.screenshot(page, 'activity-led-volume-before.png');

  t.step('Roll on the start look: "Cut!", what differs from the request, the camera\'s frame on the wall');
  let r = await useAndSee(page, 'roll', true);
  assertEqual([r.after.tone, r.after.feedback], ['bad', wrongText(words, params.start, first, true)], 'the wrong roll');
  assertEqual(r.after.state, 'trying', 'no goal on a wrong roll');
  c = await current(page);
  assertEqual([c.request, c.rolls, c.rolling], [0, 1, true], 'still the first request; the take rolled');

  t.step(`set the first request (${first.time}, ${first.weather}): the picture, the rain and the light change`);
  await setLook(t, page, words, first, first);
  c = await current(page);
  assert(c.matches, 'the wall matches the request');
  assert(c.light[2] > c.light[0] && c.light[0] < startLight[0] / 3, `the wall's light went blue and dim at night (${startLight} → ${c.light})`);
  assertEqual([c.fall, c.drawCalls], ['rain', 4], 'the rain layer is drawn in a storm');
  await t.screenshot(page, 'activity-led-volume-storm.png');

  t.step('Roll: the director moves on to the next set-up');
  r = await useAndSee(page, 'roll', true);
  assertEqual([r.after.tone, r.after.feedback], ['good', fill(words.text.rollNext, { look: lookText(words, second) })], 'the right roll');
  assertEqual([r.after.state, r.after.status], ['trying', statusText(words, first, second)], 'the next request in the status');
  assertEqual(await disabled(page, 'roll'), false, 'Roll stays for the next set-up');

  t.step('Roll again without changing anything: the last look is not this one');
  r = await use(page, STATION, 'roll', true);
  assertEqual([r.after.tone, r.after.feedback], ['bad', wrongText(words, first, second, false)], 'the old look rolled again');

  t.step(`set the second request (${second.time}, ${second.weather}) and roll: the goal`);
  await setLook(t, page, words, second, second);
  c = await current(page);
  const fall = params.weathers.find((w) => w.id === second.weather).fall;
  assertEqual(c.fall, fall === 'none' ? null : fall, `the wall's ${second.weather}`);
  r = await useAndSee(page, 'roll', true);
  assertEqual([r.after.tone, r.after.feedback], ['good', words.done], 'the success says the supervisor\'s job');
  assertEqual(r.after.state, 'done', 'data-state after the last set-up');
  assertEqual(r.after.status, fill(words.text.statusDone, { look: lookText(words, second) }), 'the status once every set-up is shot');
  assertEqual(await disabled(page, 'roll'), true, 'Roll is done with');
  await waitFor(page, (id) => window.backlot.activities.done().includes(id), ID, { what: `"${ID}" in activities.done()` });
  await t.screenshot(page, 'activity-led-volume-done.png');

  t.step('Start again: the start look, the first request, Roll back');
  await page.click('#activity-reset');
  await frames(page, 3);
  s = await cardState(page, STATION);
  assertEqual([s.status, s.state, s.feedback], [statusText(words, params.start, first), 'trying', ''], 'the card after Start again');
  assertEqual(await disabled(page, 'roll'), false, 'Roll after Start again');
  c = await current(page);
  assertEqual([c.time, c.weather, c.request, c.done, c.rolling, c.fall], [params.start.time, params.start.weather, 0, false, false, null], 'the state after Start again');
  assertEqual(c.light, startLight, 'the start look\'s light again');
}, { timeout: 360_000 });

test('activity-led-volume: in Spanish on a phone, with reduced motion the storm does not flash', async (t) => {
  const page = await openActivity(t, STATION, 'lang=es');
  const { params, words } = await content(page, 'es');
  const [first] = params.requests;
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
  const box = await page.$eval(CARD, (e) => { const b = e.getBoundingClientRect(); return { left: b.left, right: b.right }; });
  assert(box.left >= 0 && box.right <= 390 + 1, `the card fits the phone's width: ${JSON.stringify(box)}`);

  t.step('set the first request in Spanish and roll');
  await setLook(t, page, words, first, first);
  const c = await current(page);
  assertEqual([c.still, c.fall], [true, 'rain'], 'reduced motion is on; the rain layer is there');
  // long enough for a strike without reduced motion (the first comes 0.8 s after a change), on a
  // fast machine (1.5 s) and on a slow one (frames are clamped to 0.1 s each)
  await frames(page, 10);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const after = await current(page);
  assertEqual([after.strikes, after.flashing], [0, false], 'no lightning flashes with reduced motion');
  const r = await useAndSee(page, 'roll', true, { min: 0.1 });
  assertEqual([r.after.tone, r.after.feedback], ['good', `${words.text.rolling} ${fill(words.text.rollNext, { look: lookText(words, params.requests[1]) })}`], 'the Spanish right roll, the first take explained');
  assert(r.after.feedback.includes('¡Corten!'), `a cut in Spanish: ${r.after.feedback}`);
  await t.screenshot(page, 'activity-led-volume-phone.png');
}, { timeout: 240_000 });
