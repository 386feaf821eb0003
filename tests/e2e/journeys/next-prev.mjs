// #btn-next / #btn-prev walk the guided tour in order and stop at its ends.
import { assertEqual, test } from '../lib/runner.mjs';
import { frames, isTravelling, need, tour, waitForReader, waitForStation } from '../lib/helpers.mjs';

test('next/prev: buttons follow the tour order', async (t) => {
  const page = await t.openApp();
  const { set, locale } = t.content();
  const next = await need(page, '#btn-next');
  const prev = await need(page, '#btn-prev');
  for (const [i, id] of set.tour.entries()) {
    t.step(`next → ${id}`);
    await next.click();
    await waitForStation(page, id);
    assertEqual((await tour(page)).visited.length, i + 1, `visited count at "${id}"`);
    await waitForReader(page, [locale.stations[id].title], `the title of "${id}"`);
  }
  t.step('next at the last station stays');
  const atEnd = await tour(page);
  const disabled = await page.$eval('#btn-next', (el) => el.disabled || el.getAttribute('aria-disabled') === 'true');
  if (!disabled) {
    await next.click();
    await frames(page, 5);
    const after = await tour(page);
    assertEqual(after.station, atEnd.station, 'state.station after next at the end of the tour');
    assertEqual(await isTravelling(page), false, 'isTravelling() after next at the end');
  } else t.note('#btn-next is disabled at the last station');
  t.step('prev walks back');
  for (let i = set.tour.length - 2; i >= Math.max(0, set.tour.length - 3); i -= 1) {
    await prev.click();
    await waitForStation(page, set.tour[i]);
    await waitForReader(page, [locale.stations[set.tour[i]].title], `the title of "${set.tour[i]}"`);
  }
}, { timeout: 120_000 });
