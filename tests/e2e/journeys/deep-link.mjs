// ?station=<id> (QR codes) opens at that station; an unknown id starts at the start spot with a
// notice naming it — as text, never as markup.
import { assert, assertEqual, test } from '../lib/runner.mjs';
import { isVisible, need, text, tour, waitForReader, waitForStation } from '../lib/helpers.mjs';

test('deep-link: ?station=<id> opens at that station', async (t) => {
  const { set, locale } = t.content();
  const id = set.tour[Math.min(2, set.tour.length - 1)];
  const page = await t.openApp(`station=${encodeURIComponent(id)}`);
  await waitForStation(page, id);
  const state = await tour(page);
  assertEqual(state.panel, { kind: 'station', id }, `state.panel after ?station=${id}`);
  assert(state.visited.includes(id), `state.visited lacks the deep-linked "${id}"`);
  await waitForReader(page, [locale.stations[id].title], `the title of "${id}"`);
  const notice = await page.$('#notice');
  if (notice && (await isVisible(page, '#notice'))) {
    const shown = await text(page, '#notice');
    assert(!shown.includes(id), `#notice complains about a valid station: "${shown}"`);
  }
});

async function unknownStation(t, raw) {
  const page = await t.openApp(`station=${encodeURIComponent(raw)}`);
  const state = await tour(page);
  assertEqual(state.station, null, `state.station after ?station=${raw}`);
  await need(page, '#notice');
  assert(await isVisible(page, '#notice'), `#notice is not visible after ?station=${raw}`);
  const shown = await text(page, '#notice');
  assert(shown.includes(raw), `#notice does not name the unknown id "${raw}" as text: "${shown}"`);
  return page;
}

test('deep-link: unknown ?station=no-such-station → start + notice', async (t) => {
  await unknownStation(t, 'no-such-station');
});

test('deep-link: ?station=<b>x</b> is shown as text, creates no element', async (t) => {
  const raw = '<b>x</b>';
  const page = await unknownStation(t, raw);
  const injected = await page.evaluate(() => ({
    inNotice: document.querySelectorAll('#notice b').length,
    anywhere: [...document.querySelectorAll('b')].filter((b) => b.textContent === 'x').length,
    html: document.querySelector('#notice').innerHTML,
  }));
  assertEqual(injected.inNotice, 0, '<b> elements inside #notice');
  assertEqual(injected.anywhere, 0, '<b>x</b> elements anywhere in the document');
  assert(injected.html.includes('&lt;b&gt;x&lt;/b&gt;'), `#notice markup should hold the escaped id; it is ${JSON.stringify(injected.html.slice(0, 200))}`);
});
