// Broken content shows the error screen listing file, JSON path and reason — not a blank page.
import { assert, test } from '../lib/runner.mjs';
import { isVisible, need, serveInstead } from '../lib/helpers.mjs';

const problems = (page) => page.$$eval('#error-screen li', (els) => els.map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()));

test('broken-content: set.json with a station missing its id and a bad colour', async (t) => {
  const { set } = t.content();
  const broken = structuredClone(set);
  delete broken.stations[0].id;
  broken.departments[0].color = 'reddish';
  t.expectContentError(/scenes\/set\.json|content|invalid|problem/i);
  const page = await t.openApp('', { expect: 'error', beforeGoto: (p) => serveInstead(p, 'scenes/set.json', JSON.stringify(broken, null, 2)) });
  await need(page, '#error-screen');
  assert(await isVisible(page, '#error-screen'), '#error-screen is not visible');
  const items = await problems(page);
  assert(items.length >= 2, `#error-screen lists ${items.length} problem(s), expected ≥ 2: ${JSON.stringify(items)}`);
  const idLine = items.find((s) => s.includes('scenes/set.json') && s.includes('$.stations[0].id'));
  assert(idLine, `no #error-screen li names scenes/set.json and $.stations[0].id: ${JSON.stringify(items)}`);
  assert(/required|missing/i.test(idLine), `the missing-id problem gives no reason: "${idLine}"`);
  const colourLine = items.find((s) => s.includes('scenes/set.json') && s.includes('$.departments[0].color'));
  assert(colourLine, `no #error-screen li names scenes/set.json and $.departments[0].color: ${JSON.stringify(items)}`);
  assert(colourLine.includes('reddish'), `the colour problem does not quote the bad value: "${colourLine}"`);
  await t.screenshot(page, 'error-screen.png');
});

test('broken-content: a locale that is not valid JSON reports line and column', async (t) => {
  const { localeRaw, localeFile } = t.content();
  // Drop the first comma that ends a line: JSON.parse then fails at the next token, whose
  // 1-based line/column we compute here independently of the app.
  const comma = localeRaw.search(/,\r?\n/);
  assert(comma > 0, `${localeFile} has no line ending in a comma to break`);
  const text = localeRaw.slice(0, comma) + localeRaw.slice(comma + 1);
  const at = comma + text.slice(comma).search(/\S/);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  t.expectContentError(/locales|JSON|content|invalid|problem/i);
  const page = await t.openApp('', { expect: 'error', beforeGoto: (p) => serveInstead(p, localeFile, text) });
  assert(await isVisible(page, '#error-screen'), '#error-screen is not visible');
  const items = await problems(page);
  const hit = items.find((s) => s.includes(localeFile));
  assert(hit, `no #error-screen li names ${localeFile}: ${JSON.stringify(items)}`);
  assert(new RegExp(`line\\D{0,3}${line}\\b`, 'i').test(hit) && new RegExp(`col(umn)?\\D{0,3}${column}\\b`, 'i').test(hit), `the JSON error should point at line ${line}, column ${column}: "${hit}"`);
});
