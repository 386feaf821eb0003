// Hardening for unattended kiosks and museum-edited content, tried as a hostile visitor and a
// careless editor would: an abandoned staff screen, PIN guessing, shortcuts that download, and a
// broken set.json that later comes good again (online, and with the network gone).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assert, assertEqual, test } from '../lib/runner.mjs';
import { frames, waitFor } from '../lib/helpers.mjs';
import { unpluggableProxy } from '../lib/proxy.mjs';

const openDialogs = (page) => page.$$eval('dialog[open]', (ds) => ds.map((d) => d.id || '(no id)'));
const phase = (page) => page.evaluate(() => window.backlot?.kiosk?.phase ?? null);

/** Presses a key with modifiers held (Control, Alt, Shift, Meta). */
async function chord(page, modifiers, key) {
  for (const m of modifiers) await page.keyboard.down(m);
  await page.keyboard.press(key);
  for (const m of [...modifiers].reverse()) await page.keyboard.up(m);
}

/** Every download the page starts, from now on (CDP), into a temporary folder. */
async function watchDownloads(page) {
  const dir = mkdtempSync(join(tmpdir(), 'backlot-dl-'));
  const started = [];
  const cdp = await page.createCDPSession();
  cdp.on('Browser.downloadWillBegin', (e) => started.push(e.suggestedFilename || e.url));
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir, eventsEnabled: true, browserContextId: page.browserContext().id });
  return { started, files: () => readdirSync(dir), done: () => rmSync(dir, { recursive: true, force: true }) };
}

test('hardening: an abandoned staff screen closes by itself, five wrong PINs lock, no shortcut downloads anything', async (t) => {
  const { set, locale } = t.content();
  // The shortest idle time set.json allows, so the abandoned dialog closes within the test.
  const proxy = await unpluggableProxy(t.env.server.url, '/kiosk-hardening/');
  proxy.serve((path) => (path === 'scenes/set.json' ? { type: 'application/json', body: JSON.stringify({ ...set, kiosk: { ...set.kiosk, idleSeconds: 10 } }) } : null));
  try {
    const page = await t.openApp('?mode=kiosk', { base: proxy.url });
    const downloads = await watchDownloads(page);
    try {
      await waitFor(page, () => window.backlot?.kiosk?.phase === 'attract', null, { what: 'the attract loop' });
      await page.mouse.click(640, 360);
      await waitFor(page, () => window.backlot.kiosk.phase === 'visit', null, { what: 'a visit' });

      t.step('the screenshot keys (and save, print) download nothing');
      await chord(page, ['Control', 'Alt', 'Shift'], 'KeyS'); // A-Frame's equirectangular screenshot
      await chord(page, ['Control'], 'KeyS');
      await chord(page, ['Control'], 'KeyP');
      t.step('a link with download is refused');
      await page.evaluate(() => {
        const a = document.createElement('a');
        a.href = URL.createObjectURL(new Blob(['x'], { type: 'text/plain' }));
        a.download = 'visitor.txt';
        a.textContent = 'download';
        document.body.append(a);
        a.click();
        a.remove();
      });

      t.step('Ctrl+Alt+S opens the PIN (and no screenshot); left alone, it closes and the kiosk goes back to its attract loop');
      await chord(page, ['Control', 'Alt'], 'KeyS');
      await waitFor(page, () => document.getElementById('staff-pin-dialog').open, null, { what: 'the PIN dialog' });
      const opened = Date.now();
      await waitFor(page, () => !document.getElementById('staff-pin-dialog').open && window.backlot.kiosk.phase === 'attract', null, { what: 'the abandoned PIN dialog to close', timeout: 20_000 });
      const after = (Date.now() - opened) / 1000;
      assert(after >= 9, `the PIN dialog closed after ${after.toFixed(1)} s, before the idle time (10 s)`);
      assertEqual(await openDialogs(page), [], 'dialogs open after the idle time');
      assertEqual(await page.evaluate(() => document.body.dataset.kiosk), 'attract', 'body[data-kiosk] after the abandoned dialog');
      t.note(`abandoned PIN dialog closed after ${after.toFixed(1)} s`);

      t.step('the staff screen itself also closes when abandoned');
      await chord(page, ['Control', 'Alt'], 'KeyS');
      await page.type('#staff-pin', '2468');
      await page.keyboard.press('Enter');
      await waitFor(page, () => document.getElementById('staff').open, null, { what: 'the staff screen' });
      await waitFor(page, () => !document.getElementById('staff').open && window.backlot.kiosk.phase === 'attract', null, { what: 'the abandoned staff screen to close', timeout: 20_000 });

      t.step('five wrong PINs in a row lock PIN entry, said on screen and counted');
      await chord(page, ['Control', 'Alt'], 'KeyS');
      await waitFor(page, () => document.getElementById('staff-pin-dialog').open, null, { what: 'the PIN dialog again' });
      for (let i = 0; i < 5; i++) {
        await page.type('#staff-pin', '0000');
        await page.keyboard.press('Enter');
      }
      await waitFor(page, () => document.getElementById('staff-pin').disabled, null, { what: 'the PIN field locked', timeout: 3_000 });
      const message = await page.$eval('#staff-pin-error', (e) => (e.hidden ? '' : e.textContent));
      const pattern = new RegExp(`^${locale.ui.staffPinLocked.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace('\\{seconds\\}', '(\\d+)').replace('{seconds}', '(\\d+)')}$`);
      const seconds = Number(pattern.exec(message)?.[1]);
      assert(seconds > 20 && seconds <= 30, `lock-out message: ${JSON.stringify(message)}`);
      assert(await page.$eval('#btn-staff-open', (b) => b.disabled), 'Open is not disabled while locked');
      const lockouts = await page.evaluate(() => JSON.parse(localStorage.getItem('backlot:analytics') ?? '[]').filter((e) => e.type === 'pin-lockout'));
      assertEqual(lockouts.map((e) => e.seconds), [30], 'pin-lockout events in the analytics');
      await t.screenshot(page, 'kiosk-pin-locked.png');
      t.note(`locked: ${message}`);
      await page.keyboard.press('Escape');
      await frames(page, 3);
      assertEqual(await phase(page), 'attract', 'kiosk phase after leaving the locked PIN');

      t.step('and nothing was downloaded at any point');
      await new Promise((r) => setTimeout(r, 1000));
      assertEqual({ started: downloads.started, files: downloads.files() }, { started: [], files: [] }, 'downloads in kiosk mode');
    } finally {
      downloads.done();
    }
  } finally {
    await proxy.unplug();
  }
}, { timeout: 120_000 });

test('hardening: a broken set.json, then a good one — the kiosk recovers by itself, online and offline, and the offline copy stays good', async (t) => {
  const { setRaw } = t.content();
  t.expectContentError(/Backlot content error: scenes\/set\.json/);
  const proxy = await unpluggableProxy(t.env.server.url, '/heal/');
  const broken = setRaw.slice(0, Math.floor(setRaw.length / 2)); // a deploy cut half-way
  const warnings = [];
  try {
    const page = await t.openApp('?mode=kiosk', { base: proxy.url });
    page.on('console', (m) => { if (m.type() === 'warn') warnings.push(m.text()); });
    t.step('first visit online: the service worker installs and keeps the good content');
    await waitFor(page, () => navigator.serviceWorker.ready.then(() => Boolean(document.getElementById('offline-status'))), null, { what: 'offline ready', timeout: 60_000 });
    // A kiosk saves every language's audio for offline by itself (an ordinary visit does not).
    await waitFor(page, () => caches.open('backlot-audio').then((c) => c.keys()).then((k) => k.some((r) => r.url.includes('/narration/es/camera.mp3')) && k.some((r) => r.url.includes('/narration/en/camera.mp3'))), null, { what: "the kiosk's audio saved for offline, in every language", timeout: 60_000 });
    await page.reload({ waitUntil: 'load' });
    await waitFor(page, () => document.body.dataset.backlot === 'ready' && Boolean(navigator.serviceWorker.controller), null, { what: 'a controlled kiosk', timeout: 45_000 });
    await waitFor(page, () => caches.open('backlot-content').then((c) => c.match(new URL('scenes/set.json', location.href).href)).then(Boolean), null, { what: 'set.json in the content cache' });

    t.step('a broken edit online: the error screen, and the offline copy is not replaced');
    proxy.serve((path) => (path === 'scenes/set.json' ? { type: 'application/json', body: broken } : null));
    await page.reload({ waitUntil: 'load' });
    await waitFor(page, () => document.body.dataset.backlot === 'error', null, { what: 'the error screen', timeout: 45_000 });
    await waitFor(page, () => /Trying again in \d+ s/.test(document.getElementById('error-retry')?.textContent ?? ''), null, { what: 'the kiosk saying it will try again' });
    const cached = await page.evaluate(() => caches.open('backlot-content').then((c) => c.match(new URL('scenes/set.json', location.href).href)).then((r) => r.text()).then((text) => { try { return Array.isArray(JSON.parse(text).stations); } catch { return false; } }));
    assert(cached, 'the content cache holds a broken set.json: the bad edit replaced the last good copy');
    await t.screenshot(page, 'content-heal-error.png');

    t.step('the network goes: the kiosk recovers by itself from its last good copy');
    await proxy.unplug();
    await page.setOfflineMode(true);
    await waitFor(page, () => document.body.dataset.backlot === 'ready' && window.backlot?.kiosk?.phase === 'attract', null, { what: 'the kiosk back in its attract loop offline', timeout: 40_000 });
    t.allow('requestfailed', /./); // the page's own requests with the network gone

    t.step('back online, still broken: error; the edit is fixed: the kiosk recovers by itself');
    await page.setOfflineMode(false);
    await proxy.plug();
    await page.reload({ waitUntil: 'load' });
    await waitFor(page, () => document.body.dataset.backlot === 'error', null, { what: 'the error screen again (still broken online)', timeout: 45_000 });
    proxy.serve(() => null); // the museum fixes set.json
    const fixedAt = Date.now();
    await waitFor(page, () => document.body.dataset.backlot === 'ready' && window.backlot?.kiosk?.phase === 'attract', null, { what: 'the kiosk back in its attract loop online', timeout: 40_000 });
    t.note(`recovered online ${((Date.now() - fixedAt) / 1000).toFixed(0)} s after the fix, with nobody there`);
    const refused = warnings.filter((w) => /a newer scenes\/set\.json was not kept for offline use/.test(w));
    assert(refused.length > 0, `the page was never told the broken copy was refused; warnings: ${warnings.slice(0, 5).join(' | ')}`);
    t.note(`worker: ${refused[0].slice(0, 160)}`);
  } finally {
    await proxy.unplug();
  }
}, { timeout: 180_000 });
