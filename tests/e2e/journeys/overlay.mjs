// Role tags: a visit starts with the visited station's crew tagged ('station'); O and #btn-overlay are
// a two-state toggle between everyone's tags ('all', button pressed) and none ('off').
import { assert, assertEqual, test } from '../lib/runner.mjs';
import { dispatch, frames, need, tour, waitFor, waitForStation } from '../lib/helpers.mjs';

const visibleRoles = (page) => page.evaluate(() => {
  const sys = window.backlot.roleTags;
  if (!sys || typeof sys.visibleRoles !== 'function') throw new Error("contract: window.backlot.roleTags.visibleRoles() is missing");
  return [...sys.visibleRoles()];
});

const waitOverlay = (page, mode, how) => waitFor(page, (m) => window.backlot.tour.state.overlay === m, mode, { timeout: 5000, what: `overlay "${mode}" after ${how}` });

test('overlay: O and the button toggle role tags station → all → off → all', async (t) => {
  const page = await t.openApp();
  const { set } = t.content();
  const here = set.tour.map((id) => set.stations.find((s) => s.id === id)).find((s) => s && s.crew.length > 0);
  assert(here, 'no station with crew');
  await dispatch(page, { type: 'go', station: here.id });
  await waitForStation(page, here.id);
  const own = new Set(here.crew.map((c) => c.role));
  assertEqual((await tour(page)).overlay, 'station', 'overlay at a fresh start');
  const atStation = await visibleRoles(page);
  assert(atStation.every((r) => own.has(r)), `overlay "station" at "${here.id}" draws tags of other stations' crew: ${atStation.filter((r) => !own.has(r)).join(', ')}`);

  t.step('press O → all');
  await page.keyboard.press('KeyO');
  await waitOverlay(page, 'all', 'pressing O');
  await frames(page, 3);
  const all = await visibleRoles(page);
  assert(all.length >= 3, `overlay "all" draws ${all.length} tag(s) (${all.join(', ')}), expected ≥ 3`);
  const others = all.filter((r) => !own.has(r));
  assert(others.length > 0, `overlay "all" at "${here.id}" shows only this station's crew (${all.join(', ')})`);
  const known = new Set(set.roles.map((r) => r.id));
  assert(all.every((r) => known.has(r)), `visibleRoles() returns unknown role ids: ${all.filter((r) => !known.has(r)).join(', ')}`);
  t.note(`"all" at ${here.id}: ${all.length} tags, ${others.length} from other stations`);
  await t.screenshot(page, 'overlays.png');

  t.step('press O → off');
  await page.keyboard.press('KeyO');
  await waitOverlay(page, 'off', 'pressing O again');
  await frames(page, 3);
  assertEqual(await visibleRoles(page), [], 'visibleRoles() with overlay "off"');

  t.step('#btn-overlay → all');
  const button = await need(page, '#btn-overlay');
  assertEqual(await page.evaluate((b) => b.getAttribute('aria-pressed'), button), 'false', '#btn-overlay aria-pressed with tags off');
  await button.click();
  await waitOverlay(page, 'all', 'clicking #btn-overlay');
  await frames(page, 3);
  const back = await visibleRoles(page);
  assert(back.some((r) => own.has(r)) && back.some((r) => !own.has(r)), `overlay "all" after the button at "${here.id}" draws ${JSON.stringify(back)}, expected this and other stations' crew`);
  assertEqual(await page.evaluate((b) => b.getAttribute('aria-pressed'), button), 'true', '#btn-overlay aria-pressed with every tag shown');
});
