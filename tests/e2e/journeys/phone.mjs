// Phone visitors (a museum's QR code): the set, not a wall of buttons. On a 390×844 phone (and on
// its side, 844×390) with touch: one compact top bar (title, progress, Mute one tap away, a Menu
// holding the tools), the station's text in one bottom sheet whose peek opens and closes by tap,
// drag and keyboard, no 3D panel over the set, the station text in one live region only, and at
// least 60 % of the screen (75 % at the start) showing the film set. AR on a phone keeps the sheet
// collapsed so the placed model stays in view. The 3D panel is still there on a desktop.
import { assert, assertEqual, test } from '../lib/runner.mjs';
import { dispatch, frames, waitFor, waitForStation } from '../lib/helpers.mjs';
import { coveredShare } from '../lib/coverage.mjs';
import { aimAt, enterXr, pullTrigger } from '../lib/xr.mjs';

const PORTRAIT = { width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
const LANDSCAPE = { width: 844, height: 390, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };

async function phonePage(t, viewport, query) {
  const page = await t.newPage();
  await page.setViewport(viewport);
  await t.openApp(query, { page });
  await frames(page, 5);
  return page;
}

const sheet = (page) => page.evaluate(() => {
  const reader = document.getElementById('reader').getBoundingClientRect();
  return {
    expanded: document.getElementById('btn-sheet').getAttribute('aria-expanded'),
    readerShown: reader.width > 50 && reader.height > 50,
  };
});
const panelShown = (page) => page.evaluate(() => document.querySelector('a-scene').object3D.getObjectByName('info-panel').visible);
const percent = (share) => `${Math.round(share * 100)} %`;

/** A drag on the sheet's handle with a finger, by `dy` px (negative: up). */
async function dragHandle(page, dy) {
  const r = await page.$eval('#btn-sheet', (b) => { const x = b.getBoundingClientRect(); return { x: x.x + x.width / 2, y: x.y + x.height / 2 }; });
  await page.touchscreen.touchStart(r.x, r.y);
  for (let i = 1; i <= 5; i++) await page.touchscreen.touchMove(r.x, r.y + (dy * i) / 5);
  await page.touchscreen.touchEnd();
  await frames(page, 2);
}

test('phone: 390×844 — the set shows, the sheet opens by tap, drag and keyboard, one menu, one live region', async (t) => {
  const { locale } = t.content();
  const start = await phonePage(t, PORTRAIT, '');
  const startCovered = await start.evaluate(coveredShare);
  t.note(`start view: the interface covers ${percent(startCovered)}`);
  assert(startCovered <= 0.25, `at the start the interface covers ${percent(startCovered)} of a phone screen (at most 25 %)`);
  await t.screenshot(start, 'phone-start.png');

  const page = await phonePage(t, PORTRAIT, '?station=camera');
  await waitForStation(page, 'camera');
  await frames(page, 5);
  assertEqual(await panelShown(page), false, 'the 3D panel drawn over the set on a phone');
  assertEqual(await sheet(page), { expanded: 'false', readerShown: false }, 'the sheet on arrival (its peek)');
  const covered = await page.evaluate(coveredShare);
  t.note(`at a station: the interface covers ${percent(covered)}`);
  assert(covered <= 0.4, `at a station the interface covers ${percent(covered)} of a phone screen (at most 40 %)`);
  const regions = await page.evaluate((text) => [...document.querySelectorAll('[aria-live]')].filter((el) => el.textContent.includes(text)).map((el) => el.id || el.className), locale.stations.camera.explanation.slice(0, 40));
  assertEqual(regions, ['reader'], 'live regions holding the station text');
  assert(await page.$eval('#btn-mute', (b) => b.getBoundingClientRect().width > 0), 'Mute is not one tap away (it should be outside the menu)');
  await t.screenshot(page, 'phone-station.png');

  t.step('tap the handle: the whole text; tap again: the peek');
  await page.tap('#btn-sheet');
  await waitFor(page, () => document.getElementById('btn-sheet').getAttribute('aria-expanded') === 'true', null, { what: 'the sheet open after a tap' });
  assertEqual((await sheet(page)).readerShown, true, 'the text shown in the open sheet');
  assert(await page.evaluate((text) => document.getElementById('reader').innerText.includes(text), locale.stations.camera.techChange.slice(0, 30)), 'the open sheet lacks the station text');
  await t.screenshot(page, 'phone-sheet-open.png');
  await page.tap('#btn-sheet');
  await waitFor(page, () => document.getElementById('btn-sheet').getAttribute('aria-expanded') === 'false', null, { what: 'the sheet closed after a second tap' });
  assertEqual(await sheet(page), { expanded: 'false', readerShown: false }, 'the sheet after a second tap');

  t.step('drag up opens, drag down closes');
  await dragHandle(page, -120);
  assertEqual((await sheet(page)).expanded, 'true', 'after a drag up');
  await dragHandle(page, 120);
  assertEqual((await sheet(page)).expanded, 'false', 'after a drag down');

  t.step('by keyboard: the handle is a button');
  await page.focus('#btn-sheet');
  await page.keyboard.press('Enter');
  assertEqual((await sheet(page)).expanded, 'true', 'after Enter');
  await page.keyboard.press('Space');
  assertEqual((await sheet(page)).expanded, 'false', 'after Space');

  t.step('a crew member opens the sheet on their role card');
  await page.tap('.crew-chip');
  await waitFor(page, () => window.backlot.tour.state.panel?.kind === 'role' && document.getElementById('btn-sheet').getAttribute('aria-expanded') === 'true', null, { what: 'the role card in the open sheet' });
  await page.tap('#btn-close');
  await waitFor(page, () => window.backlot.tour.state.panel?.kind === 'station', null, { what: 'back to the station' });

  t.step('the menu holds the tools; Escape or a choice closes it');
  assertEqual(await page.$eval('#tools', (el) => getComputedStyle(el).display), 'none', 'the tools before the menu is opened');
  await page.tap('#btn-menu');
  await waitFor(page, () => document.getElementById('btn-menu').getAttribute('aria-expanded') === 'true', null, { what: 'the menu open after a tap' });
  assertEqual(await page.evaluate(() => [document.getElementById('btn-menu').getAttribute('aria-expanded'), getComputedStyle(document.getElementById('tools')).display]), ['true', 'flex'], 'the menu open');
  await t.screenshot(page, 'phone-menu.png');
  await page.keyboard.press('Escape');
  assertEqual(await page.$eval('#btn-menu', (b) => b.getAttribute('aria-expanded')), 'false', 'the menu after Escape');
  assertEqual((await dispatchState(page)).panel?.kind, 'station', 'Escape closing the menu also closed the panel');
  await page.tap('#btn-menu');
  await waitFor(page, () => document.getElementById('btn-menu').getAttribute('aria-expanded') === 'true', null, { what: 'the menu open again' });
  await page.tap('#btn-settings');
  await waitFor(page, () => document.getElementById('settings').open && document.getElementById('btn-menu').getAttribute('aria-expanded') === 'false', null, { what: 'Settings open and the menu closed' });
}, { timeout: 120_000 });

const dispatchState = (page) => page.evaluate(() => JSON.parse(JSON.stringify(window.backlot.tour.state)));

test('phone: 844×390 on its side — the sheet beside the set, no 3D panel; a desktop keeps the 3D panel', async (t) => {
  const page = await phonePage(t, LANDSCAPE, '?station=lighting');
  await waitForStation(page, 'lighting');
  await frames(page, 5);
  assertEqual(await panelShown(page), false, 'the 3D panel on a phone on its side');
  const covered = await page.evaluate(coveredShare);
  t.note(`on its side at a station: the interface covers ${percent(covered)}`);
  assert(covered <= 0.4, `on its side the interface covers ${percent(covered)} (at most 40 %)`);
  await t.screenshot(page, 'phone-landscape.png');

  const desktop = await t.openApp('?station=lighting');
  await waitForStation(desktop, 'lighting');
  await frames(desktop, 3);
  assertEqual(await panelShown(desktop), true, 'the 3D panel on a desktop');
  assertEqual(await desktop.$eval('#btn-menu', (b) => getComputedStyle(b).display), 'none', 'the menu button on a desktop');
  t.note(`desktop at a station: the interface covers ${percent(await desktop.evaluate(coveredShare))} (3D panel included)`);
}, { timeout: 90_000 });

test('phone: AR on a phone-sized screen keeps the sheet collapsed, the model in view', async (t) => {
  const page = await phonePage(t, PORTRAIT, '?emulate-xr=ar');
  await waitFor(page, () => Boolean(document.querySelector('#btn-ar')), null, { what: '#btn-ar' });
  await enterXr(page, 'ar');
  await page.evaluate(() => {
    const a = -50 * Math.PI / 180;
    window.xrDevice.quaternion.set(Math.sin(a / 2), 0, 0, Math.cos(a / 2));
  });
  await waitFor(page, () => document.querySelector('a-scene').object3D.getObjectByName('ar-reticle')?.visible === true, null, { what: 'the reticle', timeout: 15_000 });
  assertEqual(await page.$eval('#ar-overlay .ar-hud', (el) => getComputedStyle(el).display), 'none', 'the sheet while placing');
  await pullTrigger(page);
  await waitFor(page, () => document.getElementById('ar-overlay').dataset.phase === 'placed', null, { what: 'the model placed' });
  const target = await page.evaluate(() => { const c = window.backlot.tour.layout('camera').labelAnchor; return { x: c.x, y: c.y + 0.35, z: c.z }; });
  await aimAt(page, target);
  await pullTrigger(page);
  await waitForStation(page, 'camera');
  await waitFor(page, () => { const s = document.querySelector('#ar-overlay .now.has-text'); return Boolean(s && s.getBoundingClientRect().height > 0); }, null, { what: 'the sheet in the overlay' });
  assertEqual(await page.$eval('#btn-sheet', (b) => b.getAttribute('aria-expanded')), 'false', 'the AR sheet after a tap on a station');
  const covered = await page.evaluate(coveredShare);
  t.note(`AR on a phone at a station: the overlay covers ${percent(covered)}`);
  assert(covered <= 0.5, `the AR overlay covers ${percent(covered)} of the phone screen`);
  await frames(page, 3);
  await t.screenshot(page, 'phone-ar.png');
  await dispatch(page, { type: 'escape' });
}, { timeout: 120_000 });
