// The sound station's activity, "keep the boom out of shot", driven through its DOM controls as a
// visitor does: a take with the mic too high (thin voice, room rising), the boom lowered into the
// picture and a take there (boom in shot), room tone recorded and then spoiled by moving the boom,
// and finally the mic just above the frame line for a good take. After each control the live
// region says something new and the canvas in the activity's region changes; the monitor on the
// cart is drawn only when the boom moves.
import { assert, assertEqual, test } from '../lib/runner.mjs';
import { frames, waitFor } from '../lib/helpers.mjs';
import { card, cardState, openActivity, pixelChange, regionPixels, stationRegion, use } from '../lib/activity.mjs';


const STATION = 'sound';
const current = (page) => page.evaluate(() => window.backlot.activities.current());
/** The text of a words template before its first placeholder: what an announcement must start with. */
const lead = (template) => template.split('{')[0];


/** Uses a control and asserts the canvas in the activity's region changed (and the live region spoke). */
async function useAndSee(page, station, id, value, min = 0.3) {
  const clip = await stationRegion(page, station);
  const before = await regionPixels(page, clip);
  const r = await use(page, station, id, value);
  await frames(page, 4);
  const change = pixelChange(before, await regionPixels(page, clip));
  assert(change > min, `after ${id}=${value} the canvas in the activity's region changed by ${change.toFixed(2)} levels (want > ${min})`);
  return { ...r, change };
}

/**
 * Presses an action and reads the activity's state in the same task, then grabs the canvas after
 * one frame: room tone lasts a few seconds, which a slow software renderer (a frame a second) can
 * spend entirely on the usual settling frames. Asserts the canvas changed and returns the state.
 */
async function pressAndSee(page, station, id, min = 0.3) {
  const clip = await stationRegion(page, station);
  const before = await regionPixels(page, clip);
  const state = await page.evaluate(async (sel, cid) => {
    document.querySelector(`${sel} button[data-control="${cid}"]`).click();
    const c = await window.backlot.activities.current();
    return { ...c, announced: document.querySelector(`${sel} .activity-feedback`).textContent };
  }, card(station), id);
  await frames(page, 1);
  const change = pixelChange(before, await regionPixels(page, clip, 0));
  assert(change > min, `after ${id} the canvas in the activity's region changed by ${change.toFixed(2)} levels (want > ${min})`);
  return { state, change };
}

async function lineOver(page) {
  await waitFor(page, async () => (await window.backlot.activities.current())?.playing === null, null, { what: 'the line to end', timeout: 15_000 });
}

test('activity-sound: keep the boom out of shot, too high, in shot, room tone, then the sweet spot', async (t) => {
  const page = await openActivity(t, STATION);
  const [params, words] = await page.evaluate(() => Promise.all(['scenes/activities/sound.json', 'scenes/activities/sound/en.json'].map((f) => fetch(f).then((r) => r.json()))));
  const { frame, target, mic } = params;
  const at = (clear) => Math.round((frame.aboveHeads + clear) / mic.step) * mic.step;

  t.step('a new visitor finds the mic too high, and the meter and status say where it is');
  const first = await current(page);
  assertEqual([first.done, first.zone, first.height], [false, 'too-high', mic.start], 'the first state (done, zone, height)');
  const start = await cardState(page, STATION);
  assert(/-?\d+ dB/.test(start.status) && start.status.includes(words.text.status.split('{')[0].trim()), `the status names the mic, the level and the room: "${start.status}"`);
  const slider = await page.$eval(`${card(STATION)} input[data-control="height"]`, (el) => ({ min: Number(el.min), max: Number(el.max), step: Number(el.step), text: el.getAttribute('aria-valuetext') }));
  assertEqual([slider.min, slider.max, slider.step], [mic.min, mic.max, mic.step], 'the slider range comes from the content');
  assert(slider.text && slider.text.length > 0, 'the slider has aria-valuetext');
  await t.screenshot(page, 'activity-sound-before.png');

  t.step('a take with the mic too high: the voice is thin, the room creeps up');
  const high = await useAndSee(page, STATION, 'play', true);
  assertEqual(high.after.tone, 'bad', 'a take too high is a mistake');
  assert(high.after.feedback.startsWith(lead(words.text.tooHigh)), `the take too high is explained: "${high.after.feedback}"`);
  const playing = await current(page);
  assert(playing.takes === 1 && playing.last === 'too-high' && playing.log.length > 0, `the take is on the sound report: ${JSON.stringify({ takes: playing.takes, last: playing.last, log: playing.log })}`);
  assert(high.after.status.includes(lead(words.text.statusLine).replace('“', '')) || high.after.status.includes(words.text.lineA), `the status captions the line: "${high.after.status}"`);
  if (playing.audible) t.note('sound: audible (a Web Audio context and output)');
  else assert(high.after.feedback.includes(words.text.noSound), 'without sound the feedback says so');
  await lineOver(page);

  t.step('the boom lowered into the picture: the frame lines turn red');
  const drawsBefore = (await current(page)).monitorDraws;
  const low = await useAndSee(page, STATION, 'height', at(-0.2));
  assert(low.after.feedback.startsWith(lead(words.text.movedIn)), `moving into the picture is announced: "${low.after.feedback}"`);
  const inShot = await current(page);
  assertEqual([inShot.zone, inShot.signs.inShot], ['in-shot', true], 'zone and "Boom in shot!" sign');
  assert(inShot.voiceDb > first.voiceDb && inShot.roomDb < first.roomDb, `closer, the voice rises and the room falls (${first.voiceDb}→${inShot.voiceDb}, ${first.roomDb}→${inShot.roomDb})`);
  assert(inShot.micBottom < inShot.frameTop, `the mic's lowest point (${inShot.micBottom}) is below the frame line (${inShot.frameTop})`);
  assert(inShot.monitorDraws > drawsBefore, 'the monitor was drawn after the boom moved');
  await frames(page, 30);
  assertEqual((await current(page)).monitorDraws, inShot.monitorDraws, 'monitor draws with nothing changing (never every frame)');

  t.step('a take with the boom in shot fails, explained');
  // The moment it starts (read in the same task as the click): the line plays and REC shows.
  const rolling0 = await page.evaluate(async (sel) => {
    document.querySelector(`${sel} button[data-control="play"]`).click();
    const c = await window.backlot.activities.current();
    return { playing: c.playing, rec: c.signs.rec };
  }, card(STATION));
  assertEqual(rolling0, { playing: 1, rec: true }, 'the second line plays with REC in the viewfinder');
  await lineOver(page);
  const shot = await useAndSee(page, STATION, 'play', true);
  assertEqual(shot.after.tone, 'bad', 'a take in shot is a mistake');
  assert(shot.after.feedback.startsWith(words.text.inShot), `the boom in shot is explained: "${shot.after.feedback}"`);
  assertEqual(shot.after.state, 'trying', 'the card is still trying');
  await lineOver(page);

  t.step('room tone: everyone freezes while the room is recorded');
  const { state: rolling, change: toneChange } = await pressAndSee(page, STATION, 'roomTone');
  assertEqual([rolling.tone, rolling.signs.tone, rolling.signs.rec], [true, true, true], 'room tone rolling: its sign and REC');
  assert(rolling.announced.startsWith(lead(words.text.toneStart)), `room tone is explained: "${rolling.announced}"`);
  t.note(`room tone: ${toneChange.toFixed(2)} levels`);
  await waitFor(page, async () => (await window.backlot.activities.current())?.toneRecorded === true, null, { what: 'the room tone recorded', timeout: 20_000 });

  t.step('room tone again, and the boom moves during it: spoiled');
  const clip = await stationRegion(page, STATION);
  const beforeSpoil = await regionPixels(page, clip);
  await page.click(`${card(STATION)} button[data-control="roomTone"]`);
  // One arrow press straight after: a single change, while the tone still rolls.
  await page.focus(`${card(STATION)} input[data-control="height"]`);
  await page.keyboard.press('ArrowRight');
  await frames(page, 3);
  const spoiled = await cardState(page, STATION);
  assertEqual([spoiled.tone, spoiled.feedback], ['bad', words.text.toneSpoiled], 'the spoiled room tone is explained');
  const afterSpoil = await current(page);
  assertEqual([afterSpoil.tone, afterSpoil.toneRecorded, afterSpoil.signs.tone], [false, true, false], 'room tone stopped (the first one stays recorded)');
  assert(afterSpoil.log === words.text.logToneSpoiled, `the sound report says so: "${afterSpoil.log}"`);
  const spoilChange = pixelChange(beforeSpoil, await regionPixels(page, clip));
  assert(spoilChange > 0.15, `the canvas changed after the move (${spoilChange.toFixed(2)} levels)`);
  t.note(`room tone spoiled by a one-step move: ${spoilChange.toFixed(2)} levels`);

  t.step('the mic brought down to just above the frame line');
  const sweet = await useAndSee(page, STATION, 'height', at(target.min));
  assert(sweet.after.feedback.startsWith(lead(words.text.movedAbove)), `the move is announced: "${sweet.after.feedback}"`);
  assertEqual((await current(page)).zone, 'sweet', 'the mic is in the sweet spot');

  t.step('a take with the mic just above the frame line: the goal');
  const good = await useAndSee(page, STATION, 'play', true);
  assertEqual(good.after.tone, 'good', 'a take in the sweet spot is good');
  assert(good.after.feedback.startsWith(words.done), `success says what the boom operator did: "${good.after.feedback}"`);
  assertEqual(good.after.state, 'done', 'the card is done');
  const done = await page.evaluate(() => window.backlot.activities.done());
  assert(done.includes('sound'), `the visit records the activity as done: ${JSON.stringify(done)}`);
  await t.screenshot(page, 'activity-sound-done.png');
  await lineOver(page);
  const end = await current(page);
  if (end.audible) assert(end.audio.lines >= 1 && end.audio.failed === '', `the lines were played from the take's dialogue: ${JSON.stringify(end.audio)}`);

  t.step('start again: as a new visitor finds it');
  await page.click('#activity-reset');
  await frames(page, 3);
  const reset = await current(page);
  assertEqual([reset.height, reset.zone, reset.takes, reset.signs.inShot], [mic.start, 'too-high', 0, false], 'after Start again');
  assert((await page.evaluate(() => window.backlot.activities.done())).includes('sound'), 'the visit keeps the activity done after Start again');
  assertEqual(reset.log, '', 'the sound report is cleared for the next visitor');
}, { timeout: 300_000 });

test('activity-sound: muted, the take still works and says to watch the meter', async (t) => {
  const page = await openActivity(t, STATION);
  const words = await page.evaluate(() => fetch('scenes/activities/sound/en.json').then((r) => r.json()));
  await page.click('#btn-mute');
  await frames(page, 10);
  const r = await useAndSee(page, STATION, 'play', true);
  assert(r.after.feedback.endsWith(words.text.noSound), `muted, the feedback says sound is off: "${r.after.feedback}"`);
  assertEqual((await current(page)).audible, false, 'not audible while muted');
  const tone = await pressAndSee(page, STATION, 'roomTone');
  assert(tone.state.announced.endsWith(words.text.noSound), `muted room tone says so too: "${tone.state.announced}"`);
}, { timeout: 180_000 });
