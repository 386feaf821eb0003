// The built site works from a sub-path of any static host (base './'): served at /sub/path/ by a
// plain static server that 404s everything outside it, the app loads, with no request escaping.
import { assert, assertEqual, test } from '../lib/runner.mjs';
import { need, tour, waitForReader, waitForStation } from '../lib/helpers.mjs';

test('sub-path: loads and tours from /sub/path/ on a plain static server', async (t) => {
  const { subPath } = t.env;
  const { set, locale } = t.content();
  const page = await t.openApp('', { base: subPath.url });
  const state = await tour(page);
  assertEqual(state.order, set.tour, 'tour order from the sub-path');
  const id = set.tour[0];
  await (await need(page, '#btn-next')).click();
  await waitForStation(page, id);
  await waitForReader(page, [locale.stations[id].title], `the title of "${id}"`);
  const urls = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  const outside = urls.filter((u) => u.startsWith('http') && !u.startsWith(`${subPath.origin}/sub/path/`));
  assert(outside.length === 0, `requests outside /sub/path/: ${outside.join(', ')}`);
});
