// Keyboard only: focus the 3D view, Tab/Shift+Tab move the focus ring through the stations in tour
// order (the view turns toward each), Enter goes there, Escape closes the panel, and Tab past the
// last station lets focus leave to the HUD (no keyboard trap).
import { assert, assertEqual, test } from '../lib/runner.mjs';
import { frames, need, projectToScreen, stationHandle, tour, waitFor, waitForReader, waitForStation, waitForStillCamera } from '../lib/helpers.mjs';

const active = (page) => page.evaluate(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return { id: null, tag: 'body', inScene: false };
  return { id: el.id || null, tag: el.tagName.toLowerCase(), inScene: Boolean(el.closest('#scene-focus')) };
});

/** The focus ring must be perceivable: the view turned to it, and its title is exposed to AT. */
async function checkRing(page, t, index) {
  const { set, locale } = t.content();
  const id = set.tour[index];
  const state = await tour(page);
  assertEqual(state.focus, index, `state.focus after moving the ring to "${id}"`);
  const where = await active(page);
  assertEqual(where.id, 'scene-focus', `document.activeElement while the ring is on "${id}"`);
  await waitForStillCamera(page);
  const marker = await projectToScreen(page, await stationHandle(page, id), 'marker');
  assert(marker.onScreen, `focus ring on "${id}" but the view did not turn to it: its marker projects to (${Math.round(marker.x)}, ${Math.round(marker.y)}, ndc z ${marker.ndcZ.toFixed(3)})`);
  const title = locale.stations[id].title;
  const announced = await page.evaluate((tt) => {
    const view = document.querySelector('#scene-focus');
    const labels = [view.getAttribute('aria-label'), view.getAttribute('aria-description'), view.getAttribute('aria-valuetext')];
    const described = (view.getAttribute('aria-describedby') ?? '').split(/\s+/).concat((view.getAttribute('aria-activedescendant') ?? '').split(/\s+/)).filter(Boolean).map((i) => document.getElementById(i)?.textContent ?? '');
    const live = [...document.querySelectorAll('[aria-live]')].map((el) => el.textContent ?? '');
    return [...labels, ...described, ...live].some((s) => (s ?? '').includes(tt));
  }, title);
  assert(announced, `focus ring on "${id}" but its title "${title}" is not exposed (aria-label/description/activedescendant of #scene-focus or an aria-live region)`);
}

test('keyboard: Tab through stations, Enter goes, Escape closes, Tab leaves to the HUD', async (t) => {
  const page = await t.openApp();
  const { set } = t.content();
  const n = set.tour.length;
  assert(n >= 2, 'needs at least two stations');
  const view = await need(page, '#scene-focus');
  const tabindex = await page.$eval('#scene-focus', (el) => el.tabIndex);
  assertEqual(tabindex, 0, '#scene-focus tabIndex');

  t.step('focus the 3D view');
  await view.focus();
  await frames(page, 2);
  assertEqual((await active(page)).id, 'scene-focus', 'document.activeElement after focusing #scene-focus');

  for (let i = 0; i < n; i += 1) {
    t.step(`Tab to station ${i}`);
    await page.keyboard.press('Tab');
    await frames(page, 2);
    await checkRing(page, t, i);
  }

  t.step('Shift+Tab back one');
  await page.keyboard.down('Shift');
  await page.keyboard.press('Tab');
  await page.keyboard.up('Shift');
  await frames(page, 2);
  await checkRing(page, t, n - 2);

  t.step('Enter goes there');
  const target = set.tour[n - 2];
  await page.keyboard.press('Enter');
  await waitForStation(page, target);
  let state = await tour(page);
  assertEqual(state.panel, { kind: 'station', id: target }, 'state.panel after Enter');
  await waitForReader(page, [t.content().locale.stations[target].title], `the title of "${target}"`);

  t.step('Escape closes the panel');
  await page.keyboard.press('Escape');
  await waitFor(page, () => window.backlot.tour.state.panel === null, undefined, { timeout: 5000, what: 'Escape to close the panel (state.panel null)' });
  assertEqual((await active(page)).id, 'scene-focus', 'focus stays on the 3D view after Escape');

  t.step('Tab past the last station');
  state = await tour(page);
  // After Enter the ring sits on the station reached; step it to the last one, then once more.
  const steps = n - 1 - (state.focus ?? n - 2);
  for (let k = 0; k < steps; k += 1) { await page.keyboard.press('Tab'); await frames(page, 2); }
  await checkRing(page, t, n - 1);
  await page.keyboard.press('Tab');
  await frames(page, 2);
  const left = await active(page);
  // A-Frame injects its own buttons (Enter VR / fullscreen) inside the scene wrapper: those count
  // as leaving the 3D view too; staying on #scene-focus or dropping to <body> does not.
  assert(left.id !== 'scene-focus' && left.tag !== 'body', `Tab past the last station should move focus to a HUD control; activeElement is ${left.tag}${left.id ? `#${left.id}` : ''}`);
  assert(['button', 'a', 'select', 'input', 'summary'].includes(left.tag) || left.id, `focus left to ${left.tag}, not a HUD control`);
  state = await tour(page);
  assertEqual(state.focus, null, 'state.focus once keyboard focus left the 3D view');
  t.note(`focus left the view to ${left.tag}${left.id ? `#${left.id}` : ''}${left.inScene ? ' (inside #scene-focus)' : ''}`);
}, { timeout: 90_000 });
