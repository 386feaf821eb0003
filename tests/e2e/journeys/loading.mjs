// Loading: before any script has run the page shows a still of the stage and a progress bar; the
// bar only moves forward, says what is happening in the visitor's language, reaches 100 % and the
// screen goes once the set is drawn. Run with a 4× slower CPU (a phone) so there is a loading
// screen to look at; its screenshot is taken while the locale is held back.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, assertEqual, test } from '../lib/runner.mjs';
import { ROOT } from '../lib/server.mjs';

/** In the page, before any script: record every move of the bar and the screen's removal. */
function recordLoading() {
  const seen = (window.__loading = { values: [], labels: [], poster: null, mid: null, removedAt: null, readyAt: null });
  new MutationObserver(() => {
    const bar = document.querySelector('#boot [role="progressbar"]');
    const img = document.querySelector('#boot .boot-poster');
    if (img && img.complete && img.naturalWidth > 0 && !seen.poster) seen.poster = { src: img.currentSrc, width: img.naturalWidth, at: performance.now() };
    if (bar) {
      const v = Number(bar.getAttribute('aria-valuenow'));
      if (v >= 30 && !seen.mid) {
        const boot = document.getElementById('boot');
        const r = boot.getBoundingClientRect();
        const others = [...document.body.children].filter((el) => el !== boot && !['SCRIPT', 'NOSCRIPT'].includes(el.tagName));
        seen.mid = { value: v, others: others.length, inert: others.every((el) => el.inert), label: document.querySelector('.boot-label').textContent, covers: r.width >= innerWidth && r.height >= innerHeight };
      }
      if (v !== seen.values.at(-1)) seen.values.push(v);
      const label = bar.getAttribute('aria-label');
      if (label !== seen.labels.at(-1)) seen.labels.push(label);
    }
    if (!document.getElementById('boot') && document.body && seen.values.length > 0 && seen.removedAt === null) seen.removedAt = performance.now();
    if (document.body?.dataset.backlot === 'ready' && seen.readyAt === null) seen.readyAt = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

test('loading: a still of the stage and a progress bar that moves forward, in the visitor\'s language, gone once the set is drawn', async (t) => {
  const es = JSON.parse(readFileSync(join(ROOT, 'scenes', 'locales', 'es.json'), 'utf8'));
  const page = await t.newPage();
  await page.evaluateOnNewDocument(recordLoading);
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.setRequestInterception(true);
  let release;
  const held = new Promise((r) => { release = r; });
  page.on('request', (req) => {
    if (req.url().endsWith('/scenes/locales/es.json')) void held.then(() => req.continue());
    else void req.continue();
  });
  const shotWhileHeld = (async () => {
    await page.waitForFunction(() => document.querySelector('#boot .boot-poster')?.complete, { timeout: 30_000, polling: 50 });
    await t.screenshot(page, 'loading-start.png');
    release();
  })();
  t.step('open ?lang=es under a 4× slower CPU');
  const loaded = page.goto(`${t.env.server.url}?lang=es`, { waitUntil: 'load', timeout: 60_000 });
  // The screenshot is taken while the Spanish text is held back (it is released right after), so it
  // shows the loading screen however fast this machine is: the still and the bar, before any words.
  await shotWhileHeld;
  await loaded;
  await page.waitForFunction(() => window.__loading.removedAt !== null && document.body.dataset.backlot === 'ready', { timeout: 90_000 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const seen = await page.evaluate(() => window.__loading);
  const { mid } = seen;
  assert(mid, 'the bar never reached 30 %');
  assert(mid.others > 0 && mid.inert, `the page under the loading screen is not inert (${mid.others} elements)`);
  assertEqual(await page.evaluate(() => [...document.body.children].filter((el) => el.inert).length), 0, 'inert elements once loaded');
  assert(mid.covers, 'the loading screen does not cover the view');

  assertEqual(mid.label, es.ui.loading, 'the loading words (Spanish)');
  assert(seen.labels.includes(es.ui.loading), `the progress bar is not named in Spanish: ${JSON.stringify(seen.labels)}`);
  assert(seen.poster && new URL(seen.poster.src).origin === new URL(t.env.server.url).origin && seen.poster.width > 0, `the still of the stage did not load from the site: ${JSON.stringify(seen.poster)}`);
  assert(seen.values.length >= 5, `the bar moved only ${seen.values.length} times: ${seen.values}`);
  assert(seen.values.every((v, i) => i === 0 || v > seen.values[i - 1]), `the bar went back: ${seen.values}`);
  assertEqual(seen.values.at(-1), 100, 'the bar at the end');
  assert(seen.removedAt >= seen.readyAt - 1, `the loading screen left (${seen.removedAt} ms) before the first frame (${seen.readyAt} ms)`);
  t.note(`bar: ${seen.values.join(' → ')} %; still shown at ${Math.round(seen.poster.at)} ms, screen gone at ${Math.round(seen.removedAt)} ms (4× CPU)`);
});
