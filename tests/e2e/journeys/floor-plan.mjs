// The floor plan: one button per station; clicking one goes there and the "you" marker follows.
import { assert, assertEqual, test } from '../lib/runner.mjs';
import { need, tour, waitForReader, waitForStation } from '../lib/helpers.mjs';

const center = (page, selector) => page.$eval(selector, (el) => {
  const r = el.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width, h: r.height };
});

test('floor-plan: clicking a station on the plan goes there', async (t) => {
  const page = await t.openApp();
  const { set, locale } = t.content();
  await need(page, '#floorplan');
  const ids = await page.$$eval('#floorplan button[data-station]', (els) => els.map((el) => el.dataset.station));
  assertEqual([...ids].sort(), [...set.tour].sort(), '#floorplan button[data-station] ids vs the tour');
  const names = await page.$$eval('#floorplan button[data-station]', (els) => els.map((el) => (el.getAttribute('aria-label') || el.textContent || '').trim()));
  assert(names.every((n) => n.length > 0), '#floorplan buttons need an accessible name');

  const target = set.tour[set.tour.length - 1];
  const selector = `#floorplan button[data-station="${target}"]`;
  await need(page, '#floorplan-you');
  const youBefore = await center(page, '#floorplan-you');
  const dest = await center(page, selector);
  assert(youBefore.w > 0 && youBefore.h > 0, '#floorplan-you has no size (not displayed)');

  t.step(`click ${selector}`);
  await (await need(page, selector)).click();
  await waitForStation(page, target);
  const state = await tour(page);
  assertEqual(state.panel, { kind: 'station', id: target }, 'state.panel after the floor-plan click');
  await waitForReader(page, [locale.stations[target].title], `the title of "${target}"`);
  await new Promise((r) => setTimeout(r, 300));
  const youAfter = await center(page, '#floorplan-you');
  const before = Math.hypot(youBefore.x - dest.x, youBefore.y - dest.y);
  const after = Math.hypot(youAfter.x - dest.x, youAfter.y - dest.y);
  assert(after < before, `#floorplan-you did not move toward "${target}" (distance to its button ${before.toFixed(0)}px → ${after.toFixed(0)}px)`);
});
