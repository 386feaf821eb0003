// Kiosk soak test: `npm run soak -- --cycles 500 [--sample-every 25] [--seed 1]`.
// Serves the built app (dist/; built first only if it is missing) with `vite preview`, opens it in
// the system Chromium as a kiosk (?mode=kiosk) and runs visitor after visitor: a touch, two or
// three stations, sometimes a role card or the role tags, then the idle countdown and the reset.
// Every few cycles it samples the JS heap (after a forced GC), three.js geometries and textures,
// DOM nodes (all just after the reset) and Howler's Howls and live sounds (playing, paused or
// queued), taken once the attract loop's first station is narrating, so the same things sound at
// every sample. After a warm-up (the first 10% of the cycles) it FAILS if the heap grew by more
// than 1 MB or any count ended above its post-warm-up value (to damp sampling noise: the least of
// the last three samples against the first after the warm-up, or for counts the most of the first
// three), if the page reloaded, or on any page or console error.
// Ended sounds are not live audio: Howler keeps them to reuse (up to `pool`, 5, per Howl) and only
// makes a new one when none is free, so a Howl's sound objects grow to the most it ever played at
// once (three stations share the fans loop; the bell and "quiet on set" overlap) and stay there.
// Howler trims the ended ones to `pool` per Howl at each play, so objects cannot grow unless live
// sounds or Howls do. They are printed, with the files whose counts changed, but not judged.
// The local analytics log starts full (see ANALYTICS_LIMIT below), as on a kiosk a few days old.
// Not part of `npm test`: about 5 s a cycle on a two-core machine with SwiftShader.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, missingBrowserMessage } from '../tests/e2e/lib/browser.mjs';
import { ROOT, killChildren, vitePreview } from '../tests/e2e/lib/server.mjs';

const HEAP_LIMIT = 1024 * 1024; // bytes of growth tolerated after the warm-up
// The local analytics keep at most this many events (src/analytics/log.ts), in storage and in
// memory. A new kiosk's log grows by ~5 events a visitor until it is full (about 600 visitors):
// bounded, but on the heap it looks like a leak. The soak starts with the log full, as a kiosk is
// after a few days, so the heap measures the app; it checks the log is still at the limit at the end.
const ANALYTICS_KEY = 'backlot:analytics';
const ANALYTICS_LIMIT = 3000;

/** A full analytics log of plausible visits (session, two or three stations, end), oldest first. */
function fullAnalyticsLog(stations, rand) {
  const events = [];
  let t = Date.now() - 7 * 24 * 3600 * 1000;
  for (let n = 0; events.length < ANALYTICS_LIMIT; n++) {
    const session = `${t.toString(36)}-${n.toString(36)}`;
    events.push({ t, type: 'session', session, mode: 'kiosk', lang: 'en' });
    for (let i = 0, k = 2 + Math.floor(rand() * 2); i < k; i++) {
      const dwell = Math.round(5 + rand() * 60);
      t += dwell * 1000;
      events.push({ t, type: 'visit', session, station: stations[Math.floor(rand() * stations.length)], dwell });
    }
    t += 75_000;
    events.push({ t, type: 'end', session, reason: 'idle' });
    t += Math.round(rand() * 600_000);
  }
  return events.slice(-ANALYTICS_LIMIT);
}

function parseArgs(argv) {
  const opts = { cycles: 500, sampleEvery: 0, seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const value = () => Number(inline ?? argv[++i]);
    if (flag === '--cycles') opts.cycles = value();
    else if (flag === '--sample-every') opts.sampleEvery = value();
    else if (flag === '--seed') opts.seed = value();
    else if (flag === '--help' || flag === '-h') {
      console.log('usage: npm run soak -- [--cycles 500] [--sample-every N] [--seed 1]');
      process.exit(0);
    } else {
      console.error(`soak: unknown option ${argv[i]}`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(opts.cycles) || opts.cycles < 10) {
    console.error('soak: --cycles must be a whole number ≥ 10');
    process.exit(2);
  }
  // About 20 samples over the run, at most every 25 cycles.
  if (!opts.sampleEvery) opts.sampleEvery = Math.min(25, Math.max(1, Math.round(opts.cycles / 20)));
  return opts;
}

/** Small deterministic PRNG (mulberry32, as src/set/random.ts, which a Node script cannot import), so a failing run can be repeated with its --seed. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const opts = parseArgs(process.argv.slice(2));
const DIST = join(ROOT, 'dist');
const noBrowser = missingBrowserMessage('soak');
if (noBrowser) {
  console.error(noBrowser);
  process.exit(1);
}
if (!existsSync(join(DIST, 'index.html'))) {
  console.log('soak: dist/ is missing; building it (npx vite build)');
  const built = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) process.exit(1);
}

// A private copy of the build: a concurrent `npm run build` empties dist/ mid-run.
const SNAPSHOT = mkdtempSync(join(tmpdir(), 'backlot-soak-dist-'));
cpSync(DIST, SNAPSHOT, { recursive: true });
const set = JSON.parse(readFileSync(join(SNAPSHOT, 'scenes', 'set.json'), 'utf8'));

let chromium = null;
let preview = null;
async function cleanUp() {
  await chromium?.close();
  chromium = null;
  await preview?.stop().catch(() => {});
  killChildren();
  rmSync(SNAPSHOT, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.error(`\nsoak: ${signal}, stopping`);
    cleanUp().finally(() => process.exit(130));
  });
}
process.on('exit', () => killChildren());

const errors = [];
const mb = (bytes) => (bytes / 1048576).toFixed(2);

/**
 * The in-page half of the soak, installed once: every cycle runs through these same functions, so
 * the heap measures the app, not a new predicate compiled by Puppeteer for each wait.
 */
function installDriver() {
  const scene = document.querySelector('a-scene');
  const tour = window.backlot.tour;
  const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
  const frames = async (n) => {
    for (let i = 0; i < n; i++) await frame();
  };
  const until = async (test, what, timeout) => {
    const start = performance.now();
    while (!test()) {
      if (performance.now() - start > timeout) throw new Error(`timed out after ${timeout / 1000} s waiting for ${what} (kiosk ${tour.kiosk.phase}, station ${tour.state.station})`);
      await frame();
    }
  };
  window.__soak = {
    phase: (p, timeout = 5000) => until(() => tour.kiosk.phase === p, `kiosk phase ${p}`, timeout),
    begin: () => tour.kiosk.begin(),
    /**
     * One visitor after the touch: `steps` = [{ station, role?, overlay? }], then idle and the reset.
     * Returns the renderer and DOM counts just after the reset; with `settle`, the sound counts are
     * taken later, once the attract loop has reached its first station and its narration plays
     * (what sounds then is the same every cycle: the room tone, the loops near that station and
     * its narration; just after the reset it depends on where the last visitor stood).
     */
    async visit(steps, settle) {
      for (const step of steps) {
        tour.dispatch({ type: 'go', station: step.station });
        await until(() => tour.state.station === step.station && !tour.isTravelling(), `arrival at ${step.station}`, 20000);
        await frames(2);
        if (step.role) {
          tour.dispatch({ type: 'openRole', role: step.role, station: step.station });
          await frames(2);
        }
        if (step.overlay) {
          tour.dispatch({ type: 'cycleOverlay' });
          await frames(2);
        }
      }
      tour.kiosk.expireIdle();
      await until(() => tour.kiosk.phase === 'countdown', 'the countdown', 5000);
      tour.kiosk.finishCountdown();
      await until(() => tour.kiosk.phase === 'attract', 'the attract loop after the reset', 5000);
      await frames(2);
      const counts = this.counts(); // now, before the attract loop's first stop changes what is drawn
      if (!settle) return counts;
      const first = tour.kiosk.config.attractStations[0];
      await until(() => tour.state.station === first && !tour.isTravelling() && tour.narration.debug().engine?.narrationPlaying, `the attract loop's narration at ${first}`, 20000);
      const t0 = performance.now();
      await until(() => performance.now() - t0 > 750, 'the ambience to settle', 5000); // three listener passes
      return { ...counts, ...this.sounds() };
    },
    sounds() {
      const c = tour.narration.debug().sounds ?? { howls: 0, live: 0, objects: 0, pool: 0, byFile: {} };
      return { howls: c.howls, sounds: c.live, objects: c.objects, pool: c.pool, byFile: c.byFile };
    },
    counts() {
      const { memory, programs } = scene.renderer.info;
      return {
        geometries: memory.geometries,
        textures: memory.textures,
        programs: programs?.length ?? 0,
        dom: document.getElementsByTagName('*').length,
        ...this.sounds(),
        marker: window.__soakMarker ?? null,
        kioskCycles: tour.kiosk.cycles,
      };
    },
  };
}

/** Waits until `fn(arg)` is truthy in the page; names `what` on timeout. */
async function until(page, fn, arg, what, timeout = 20_000) {
  try {
    await page.waitForFunction(fn, { timeout, polling: 100 }, arg);
  } catch (err) {
    throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}: ${err.message.split('\n')[0]}`);
  }
}

/** `counts`: what the page had just after the reset (the same moment every cycle). */
async function sample(page, cdp, cycle, started, counts) {
  // Two collections: the first may only queue finalisers.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return { cycle, seconds: (Date.now() - started) / 1000, heap: usedSize, ...counts };
}

const COLUMNS = [
  ['cycle', 6, (s) => s.cycle],
  ['time', 8, (s) => `${s.seconds.toFixed(0)} s`],
  ['heap MB', 9, (s) => mb(s.heap)],
  ['geometries', 11, (s) => s.geometries],
  ['textures', 9, (s) => s.textures],
  ['programs', 9, (s) => s.programs],
  ['DOM nodes', 10, (s) => s.dom],
  ['howls', 6, (s) => s.howls],
  ['sounds', 7, (s) => s.sounds],
  ['objects', 8, (s) => s.objects],
];
const row = (cells) => cells.map((c, i) => String(c).padStart(COLUMNS[i][1])).join(' ');
const printSample = (s) => console.log(row(COLUMNS.map(([, , f]) => f(s))));

async function visitor(page, rand, crewOf, stats, settle) {
  // Half the visitors really touch the screen, half come in through the hook.
  if (rand() < 0.5) await page.mouse.click(640, 360);
  else await page.evaluate(() => window.__soak.begin());
  await page.evaluate(() => window.__soak.phase('visit'));
  // Two or three different stations, sometimes a role card, sometimes the role tags.
  const pool = [...set.tour];
  const steps = [];
  for (let i = 0, n = 2 + Math.floor(rand() * 2); i < n; i++) {
    const station = pool.splice(Math.floor(rand() * pool.length), 1)[0];
    const crew = crewOf.get(station) ?? [];
    const step = { station };
    if (crew.length && rand() < 0.35) step.role = crew[Math.floor(rand() * crew.length)];
    if (rand() < 0.25) step.overlay = true;
    steps.push(step);
    stats.stations++;
    if (step.role) stats.roles++;
    if (step.overlay) stats.overlays++;
  }
  return page.evaluate((plan, settled) => window.__soak.visit(plan, settled), steps, settle);
}

let exitCode = 1;
const started = Date.now();
try {
  preview = await vitePreview(SNAPSHOT);
  chromium = await launchBrowser();
  const { browser } = chromium;
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  page.setDefaultTimeout(30_000);
  // Reduced motion: every move is a short fade instead of a glide, which keeps a cycle short.
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`page error: ${err?.message ?? err}`));
  // An audio request cut short by the next visitor's reset is fine (net::ERR_ABORTED); others are not.
  page.on('requestfailed', (req) => {
    const why = req.failure()?.errorText ?? 'failed';
    if (!/ERR_ABORTED/.test(why)) errors.push(`request failed: ${req.url()} (${why})`);
  });
  let navigations = 0;
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations++; });

  console.log(`soak: ${opts.cycles} visitor cycles at ${preview.url}?mode=kiosk, ${await browser.version()}, sample every ${opts.sampleEvery}, seed ${opts.seed}`);
  // The analytics log is full before the app's first line runs (only on that first load).
  await page.evaluateOnNewDocument((key, json) => {
    if (localStorage.getItem(key) === null) localStorage.setItem(key, json);
  }, ANALYTICS_KEY, JSON.stringify(fullAnalyticsLog(set.tour, random(opts.seed + 1))));
  await page.goto(`${preview.url}?mode=kiosk`, { waitUntil: 'load' });
  await until(page, () => document.body.dataset.backlot === 'ready' && Boolean(window.backlot?.kiosk), null, 'the kiosk to be ready', 60_000);
  const loads = navigations;
  const token = `soak-${Date.now()}`;
  await page.evaluate((t) => { window.__soakMarker = t; }, token);
  await page.evaluate(installDriver);
  const settings = await page.evaluate(() => window.backlot.tour.state.settings);
  if (!settings.reducedMotion) console.log('soak: note: the kiosk did not pick up reduced motion; moves glide (slower cycles)');
  const cdp = await page.createCDPSession();
  const crewOf = new Map(set.stations.map((s) => [s.id, (s.crew ?? []).map((c) => c.role)]));
  const rand = random(opts.seed);
  const stats = { stations: 0, roles: 0, overlays: 0 };

  console.log(row(COLUMNS.map(([name]) => name)));
  const samples = [await sample(page, cdp, 0, started, await page.evaluate(() => window.__soak.counts()))];
  printSample(samples[0]);
  const warmUp = Math.ceil(opts.cycles * 0.1);
  for (let cycle = 1; cycle <= opts.cycles; cycle++) {
    const sampled = cycle % opts.sampleEvery === 0 || cycle === opts.cycles;
    const counts = await visitor(page, rand, crewOf, stats, sampled);
    if (errors.length > 0) throw new Error(`stopped at cycle ${cycle}: ${errors[0]}`);
    if (sampled) {
      const s = await sample(page, cdp, cycle, started, counts);
      samples.push(s);
      printSample(s);
      if (s.marker !== token || s.kioskCycles !== cycle) throw new Error(`the page reloaded by cycle ${cycle} (marker ${s.marker}, kiosk.cycles ${s.kioskCycles})`);
    }
  }

  // --- Verdict
  const after = samples.filter((s) => s.cycle >= warmUp);
  // Noise: one sample can catch a collection half done or a sound pool one larger. The start is the
  // first post-warm-up sample (counts: the most of the first three); the end the least of the last three.
  const first = after[0];
  const last = samples[samples.length - 1];
  const tail = samples.slice(-3);
  const heapEnd = Math.min(...tail.map((s) => s.heap));
  const KEYS = ['geometries', 'textures', 'programs', 'dom', 'howls', 'sounds'];
  const start = Object.fromEntries(KEYS.map((k) => [k, Math.max(...after.slice(0, 3).map((s) => s[k]))]));
  const end = Object.fromEntries(KEYS.map((k) => [k, Math.min(...tail.map((s) => s[k]))]));
  const reasons = [];
  if (after.length < 3) reasons.push(`only ${after.length} samples after the warm-up; use more --cycles or a smaller --sample-every`);
  if (heapEnd - first.heap > HEAP_LIMIT) reasons.push(`JS heap grew by ${mb(heapEnd - first.heap)} MB after the warm-up (limit ${mb(HEAP_LIMIT)} MB)`);
  // (Shader programs are shown but not judged: a material first drawn late compiles late.)
  for (const key of ['geometries', 'textures', 'dom', 'howls', 'sounds']) {
    if (end[key] > start[key]) reasons.push(`${key === 'sounds' ? 'live sounds' : key} went from ${start[key]} after the warm-up to ${end[key]} at the end`);
  }
  const logged = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]').length, ANALYTICS_KEY);
  if (logged !== ANALYTICS_LIMIT) reasons.push(`the analytics log holds ${logged} events at the end, not its limit of ${ANALYTICS_LIMIT}`);
  if (navigations !== loads) reasons.push(`the page navigated ${navigations - loads} time(s) during the soak`);
  if (last.marker !== token) reasons.push('the page reloaded (window marker gone)');
  reasons.push(...errors.slice(0, 10));
  const secs = (Date.now() - started) / 1000;
  console.log('\n--- soak summary');
  console.log(`cycles:      ${opts.cycles} (warm-up ${warmUp}); ${stats.stations} station visits, ${stats.roles} role cards, ${stats.overlays} role-tag toggles`);
  console.log(`duration:    ${secs.toFixed(0)} s (${(secs / opts.cycles).toFixed(2)} s a cycle)`);
  console.log(`heap:        first after warm-up ${mb(first.heap)} MB (cycle ${first.cycle}), last ${mb(last.heap)} MB, min of last 3 ${mb(heapEnd)} MB, delta ${heapEnd >= first.heap ? '+' : ''}${mb(heapEnd - first.heap)} MB`);
  const names = { geometries: 'geometries', textures: 'textures', programs: 'programs', dom: 'DOM nodes', howls: 'Howls', sounds: 'live sounds' };
  for (const k of KEYS) console.log(`${`${names[k]}:`.padEnd(13)}${start[k]} → ${end[k]} (first after warm-up ${first[k]}, last ${last[k]})`);
  console.log(`reloads:     ${navigations - loads}`);
  console.log(`analytics:   full from the start (${ANALYTICS_LIMIT} events) and ${logged} at the end`);
  const most = Math.max(...after.map((s) => s.objects - s.sounds));
  console.log(`sound objects: ${first.objects} → ${last.objects} (not judged; ended ones kept for reuse: at most ${most}; Howler trims each Howl's to ${last.pool / Math.max(1, last.howls)} on its next play)`);
  // Which Howl's sounds changed between the first sample after the warm-up and the last.
  const files = new Set([...Object.keys(first.byFile ?? {}), ...Object.keys(last.byFile ?? {})]);
  const fmt = (c) => (c ? `${c.live}/${c.objects}` : '–');
  const changed = [...files]
    .filter((f) => fmt(first.byFile?.[f]) !== fmt(last.byFile?.[f]))
    .map((f) => `${f} ${fmt(first.byFile?.[f])}→${fmt(last.byFile?.[f])}`);
  console.log(`sounds by file (live/objects), changed after warm-up: ${changed.length ? changed.join(', ') : 'none'}`);
  if (reasons.length === 0) {
    console.log('result:      PASS');
    exitCode = 0;
  } else {
    console.log('result:      FAIL');
    for (const r of reasons) console.log(`  ✗ ${r}`);
  }
} catch (err) {
  console.error(`soak: ${err?.stack ?? err}`);
  for (const e of errors.slice(0, 10)) console.error(`  ✗ ${e}`);
  console.log('result:      FAIL');
  exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(exitCode);
