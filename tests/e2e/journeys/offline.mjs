// Offline (installable PWA): after ONE online visit the service worker holds the app, its content
// and every narration, so with the network gone the tour loads and speaks. A content edit on the
// host is picked up on the next online visit and then kept for offline.
//
// The app is reached through a small proxy mounted at /offline/ (a sub-path, like a real host)
// that the test can unplug. Puppeteer's page.setOfflineMode() only cuts the page's own network:
// the service worker runs in a target of its own and still reaches the server (checked: a
// network-first fetch still got an answer), so the test also takes the server away.
import { assert, assertEqual, test } from '../lib/runner.mjs';
import { dispatch, frames, waitFor, waitForReader, waitForStation } from '../lib/helpers.mjs';
import { unpluggableProxy } from '../lib/proxy.mjs';


/** What the worker has stored: the precache's, the runtime content cache's and the audio cache's paths. */
const cachedPaths = (page) => page.evaluate(async () => {
  const out = { precache: [], content: [], audio: [] };
  for (const name of await caches.keys()) {
    const keys = await (await caches.open(name)).keys();
    const paths = keys.map((r) => {
      const u = new URL(r.url);
      u.searchParams.delete('__WB_REVISION__'); // Workbox's revision of a file without a hash in its name
      return `${u.pathname}${u.search.replace(/=$/, '')}`;
    });
    if (name.includes('precache')) out.precache.push(...paths);
    else if (name === 'backlot-content') out.content.push(...paths);
    else if (name === 'backlot-audio') out.audio.push(...paths.map((p) => p.replace(/\?rev=.*$/, '')));
  }
  return out;
});

const narrationPlaying = (page, file, what) => waitFor(page, (f) => {
  const e = window.backlot.narration.debug().engine;
  return Boolean(e && e.narrationPlaying && e.narration?.endsWith(f));
}, file, { what, timeout: 20_000 });

async function reloadReady(page, t, label) {
  t.step(label);
  await page.reload({ waitUntil: 'load' });
  await page.waitForFunction(() => ['ready', 'error', 'no-webgl'].includes(document.body?.dataset.backlot ?? ''), { timeout: 45_000, polling: 100 });
  assertEqual(await page.evaluate(() => document.body.dataset.backlot), 'ready', `data-backlot after ${label}`);
}

test('offline: after one online visit the tour loads offline; narration heard or saved for offline plays with the network gone', async (t) => {
  const proxy = await unpluggableProxy(t.env.server.url);
  try {
    const { locale } = t.content();
    const page = await t.openApp('', { base: proxy.url });
    const mount = new URL(proxy.url).pathname;

    t.step('the service worker installs and finishes precaching');
    await waitFor(page, () => navigator.serviceWorker.getRegistration().then((r) => r?.active?.state === 'activated'), undefined, { what: 'an activated service worker', timeout: 45_000 });
    const scope = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.scope));
    assertEqual(scope, proxy.url, 'service worker scope (the sub-path the app is served from)');
    const stored = await cachedPaths(page);
    for (const file of ['index.html', 'assets/fonts/Inter-Regular.woff2', 'scenes/set.json?offline-copy', 'scenes/locales/en.json?offline-copy']) {
      assert(stored.precache.includes(`${mount}${file}`), `the precache has no ${file} (${stored.precache.length} entries)`);
    }
    // A phone's data is not spent on narration nobody asked for: audio is not precached.
    assertEqual(stored.precache.filter((p) => p.includes('/assets/audio/')), [], 'audio in the precache of an ordinary visit');
    assert(!stored.precache.some((p) => /emulation-|office_|_room-/.test(p)), 'the XR emulator chunks are precached');
    // The first visit was not controlled by the worker, so offline the content must come from the
    // precached copies (the runtime cache fills on later online visits).
    assertEqual(stored.content, [], 'runtime content cache after the first visit');
    t.note(`precache: ${stored.precache.length} entries`);

    t.step('a station heard online is kept for offline');
    await reloadReady(page, t, 'reload, now under the worker');
    await dispatch(page, { type: 'go', station: 'sound' });
    await waitForStation(page, 'sound');
    await narrationPlaying(page, '/en/sound.mp3', 'the sound station narrating online');
    await waitFor(page, () => caches.open('backlot-audio').then((c) => c.keys()).then((k) => k.some((r) => r.url.includes('/narration/en/sound.mp3'))), null, { what: 'en/sound.mp3 kept as played' });

    t.step('Save for offline: the size is said, then the rest of this language is saved');
    const label = await page.$eval('#btn-save-offline', (b) => b.textContent);
    assert(/\d/.test(label) && /MB/.test(label), `the Save for offline button does not say its size: ${label}`);
    t.note(`button: ${label}`);
    await page.click('#btn-save-offline');
    await waitFor(page, (done) => document.getElementById('btn-save-offline').textContent === done, locale.ui.saveOfflineDone, { what: 'saved for offline', timeout: 45_000 });
    const saved = (await cachedPaths(page)).audio;
    for (const file of ['assets/audio/narration/en/camera.mp3', 'assets/audio/narration/en/camera.vtt', 'assets/audio/narration/en/manifest.json', 'assets/audio/ambience/camera.mp3']) {
      assert(saved.includes(`${mount}${file}`), `the audio cache has no ${file} after Save for offline (${saved.length} files)`);
    }
    assertEqual(saved.filter((p) => p.includes('/narration/es/')), [], 'Spanish narration saved for an English visitor');

    t.step('unplug the network');
    await proxy.unplug();
    await page.setOfflineMode(true);
    const served = [];
    page.on('response', (res) => served.push({ path: new URL(res.url()).pathname, sw: res.fromServiceWorker() }));
    await reloadReady(page, t, 'reload offline');
    assert(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'the offline page is not controlled by the service worker');

    t.step('go to the camera station: its narration plays from the cache');
    await dispatch(page, { type: 'go', station: 'camera' });
    await waitForStation(page, 'camera');
    await waitForReader(page, [locale.stations.camera.title], 'the camera title offline');
    await narrationPlaying(page, '/en/camera.mp3', 'Howler playing en/camera.mp3 offline');
    const engine = await page.evaluate(() => window.backlot.narration.debug().engine);
    assert(engine.narrationPlaying === true && engine.narration.endsWith('/en/camera.mp3'), `narration engine: ${JSON.stringify(engine)}`);
    const notFromWorker = served.filter((r) => r.path.startsWith(mount) && !r.sw).map((r) => r.path);
    assertEqual(notFromWorker, [], 'offline responses that did not come from the service worker');
    for (const file of ['', 'scenes/set.json', `scenes/locales/${locale.locale}.json`, 'assets/audio/narration/en/camera.mp3']) {
      assert(served.some((r) => r.path === `${mount}${file}`), `offline, the page never received ${file || 'the page itself'}`);
    }
    await frames(page, 5);
    await t.screenshot(page, 'offline.png');

    t.step('back online: a content edit on the host is picked up, then kept offline');
    const edited = `${locale.stations.camera.title} (edited on the host)`;
    await proxy.plug();
    try {
      proxy.serve((path) => (path === `scenes/locales/${locale.locale}.json`
        ? { type: 'application/json', body: JSON.stringify({ ...locale, stations: { ...locale.stations, camera: { ...locale.stations.camera, title: edited } } }) }
        : null));
      await page.setOfflineMode(false);
      await reloadReady(page, t, 'reload online after the edit');
      await waitForStation(page, 'camera');
      await waitForReader(page, [edited], 'the edited camera title online');
      await waitFor(page, () => caches.open('backlot-content').then((c) => c.keys()).then((keys) => keys.length > 0), undefined, { what: 'content in the runtime cache' });
    } finally {
      await proxy.unplug();
    }
    await page.setOfflineMode(true);
    await reloadReady(page, t, 'reload offline after the edit');
    await waitForStation(page, 'camera');
    await waitForReader(page, [edited], 'the edited camera title offline (last copy seen)');
  } finally {
    await proxy.unplug();
  }
}, { timeout: 150_000 });
