// Kiosk mode (?mode=kiosk): the unattended touch screen as a visitor and the museum's staff meet it.
// The attract loop, a visit, the "Still there?" countdown and the reset; staff PIN, CSV export and
// clear; lock-down; a lost WebGL context; the frame watchdog; a language switch and a power cut.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assert, assertEqual, test } from '../lib/runner.mjs';
import { dispatch, frames, isVisible, need, text, tour, waitFor, waitForStation } from '../lib/helpers.mjs';

const KIOSK = '?mode=kiosk';

/** The kiosk's test hooks as plain data. */
const kioskState = (page) => page.evaluate(() => {
  const k = window.backlot.kiosk;
  if (!k) throw new Error('contract: window.backlot.kiosk is null in ?mode=kiosk');
  return { phase: k.phase, cycles: k.cycles, body: document.body.dataset.kiosk ?? null };
});

const kioskCall = (page, method) => page.evaluate((m) => window.backlot.kiosk[m](), method);

const waitPhase = (page, phase, timeout = 10_000) => waitFor(page, (p) => window.backlot.kiosk.phase === p, phase, { what: `kiosk phase "${phase}"`, timeout });

const openDialogs = (page) => page.$$eval('dialog[open]', (ds) => ds.map((d) => d.id || '(no id)'));

/** Dismisses or begins like a visitor: a real mouse click in the middle of the screen. */
const touchMiddle = (page) => page.mouse.click(640, 360);

/** Opens the kiosk and checks it starts in its attract loop. */
async function openKiosk(t) {
  const page = await t.openApp(KIOSK);
  await waitFor(page, () => Boolean(window.backlot.kiosk), null, { what: 'window.backlot.kiosk set' });
  const k = await kioskState(page);
  assertEqual([k.phase, k.body], ['attract', 'attract'], 'kiosk phase and body[data-kiosk] on opening');
  return page;
}

/** A touch starts a visit; returns once the visit has begun. */
async function beginVisit(page) {
  await touchMiddle(page);
  await waitPhase(page, 'visit');
  await waitFor(page, () => document.getElementById('attract').hidden, null, { what: '#attract hidden after a touch' });
}

/** Lets the visit time out at once: idle → countdown → reset. */
async function idleOut(page) {
  await kioskCall(page, 'expireIdle');
  await waitPhase(page, 'countdown');
  await kioskCall(page, 'finishCountdown');
  await waitPhase(page, 'attract');
}

test('kiosk: attract → touch → idle → countdown → reset', async (t) => {
  const { set, locale } = t.content();
  const page = await openKiosk(t);
  const es = await page.evaluate(() => fetch('scenes/locales/es.json').then((r) => r.json()));
  assert(await isVisible(page, '#attract'), '#attract is not visible in the attract loop');
  assert(!(await isVisible(page, '#btn-next')), 'the HUD shows over the attract loop');

  const stations = set.kiosk.attractStations ?? set.tour;
  // Every frame's camera position and station from now on, to tell a glide (many in-between
  // positions) from a cut, and to see the order of the stations.
  await page.evaluate(() => {
    const scene = document.querySelector('a-scene');
    const v = new window.AFRAME.THREE.Vector3();
    window.__poses = [];
    const rec = () => {
      scene.camera.getWorldPosition(v);
      window.__poses.push([v.x, v.z, window.backlot.tour.state.station]);
      if (window.__poses.length < 5000) requestAnimationFrame(rec);
    };
    requestAnimationFrame(rec);
  });

  t.step('the "Touch to begin" line cycles through the languages');
  const invite = () => page.$eval('.attract-invite', (el) => ({ text: el.textContent, lang: el.lang }));
  await waitFor(page, (s) => document.querySelector('.attract-invite')?.textContent === s, locale.ui.touchToBegin, { what: `English invitation "${locale.ui.touchToBegin}"`, timeout: 6_000 });
  await waitFor(page, (s) => document.querySelector('.attract-invite')?.textContent === s, es.ui.touchToBegin, { what: `Spanish invitation "${es.ui.touchToBegin}"`, timeout: 6_000 });
  assertEqual((await invite()).lang, 'es', 'lang of the Spanish invitation');
  assertEqual(await page.$eval('#attract', (el) => el.getAttribute('aria-label')), locale.ui.touchToBegin, '#attract aria-label');

  t.step('the camera glides from station to station');
  // 1.2 s after opening the first station, attractSecondsPerStation later the next one.
  await waitForStation(page, stations[1], (set.kiosk.attractSecondsPerStation + 10) * 1000);
  const poses = await page.evaluate(() => window.__poses);
  const order = poses.map((p) => p[2]).filter((id, i, all) => id !== null && id !== all[i - 1]);
  assertEqual(order.slice(0, 2), stations.slice(0, 2), 'the attract loop\'s first stations');
  for (const id of stations.slice(1, 2)) { // the first trip may have begun before the recorder
    const onWay = poses.filter((p) => p[2] === id);
    const distinct = new Set(onWay.map((p) => `${p[0].toFixed(3)},${p[1].toFixed(3)}`));
    assert(distinct.size >= 4, `the trip to ${id} had ${distinct.size} camera positions; expected a glide (a cut has 1 or 2)`);
    t.note(`attract: the trip to ${id} glided through ${distinct.size} camera positions`);
  }
  assertEqual((await kioskState(page)).phase, 'attract', 'phase after two attract stations');
  const caption = await page.$eval('.attract-caption', (el) => el.textContent);
  t.note(`attract caption now: ${JSON.stringify(caption.slice(0, 80))}`);
  await t.screenshot(page, 'kiosk-attract.png');

  t.step('a touch begins a visit');
  await beginVisit(page);
  let s = await tour(page);
  assertEqual(s.station, null, 'state.station after the touch');
  assertEqual(s.visited, [], 'visited after the touch');
  assertEqual(s.settings.textSize, set.kiosk.textSize ?? 'large', 'text size of a kiosk visit');
  assert(!(await isVisible(page, '#attract')), '#attract still visible');
  assert(await isVisible(page, '#btn-next'), 'the HUD (Next) is not visible in a visit');
  assertEqual((await kioskState(page)).body, 'visit', 'body[data-kiosk] in a visit');

  t.step('two stations by Next');
  await page.click('#btn-next');
  await waitForStation(page, set.tour[0]);
  await page.click('#btn-next');
  await waitForStation(page, set.tour[1]);

  t.step('high contrast and mute');
  await page.click('#btn-settings');
  await waitFor(page, () => document.getElementById('settings').open, null, { what: 'settings dialog open' });
  await page.click('#set-high-contrast');
  await page.click('#settings .dialog-close');
  await page.click('#btn-mute');
  s = await tour(page);
  assertEqual(s.settings.highContrast, true, 'high contrast after ticking it');
  assertEqual(await page.$eval('#btn-mute', (b) => b.dataset.muted), 'true', '#btn-mute muted');

  t.step('idle: the countdown');
  await kioskCall(page, 'expireIdle');
  await waitPhase(page, 'countdown');
  assertEqual(await openDialogs(page), ['still-there'], 'open dialogs in the countdown');
  assert(await isVisible(page, '#still-there'), '#still-there not visible');
  const body = await text(page, '#still-there-body');
  const secs = /(\d+)/.exec(body);
  assert(secs && Number(secs[1]) >= 1 && Number(secs[1]) <= set.kiosk.countdownSeconds, `countdown text has no seconds: ${JSON.stringify(body)}`);
  // The number counts down.
  await new Promise((r) => setTimeout(r, 1600));
  const later = /(\d+)/.exec(await text(page, '#still-there-body'));
  assert(later && Number(later[1]) < Number(secs[1]), `the countdown did not count down: ${secs[1]} → ${later?.[1]}`);
  await t.screenshot(page, 'kiosk-countdown.png');

  t.step('the countdown runs out: everything back for the next visitor');
  const engine = () => page.evaluate(() => window.backlot.narration.debug().engine);
  const loops = (await engine())?.ambience ?? 0;
  assert(loops > 0, `no station loop playing at ${set.tour[1]} before the reset`);
  // The last visitor's station loops stop with the reset (no station is within earshot of the
  // start, where the camera waits 1.2 s before the attract loop sets off); the room tone goes on.
  // Read in the page in the same task as the reset's end, so a slow test machine cannot let the
  // attract loop set off first.
  const after = await page.evaluate(async () => {
    const app = window.backlot;
    app.kiosk.finishCountdown();
    while (app.kiosk.phase !== 'attract') await new Promise((r) => requestAnimationFrame(r));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))); // listener passes
    return { ...app.narration.debug().engine, station: app.tour.state.station };
  });
  assertEqual(after.station, null, 'station just after the reset (the attract loop has not set off)');
  const [sx, sz] = set.start.position;
  const nearStart = set.stations.filter((st) => st.ambience && Math.hypot(st.position[0] - sx, st.position[1] - sz) < 9).length;
  if (nearStart === 0) assertEqual(after.ambience, 0, `station loops just after the reset (${loops} before)`);
  else t.note(`${nearStart} station loop(s) within earshot of the start: not checked`);
  assertEqual(after.narrationPlaying, false, 'narration playing just after the reset');
  s = await tour(page);
  assertEqual(s.visited, [], 'visited after the reset');
  assertEqual(s.panel, null, 'panel after the reset');
  assertEqual(s.overlay, 'station', 'role tags after the reset');
  const expected = { textSize: set.kiosk.textSize ?? 'large', reducedMotion: false, highContrast: false, snapTurn: 30, smoothMove: false, seated: false };
  for (const [key, value] of Object.entries(expected)) assertEqual(s.settings[key], value, `settings.${key} after the reset`);
  assertEqual(await page.$eval('#set-high-contrast', (el) => el.checked), false, '#set-high-contrast after the reset');
  assertEqual(await page.$eval('#btn-mute', (b) => [b.dataset.muted, b.textContent]), ['false', locale.ui.mute], '#btn-mute after the reset');
  assertEqual(await openDialogs(page), [], 'open dialogs after the reset');
  const k = await kioskState(page);
  assertEqual([k.phase, k.body, k.cycles], ['attract', 'attract', 1], 'kiosk phase, body[data-kiosk], cycles after the reset');
  assert(await isVisible(page, '#attract'), '#attract not shown again after the reset');
  // Nothing of that visitor is kept for a reload either.
  const stored = await page.evaluate(() => ({ audio: localStorage.getItem('backlot:audio'), tour: JSON.parse(localStorage.getItem('backlot:tour') ?? 'null') }));
  assertEqual(stored.audio, null, 'stored sound choices after the reset');
  assert(stored.tour === null || (stored.tour.visited.every((id) => stations.includes(id)) && !stored.tour.settings.highContrast), `stored tour after the reset: ${JSON.stringify(stored.tour)}`);
});

test('kiosk: a touch during the countdown keeps the session', async (t) => {
  const page = await openKiosk(t);
  await beginVisit(page);
  await dispatch(page, { type: 'go', station: 'lighting' });
  await waitForStation(page, 'lighting');
  await dispatch(page, { type: 'go', station: 'camera' });
  await waitForStation(page, 'camera');
  const before = await tour(page);
  assertEqual(before.visited, ['lighting', 'camera'], 'visited before going idle');

  for (const variant of ['the "I\'m still here" button', 'a click anywhere']) {
    t.step(`countdown, then ${variant}`);
    await kioskCall(page, 'expireIdle');
    await waitPhase(page, 'countdown');
    assert(await isVisible(page, '#still-there'), '#still-there not visible');
    const n = await page.evaluate(() => window.backlot.narration.debug().status);
    if (variant.startsWith('the')) await page.click('#btn-still-here');
    else await page.mouse.click(1180, 120); // on the backdrop, far from the dialog's box
    await waitPhase(page, 'visit', 3_000);
    assertEqual(await openDialogs(page), [], `open dialogs after ${variant}`);
    const after = await tour(page);
    assertEqual(after.station, 'camera', `station after ${variant}`);
    assertEqual(after.visited, before.visited, `visited after ${variant}`);
    assertEqual(after.panel, before.panel, `panel after ${variant}`);
    assertEqual((await kioskState(page)).cycles, 0, 'cycles (no reset happened)');
    const m = await page.evaluate(() => window.backlot.narration.debug().status);
    t.note(`${variant}: narration ${n} during the countdown → ${m} after`);
  }

  t.step('Ctrl+Alt+S during the countdown opens the PIN; Back returns to the visit (no hidden countdown)');
  await kioskCall(page, 'expireIdle');
  await waitPhase(page, 'countdown');
  await page.keyboard.down('Control');
  await page.keyboard.down('Alt');
  await page.keyboard.press('KeyS');
  await page.keyboard.up('Alt');
  await page.keyboard.up('Control');
  await waitFor(page, () => document.getElementById('staff-pin-dialog').open, null, { what: 'PIN dialog after Ctrl+Alt+S', timeout: 3_000 });
  assertEqual(await openDialogs(page), ['staff-pin-dialog'], 'open dialogs after Ctrl+Alt+S in the countdown');
  await page.click('#staff-pin-dialog .dialog-close');
  assertEqual(await openDialogs(page), [], 'open dialogs after Back');
  const k = await kioskState(page);
  assertEqual([k.phase, k.cycles], ['visit', 0], 'phase and cycles after Back from the PIN dialog');
  assertEqual((await tour(page)).station, 'camera', 'station after Back from the PIN dialog');
});

/** Waits until `dir` holds one finished file; returns its name. */
async function downloaded(dir, timeout = 10_000) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const files = readdirSync(dir).filter((f) => !f.endsWith('.crdownload'));
    if (files.length > 0) return files[0];
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no file was downloaded into ${dir} within ${timeout / 1000} s`);
}

/** A CSV line into cells (quoted cells may hold commas and doubled quotes). */
function cells(line) {
  const out = [];
  const re = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
  let m;
  while ((m = re.exec(line)) && m[0] !== '') {
    out.push(m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1]);
    if (m[2] === '') break;
  }
  return out;
}

test('kiosk: staff PIN screen, CSV export and clear', async (t) => {
  const { locale } = t.content();
  const page = await openKiosk(t);
  await beginVisit(page);
  await page.click('#btn-next');
  const s0 = (await tour(page)).station;
  await waitForStation(page, s0);
  await new Promise((r) => setTimeout(r, 1200)); // a dwell worth measuring
  await dispatch(page, { type: 'go', station: 'sound' });
  await waitForStation(page, 'sound');
  await new Promise((r) => setTimeout(r, 600));
  await idleOut(page);

  t.step('five taps in the top-left corner');
  const before = await kioskState(page);
  for (let i = 0; i < 5; i++) {
    await page.mouse.click(20, 20);
    await new Promise((r) => setTimeout(r, 120));
  }
  await waitFor(page, () => document.getElementById('staff-pin-dialog').open, null, { what: '#staff-pin-dialog open after five corner taps', timeout: 3_000 });
  assertEqual((await kioskState(page)).phase, 'staff', 'phase with the PIN dialog open');
  // Staff reaching their screen from the attract loop is not a visitor: no visit began on the way.
  assertEqual([before.phase, await page.evaluate(() => document.body.dataset.kiosk)], ['attract', 'attract'], 'kiosk before and under the PIN dialog');
  const focused = await page.evaluate(() => document.activeElement?.id);
  assertEqual(focused, 'staff-pin', 'focus in the PIN dialog');

  t.step('a wrong PIN is refused');
  assert(!(await isVisible(page, '#staff-pin-error')), '#staff-pin-error visible before any PIN');
  await page.type('#staff-pin', '1111');
  await page.click('#btn-staff-open');
  assert(await isVisible(page, '#staff-pin-error'), '#staff-pin-error not visible after a wrong PIN');
  assertEqual(await text(page, '#staff-pin-error'), locale.ui.staffPinWrong, 'wrong-PIN message');
  assert(!(await page.$eval('#staff', (d) => d.open)), 'the staff screen opened on a wrong PIN');

  t.step('the right PIN opens the staff screen');
  await page.type('#staff-pin', '2468');
  await page.click('#btn-staff-open');
  await waitFor(page, () => document.getElementById('staff').open, null, { what: '#staff open after the right PIN', timeout: 3_000 });
  assertEqual(await openDialogs(page), ['staff'], 'open dialogs with the staff screen');
  const summary = await text(page, '#staff-summary');
  // The locale's template with its numbers read back by name: {sessions}, {visits}, {completed}, {answers}.
  const template = locale.ui.analyticsSummary;
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '(\\d+)')}`);
  const readSummary = (line) => {
    const m = pattern.exec(line);
    return m ? Object.fromEntries(names.map((n, i) => [n, Number(m[i + 1])])) : null;
  };
  const nums = readSummary(summary);
  assert(nums, `#staff-summary does not read like "${template}": ${JSON.stringify(summary)}`);
  const { sessions, visits } = nums;
  assertEqual([sessions, visits], [1, 2], 'visits and station visits in the summary (one visitor, two stations)');
  t.note(`staff summary: ${summary}`);
  await t.screenshot(page, 'kiosk-staff.png');

  t.step('CSV export downloads the visit log');
  const dir = mkdtempSync(join(tmpdir(), 'backlot-csv-'));
  try {
    const cdp = await page.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir, eventsEnabled: true, browserContextId: page.browserContext().id });
    await page.click('#btn-export-csv');
    const name = await downloaded(dir);
    assert(/^backlot-visits-\d{4}-\d{2}-\d{2}\.csv$/.test(name), `downloaded file name ${name}`);
    const csv = readFileSync(join(dir, name), 'utf8');
    const lines = csv.split(/\r\n/).filter(Boolean);
    assertEqual(lines[0], 'time,session,event,station,dwell_s,question,choice,correct,language,mode,xr,reason,lockout_s,take,follow,activity,activity_outcome', 'CSV header');
    const head = cells(lines[0]);
    const rows = lines.slice(1).map((l) => Object.fromEntries(cells(l).map((c, i) => [head[i], c])));
    for (const r of rows) assert(!Number.isNaN(Date.parse(r.time)), `CSV time ${r.time} is not a date`);
    // The visit that idled out: its session, its station visits, its end.
    const end = rows.find((r) => r.event === 'end' && r.reason === 'idle');
    assert(end, `no "end" row with reason idle in:\n${csv}`);
    const mine = rows.filter((r) => r.session === end.session);
    const start = mine.find((r) => r.event === 'session');
    assert(start, `no "session" row for session ${end.session}`);
    assertEqual([start.language, start.mode], ['en', 'kiosk'], 'language and mode of the session row');
    const visited = mine.filter((r) => r.event === 'visit');
    assertEqual(visited.map((r) => r.station), [s0, 'sound'], 'stations of the "visit" rows');
    for (const v of visited) assert(/^\d+(\.\d)?$/.test(v.dwell_s) && Number(v.dwell_s) > 0, `dwell_s ${JSON.stringify(v.dwell_s)} of ${v.station}`);
    assert(Number(visited[0].dwell_s) >= 1, `dwell at ${s0} is ${visited[0].dwell_s} s, it was over 1.2 s`);
    assertEqual(rows.filter((r) => r.event === 'session').length, sessions, 'session rows vs the summary');
    assertEqual(rows.filter((r) => r.event === 'visit').length, visits, 'visit rows vs the summary');
    t.note(`CSV: ${rows.length} rows (${rows.map((r) => r.event).join(' ')})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  t.step('clear asks again, then clears');
  await page.click('#btn-clear-data');
  assert(readSummary(await text(page, '#staff-summary'))?.sessions >= 1, 'one press of Clear already cleared the data');
  assertEqual(await text(page, '#btn-clear-data'), locale.ui.clearDataConfirm, 'Clear button asks to confirm');
  await page.click('#btn-clear-data');
  const cleared = await text(page, '#staff-summary');
  assertEqual(readSummary(cleared), { sessions: 0, visits: 0, completed: 0, answers: 0 }, `summary after clearing (${cleared})`);
  assert(cleared.includes(locale.ui.dataCleared), `no "${locale.ui.dataCleared}" in ${cleared}`);
  assertEqual(await page.evaluate(() => localStorage.getItem('backlot:analytics')), null, 'stored analytics after clearing');

  t.step('lock-down');
  const prevented = await page.evaluate(() => {
    const e = new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: 600, clientY: 400 });
    document.querySelector('a-scene').canvas.dispatchEvent(e);
    return e.defaultPrevented;
  });
  assert(prevented, 'a context menu on the 3D view is not prevented');
  assertEqual(await page.evaluate(() => getComputedStyle(document.body).userSelect), 'none', 'body user-select');
  assertEqual(await page.$eval('#staff-pin', (el) => getComputedStyle(el).userSelect), 'text', 'PIN input user-select');

  t.step('Back leaves the staff screen');
  await page.click('#staff .dialog-close');
  assertEqual(await openDialogs(page), [], 'open dialogs after Back');
  assert((await kioskState(page)).phase !== 'staff', 'still in phase staff after Back');
});

test('kiosk: WebGL context loss mid-visit recovers to the same station', async (t) => {
  t.allow('console', /Context Lost|context was lost/i);
  const warnings = [];
  const page = await openKiosk(t);
  page.on('console', (m) => { if (m.type() === 'warn' || m.type() === 'log') warnings.push(m.text()); });
  await beginVisit(page);
  await dispatch(page, { type: 'go', station: 'camera' });
  await waitForStation(page, 'camera');
  await frames(page, 5);
  await t.screenshot(page, 'kiosk-context-before.png');
  await page.evaluate(() => { window.__sameDocument = true; });

  t.step('lose the context and get it back');
  await page.evaluate(() => {
    const ext = document.querySelector('a-scene').renderer.getContext().getExtension('WEBGL_lose_context');
    if (!ext) throw new Error('no WEBGL_lose_context');
    window.__lose = ext;
    ext.loseContext();
  });
  await waitFor(page, () => document.body.dataset.webgl === 'lost', null, { what: 'body[data-webgl="lost"]', timeout: 3_000 });
  await new Promise((r) => setTimeout(r, 500));
  await page.evaluate(() => window.__lose.restoreContext());
  await waitFor(page, () => document.body.dataset.webgl === 'restored', null, { what: 'body[data-webgl="restored"]', timeout: 5_000 });
  // three.js starts a new renderer.info (frame 0) with the new context.
  const frameRestored = await page.evaluate(() => document.querySelector('a-scene').renderer.info.render.frame);
  await waitFor(page, (f) => document.querySelector('a-scene').renderer.info.render.frame > f + 10, frameRestored, { what: 'frames drawn after the restore', timeout: 10_000 });
  await frames(page, 10);

  const s = await tour(page);
  assertEqual(s.station, 'camera', 'station after the restore');
  assertEqual(s.panel, { kind: 'station', id: 'camera' }, 'panel after the restore');
  assertEqual((await kioskState(page)).phase, 'visit', 'kiosk phase after the restore');
  assert(await page.evaluate(() => document.querySelector('a-scene').object3D.getObjectByName('info-panel').visible), 'the 3D info panel is hidden after the restore');
  assert(await page.evaluate(() => window.__sameDocument === true), 'the page reloaded instead of restoring the context');
  await t.screenshot(page, 'kiosk-context-restored.png');

  t.step('the view is drawn again, not black');
  // Read back the canvas: a lost-then-restored context that draws nothing reads as the clear colour.
  const stats = await page.evaluate(() => new Promise((done) => {
    const scene = document.querySelector('a-scene');
    requestAnimationFrame(() => {
      const gl = scene.renderer.getContext();
      const w = gl.drawingBufferWidth;
      const hgt = gl.drawingBufferHeight;
      scene.renderer.render(scene.object3D, scene.camera);
      const px = new Uint8Array(w * hgt * 4);
      gl.readPixels(0, 0, w, hgt, gl.RGBA, gl.UNSIGNED_BYTE, px);
      let bright = 0;
      const colours = new Set();
      for (let i = 0; i < px.length; i += 4 * 97) {
        const l = px[i] + px[i + 1] + px[i + 2];
        if (l > 120) bright++;
        colours.add(`${px[i] >> 4},${px[i + 1] >> 4},${px[i + 2] >> 4}`);
      }
      done({ bright, colours: colours.size, samples: Math.floor(px.length / (4 * 97)) });
    });
  }));
  t.note(`after the restore: ${stats.colours} colours, ${stats.bright}/${stats.samples} bright samples; console: ${warnings.filter((w) => /context/i.test(w)).join(' | ')}`);
  assert(stats.colours > 20, `the restored view has only ${stats.colours} colours: drawn black/blank`);
});

test('kiosk: the watchdog restarts a stalled kiosk', async (t) => {
  t.allow('console', /no frame drawn/);
  const { set } = t.content();
  const page = await openKiosk(t);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warn') warnings.push(m.text()); });
  await beginVisit(page);
  // A station the attract loop never shows, so it cannot be mistaken for the loop's own.
  assert(!set.kiosk.attractStations.includes('post-sound'), 'post-sound is an attract station now; pick another one');
  await dispatch(page, { type: 'go', station: 'post-sound' });
  await waitForStation(page, 'post-sound');
  // This visitor's choices must not reach the next one.
  await page.click('#btn-mute');
  await dispatch(page, { type: 'setSettings', settings: { highContrast: true } });
  await page.evaluate(() => { window.__sameDocument = true; });

  t.step('the render loop stops');
  const stalledAt = Date.now();
  // A-Frame's render loop (three's animation loop) runs every system's tick, the tour's frame hooks included.
  await page.evaluate(() => document.querySelector('a-scene').renderer.setAnimationLoop(null));
  const f0 = await page.evaluate(() => document.querySelector('a-scene').renderer.info.render.frame);
  await new Promise((r) => setTimeout(r, 1000));
  const f1 = await page.evaluate(() => document.querySelector('a-scene').renderer.info.render.frame);
  assertEqual(f1, f0, 'frames drawn after stopping the loop');

  t.step('the watchdog reloads the page');
  await page.waitForNavigation({ waitUntil: 'load', timeout: (set.kiosk.watchdogSeconds + 10) * 1000 });
  const after = (Date.now() - stalledAt) / 1000;
  assert(after >= set.kiosk.watchdogSeconds - 0.5, `reloaded after ${after.toFixed(1)} s, before the ${set.kiosk.watchdogSeconds} s watchdog`);
  await page.waitForFunction(() => document.body.dataset.backlot === 'ready', { timeout: 45_000 });
  assertEqual(await page.evaluate(() => window.__sameDocument ?? false), false, 'the page was not reloaded');
  assertEqual(new URL(page.url()).searchParams.get('mode'), 'kiosk', 'mode after the restart');
  await waitFor(page, () => Boolean(window.backlot.kiosk), null, { what: 'kiosk after the restart' });
  const k = await kioskState(page);
  assertEqual([k.phase, k.body], ['attract', 'attract'], 'phase after the watchdog restart');
  assert(await isVisible(page, '#attract'), '#attract not shown after the restart');
  t.step('a clean start: nothing of the last visitor');
  const s = await tour(page);
  assertEqual(s.settings.highContrast, false, 'high contrast after the restart');
  assert(!s.visited.includes('post-sound'), `the last visitor's stations are kept: ${JSON.stringify(s.visited)}`);
  assertEqual(await page.$eval('#btn-mute', (b) => b.dataset.muted), 'false', '#btn-mute after the restart');
  await touchMiddle(page);
  await waitPhase(page, 'visit');
  assertEqual(await page.$eval('#btn-mute', (b) => b.dataset.muted), 'false', '#btn-mute for the next visitor');
  assert(warnings.some((w) => /no frame drawn for \d+ s; restarting/.test(w)), `no watchdog warning (saw ${JSON.stringify(warnings)})`);
  const log = await page.evaluate(() => JSON.parse(localStorage.getItem('backlot:analytics') ?? '[]'));
  assert(log.some((e) => e.type === 'end' && e.reason === 'watchdog'), `no "end" event with reason watchdog in the analytics: ${JSON.stringify(log.map((e) => [e.type, e.reason]))}`);
  t.note(`watchdog restarted the kiosk ${after.toFixed(1)} s after the loop stopped`);
  await need(page, '.attract-invite');
}, { timeout: 90_000 });

test('kiosk: a language switch carries on with the visit; switched off, it starts clean', async (t) => {
  const { set, locale } = t.content();
  const page = await openKiosk(t);
  await beginVisit(page);
  await dispatch(page, { type: 'go', station: 'post-sound' });
  await waitForStation(page, 'post-sound');
  await page.click('#btn-mute');
  await dispatch(page, { type: 'setSettings', settings: { highContrast: true, textSize: 'normal' } });
  const other = set.locales.find((c) => c !== set.defaultLocale);

  t.step(`the visitor switches to ${other} in Settings`);
  await page.click('#btn-settings');
  await waitFor(page, () => document.getElementById('settings').open, null, { what: 'settings dialog open' });
  await page.select('#set-language', other);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#btn-language')]);
  await page.waitForFunction(() => document.body.dataset.backlot === 'ready', { timeout: 45_000 });
  await waitFor(page, () => Boolean(window.backlot.kiosk), null, { what: 'kiosk after the switch' });
  let k = await kioskState(page);
  assertEqual([k.phase, k.body], ['visit', 'visit'], 'the same visit after the language switch');
  assertEqual(await page.evaluate(() => document.documentElement.lang), other, 'language after the switch');
  let s = await tour(page);
  assertEqual([s.station, s.settings.highContrast, s.settings.textSize], ['post-sound', true, 'normal'], 'station, high contrast and text size kept by the switch');
  assertEqual(await page.$eval('#btn-mute', (b) => b.dataset.muted), 'true', '#btn-mute kept by the switch');
  const kept = await page.evaluate(() => ['backlot:tour', 'backlot:audio', 'backlot:lang'].map((key) => localStorage.getItem(key) !== null));
  assertEqual(kept, [true, true, true], 'the visit is in storage (tour, sound, language)');

  t.step('power cut: the kiosk browser restores its last address, with no reset');
  const last = page.url();
  assertEqual(new URL(last).searchParams.get('lang'), other, 'the address carries the language after the switch');
  await page.goto(last, { waitUntil: 'load' });
  await page.waitForFunction(() => document.body.dataset.backlot === 'ready', { timeout: 45_000 });
  await waitFor(page, () => Boolean(window.backlot.kiosk), null, { what: 'kiosk after the power cut' });
  k = await kioskState(page);
  assertEqual([k.phase, k.body], ['attract', 'attract'], 'phase after the power cut');
  assertEqual(await page.evaluate(() => document.documentElement.lang), set.defaultLocale, 'language after the power cut');
  assertEqual(new URL(page.url()).searchParams.get('lang'), null, '?lang= in the address after the power cut');
  await waitFor(page, (text) => document.querySelector('.attract-invite')?.textContent === text, locale.ui.touchToBegin, { what: `the invitation in ${set.defaultLocale}`, timeout: 6_000 });
  s = await tour(page);
  assertEqual([s.settings.highContrast, s.settings.textSize], [false, set.kiosk.textSize ?? 'large'], 'high contrast and text size in the attract loop');
  assert(!s.visited.includes('post-sound'), `the last visitor's stations are kept: ${JSON.stringify(s.visited)}`);
  assertEqual(await page.$eval('#btn-mute', (b) => b.dataset.muted), 'false', '#btn-mute after the power cut');
  await touchMiddle(page);
  await waitPhase(page, 'visit');
  assertEqual(await page.$eval('#btn-mute', (b) => b.dataset.muted), 'false', '#btn-mute for the next visitor');
}, { timeout: 120_000 });
