// Helpers for the hands-on activities' journeys (src/activities/): open one at its station through
// its DOM, drive its controls the way a visitor does (click, keyboard on a slider), read what was
// announced, and compare the canvas in the station's region before and after a change.
import { AssertionError, assert } from './runner.mjs';
import { frames, waitFor, waitForStation } from './helpers.mjs';

/** The card's selector for a station. */
export const card = (station) => `section.activity[data-demo="${station}"]`;

/** Goes to `station` (through the URL), waits for "Try it" and clicks it; returns the card's selector. */
export async function openActivity(t, station, query = '') {
  const page = await t.openApp(`?station=${station}${query ? `&${query}` : ''}`);
  await waitForStation(page, station);
  await waitFor(page, () => { const b = document.getElementById('btn-activity'); return b && !b.hidden && b.textContent.length > 0; }, null, { what: '#btn-activity shown in the station box', timeout: 30_000 });
  await page.click('#btn-activity');
  await waitFor(page, (sel) => Boolean(document.querySelector(sel)), card(station), { what: `${card(station)} open`, timeout: 30_000 });
  // Opening turns the view to the activity: measure nothing until it has settled.
  await waitFor(page, () => !window.backlot.tour.isTravelling(), null, { what: 'the view turned to the activity' });
  await frames(page, 4);
  return page;
}

/** The card's feedback (the live region) and state, read in one go. */
export async function cardState(page, station) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const fb = el.querySelector('.activity-feedback');
    return { state: el.dataset.state, feedback: fb?.textContent ?? '', tone: fb?.dataset.tone ?? '', live: fb?.getAttribute('aria-live') ?? '', status: el.querySelector('.activity-status')?.textContent ?? '' };
  }, card(station));
}

/**
 * Uses one control as a visitor: a toggle or action is clicked; a choice's option is clicked; a
 * slider is focused and moved with the keyboard to `value` (each key press is one change, as a
 * screen-reader user makes it). Returns the card's state after it, and asserts the live region
 * said something new.
 */
export async function use(page, station, id, value) {
  const sel = card(station);
  const before = await cardState(page, station);
  const kind = await page.evaluate((s, cid) => {
    const el = document.querySelector(`${s} [data-control="${cid}"]`);
    if (!el) return null;
    return el.matches('input[type=range]') ? 'slider' : el.matches('[role=group]') ? 'choice' : 'button';
  }, sel, id);
  if (!kind) throw new AssertionError(`${sel} has no control [data-control="${id}"]`);
  if (kind === 'button') await page.click(`${sel} [data-control="${id}"]`);
  else if (kind === 'choice') await page.click(`${sel} [data-control="${id}"] button[data-option="${value}"]`);
  else await setSlider(page, `${sel} input[data-control="${id}"]`, value);
  await frames(page, 3);
  const after = await cardState(page, station);
  assert(after.feedback.length > 0, `after ${id}=${value} the live region (.activity-feedback) is empty`);
  assert(after.live === 'polite', `the feedback is an aria-live region (aria-live="${after.live}")`);
  return { before, after };
}

/** Moves a range input to `value` with arrow keys (Home first), as a keyboard user would. */
export async function setSlider(page, selector, value) {
  const { min, step } = await page.$eval(selector, (el) => ({ min: Number(el.min), step: Number(el.step) || 1 }));
  await page.focus(selector);
  await page.keyboard.press('Home');
  const presses = Math.round((value - min) / step);
  for (let i = 0; i < presses; i++) await page.keyboard.press('ArrowRight');
  const got = Number(await page.$eval(selector, (el) => el.value));
  assert(Math.abs(got - value) < step / 2 + 1e-9, `slider ${selector} reached ${value} (it is at ${got})`);
}

/**
 * The screen box around the activity's own 3D things (its group under the set, projected), padded
 * and clamped to the view: "the station's region" of the canvas.
 */
export async function stationRegion(page, id) {
  return page.evaluate((name) => {
    const scene = document.querySelector('a-scene');
    const THREE = window.AFRAME.THREE;
    const group = scene.object3D.getObjectByName(`activity:${name}`);
    if (!group) throw new Error(`no object named activity:${name} in the scene`);
    group.updateMatrixWorld(true);
    const box = new THREE.Box3().setFromObject(group);
    if (box.isEmpty()) throw new Error(`activity:${name} has nothing in it`);
    const cam = scene.camera;
    cam.updateMatrixWorld(true);
    const rect = scene.canvas.getBoundingClientRect();
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (let i = 0; i < 8; i++) {
      const v = new THREE.Vector3(i & 1 ? box.max.x : box.min.x, i & 2 ? box.max.y : box.min.y, i & 4 ? box.max.z : box.min.z).project(cam);
      const x = rect.left + ((v.x + 1) / 2) * rect.width;
      const y = rect.top + ((1 - v.y) / 2) * rect.height;
      x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
    }
    const cx0 = Math.max(rect.left, x0 - 10), cy0 = Math.max(rect.top, y0 - 10);
    const cx1 = Math.min(rect.right, x1 + 10), cy1 = Math.min(rect.bottom, y1 + 10);
    return { x: Math.round(cx0), y: Math.round(cy0), width: Math.max(8, Math.round(cx1 - cx0)), height: Math.max(8, Math.round(cy1 - cy0)) };
  }, id);
}

/**
 * The canvas's pixels in `clip`, as a 64×64 grey grid (a screenshot of that region, decoded in the
 * page). Only the WebGL canvas is grabbed: the HUD and the card are hidden for the shot, so a
 * change measured is a change of the 3D picture.
 */
export async function regionPixels(page, clip, settle = 2) {
  await page.evaluate(() => { for (const el of document.querySelectorAll('#hud, section.activity')) el.style.visibility = 'hidden'; });
  await frames(page, settle);
  const png = await page.screenshot({ clip, encoding: 'base64' });
  await page.evaluate(() => { for (const el of document.querySelectorAll('#hud, section.activity')) el.style.visibility = ''; });
  return page.evaluate(async (data) => {
    // Decoded from the bytes, not fetched as a data: URL (the app's CSP allows connect-src 'self' only).
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const img = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = new OffscreenCanvas(64, 64);
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0, 64, 64);
    const px = g.getImageData(0, 0, 64, 64).data;
    const out = [];
    for (let i = 0; i < px.length; i += 4) out.push((px[i] + px[i + 1] + px[i + 2]) / 3);
    return out;
  }, png);
}

/** Mean absolute difference of two grey grids (0–255). */
export function pixelChange(a, b) {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum / a.length;
}

/**
 * Uses a control and asserts the canvas in the activity's region changed by more than `min`
 * levels on average (and the live region spoke). Returns { after, change }.
 */
export async function useAndSee(page, station, id, value, { activity = station, min = 0.3 } = {}) {
  const clip = await stationRegion(page, activity);
  const before = await regionPixels(page, clip);
  const r = await use(page, station, id, value);
  await frames(page, 4);
  const after = await regionPixels(page, clip);
  const change = pixelChange(before, after);
  assert(change > min, `after ${id}=${value} the canvas in the station's region changed by ${change.toFixed(2)} levels (want > ${min})`);
  return { ...r, change };
}
