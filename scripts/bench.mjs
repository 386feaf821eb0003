// npm run bench: Backlot against a bare A-Frame + Howler "floor" page, both built by Vite and
// served by `vite preview`, measured in the system Chromium (SwiftShader WebGL, 1280×720):
//   - renderer counts (draw calls, triangles, geometries, textures, shader programs) at the start
//     and at every station with all role tags shown;
//   - JS gzip size over the floor; time to first rendered frame (median of fresh loads, as a ratio);
//   - JS time of scene.tick per frame over a scripted walk across 5 stations;
//   - the longest main-thread task after A-Frame's start-up, at 1× and 4× CPU, Backlot and floor
//     (scripts/bench/long-tasks.mjs; informational, not a budget);
//   - VR under IWER (?emulate-xr=vr, a Quest 3): draw calls and triangles per XR frame (both eyes)
//     at the start and every station (budget ≤ 2 × the mono max, plus the VR caption bar: one
//     call per eye, VR only, as the screen shows captions in the DOM), and scene.tick time in VR;
//   - first-load bytes: every same-origin response of a normal load, by kind; narration, set
//     sound and the sound-engine chunk must not be among them (audio is lazy);
//   - take running (scripts/bench/take.mjs, issue #13): a take on the hot set, mono and VR, counted
//     per frame with the video-village monitor's own render added on the frames it drew; tick time
//     during the take; renderer memory over 3 takes; the take chunk kept out of a normal load.
// Exits 1 with one line per broken budget. Not part of npm test: numbers, never pass/fail by eye.
// BENCH_ONLY=<sections>: run only some of counts (renderer counts + tick walk), loads (first frame,
// long tasks, JS size, first-load bytes), vr, take, activities — comma-separated, e.g. BENCH_ONLY=take. vr
// brings counts (its budget is relative to the mono max); take without loads makes one normal load
// of its own (to see which scripts a visit fetches).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser, missingBrowserMessage } from '../tests/e2e/lib/browser.mjs';
import { ROOT, killChildren, vitePreview } from '../tests/e2e/lib/server.mjs';
import { FLOOR_DIR, buildFloor } from './bench/floor.mjs';
import { longTaskLines } from './bench/long-tasks.mjs';
import { takeSection } from './bench/take.mjs';
import { activitiesSection } from './bench/activities.mjs';

const BUDGET = {
  drawCalls: 100, triangles: 150_000, programs: 12, jsOverFloorKB: 60, firstFrameRatio: 1.3,
  // Issue #13, with a take running (the monitor's render counted in): mono calls anywhere, main
  // render triangles, scene.tick p95, and renderer geometries/textures added from take 1 to take 3.
  takeDrawCalls: 20, takeTriangles: 150_000, takeTickP95Ms: 1.5, takeMemoryGrowth: 0,
  // Issue #14, each hands-on activity open at its station (monitor renders counted in).
  activityDrawCalls: 20, activityTickP95Ms: 1.5,
};
const AIM_DRAW_CALLS = 60;
const LOADS = Number(process.env.BENCH_LOADS ?? 5);
// BENCH_DIST=<folder>: measure another, already built app folder (skips `npm run build`).
const DIST = process.env.BENCH_DIST ? resolve(ROOT, process.env.BENCH_DIST) : join(ROOT, 'dist');
const FLOOR = FLOOR_DIR;

const fail = (line) => { console.error(`bench: ${line}`); process.exit(1); };
const SECTIONS = ['counts', 'loads', 'vr', 'take', 'activities'];
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').map((x) => x.trim()).filter(Boolean);
if (ONLY.some((x) => !SECTIONS.includes(x))) fail(`BENCH_ONLY="${process.env.BENCH_ONLY}": sections are ${SECTIONS.join(', ')}`);
const want = (section) => ONLY.length === 0 || ONLY.includes(section) || (section === 'counts' && ONLY.includes('vr'));
const noBrowser = missingBrowserMessage('bench');
if (noBrowser) fail(noBrowser.replace(/^bench: /, ''));

function run(label, cmd, args) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n').slice(-25).join('\n'));
    fail(`${label} failed (exit ${r.status})`);
  }
  return ((Date.now() - started) / 1000).toFixed(1);
}

const jsFiles = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
  const full = join(dir, d.name);
  return d.isDirectory() ? jsFiles(full) : d.name.endsWith('.js') ? [full] : [];
});
const gz = (file) => gzipSync(readFileSync(file)).length;
/** Script files (relative to the site root) fetched by the first-frame loads, per page kind. */
const fetchedJs = { app: new Set(), floor: new Set() };
/** Same-origin responses of normal loads of Backlot: path → bytes (body size). */
const firstLoad = new Map();
/** The head-locked caption bar in VR: one draw call per eye while a caption shows (VR only). */
const VR_CAPTION_CALLS = 2;
const VR_CAPTION_TRIANGLES = 4;
const kb = (bytes) => bytes / 1024;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]; };
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** One line of tickWalk results. */
const tickStats = ({ ticks, tocks }) => `  tick p50 ${pct(ticks, 50).toFixed(2)} ms, p95 ${pct(ticks, 95).toFixed(2)} ms, mean ${mean(ticks).toFixed(3)} ms, max ${Math.max(...ticks).toFixed(2)} ms; tock p50 ${pct(tocks, 50).toFixed(2)} ms, p95 ${pct(tocks, 95).toFixed(2)} ms (page timer steps 0.1 ms)`;

/**
 * In the page: wrap renderer.render so each frame's counts are summed over all its render calls.
 * A frame is one scene.render (A-Frame sets scene.time once, before tick): the take's monitor
 * draws from tick, before the main render, with the same scene object, so neither "a render of
 * the scene starts a frame" nor the call order can tell frames apart. The monitor's render (its
 * camera's name, src/take/monitor.ts) is kept apart in `monitor`: calls/triangles stay the visitor's view.
 */
function installRenderCounter() {
  const scene = document.querySelector('a-scene');
  const renderer = scene.renderer;
  if (renderer.__benchWrapped) return;
  const orig = renderer.render;
  const frames = [];
  let current = null;
  renderer.render = function render(obj, camera) {
    if (!current || current.time !== scene.time) { if (current) frames.push(current); current = { time: scene.time, calls: 0, triangles: 0, monitor: null }; }
    const result = orig.call(this, obj, camera);
    // info.autoReset is on (three's default): after each call info.render holds that call's counts.
    const { calls, triangles } = this.info.render;
    if (camera?.name === 'take-monitor-camera') current.monitor = { calls, triangles };
    else { current.calls += calls; current.triangles += triangles; }
    return result;
  };
  renderer.__benchWrapped = true;
  window.__benchFrames = frames;
}

/** In the page: counts of the last complete frame + memory/programs, after `n` more frames. */
function readRenderInfo(n) {
  return new Promise((done) => {
    let k = 0;
    const step = () => {
      if (++k < n) return requestAnimationFrame(step);
      const r = document.querySelector('a-scene').renderer;
      const last = window.__benchFrames[window.__benchFrames.length - 1] ?? { calls: NaN, triangles: NaN };
      done({ calls: last.calls, triangles: last.triangles, geometries: r.info.memory.geometries, textures: r.info.memory.textures, programs: r.info.programs?.length ?? NaN });
    };
    requestAnimationFrame(step);
  });
}

/**
 * In the page: scene.tick/tock JS time per frame while visiting `stations` (role tags per station),
 * then idling on until at least `minFrames` ticks were timed.
 */
async function tickWalk(stations, minFrames) {
  const scene = document.querySelector('a-scene');
  const sys = window.backlot.tour;
  sys.dispatch({ type: 'setOverlay', mode: 'station' });
  const ticks = [];
  const tocks = [];
  const origTick = scene.tick;
  const origTock = scene.tock;
  scene.tick = function tick(t, dt) { const s = performance.now(); origTick.call(this, t, dt); ticks.push(performance.now() - s); };
  scene.tock = function tock(t, dt, c) { const s = performance.now(); origTock.call(this, t, dt, c); tocks.push(performance.now() - s); };
  const frames = (n) => new Promise((done) => { let k = 0; const f = () => (++k >= n ? done() : requestAnimationFrame(f)); requestAnimationFrame(f); });
  const started = performance.now();
  for (const id of stations) {
    sys.dispatch({ type: 'go', station: id });
    await frames(2);
    while (sys.isTravelling()) await frames(1);
    await frames(10);
  }
  while (ticks.length < minFrames) await frames(1);
  const seconds = (performance.now() - started) / 1000;
  scene.tick = origTick;
  scene.tock = origTock;
  return { ticks, tocks, seconds };
}

async function measureFirstFrame(browser, url, kind) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    // Which scripts a normal visit fetches (lazy chunks such as the XR emulator must stay out).
    page.on('requestfinished', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.endsWith('.js')) fetchedJs[kind].add(path.slice(path.lastIndexOf('/assets/') + 1));
      if (kind === 'app') {
        const response = request.response();
        void response?.buffer().then((b) => firstLoad.set(path, b.length)).catch(() => {});
      }
    });
    // Fallback clock for Backlot: when body[data-backlot] turns 'ready' (if the mark is missing).
    await page.evaluateOnNewDocument(() => {
      new MutationObserver(() => {
        if (document.body?.dataset.backlot === 'ready' && window.__benchReadyAt === undefined) window.__benchReadyAt = performance.now();
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-backlot'] });
    });
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    if (kind === 'app') {
      await page.waitForFunction(() => ['ready', 'error', 'no-webgl'].includes(document.body?.dataset.backlot ?? ''), { timeout: 60_000, polling: 50 });
      const state = await page.evaluate(() => document.body.dataset.backlot);
      if (state !== 'ready') throw new Error(`Backlot reached data-backlot="${state}"`);
    } else {
      await page.waitForFunction(() => document.body?.dataset.floor === 'ready', { timeout: 60_000, polling: 50 });
    }
    return await page.evaluate((name) => {
      const mark = performance.getEntriesByName(name, 'mark')[0];
      if (mark) return { ms: mark.startTime, source: 'mark' };
      return { ms: window.__benchReadyAt ?? NaN, source: 'data-backlot' };
    }, kind === 'app' ? 'backlot-first-frame' : 'floor-first-frame');
  } finally {
    await context.close();
  }
}

async function renderCounts(browser, url, ready) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await page.waitForFunction(ready, { timeout: 60_000, polling: 100 });
  await page.evaluate(installRenderCounter);
  return { context, page };
}

/**
 * Backlot under IWER (?emulate-xr=vr, a Quest 3) with the render counter, presenting in stereo.
 * pageErrors collects the page's console errors (shown when a VR measurement fails).
 */
async function openVr(browser, url) {
  const { context, page } = await renderCounts(browser, `${url}?emulate-xr=vr`, () => document.body?.dataset.backlot === 'ready');
  const pageErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });
  page.on('pageerror', (e) => pageErrors.push(String(e?.message ?? e)));
  try {
    await page.waitForFunction(() => Boolean(document.body.dataset.xr), { timeout: 30_000, polling: 100 });
    const support = await page.evaluate(() => document.body.dataset.xr);
    if (!support.split(' ').includes('vr')) throw new Error(`immersive-vr not supported under ?emulate-xr=vr (data-xr="${support}")`);
    // IWER shows one eye by default (the right eye gets a zero-width viewport): draw both halves.
    await page.evaluate(() => { window.xrDevice.stereoEnabled = true; });
    await page.evaluate(() => window.backlot.xr.enter('vr'));
    await page.waitForFunction(() => document.querySelector('a-scene').renderer.xr.isPresenting === true, { timeout: 30_000, polling: 50 });
  } catch (err) {
    for (const e of pageErrors.slice(-10)) console.error(`bench: VR page console: ${e}`);
    await context.close();
    throw err;
  }
  return { context, page, pageErrors };
}

/** One row of the renderer-count tables. */
const line = (r) => `  ${r.at.padEnd(30)} ${String(r.calls).padStart(5)} ${String(r.triangles).padStart(10)} ${String(r.geometries).padStart(6)} ${String(r.textures).padStart(9)} ${String(r.programs).padStart(9)}`;

let chromium = null;
const servers = [];
async function cleanUp() {
  await chromium?.close();
  chromium = null;
  for (const s of servers.splice(0)) await s.stop().catch(() => {});
  killChildren();
}
process.on('SIGINT', () => { cleanUp().finally(() => process.exit(130)); });
process.on('exit', () => killChildren());

const out = [];
const print = (line = '') => { out.push(line); console.log(line); };
const broken = [];

/** Renderer counts at the start and every station (role tags "all"), and tick time over a walk. */
async function countsSection(browser, app, floor) {
  // --- Renderer counts -------------------------------------------------------------------------
  const rows = [];
  {
    const { context, page } = await renderCounts(browser, floor.url, () => document.body?.dataset.floor === 'ready');
    rows.push({ at: 'floor page', ...(await page.evaluate(readRenderInfo, 4)) });
    await context.close();
  }
  const { context, page } = await renderCounts(browser, app.url, () => document.body?.dataset.backlot === 'ready');
  const order = await page.evaluate(() => {
    const sys = window.backlot.tour;
    sys.dispatch({ type: 'setOverlay', mode: 'all' });
    return [...sys.state.order];
  });
  rows.push({ at: 'start', ...(await page.evaluate(readRenderInfo, 4)) });
  for (const id of order) {
    await page.evaluate((sid) => window.backlot.tour.dispatch({ type: 'go', station: sid }), id);
    await page.waitForFunction(() => !window.backlot.tour.isTravelling(), { timeout: 30_000, polling: 50 });
    rows.push({ at: id, ...(await page.evaluate(readRenderInfo, 3)) });
  }
  const appRows = rows.filter((r) => r.at !== 'floor page');
  const max = (k) => Math.max(...appRows.map((r) => r[k]));
  print('');
  print('renderer.info, role tags "all"   calls  triangles  geoms  textures  programs');
  for (const r of rows) print(line(r));
  print(line({ at: 'max (Backlot)', calls: max('calls'), triangles: max('triangles'), geometries: max('geometries'), textures: max('textures'), programs: max('programs') }));
  for (const r of appRows) {
    if (!(r.calls <= BUDGET.drawCalls)) broken.push(`draw calls ${r.calls} at ${r.at} > ${BUDGET.drawCalls}`);
    if (!(r.triangles <= BUDGET.triangles)) broken.push(`triangles ${r.triangles} at ${r.at} > ${BUDGET.triangles}`);
  }
  if (!(max('programs') <= BUDGET.programs)) broken.push(`shader programs ${max('programs')} > ${BUDGET.programs}`);

  // --- Tick time over a walk ----------------------------------------------------------------------
  const walk = order.length <= 5 ? order : [0, 1, 2, 3, 4].map((i) => order[Math.round((i * (order.length - 1)) / 4)]);
  const tick = await page.evaluate(tickWalk, walk, 0);
  await context.close();
  print('');
  print(`scene.tick JS per frame, walk ${walk.join(' → ')} (${tick.ticks.length} frames, ${tick.seconds.toFixed(1)} s, ${(tick.ticks.length / tick.seconds).toFixed(0)} fps software GL):`);
  print(tickStats(tick));
  return appRows;
}

/** First frame vs the floor, long tasks, the JS a normal visit fetches and its first-load bytes. */
async function loadsSection(browser, app, floor, copy) {
  // --- First frame --------------------------------------------------------------------------------
  const appTimes = [];
  const floorTimes = [];
  const sources = new Set();
  for (let i = 0; i < LOADS; i += 1) {
    // Interleaved, each in a fresh browser context (cold cache), so drift hits both alike.
    floorTimes.push((await measureFirstFrame(browser, floor.url, 'floor')).ms);
    const a = await measureFirstFrame(browser, app.url, 'app');
    sources.add(a.source);
    appTimes.push(a.ms);
  }
  const ratio = median(appTimes) / median(floorTimes);
  print(`first rendered frame, median of ${LOADS} fresh loads: Backlot ${median(appTimes).toFixed(0)} ms${sources.has('data-backlot') ? ' (no backlot-first-frame mark; timed data-backlot=ready)' : ''}, floor ${median(floorTimes).toFixed(0)} ms → ×${ratio.toFixed(2)} (budget ≤ ${BUDGET.firstFrameRatio})`);
  print(`  loads ms: Backlot ${appTimes.map((x) => x.toFixed(0)).join(' ')}; floor ${floorTimes.map((x) => x.toFixed(0)).join(' ')}`);
  if (!(ratio <= BUDGET.firstFrameRatio)) broken.push(`first-frame ratio ×${ratio.toFixed(2)} > ${BUDGET.firstFrameRatio}`);
  print('');
  for (const l of await longTaskLines(browser, { app: app.url, floor: floor.url })) print(l);

  // --- Size: the scripts a normal visit loads (measured from the loads above) ---------------------
  const sizeOf = (dir, files) => [...files].reduce((sum, f) => sum + gz(join(dir, f)), 0);
  const appJs = sizeOf(copy, fetchedJs.app);
  const floorJs = sizeOf(FLOOR, fetchedJs.floor);
  const lazyJs = jsFiles(copy).length - fetchedJs.app.size;
  const over = kb(appJs - floorJs);
  print('');
  print(`JS gzip fetched by a normal load: Backlot ${kb(appJs).toFixed(1)} KB in ${fetchedJs.app.size} files (${lazyJs} lazy chunks not fetched), floor ${kb(floorJs).toFixed(1)} KB → ${over >= 0 ? '+' : ''}${over.toFixed(1)} KB (budget ≤ ${BUDGET.jsOverFloorKB} KB)`);
  if (!(over <= BUDGET.jsOverFloorKB)) broken.push(`app JS ${over.toFixed(1)} KB gzip over the floor > ${BUDGET.jsOverFloorKB} KB`);
  if ([...fetchedJs.app].some((f) => /emulation|iwer/i.test(f))) broken.push('a normal load fetched the XR emulation chunk');
  {
    const kindOf = (p) => (/\.(mp3|ogg|webm|m4a|wav|vtt)$|\/audio\//.test(p) || /sound-engine/.test(p) ? 'audio' : /\.js$/.test(p) ? 'js' : /\.json$/.test(p) ? 'content' : /\.(woff2?|ttf)$/.test(p) ? 'fonts' : 'other');
    const byKind = new Map();
    for (const [p, bytes] of firstLoad) {
      const k = kindOf(p);
      const e = byKind.get(k) ?? { files: 0, bytes: 0 };
      byKind.set(k, { files: e.files + 1, bytes: e.bytes + bytes });
    }
    const total = [...firstLoad.values()].reduce((a, b) => a + b, 0);
    const audio = [...firstLoad.keys()].filter((p) => kindOf(p) === 'audio');
    print(`first load (normal visit, ${LOADS} loads, uncompressed bytes): ${kb(total).toFixed(1)} KB in ${firstLoad.size} files — ${[...byKind].map(([k, e]) => `${k} ${kb(e.bytes).toFixed(1)} KB/${e.files}`).join(', ')}; audio files and sound code fetched: ${audio.length} (budget 0)`);
    if (audio.length > 0) broken.push(`a normal load fetched audio: ${audio.slice(0, 3).join(', ')}`);
  }
}

/** VR under IWER: stereo renderer counts at the start and every station, against the mono max; tick time. */
async function vrSection(browser, app, appRows) {
  // --- VR (IWER Quest 3 emulation): stereo renderer counts and tick time -------------------------
  const max = (k) => Math.max(...appRows.map((r) => r[k]));
  const monoCalls = max('calls');
  const monoTriangles = max('triangles');
  const { context: vrContext, page: vr, pageErrors } = await openVr(browser, app.url);
  try {
    // Each XR frame is one renderer.render of the scene with an ArrayCamera (one sub-camera per
    // eye, both drawn in that call unless multiview is on), so the counter's per-frame sums are
    // per XR frame, both eyes together.
    const vrOrder = await vr.evaluate(() => {
      const sys = window.backlot.tour;
      sys.dispatch({ type: 'setOverlay', mode: 'all' });
      return [...sys.state.order];
    });
    const vrRows = [{ at: 'start', ...(await vr.evaluate(readRenderInfo, 6)) }];
    const view = await vr.evaluate(() => {
      const xr = document.querySelector('a-scene').renderer.xr;
      return { multiview: Boolean(xr.isMultiview), eyes: xr.getCamera().cameras.map((c) => `${c.viewport.z}×${c.viewport.w}`) };
    });
    if (view.eyes.length !== 2) throw new Error(`expected 2 XR views (stereo), got ${view.eyes.length}`);
    for (const id of vrOrder) {
      await vr.evaluate((sid) => window.backlot.tour.dispatch({ type: 'go', station: sid }), id);
      await vr.waitForFunction(() => !window.backlot.tour.isTravelling(), { timeout: 30_000, polling: 50 });
      vrRows.push({ at: id, ...(await vr.evaluate(readRenderInfo, 4)) });
    }
    const presenting = await vr.evaluate(() => document.querySelector('a-scene').renderer.xr.isPresenting);
    if (!presenting) throw new Error('the VR session ended during the station visits');
    const vrMax = (k) => Math.max(...vrRows.map((r) => r[k]));
    const ratio = (a, b) => (b > 0 ? `×${(a / b).toFixed(2)}` : '–');
    const monoAt = new Map(appRows.map((r) => [r.at, r]));
    print('');
    print(`VR (IWER Quest 3, ?emulate-xr=vr), stereo, eyes ${view.eyes.join(' + ')}${view.multiview ? ', multiview' : ', no multiview'}: counts per XR frame, both eyes together`);
    print('renderer.info, role tags "all"   calls  triangles  geoms  textures  programs  calls/mono  tris/mono');
    const vrLine = (r, mono) => `${line(r)} ${(mono ? ratio(r.calls, mono.calls) : '').padStart(11)} ${(mono ? ratio(r.triangles, mono.triangles) : '').padStart(10)}`;
    for (const r of vrRows) print(vrLine(r, monoAt.get(r.at)));
    const vrMaxRow = { at: 'max (VR)', calls: vrMax('calls'), triangles: vrMax('triangles'), geometries: vrMax('geometries'), textures: vrMax('textures'), programs: vrMax('programs') };
    print(vrLine(vrMaxRow, { calls: monoCalls, triangles: monoTriangles }));
    print(`  stereo max vs mono max: calls ${vrMaxRow.calls} vs ${monoCalls} (budget ≤ 2 × ${monoCalls} + ${VR_CAPTION_CALLS} caption bar = ${2 * monoCalls + VR_CAPTION_CALLS}), triangles ${vrMaxRow.triangles} vs ${monoTriangles} (budget ≤ 2 × ${monoTriangles} + ${VR_CAPTION_TRIANGLES} = ${2 * monoTriangles + VR_CAPTION_TRIANGLES}); per eye ${vrMaxRow.calls / 2} calls, ${vrMaxRow.triangles / 2} triangles`);
    // One line per quantity (not per station): the VR-only objects are the same at every stop.
    const over = (k, limit) => vrRows.filter((r) => !(r[k] <= limit)).map((r) => r.at);
    const overCalls = over('calls', 2 * monoCalls + VR_CAPTION_CALLS);
    const overTriangles = over('triangles', 2 * monoTriangles + VR_CAPTION_TRIANGLES);
    if (overCalls.length > 0) broken.push(`VR draw calls ${vrMaxRow.calls} > 2 × mono max ${monoCalls} + ${VR_CAPTION_CALLS} = ${2 * monoCalls + VR_CAPTION_CALLS} (over at ${overCalls.length} of ${vrRows.length} positions: ${overCalls.slice(0, 3).join(', ')}${overCalls.length > 3 ? ', …' : ''})`);
    if (overTriangles.length > 0) broken.push(`VR triangles ${vrMaxRow.triangles} > 2 × mono max ${monoTriangles} + ${VR_CAPTION_TRIANGLES} = ${2 * monoTriangles + VR_CAPTION_TRIANGLES} (over at ${overTriangles.length} of ${vrRows.length} positions: ${overTriangles.slice(0, 3).join(', ')}${overTriangles.length > 3 ? ', …' : ''})`);

    const vrWalk = vrOrder.length <= 5 ? vrOrder : [0, 1, 2, 3, 4].map((i) => vrOrder[Math.round((i * (vrOrder.length - 1)) / 4)]);
    const vrTick = await vr.evaluate(tickWalk, vrWalk, 100);
    print('');
    print(`scene.tick JS per XR frame in VR, walk ${vrWalk.join(' → ')} (${vrTick.ticks.length} frames, ${vrTick.seconds.toFixed(1)} s, ${(vrTick.ticks.length / vrTick.seconds).toFixed(0)} fps software GL):`);
    print(tickStats(vrTick));
  } catch (err) {
    for (const e of pageErrors.slice(-10)) console.error(`bench: VR page console: ${e}`);
    throw err;
  } finally {
    await vrContext.close();
  }
}

/**
 * The take running (scripts/bench/take.mjs). Needs the scripts a normal visit fetches: from the
 * loads section, else from one normal load of its own. Its errors are its own lines: the other
 * sections' results still print.
 */
async function takeRunning(browser, app, copy, appRows) {
  if (fetchedJs.app.size === 0) await measureFirstFrame(browser, app.url, 'app');
  try {
    const { lines, broken: takeBroken } = await takeSection(browser, {
      url: app.url, dir: copy, jsFiles: jsFiles(copy), fetchedJs: fetchedJs.app,
      stationCalls: appRows.length ? Math.max(...appRows.map((r) => r.calls)) : null,
      budget: BUDGET, vrExtraCalls: VR_CAPTION_CALLS, openPage: renderCounts, openVr, readRenderInfo, gz,
    });
    for (const l of lines) print(l);
    broken.push(...takeBroken);
  } catch (err) {
    console.error(`bench: take section: ${err?.stack ?? err}`);
    broken.push(`take section: ${err?.message ?? err}`);
  }
}

/** The hands-on activities (scripts/bench/activities.mjs); its errors are its own lines, as the take's. */
async function activitiesRunning(browser, app, copy) {
  if (fetchedJs.app.size === 0) await measureFirstFrame(browser, app.url, 'app');
  try {
    const { broken: b } = await activitiesSection(browser, { url: app.url, dir: copy, jsFiles: jsFiles(copy), fetchedJs: fetchedJs.app, budget: BUDGET, openPage: renderCounts, openVr, gz, print });
    broken.push(...b);
  } catch (err) {
    console.error(`bench: activities section: ${err?.stack ?? err}`);
    broken.push(`activities section: ${err?.message ?? err}`);
  }
}

try {
  const tApp = process.env.BENCH_DIST ? 'skipped' : run('npm run build', 'npm', ['run', 'build']);
  // The floor page is the yardstick of counts and loads only.
  const tFloor = want('counts') || want('loads') ? buildFloor() : null;
  // Measure a private copy: a concurrent `npm run build` would empty dist/ under the bench.
  const copy = mkdtempSync(join(tmpdir(), 'backlot-bench-dist-'));
  cpSync(DIST, copy, { recursive: true });
  servers.push({ stop: async () => rmSync(copy, { recursive: true, force: true }) });
  const app = await vitePreview(copy);
  servers.push(app);
  const floor = tFloor === null ? null : await vitePreview(FLOOR);
  if (floor) servers.push(floor);
  chromium = await launchBrowser();
  const { browser } = chromium;
  print(`Backlot bench — ${await browser.version()} (SwiftShader), 1280×720, builds ${tApp === 'skipped' ? `(${DIST} prebuilt)` : `${tApp} s`} + ${tFloor === null ? 'no floor' : `${tFloor} s`}${ONLY.length ? `; BENCH_ONLY=${ONLY.join(',')}` : ''}`);

  const appRows = want('counts') ? await countsSection(browser, app, floor) : [];
  if (want('loads')) await loadsSection(browser, app, floor, copy);
  if (want('vr')) await vrSection(browser, app, appRows);
  if (want('take')) await takeRunning(browser, app, copy, appRows);
  if (want('activities')) await activitiesRunning(browser, app, copy);

  print('');
  if (appRows.length > 0) print(`aim: draw calls ≤ ${AIM_DRAW_CALLS} (now max ${Math.max(...appRows.map((r) => r.calls))})`);
  for (const b of broken) print(`BUDGET BROKEN: ${b}`);
  print(broken.length === 0 ? 'bench: all budgets met' : `bench: ${broken.length} budget(s) broken`);
} catch (err) {
  console.error(`bench: ${err?.stack ?? err}`);
  broken.push('error');
} finally {
  await cleanUp();
}
process.exit(broken.length > 0 ? 1 : 0);
