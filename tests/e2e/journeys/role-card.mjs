// Clicking a crew figure opens its role card: the reader shows the role's title and its
// "on shooting day" text, and Escape steps back to the station's panel.
import { assert, assertEqual, test } from '../lib/runner.mjs';
import { cameraPose, clickScene, dispatch, projectToScreen, tour, waitFor, waitForReader, waitForStation } from '../lib/helpers.mjs';

test('role-card: clicking a crew figure shows its role card', async (t) => {
  const page = await t.openApp();
  const { set, locale } = t.content();
  const station = set.tour.map((id) => set.stations.find((s) => s.id === id)).find((s) => s && s.crew.length > 0);
  assert(station, 'no station in scenes/set.json has crew');

  t.step(`go to "${station.id}"`);
  await dispatch(page, { type: 'go', station: station.id });
  await waitForStation(page, station.id);

  t.step('pick the nearest visible crew figure of the station');
  const figures = await page.$$('[crew-member]');
  const cam = await cameraPose(page);
  let best = null;
  for (const el of figures) {
    const role = await el.evaluate((e) => e.getAttribute('crew-member')?.role);
    if (!station.crew.some((c) => c.role === role)) continue;
    const at = await projectToScreen(page, el, 'figure');
    if (!at.onScreen) continue;
    const d = Math.hypot(at.world[0] - cam.position[0], at.world[2] - cam.position[2]);
    if (!best || d < best.d) best = { role, at, d };
  }
  assert(best, `none of the crew figures of "${station.id}" (${station.crew.map((c) => c.role).join(', ')}) is on screen from its viewing spot`);

  t.step(`click the ${best.role}`);
  await clickScene(page, best.at.x, best.at.y, `crew figure "${best.role}"`);
  await waitFor(page, () => window.backlot.tour.state.panel?.kind === 'role', undefined, { timeout: 5000, what: `a role card after clicking "${best.role}" at (${Math.round(best.at.x)}, ${Math.round(best.at.y)})` });
  const state = await tour(page);
  assertEqual(state.panel, { kind: 'role', id: best.role, station: station.id }, 'state.panel after clicking the figure');
  const text = locale.roles[best.role];
  assert(text, `${t.content().localeFile} has no text for role "${best.role}"`);
  await waitForReader(page, [text.title, text.shootingDay], `the role card of "${best.role}" (title + shootingDay)`);
  await t.screenshot(page, 'role-card.png');

  t.step('Escape steps back to the station panel');
  await page.keyboard.press('Escape');
  await waitFor(page, (id) => JSON.stringify(window.backlot.tour.state.panel) === JSON.stringify({ kind: 'station', id }), station.id, { timeout: 5000, what: 'Escape to return from the role card to the station panel' });
  await waitForReader(page, [locale.stations[station.id].title], `the title of "${station.id}" again`);
});
