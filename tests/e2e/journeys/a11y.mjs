// Accessibility: Deque axe-core finds no serious or critical violation on the start view, a
// station, a role card, Settings, Help, the kiosk's attract loop and the lesson quiz; every touch
// target is at least 24×24 CSS px (44×44 on a phone). And text in a right-to-left language is
// drawn right to left, on the 3D panel as in the page.
import { assert, assertEqual, test } from '../lib/runner.mjs';
import { dispatch, frames, waitFor, waitForStation } from '../lib/helpers.mjs';
import { axeViolations, smallTargets } from '../lib/a11y.mjs';

/** Runs axe and the target check on the page as it is, for one named view. */
async function check(t, page, view, min) {
  const violations = await axeViolations(page);
  const small = await smallTargets(page, min);
  t.note(`${view}: ${violations.length} serious/critical axe violations, ${small.length} targets under ${min} px`);
  assertEqual(violations, [], `axe serious/critical violations on ${view}`);
  assertEqual(small, [], `touch targets under ${min}×${min} px on ${view}`);
}

test('a11y: axe clean and targets ≥ 24 px on start, station, role card, Settings, Help; kiosk attract; lesson quiz', async (t) => {
  const page = await t.openApp();
  await frames(page, 5);
  await check(t, page, 'the start view', 24);

  await dispatch(page, { type: 'go', station: 'camera' });
  await waitForStation(page, 'camera');
  await check(t, page, 'a station', 24);

  await page.click('.crew-chip');
  await waitFor(page, () => window.backlot.tour.state.panel?.kind === 'role', null, { what: 'a role card' });
  await check(t, page, 'a role card', 24);

  await page.click('#btn-settings');
  await waitFor(page, () => document.getElementById('settings').open, null, { what: 'Settings open' });
  await check(t, page, 'Settings', 24);
  await page.click('#settings .dialog-close');

  await page.click('#btn-help');
  await waitFor(page, () => document.getElementById('help').open, null, { what: 'Help open' });
  await check(t, page, 'Help', 24);
  await page.click('#help .dialog-close');

  const kiosk = await t.openApp('?mode=kiosk');
  await waitFor(kiosk, () => window.backlot?.kiosk?.phase === 'attract', null, { what: 'the attract loop' });
  await check(t, kiosk, 'the kiosk attract loop', 24);

  const lesson = await t.openApp('?mode=lesson');
  await waitFor(lesson, () => document.getElementById('lesson-intro')?.open, null, { what: 'the lesson intro' });
  await check(t, lesson, 'the lesson intro', 24);
  await lesson.click('#btn-lesson-start');
  await lesson.click('#btn-quiz');
  await waitFor(lesson, () => document.getElementById('quiz')?.open, null, { what: 'the quiz' });
  await check(t, lesson, 'the lesson quiz', 24);
  await lesson.click('#quiz-choice-0');
  await waitFor(lesson, () => Boolean(document.getElementById('quiz-feedback')), null, { what: 'quiz feedback' });
  await check(t, lesson, 'quiz feedback', 24);
}, { timeout: 150_000 });

test('a11y: on a touch phone (390×844) every target is at least 44×44 px, axe clean', async (t) => {
  const page = await t.newPage();
  await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await t.openApp('', { page });
  await check(t, page, 'the phone start view', 44);
  await dispatch(page, { type: 'go', station: 'lighting' });
  await waitForStation(page, 'lighting');
  await check(t, page, 'a phone station', 44);
}, { timeout: 90_000 });

/** A right-to-left test locale: the English file, marked rtl, with the camera station in Arabic. */
function rtlLocale(content) {
  const { set, locale } = content;
  const ar = structuredClone(locale);
  ar.locale = 'ar';
  ar.name = 'العربية';
  ar.dir = 'rtl';
  ar.stations.camera = {
    ...ar.stations.camera,
    title: 'قسم التصوير',
    explanation: 'مدير التصوير يقرر شكل الفيلم: العدسات والإطار وحركة الكاميرا والضوء. مشغل الكاميرا يؤطر كل لقطة.',
  };
  return { set: { ...set, locales: [...set.locales, 'ar'] }, ar };
}

test('a11y: a right-to-left locale draws the panel right to left (screenshot)', async (t) => {
  const { set, ar } = rtlLocale(t.content());
  // No Arabic narration ships: its files are missing, and the captions are made from the text.
  t.allow('http', /\/narration\/ar\//);
  t.allow('console', /narration\/ar\//);
  // Nor are the activities translated: the one at a station is shown in the default language.
  t.allow('http', /\/activities\/[a-z-]+\/ar\.json/);
  const page = await t.newPage();
  const served = { 'scenes/set.json': JSON.stringify(set), 'scenes/locales/ar.json': JSON.stringify(ar) };
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const file = Object.keys(served).find((f) => new URL(req.url()).pathname.endsWith(`/${f}`));
    if (file) req.respond({ status: 200, contentType: 'application/json', body: served[file] });
    else req.continue();
  });
  await t.openApp('?lang=ar&station=camera', { page });
  assertEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['ar', 'rtl'], 'the page language and direction');
  await waitForStation(page, 'camera');
  await frames(page, 10);
  // Where the title's ink lies on the panel's own canvas: hard against the right padding, not the left.
  const ink = await page.evaluate(() => {
    const panel = document.querySelector('a-scene').object3D.getObjectByName('info-panel');
    const canvas = panel.material.map.image;
    const ctx = canvas.getContext('2d');
    const { width } = canvas;
    // The title is the big text below the kicker: scan a band of rows across it.
    const band = ctx.getImageData(0, 70, width, 60).data;
    let min = width;
    let max = -1;
    for (let i = 0; i < band.length; i += 4) {
      const bright = band[i] + band[i + 1] + band[i + 2] > 600;
      if (!bright) continue;
      const x = (i / 4) % width;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    return { width, min, max };
  });
  t.note(`title ink on the panel canvas: x ${ink.min}–${ink.max} of ${ink.width}`);
  assert(ink.max > ink.width - 90 && ink.min > ink.width * 0.3, `the Arabic title is not right-aligned on the panel (ink x ${ink.min}–${ink.max} of ${ink.width})`);
  await t.screenshot(page, 'rtl-panel.png');
}, { timeout: 90_000 });
