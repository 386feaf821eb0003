// Narration, captions and set sound (issue #4): what a visitor hears and reads, in a real browser.
import { assert, assertEqual, test } from '../lib/runner.mjs';
import { dispatch, frames, need, waitFor, waitForStation } from '../lib/helpers.mjs';
import { enterXr, exitXr } from '../lib/xr.mjs';

const audio = (page) => page.evaluate(() => {
  const n = window.backlot.narration.debug();
  const cap = document.getElementById('captions');
  return { ...n, shown: cap.hidden ? null : cap.textContent, live: document.getElementById('caption-live').textContent };
});

/** Cues of a caption file as the app serves it (a small WebVTT reader of its own). */
async function cuesOf(page, file) {
  const text = await page.evaluate((f) => fetch(f).then((r) => r.text()), file);
  const time = (s) => s.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
  return text.replace(/\r/g, '').split(/\n{2,}/).slice(1).flatMap((block) => {
    const lines = block.split('\n').filter(Boolean);
    const at = lines.findIndex((l) => l.includes('-->'));
    if (at < 0) return [];
    const [a, b] = lines[at].split('-->').map((s) => s.trim().split(/\s+/)[0]);
    return [{ start: time(a), end: time(b), text: lines.slice(at + 1).join('\n') }];
  });
}

/** The cue texts that may be showing around time t (one frame either side of a boundary). */
const cuesNear = (cues, t, slack = 0.12) => cues.filter((c) => c.start - slack <= t && t < c.end + slack).map((c) => c.text);

const waitPlaying = (page, file, what) => waitFor(page, (f) => {
  const e = window.backlot.narration.debug().engine;
  return Boolean(e && e.narrationPlaying && e.narration?.endsWith(f));
}, file, { what, timeout: 20_000 });

test('audio: arriving at a station plays its narration; captions follow the audio; pause, replay, skip', async (t) => {
  const page = await t.openApp();
  const { set } = t.content();
  const first = set.tour[0];
  await (await need(page, '#btn-next')).click();
  await waitForStation(page, first);
  await waitPlaying(page, `/en/${first}.mp3`, `Howler playing en/${first}.mp3`);
  const cues = await cuesOf(page, `assets/audio/narration/en/${first}.vtt`);
  assert(cues.length > 3, `only ${cues.length} cues in ${first}.vtt`);

  t.step('captions match the audio position, and advance');
  const seen = new Set();
  for (let i = 0; i < 6; i++) {
    const a = await audio(page);
    const at = a.engine.narrationTime;
    assert(at !== null, 'narration stopped playing on its own');
    if (a.shown !== null) {
      assert(cuesNear(cues, at).includes(a.shown), `at ${at.toFixed(2)} s the caption is "${a.shown}", the VTT says ${JSON.stringify(cuesNear(cues, at))}`);
      seen.add(a.shown);
    }
    await new Promise((r) => setTimeout(r, 900));
  }
  assert(seen.size >= 2, `captions did not advance over 5 s: ${[...seen].join(' | ')}`);
  const a1 = await audio(page);
  // While the voice is heard, screen readers are not also given every phrase.
  assertEqual(a1.live, '', '#caption-live while the narration is audible');
  assert(a1.engine.ducked, 'the ambience should be ducked under the narration');
  await waitFor(page, () => window.backlot.narration.debug().engine.bed, null, { what: 'the room tone playing' });
  await t.screenshot(page, 'captions.png');

  t.step('pause holds sound and captions; play carries on from there');
  await page.click('#btn-narration');
  await waitFor(page, () => !window.backlot.narration.debug().engine.narrationPlaying, null, { what: 'narration paused' });
  const paused = await audio(page);
  assertEqual(paused.status, 'paused', 'status after Pause');
  await new Promise((r) => setTimeout(r, 1000));
  const still = await audio(page);
  assert(Math.abs(still.time - paused.time) < 0.05, `the caption clock moved while paused: ${paused.time} → ${still.time}`);
  await page.click('#btn-narration');
  await waitPlaying(page, `/en/${first}.mp3`, 'narration playing again');
  const resumed = await audio(page);
  assert(resumed.engine.narrationTime >= paused.time - 0.1 && resumed.engine.narrationTime < paused.time + 1, `play resumed at ${resumed.engine.narrationTime}, paused at ${paused.time}`);

  t.step('replay starts again; skip ends it');
  await new Promise((r) => setTimeout(r, 800));
  await page.click('#btn-replay');
  await waitFor(page, () => (window.backlot.narration.debug().engine.narrationTime ?? 99) < 1, null, { what: 'narration back at the start' });
  await page.click('#btn-skip');
  await waitFor(page, () => document.getElementById('captions').hidden && !window.backlot.narration.debug().engine.narrationPlaying, null, { what: 'captions gone and sound stopped after Skip' });
  assertEqual((await audio(page)).status, 'ended', 'status after Skip');

  t.step('the next station narrates its own file; the ambience is placed at the stations nearby');
  await page.click('#btn-next');
  await waitForStation(page, set.tour[1]);
  await waitPlaying(page, `/en/${set.tour[1]}.mp3`, `Howler playing en/${set.tour[1]}.mp3`);
  await waitFor(page, () => window.backlot.narration.debug().engine.ambience > 0, null, { what: 'ambience playing near the station' });
  const a2 = await audio(page);
  const head = await page.evaluate(() => {
    const v = new window.AFRAME.THREE.Vector3();
    document.getElementById('camera').object3D.getWorldPosition(v);
    return [v.x, v.y, v.z];
  });
  const off = Math.hypot(...a2.engine.listener.map((v, i) => v - head[i]));
  assert(off < 0.05, `the listener is ${off.toFixed(2)} m from the camera`);
  const stations = Object.fromEntries(set.stations.map((s) => [s.id, s.position]));
  for (const [x, z] of a2.engine.placed) {
    assert(Object.values(stations).some(([sx, sz]) => Math.abs(sx - x) < 1e-6 && Math.abs(sz - z) < 1e-6), `an ambience sound at (${x}, ${z}) is not at a station`);
  }
});

test('audio: arrival set sounds come first, with the "quiet on set" call captioned', async (t) => {
  const page = await t.openApp();
  const { set, locale } = t.content();
  const floor = set.stations.find((s) => (s.arrivalSounds ?? []).includes('quiet'));
  assert(floor, 'no station has a "quiet" arrival sound');
  await dispatch(page, { type: 'go', station: floor.id });
  await waitFor(page, (q) => document.getElementById('captions').textContent === q, locale.ui.quietOnSet, { what: `caption "${locale.ui.quietOnSet}"`, timeout: 20_000 });
  await waitPlaying(page, `/en/${floor.id}.mp3`, 'narration after the set sounds');
});

test('audio: mute and volume survive a reload', async (t) => {
  const page = await t.openApp();
  const { locale, set } = t.content();
  await page.click('#btn-mute');
  assertEqual(await page.$eval('#btn-mute', (b) => [b.dataset.muted, b.textContent]), ['true', locale.ui.unmute], '#btn-mute after a click');
  await page.click('#btn-settings');
  await page.$eval('#set-volume', (el) => { el.value = '40'; el.dispatchEvent(new Event('input', { bubbles: true })); });
  await page.keyboard.press('Escape');
  await page.reload({ waitUntil: 'load' });
  await page.waitForFunction(() => document.body.dataset.backlot === 'ready', { timeout: 45_000 });
  assertEqual(await page.$eval('#btn-mute', (b) => [b.dataset.muted, b.textContent]), ['true', locale.ui.unmute], '#btn-mute after reload');
  assertEqual(await page.$eval('#set-volume', (el) => el.value), '40', 'volume slider after reload');
  await dispatch(page, { type: 'go', station: set.tour[2] });
  await waitPlaying(page, `/en/${set.tour[2]}.mp3`, 'narration (muted) playing');
  await waitFor(page, () => Boolean(document.getElementById('captions').textContent), null, { what: 'captions while muted' });
  // Muted, the captions also go to the polite live region for screen-reader users.
  await waitFor(page, () => Boolean(document.getElementById('caption-live').textContent), null, { what: '#caption-live while muted' });
  const a = await audio(page);
  assert(a.engine.muted === true, 'Howler is not muted after the reload');
  assert(Math.abs(a.engine.volume - 0.4) < 0.001, `Howler volume ${a.engine.volume}, expected 0.4`);
  await page.click('#btn-mute');
  assertEqual((await audio(page)).engine.muted, false, 'Howler muted after unmuting');
});

test('audio: switching language changes text, narration and captions, and is kept', async (t) => {
  const page = await t.openApp('?station=camera');
  const es = await page.evaluate(() => fetch('scenes/locales/es.json').then((r) => r.json()));
  await page.click('#btn-settings');
  const options = await page.$$eval('#set-language option', (os) => os.map((o) => [o.value, o.textContent]));
  assertEqual(options, [['en', 'English'], ['es', 'Español']], 'language options');
  await page.select('#set-language', 'es');
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#btn-language')]);
  await page.waitForFunction(() => document.body.dataset.backlot === 'ready', { timeout: 45_000 });
  assertEqual(await page.evaluate(() => [document.documentElement.lang, new URL(location.href).searchParams.get('lang')]), ['es', 'es'], 'lang after switching');
  await waitForStation(page, 'camera');
  assertEqual(await page.$eval('#btn-next', (b) => b.textContent), es.ui.nextButton.replace('{label}', es.ui.next), 'Next button text');
  assertEqual(await page.$eval('.where strong', (b) => b.textContent), es.stations.camera.title, 'station title');
  await waitPlaying(page, '/es/camera.mp3', 'Spanish narration');
  const cues = await cuesOf(page, 'assets/audio/narration/es/camera.vtt');
  await waitFor(page, () => Boolean(document.getElementById('captions').textContent), null, { what: 'a Spanish caption' });
  const a = await audio(page);
  assert(cuesNear(cues, a.engine.narrationTime, 0.3).includes(a.shown), `caption "${a.shown}" is not the Spanish cue at ${a.engine.narrationTime}`);
  await t.screenshot(page, 'captions-es.png');

  t.step('a plain reload stays in Spanish');
  await page.goto(new URL('./', page.url()).href, { waitUntil: 'load' });
  await page.waitForFunction(() => document.body.dataset.backlot === 'ready', { timeout: 45_000 });
  assertEqual(await page.evaluate(() => document.documentElement.lang), 'es', 'lang after a reload without ?lang=');
});

test('audio: a missing narration file leaves captions and the tour running, with one warning', async (t) => {
  const warnings = [];
  t.allow('http', /camera\.mp3/);
  t.allow('console', /404|Failed to load resource/);
  const page = await t.openApp('', {
    beforeGoto: async (p) => {
      p.on('console', (m) => { if (m.type() === 'warn') warnings.push(m.text()); });
      await p.setRequestInterception(true);
      p.on('request', (req) => (new URL(req.url()).pathname.endsWith('/en/camera.mp3') ? req.respond({ status: 404, body: 'gone' }) : req.continue()));
    },
  });
  await dispatch(page, { type: 'go', station: 'camera' });
  await waitForStation(page, 'camera');
  await waitFor(page, () => Boolean(document.getElementById('captions').textContent), null, { what: 'captions without audio' });
  const seen = new Set();
  for (let i = 0; i < 5; i++) {
    seen.add((await audio(page)).shown);
    await new Promise((r) => setTimeout(r, 1000));
  }
  assert(seen.size >= 2, `captions did not advance without audio: ${[...seen].join(' | ')}`);
  const a = await audio(page);
  assertEqual(a.status, 'playing', 'narration status with a missing file');
  assert(!a.engine.narrationPlaying, 'Howler claims to play a missing file');
  const about = warnings.filter((w) => w.includes('camera.mp3'));
  assertEqual(about.length, 1, `warnings about camera.mp3 (${JSON.stringify(warnings)})`);
  await dispatch(page, { type: 'next' });
  await waitForStation(page, 'lighting');
  await waitPlaying(page, '/en/lighting.mp3', 'the next station still speaks');
});

test('audio: where the browser blocks autoplay, captions run and "Tap for sound" brings the sound in, in step', async (t) => {
  // Headless Chromium lets every AudioContext run (and Puppeteer's evaluate counts as a user
  // gesture). Give this page the policy a desktop or phone browser applies to a page opened
  // without a tap (Chrome's autoplay policy for Web Audio): a new AudioContext is suspended, and
  // resume() only works after the visitor has really clicked, tapped or pressed a key.
  const strictAudio = () => {
    let interacted = false;
    for (const type of ['pointerdown', 'pointerup', 'touchend', 'click', 'keydown']) {
      window.addEventListener(type, (e) => { if (e.isTrusted) interacted = true; }, true);
    }
    const Native = window.AudioContext;
    window.AudioContext = class StrictAudioContext extends Native {
      constructor(...args) {
        super(...args);
        this.allowed = false;
        void super.suspend();
      }
      get state() { return this.allowed ? super.state : 'suspended'; }
      resume() {
        if (!interacted) return new Promise(() => {});
        this.allowed = true;
        return super.resume().then(() => { this.dispatchEvent(new Event('statechange')); });
      }
    };
  };
  const page = await t.openApp('?station=camera', { beforeGoto: (p) => p.evaluateOnNewDocument(strictAudio) });
  await waitFor(page, () => !document.getElementById('btn-sound').hidden, null, { what: '"Tap for sound" shown', timeout: 20_000 });
  const before = await audio(page);
  assertEqual(before.sound, 'blocked', 'sound state');
  assert(!before.engine.running && !before.engine.narrationPlaying, 'sound plays without a gesture');
  assert(await page.$eval('#sound-status', (el) => !el.hidden && el.textContent.length > 0), 'no explanation next to "Tap for sound"');
  await new Promise((r) => setTimeout(r, 1500));
  let later = await audio(page);
  assert(later.time > before.time + 1, `captions clock did not run while blocked (${before.time} → ${later.time})`);
  // Narration has short pauses between cues (no caption is shown in them), so wait for the clock
  // to reach a cue rather than reading at one instant that may fall in a pause.
  await waitFor(page, () => !document.getElementById('captions').hidden, null, { what: 'a caption while sound is blocked', timeout: 5000 });
  later = await audio(page);
  assert(later.shown, 'no caption while sound is blocked');
  assert(later.live, '#caption-live is empty while sound is blocked');
  await t.screenshot(page, 'tap-for-sound.png');
  await page.click('#btn-sound');
  await waitPlaying(page, '/en/camera.mp3', 'narration after the tap');
  const after = await audio(page);
  assert(Math.abs(after.engine.narrationTime - after.time) < 0.5, `audio at ${after.engine.narrationTime} s, captions at ${after.time} s`);
  assert(after.engine.narrationTime > 1, `the sound started from the top (${after.engine.narrationTime} s) instead of where the captions were`);
  assert(await page.$eval('#btn-sound', (b) => b.hidden), '"Tap for sound" still shown');
});

test('audio: in VR the listener follows the head and captions show on a bar in view', async (t) => {
  const page = await t.openApp('?emulate-xr=vr');
  await enterXr(page, 'vr');
  await dispatch(page, { type: 'go', station: 'lighting' });
  await waitForStation(page, 'lighting');
  await waitPlaying(page, '/en/lighting.mp3', 'narration in VR');
  await waitFor(page, () => {
    const bar = document.querySelector('a-scene').object3D.getObjectByName('vr-captions');
    return Boolean(bar && bar.visible);
  }, null, { what: 'the VR caption bar visible' });
  const headAt = () => page.evaluate(() => {
    const v = new window.AFRAME.THREE.Vector3();
    document.querySelector('a-scene').camera.el.object3D.getWorldPosition(v);
    return [v.x, v.y, v.z];
  });
  await frames(page, 3);
  const h1 = await headAt();
  const l1 = (await audio(page)).engine.listener;
  assert(Math.hypot(...l1.map((v, i) => v - h1[i])) < 0.05, `listener ${l1} vs head ${h1}`);
  t.step('the visitor steps 0.6 m to the side in the headset');
  await page.evaluate(() => { const p = window.xrDevice.position; window.xrDevice.position.set(p.x + 0.6, p.y, p.z); });
  await frames(page, 6);
  const h2 = await headAt();
  const l2 = (await audio(page)).engine.listener;
  assert(Math.hypot(h2[0] - h1[0], h2[2] - h1[2]) > 0.4, 'the head did not move');
  assert(Math.hypot(...l2.map((v, i) => v - h2[i])) < 0.05, `after moving, listener ${l2} vs head ${h2}`);
  await t.screenshot(page, 'vr-captions.png');
  await exitXr(page);
  await waitFor(page, () => !document.querySelector('a-scene').object3D.getObjectByName('vr-captions').visible, null, { what: 'the caption bar hidden after VR' });
});

