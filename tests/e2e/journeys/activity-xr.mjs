// Hands-on activities in emulated XR (IWER): in VR the station panel's "Try it" opens the activity's
// own pointable panel beside the visitor; a slider is dragged (point, press, move, let go) and a
// toggle or a choice is selected with the controller, at two stations. In AR the LED volume's
// weather changes on the tabletop model from the card in the DOM overlay, and an activity that does
// not read at that scale says so and offers life size.
import { assert, assertEqual, test } from '../lib/runner.mjs';
import { dispatch, frames, waitFor, waitForStation } from '../lib/helpers.mjs';
import { aimAt, enterXr, pullTrigger } from '../lib/xr.mjs';
import { card } from '../lib/activity.mjs';

/** The open activity's state (debug()), through the test hook. */
const current = (page) => page.evaluate(() => window.backlot.activities.current());
const right = (page) => page.evaluate(() => window.backlot.vr.aims().find((a) => a.hand === 'right') ?? null);

/** A control's point on the headset's activity panel (`along`: 0…1 across it). */
async function panelPoint(page, id, option, along = 0.5) {
  const p = await page.evaluate((c, o, a) => window.backlot.activities.vrPoint(c, o ?? undefined, a), id, option ?? null, along);
  assert(p, `the VR activity panel has no control "${id}"${option ? ` option "${option}"` : ''}`);
  return p;
}

/** The first control of `kind` in the (hidden) DOM card: its id, and for a choice an option it is not on. */
async function firstControl(page, station, kind) {
  return page.evaluate((sel, k) => {
    const root = document.querySelector(sel);
    const el = k === 'slider' ? root.querySelector('input[type=range][data-control]') : k === 'choice' ? root.querySelector('[role=group][data-control]') : root.querySelector('button.activity-toggle[data-control]');
    if (!el) return null;
    const option = k === 'choice' ? el.querySelector('button[aria-pressed="false"]')?.dataset.option ?? null : null;
    return { id: el.dataset.control, option, value: k === 'slider' ? Number(el.value) : null, min: k === 'slider' ? Number(el.min) : null, max: k === 'slider' ? Number(el.max) : null };
  }, card(station), kind);
}

/** In VR at `station`: the panel's Try it (strip of Previous, Try it, [Shoot a take], Close, Next). */
async function openFromPanel(page, station) {
  await dispatch(page, { type: 'go', station });
  await waitForStation(page, station);
  await waitFor(page, () => !window.backlot.tour.isTravelling() && document.querySelector('a-scene').object3D.getObjectByName('info-panel')?.visible, null, { what: `the ${station} panel shown in VR` });
  await waitFor(page, () => document.getElementById('btn-activity')?.hidden === false, null, { what: "the activity's Try it ready", timeout: 30_000 });
  await page.evaluate(() => window.backlot.tour.dispatch({ type: 'setSettings', settings: {} })); // a panel re-render with the activity known
  await frames(page, 3);
  const strip = (u) => page.evaluate((x) => {
    const m = document.querySelector('a-scene').object3D.getObjectByName('info-panel');
    m.updateMatrixWorld(true);
    const p = new window.AFRAME.THREE.Vector3(x - 0.5, -0.5 + 0.075 / m.scale.y, 0).applyMatrix4(m.matrixWorld);
    return { x: p.x, y: p.y, z: p.z };
  }, u);
  await aimAt(page, await strip(0.375));
  assertEqual((await right(page))?.button, 'activity', "the controller points at the panel's Try it (2nd of 4)");
  await pullTrigger(page);
  await waitFor(page, () => document.querySelector('a-scene').object3D.getObjectByName('activity-panel')?.visible === true, null, { what: "the activity's VR panel shown", timeout: 30_000 });
  await frames(page, 4);
}

test('activities in VR: Try it on the panel, drag a slider, select a toggle (lighting), select a choice (LED volume)', async (t) => {
  const page = await t.openApp('?emulate-xr=vr');
  await waitFor(page, () => Boolean(document.querySelector('#btn-vr')), null, { what: '#btn-vr' });
  await enterXr(page, 'vr');

  t.step('lighting: open from the station panel in the headset');
  await openFromPanel(page, 'lighting');
  assertEqual((await current(page))?.id, 'lighting', 'the open activity');
  await t.screenshot(page, 'activity-vr-lighting-open.png');

  t.step('drag the first slider from its left end to its right end');
  const slider = await firstControl(page, 'lighting', 'slider');
  assert(slider, 'the lighting activity has a slider');
  await aimAt(page, await panelPoint(page, slider.id, null, 0.02));
  assertEqual((await right(page))?.kind, 'surface', 'the ray stops on the activity panel');
  await page.evaluate(() => window.xrDevice.controllers.right.updateButtonValue('trigger', 1));
  await frames(page, 3);
  const pressed = await page.$eval(`${card('lighting')} input[data-control="${slider.id}"]`, (el) => Number(el.value));
  await aimAt(page, await panelPoint(page, slider.id, null, 0.98));
  await frames(page, 3);
  const dragged = await page.$eval(`${card('lighting')} input[data-control="${slider.id}"]`, (el) => Number(el.value));
  await page.evaluate(() => window.xrDevice.controllers.right.updateButtonValue('trigger', 0));
  await frames(page, 3);
  assert(Math.abs(pressed - slider.min) <= (slider.max - slider.min) * 0.1, `pressing at the track's left end set ${slider.id} to ${pressed} (min ${slider.min})`);
  assert(Math.abs(dragged - slider.max) <= (slider.max - slider.min) * 0.1, `dragging to the right end set ${slider.id} to ${dragged} (max ${slider.max})`);
  const said = (await current(page)).feedback;
  assert(said.length > 0, 'letting go of the slider said what it did');

  t.step('select the first toggle');
  const toggle = await firstControl(page, 'lighting', 'toggle');
  assert(toggle, 'the lighting activity has a toggle');
  const before = await current(page);
  const was = await page.$eval(`${card('lighting')} [data-control="${toggle.id}"]`, (el) => el.getAttribute('aria-pressed'));
  await aimAt(page, await panelPoint(page, toggle.id));
  await pullTrigger(page);
  const now = await page.$eval(`${card('lighting')} [data-control="${toggle.id}"]`, (el) => el.getAttribute('aria-pressed'));
  assert(now !== was, `the toggle ${toggle.id} switched (${was} → ${now})`);
  const after = await current(page);
  assert(after.status !== before.status || after.feedback !== before.feedback, 'the activity changed after the toggle');
  await t.screenshot(page, 'activity-vr-lighting-after.png');

  t.step('LED volume: open, select a weather or time of day');
  await openFromPanel(page, 'led-volume');
  const choice = await firstControl(page, 'led-volume', 'choice');
  assert(choice?.option, 'the LED volume activity has a choice with another option');
  await aimAt(page, await panelPoint(page, choice.id, choice.option));
  await pullTrigger(page);
  const picked = await page.$eval(`${card('led-volume')} [data-control="${choice.id}"] button[data-option="${choice.option}"]`, (el) => el.getAttribute('aria-pressed'));
  assertEqual(picked, 'true', `${choice.id} = ${choice.option} selected with the controller`);
  await t.screenshot(page, 'activity-vr-led.png');
}, { timeout: 240_000 });

test('activities in AR: the LED wall on the tabletop model; the camera offers life size', async (t) => {
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

  t.step('open the LED volume on the model: its card is in the AR overlay');
  assert(await page.evaluate(() => window.backlot.activities.open('led-volume')), 'open(led-volume) in AR');
  await waitFor(page, (sel) => Boolean(document.querySelector(`#ar-overlay ${sel}`)), card('led-volume'), { what: 'the card in the AR overlay' });
  const choice = await firstControl(page, 'led-volume', 'choice');
  const before = await current(page);
  await page.click(`#ar-overlay ${card('led-volume')} [data-control="${choice.id}"] button[data-option="${choice.option}"]`);
  await frames(page, 4);
  const after = await current(page);
  assert(after.status !== before.status, `the wall changed on the model (status "${before.status}" → "${after.status}")`);
  assert(after.feedback.length > 0, 'the change was said');
  assertEqual(await page.evaluate(() => document.getElementById('activity-life-size')), null, 'no life-size note for an activity that reads on the model');
  await t.screenshot(page, 'activity-ar-led.png');

  t.step('the camera activity says it needs life size and offers it');
  assert(await page.evaluate(() => window.backlot.activities.open('camera')), 'open(camera) in AR');
  await waitFor(page, () => Boolean(document.querySelector('#ar-overlay #activity-life-size')), null, { what: 'the life-size offer in the overlay' });
  const note = await page.$eval('#ar-overlay .activity-life-size', (el) => el.textContent);
  assertEqual(note.trim(), t.content().locale.ui.activityLifeSize, 'the note');
  await page.click('#activity-life-size');
  await waitFor(page, () => window.backlot.xr.mode === 'inline', null, { what: 'AR ended for life size' });
  await waitFor(page, () => Boolean(document.querySelector('section.activity[data-demo="camera"]')), null, { what: 'the camera activity open at life size', timeout: 30_000 });
}, { timeout: 180_000 });
