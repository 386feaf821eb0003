// The camera activity at the camera station (src/activities/camera/): the visitor chooses a lens,
// a shot size and who is in focus, sees the camera's own picture on its monitor, and matches the
// storyboard frame beside it. Driven through its DOM controls: a comparison at the start (all three
// off), a long lens on a medium shot (the track runs out: the frame is tighter), the close-up, a
// comparison that finds only the focus off, the focus pulled to actor B (the goal, kept with the
// visit), Start again; then the card in Spanish, and on a phone with the monitor and the storyboard
// in sight above the station sheet. After each control the live region's text and the canvas in
// the activity's region change. What the lenses, shots and storyboard frame are is content
// (scenes/activities/camera.json), never code.
import { assert, assertEqual, test } from '../lib/runner.mjs';
import { frames, waitFor } from '../lib/helpers.mjs';
import { card, cardState, openActivity, pixelChange, regionPixels, use } from '../lib/activity.mjs';

const STATION = 'camera';
const ID = 'camera';
const CARD = card(STATION);

const content = (page, lang) => page.evaluate((code) => Promise.all([
  fetch('scenes/activities/camera.json').then((r) => r.json()),
  fetch(`scenes/activities/camera/${code}.json`).then((r) => r.json()),
]).then(([params, words]) => ({ params, words })), lang);

const fill = (text, values) => text.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
const current = (page) => page.evaluate(() => window.backlot.activities.current());
/** The monitor's picture takes a pass a frame: wait until it is finished (and the dolly has rolled). */
const settled = (page) => waitFor(page, async () => {
  const c = await window.backlot.activities.current();
  return c && !c.picturePending && !c.gliding;
}, null, { what: 'the monitor\'s picture drawn and the dolly on its mark', timeout: 60_000 });
/**
 * The part of the station's region where this activity's changes show: the monitor and the
 * storyboard beside it, on the screen (the whole activity spans most of the view, where a change
 * of focus on one monitor is a few hundredths of a level on average).
 */
const monitorRegion = (page) => page.evaluate(() => {
  const scene = document.querySelector('a-scene');
  const THREE = window.AFRAME.THREE;
  const rect = scene.canvas.getBoundingClientRect();
  const mesh = scene.object3D.getObjectByName('camera-activity-monitor');
  mesh.updateMatrixWorld(true);
  const b = new THREE.Box3().setFromObject(mesh);
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i < 8; i++) {
    const v = new THREE.Vector3(i & 1 ? b.max.x : b.min.x, i & 2 ? b.max.y : b.min.y, i & 4 ? b.max.z : b.min.z).project(scene.camera);
    const x = rect.left + ((v.x + 1) / 2) * rect.width;
    const y = rect.top + ((1 - v.y) / 2) * rect.height;
    x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
  }
  x0 = Math.max(rect.left, x0); y0 = Math.max(rect.top, y0); x1 = Math.min(rect.right, x1); y1 = Math.min(rect.bottom, y1);
  return { x: Math.round(x0), y: Math.round(y0), width: Math.max(8, Math.round(x1 - x0)), height: Math.max(8, Math.round(y1 - y0)) };
});

/** Uses a control as a visitor, waits for the monitor's new picture, and checks the monitor's pixels changed. */
async function change(page, id, value, min = 1) {
  const clip = await monitorRegion(page);
  const before = await regionPixels(page, clip);
  const r = await use(page, STATION, id, value);
  await settled(page);
  await frames(page, 2);
  const delta = pixelChange(before, await regionPixels(page, clip));
  assert(delta > min, `after ${id}=${value} the monitor's picture changed by ${delta.toFixed(2)} levels (want > ${min})`);
  return { ...r, change: delta };
}

test('activity-camera: lens, shot size and focus matched to the storyboard, what is off explained', async (t) => {
  const page = await openActivity(t, STATION);
  const { params, words } = await content(page, 'en');
  const w = words.text;
  const lens = (id) => fill(w['lens.option'], { mm: params.lenses.find((l) => l.id === id).focalMm });
  const target = params.target;
  assert(params.start.lens !== target.lens && params.start.shot !== target.shot && params.start.focus !== target.focus, 'the start differs from the storyboard in lens, shot and focus');
  await settled(page);

  t.step('the card: title, goal, the camera as a visitor finds it, a first picture on the monitor');
  assertEqual(await page.$eval(`${CARD} h2`, (e) => e.textContent), words.title, 'the card title');
  assertEqual(await page.$eval(`${CARD} .activity-goal`, (e) => e.textContent), words.goal, 'the goal');
  let s = await cardState(page, STATION);
  assertEqual(s.status, fill(w.status, { lens: lens(params.start.lens), shot: w[`shot.${params.start.shot}`], actor: w[`actorName.${params.start.focus}`] }), 'the status at the start');
  assertEqual(s.state, 'trying', 'data-state at the start');
  const options = await page.$$eval(`${CARD} [data-control="lens"] button`, (bs) => bs.map((b) => [b.dataset.option, b.textContent]));
  assertEqual(options, params.lenses.map((l) => [l.id, lens(l.id)]), 'one button per lens, shortest first');
  let c = await current(page);
  const grey = await regionPixels(page, await monitorRegion(page));
  const mean = grey.reduce((a, b) => a + b, 0) / grey.length;
  assert(c.pictures >= 1 && mean > 25, `the monitor shows a picture on opening (${c.pictures} drawn, mean grey ${mean.toFixed(1)})`);
  await t.screenshot(page, 'activity-camera-before.png');

  t.step('compare at the start: lens, shot size and focus all off, each explained; the storyboard laid over the monitor');
  let r = await change(page, 'compare', true);
  assertEqual(r.after.tone, 'bad', 'tone of a comparison that does not match');
  assert(r.after.feedback.includes(fill(w['compare.lensWider'], { target: lens(target.lens), lens: lens(params.start.lens) })), `the lens is explained (wider than the board's): ${r.after.feedback}`);
  assert(r.after.feedback.includes(fill(w['compare.shot'], { target: w[`shotName.${target.shot}`], actual: w[`shotName.${params.start.shot}`] })), 'the shot size is explained');
  assert(r.after.feedback.includes(fill(w['compare.focus'], { target: w[`actorName.${target.focus}`], actual: w[`actorName.${params.start.focus}`] })), 'the focus is explained: the 1st AC\'s job');
  t.note(`comparing changed the activity's region by ${r.change.toFixed(2)} levels`);

  t.step('the long lens on the medium shot: the dolly runs out of track, the frame is tighter');
  r = await change(page, 'lens', target.lens);
  assertEqual(r.after.tone, 'info', 'a lens change informs');
  assert(r.after.feedback.startsWith(`${lens(target.lens)} `) && r.after.feedback.includes(w['kind.long']), `the long lens's look is explained: ${r.after.feedback}`);
  c = await current(page);
  assert(c.limited === true && c.distance === params.camera.farthest, `the dolly is at the end of its track (${c.distance} m, limited ${c.limited})`);
  assert(r.after.feedback.includes(w[`shotName.${c.framed}`]), `the feedback names the tighter frame (${c.framed})`);

  t.step('the storyboard\'s shot size: the dolly rolls in to its mark');
  r = await change(page, 'shot', target.shot);
  c = await current(page);
  assertEqual([c.framed, c.limited], [target.shot, false], 'the frame is the storyboard\'s shot size, within the track');
  assert(r.after.feedback.startsWith(`${w[`shot.${target.shot}`]}:`), `the shot change says what the dolly grip does: ${r.after.feedback}`);
  t.note(`the dolly's mark: ${c.distance} m from actor A`);

  t.step('compare again: only the focus is off');
  r = await change(page, 'compare', true);
  assertEqual(r.after.feedback, fill(w['compare.off'], { problems: fill(w['compare.focus'], { target: w[`actorName.${target.focus}`], actual: w[`actorName.${params.start.focus}`] }) }), 'only the focus puller has work left');
  assertEqual(r.after.state, 'trying', 'not done yet');

  t.step('the 1st AC pulls focus to the storyboard\'s actor: the frame matches');
  r = await change(page, 'focus', target.focus);
  assertEqual(r.after.tone, 'good', 'tone of the match');
  assertEqual(r.after.feedback, words.done, 'the success explains the three crew members\' calls');
  assertEqual(r.after.state, 'done', 'data-state once matched');
  assertEqual(r.after.status, fill(w.status, { lens: lens(target.lens), shot: w[`shot.${target.shot}`], actor: w[`actorName.${target.focus}`] }), 'the status at the match');
  await waitFor(page, (id) => window.backlot.activities.done().includes(id), ID, { what: `"${ID}" in activities.done()` });
  await t.screenshot(page, 'activity-camera-done.png');

  t.step('a wide lens after the match: the goal is kept, the perspective explained');
  r = await change(page, 'lens', params.lenses[0].id);
  assert(r.after.feedback.includes(w[`kind.${params.lenses[0].kind}`]), `the wide lens's look: ${r.after.feedback}`);
  assertEqual(r.after.state, 'done', 'the goal stays reached');

  t.step('Start again: the camera as a visitor finds it');
  await page.click('#activity-reset');
  await frames(page, 3);
  await settled(page);
  s = await cardState(page, STATION);
  assertEqual(s.state, 'trying', 'data-state after Start again');
  c = await current(page);
  assertEqual([c.lens, c.shot, c.focus, c.compares], [params.start.lens, params.start.shot, params.start.focus, 0], 'lens, shot, focus and comparisons after Start again');

  t.step('Close: the stand-ins, the dolly and the monitor leave the station as it was');
  await page.click('#activity-close');
  await frames(page, 2);
  const shown = await page.evaluate(() => ['camera-activity-rig', 'camera-activity-car', 'camera-activity-monitor'].map((n) => document.querySelector('a-scene').object3D.getObjectByName(n)?.visible));
  assertEqual(shown, [false, false, false], 'the activity\'s meshes once the card is closed');
}, { timeout: 420_000 });

test('activity-camera: in Spanish', async (t) => {
  const page = await openActivity(t, STATION, 'lang=es');
  const { params, words } = await content(page, 'es');
  await settled(page);
  assertEqual(await page.$eval(`${CARD} h2`, (e) => e.textContent), words.title, 'the Spanish title');
  const lens = params.lenses[params.lenses.length - 1];
  let r = await change(page, 'lens', lens.id);
  assert(r.after.feedback.includes(words.text[`kind.${lens.kind}`]), `the Spanish lens's look: ${r.after.feedback}`);
  r = await change(page, 'focus', params.start.focus === 'a' ? 'b' : 'a');
  assert(/foquista/i.test(r.after.feedback), `the Spanish focus pull names the foquista: ${r.after.feedback}`);
  assertEqual(await page.$eval(`${CARD} [data-control="shot"] button[data-option="close-up"]`, (b) => b.textContent), words.text['shot.close-up'], 'the Spanish shot size');
  await t.screenshot(page, 'activity-camera-es.png');
}, { timeout: 240_000 });

test('activity-camera: on a phone, the monitor and the storyboard in sight above the sheet', async (t) => {
  const page = await t.newPage();
  await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
  await t.openApp(`?station=${STATION}`, { page });
  await waitFor(page, () => { const b = document.getElementById('btn-activity'); return b && !b.hidden && b.textContent.length > 0; }, null, { what: '#btn-activity in the sheet', timeout: 30_000 });
  await page.click('#btn-activity');
  await waitFor(page, (sel) => Boolean(document.querySelector(sel)), CARD, { what: `${CARD} open`, timeout: 30_000 });
  await waitFor(page, () => !window.backlot.tour.isTravelling(), null, { what: 'the view turned to the activity', timeout: 30_000 });
  await settled(page);
  const box = await page.$eval(CARD, (e) => { const b = e.getBoundingClientRect(); return { left: b.left, right: b.right, top: b.top }; });
  assert(box.left >= 0 && box.right <= 391, `the card fits the phone's width: ${JSON.stringify(box)}`);
  // Where the monitor's picture and the storyboard's card are on the screen, and where the sheet starts.
  const { params } = await content(page, 'en');
  const seen = await page.evaluate((board) => {
    const scene = document.querySelector('a-scene');
    const THREE = window.AFRAME.THREE;
    const rect = scene.canvas.getBoundingClientRect();
    const sheetTop = document.querySelector('#hud .now').getBoundingClientRect().top;
    const toScreen = (points) => {
      const xs = [];
      const ys = [];
      for (const p of points) {
        const v = p.clone().project(scene.camera);
        xs.push(rect.left + ((v.x + 1) / 2) * rect.width);
        ys.push(rect.top + ((1 - v.y) / 2) * rect.height);
      }
      return { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
    };
    const mesh = scene.object3D.getObjectByName('camera-activity-monitor');
    mesh.updateMatrixWorld(true);
    const b = new THREE.Box3().setFromObject(mesh);
    const corners = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => new THREE.Vector3(i & 1 ? b.max.x : b.min.x, i & 2 ? b.max.y : b.min.y, i & 4 ? b.max.z : b.min.z));
    // The storyboard card from its settings, in the activity's group (the station's frame).
    const group = scene.object3D.getObjectByName('activity:camera');
    const f = (board.facing * Math.PI) / 180;
    const half = board.width / 2;
    const card = [-1, 1].flatMap((sx) => [-1, 1].map((sy) => group.localToWorld(new THREE.Vector3(board.at[0] + sx * half * Math.cos(f), board.height + sy * half * (456 / 512), board.at[1] - sx * half * Math.sin(f)))));
    return { monitor: toScreen(corners), storyboard: toScreen(card), sheetTop, width: rect.width };
  }, params.storyboard);
  t.note(`on the phone: the monitor at ${JSON.stringify(seen.monitor)}, the storyboard at ${JSON.stringify(seen.storyboard)}, the sheet from ${seen.sheetTop}`);
  for (const [what, m] of [['monitor', seen.monitor], ['storyboard', seen.storyboard]]) {
    assert(m.left >= -2 && m.right <= seen.width + 2, `the ${what} is within the phone's width: ${JSON.stringify(m)}`);
    assert(m.bottom <= seen.sheetTop + 2 && m.top >= 40, `the ${what} is above the station sheet (which starts at ${seen.sheetTop}): ${JSON.stringify(m)}`);
  }
  assert(seen.monitor.right - seen.monitor.left >= 180, `the monitor is big enough to read on a phone: ${Math.round(seen.monitor.right - seen.monitor.left)} px wide`);
  await t.screenshot(page, 'activity-camera-phone-before.png');
  const r = await change(page, 'lens', '85');
  t.note(`the 85 mm on a phone changed the activity's region by ${r.change.toFixed(2)} levels`);
  await t.screenshot(page, 'activity-camera-phone.png');
}, { timeout: 240_000 });
