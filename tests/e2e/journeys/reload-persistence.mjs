// Station, visited stations and settings survive a reload (localStorage).
import { assert, assertEqual, test } from '../lib/runner.mjs';
import { frames, need, tour, waitForReader, waitForStation } from '../lib/helpers.mjs';

const fontSize = (page) => page.$eval('#reader', (el) => parseFloat(getComputedStyle(el).fontSize));

test('reload-persistence: station, visited and text size survive a reload', async (t) => {
  const page = await t.openApp();
  const { set, locale } = t.content();
  assert(set.tour.length >= 2, 'needs two stations');
  const [first, second] = set.tour;

  t.step('visit two stations with #btn-next');
  const next = await need(page, '#btn-next');
  await next.click();
  await waitForStation(page, first);
  await next.click();
  await waitForStation(page, second);
  const normalSize = await fontSize(page);

  t.step('settings: text size large');
  await (await need(page, '#btn-settings')).click();
  await need(page, '#settings');
  await need(page, '#set-text-size');
  await page.waitForFunction(() => {
    const el = document.querySelector('#set-text-size');
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  }, { timeout: 5000 }).catch(() => { throw new Error('#set-text-size is not visible after clicking #btn-settings'); });
  await page.select('#set-text-size', 'large');
  await page.waitForFunction(() => window.backlot.tour.state.settings.textSize === 'large', { timeout: 5000, polling: 100 })
    .catch(() => { throw new Error('choosing "large" in #set-text-size did not set state.settings.textSize'); });
  await page.keyboard.press('Escape');
  await frames(page, 3);
  const largeSize = await fontSize(page);
  assert(largeSize > normalSize, `#reader font-size stayed ${normalSize}px after text size "large" (now ${largeSize}px)`);

  t.step('reload');
  // Give the app a moment to persist (it may debounce), then reload in the same context.
  await new Promise((r) => setTimeout(r, 500));
  await page.reload({ waitUntil: 'load' });
  await page.waitForFunction(() => ['ready', 'error', 'no-webgl'].includes(document.body?.dataset.backlot ?? ''), { timeout: 45_000, polling: 100 });
  assertEqual(await page.evaluate(() => document.body.dataset.backlot), 'ready', 'data-backlot after reload');
  await waitForStation(page, second);
  const state = await tour(page);
  assertEqual(state.station, second, 'state.station after reload');
  assertEqual(state.visited, [first, second], 'state.visited after reload');
  assertEqual(state.settings.textSize, 'large', 'state.settings.textSize after reload');
  assertEqual(await page.$eval('#set-text-size', (el) => el.value), 'large', '#set-text-size value after reload');
  const reloadedSize = await fontSize(page);
  assert(Math.abs(reloadedSize - largeSize) < 0.5, `#reader font-size after reload is ${reloadedSize}px, was ${largeSize}px before`);
  await waitForReader(page, [locale.stations[second].title], `the title of "${second}" after reload`).catch((err) => {
    // The panel itself is not promised to persist; the station is. Note it rather than fail.
    t.note(`after reload the reader does not show "${second}" (${err.message.slice(0, 120)})`);
  });
});
