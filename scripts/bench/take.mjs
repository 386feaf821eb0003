// The "take running" section of `npm run bench` (issue #13): Backlot while a take plays on the hot
// set (src/take), measured in a fresh page each for mono and VR (IWER), plus the take chunk's place
// in the download.
//
// While a take plays, the video-village monitor is a second renderer.render inside the frame (from
// the frame system's tick, before the main render), into a render target. renderer.info is reset by
// each render call, so the main render's counts do not include it: the bench's render counter
// (installRenderCounter in scripts/bench.mjs) keeps it apart per frame (`frame.monitor`), and the
// figures here are per frame: the main render alone, and main + monitor on the frames it drew.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Timed frames of the first take (mono); enough for a p95 that is not two frames' noise. */
const TAKE_FRAMES = 300;
/** Frames of each later take: long enough for the monitor to draw, to see whether memory grows. */
const REPEAT_FRAMES = 40;
/** Timed XR frames of the take in VR (each is two eyes on a software GPU: slow). */
const VR_FRAMES = 120;

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]; };
const maxOf = (xs) => xs.reduce((a, b) => Math.max(a, b), -Infinity);
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const kb = (bytes) => (bytes / 1024).toFixed(1);

/**
 * The built files that hold code from src/take: by the hidden source maps the build writes (exact),
 * else by names only the take's code uses (the crew's mesh, the monitor's screen).
 */
export function takeChunkFiles(dir, jsFiles) {
  return jsFiles.filter((file) => {
    try {
      const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
      return map.sources.some((s) => /(^|\/)src\/take\//.test(s));
    } catch {
      return /["']hot-set-crew["']|["']take-monitor["']/.test(readFileSync(file, 'utf8'));
    }
  }).map((file) => relative(dir, file).split('\\').join('/'));
}

/**
 * In the page: starts a take (loading its chunk on first use), times scene.tick for `frames` ticks
 * while it runs, then stops it. Per timed frame: tick ms and the render counter's record of that
 * frame (matched by scene.time, which A-Frame sets once per frame before tick).
 */
async function takeRun(frames) {
  const scene = document.querySelector('a-scene');
  const service = window.backlot?.take;
  if (!service) return { error: 'window.backlot.take is null (no hot set in this build?)' };
  if (!(await service.start())) return { error: 'take.start() resolved false (the take could not be loaded)' };
  const control = service.loaded();
  const pick = (d) => ({ status: d.status, t: d.t, takes: d.takes, monitor: d.monitor && { live: d.monitor.live, renders: d.monitor.renders, calls: d.monitor.calls }, rigTriangles: d.rigTriangles });
  // debug() reads the monitor's pixels back (a GPU sync): only outside the timed window.
  const before = pick(control.debug());
  const records = window.__benchFrames;
  const from = records.length;
  const ticks = [];
  const origTick = scene.tick;
  scene.tick = function tick(t, dt) { const s = performance.now(); origTick.call(this, t, dt); ticks.push({ time: this.time, ms: performance.now() - s }); };
  const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
  const started = performance.now();
  while (ticks.length < frames && control.running) await frame();
  const seconds = (performance.now() - started) / 1000;
  scene.tick = origTick;
  const endedEarly = !control.running;
  const after = pick(control.debug());
  // A frame's record is filed when the next frame renders: wait until the last timed one is.
  await frame();
  await frame();
  const programs = scene.renderer.info.programs?.length ?? NaN;
  control.stop();
  const byTime = new Map(records.slice(from).map((r) => [r.time, r]));
  const rows = ticks.map(({ time, ms }) => ({ ms, r: byTime.get(time) })).filter((x) => x.r);
  return {
    seconds, endedEarly, programs, before, after, ticked: ticks.length,
    ticks: ticks.map((x) => x.ms),
    tickMonitor: rows.filter((x) => x.r.monitor).map((x) => x.ms),
    tickPlain: rows.filter((x) => !x.r.monitor).map((x) => x.ms),
    calls: rows.map((x) => x.r.calls),
    triangles: rows.map((x) => x.r.triangles),
    monitorCalls: rows.map((x) => x.r.monitor?.calls ?? null),
    monitorTriangles: rows.map((x) => x.r.monitor?.triangles ?? null),
  };
}

/** Per-frame figures of one takeRun: main render, monitor, and both on the frames it drew. */
function summarize(run) {
  const drew = run.monitorCalls.map((c) => c !== null);
  const monitorCalls = run.monitorCalls.filter((c) => c !== null);
  const monitorTriangles = run.monitorTriangles.filter((c) => c !== null);
  return {
    frames: run.calls.length,
    mainCalls: maxOf(run.calls),
    mainTriangles: maxOf(run.triangles),
    withMonitorCalls: maxOf(run.calls.map((c, i) => c + (run.monitorCalls[i] ?? 0))),
    withMonitorTriangles: maxOf(run.triangles.map((c, i) => c + (run.monitorTriangles[i] ?? 0))),
    monitorFrames: drew.filter(Boolean).length,
    monitorCalls: monitorCalls.length ? maxOf(monitorCalls) : 0,
    monitorTriangles: monitorTriangles.length ? maxOf(monitorTriangles) : 0,
    // The take's own count (debug().monitor.renders) over the timed window: it also sees a draw
    // in a frame whose record was not matched.
    rendersPerSecond: ((run.after.monitor?.renders ?? 0) - (run.before.monitor?.renders ?? 0)) / run.seconds,
    fps: run.ticked / run.seconds,
  };
}

const tickLine = (xs) => (xs.length ? `p50 ${pct(xs, 50).toFixed(2)} ms, p95 ${pct(xs, 95).toFixed(2)} ms, mean ${mean(xs).toFixed(3)} ms, max ${maxOf(xs).toFixed(2)} ms` : 'none');

/** Runs a take in `page`; throws if there was no take to run. */
async function measuredTake(page, frames, where) {
  const run = await page.evaluate(takeRun, frames);
  if (run.error) throw new Error(`take (${where}): ${run.error}`);
  return { run, s: summarize(run) };
}

/** Same-origin responses from now on: path → body bytes (what the first take fetches). */
function recordResponses(page) {
  const got = new Map();
  page.on('requestfinished', (request) => {
    const path = new URL(request.url()).pathname;
    void request.response()?.buffer().then((b) => got.set(path, b.length)).catch(() => {});
  });
  return got;
}

/**
 * Mono: at rest, the first take (timed, counted, its downloads recorded), two more takes, and the
 * renderer's memory before the first and after the first and third (a take must not leak).
 */
async function monoTakes(browser, { url, openPage, readRenderInfo }) {
  const { context, page } = await openPage(browser, url, () => document.body?.dataset.backlot === 'ready');
  try {
    const rest = await page.evaluate(readRenderInfo, 4);
    // The app fetches a few lazy things after its first frame: let them finish, so what the
    // take's first use fetches is told apart.
    await page.waitForNetworkIdle({ idleTime: 1500, timeout: 30_000 }).catch(() => {});
    const fetched = recordResponses(page);
    const first = await measuredTake(page, TAKE_FRAMES, 'mono');
    const afterFirst = await page.evaluate(readRenderInfo, 4);
    const firstFetch = new Map(fetched);
    for (let i = 0; i < 2; i += 1) {
      const again = await page.evaluate(takeRun, REPEAT_FRAMES);
      if (again.error) throw new Error(`take ${i + 2} (mono): ${again.error}`);
    }
    const afterThird = await page.evaluate(readRenderInfo, 4);
    return { rest, first, afterFirst, afterThird, firstFetch };
  } finally {
    await context.close();
  }
}

/** VR under IWER (stereo, presenting): one take, counted per XR frame (both eyes). */
async function vrTake(browser, { url, openVr }) {
  const { context, page, pageErrors } = await openVr(browser, url);
  try {
    const take = await measuredTake(page, VR_FRAMES, 'VR');
    const presenting = await page.evaluate(() => document.querySelector('a-scene').renderer.xr.isPresenting);
    if (!presenting) throw new Error('the VR session ended during the take');
    return take;
  } catch (err) {
    for (const e of pageErrors.slice(-10)) console.error(`bench: VR take page console: ${e}`);
    throw err;
  } finally {
    await context.close();
  }
}

/** The take chunk must not be among a normal visit's scripts; its size, and what the first take fetched. */
function downloadLines(dir, jsFiles, fetchedJs, firstFetch, gz, broken) {
  const lines = [];
  const chunks = takeChunkFiles(dir, jsFiles);
  if (chunks.length === 0) broken.push('take: no chunk with code from src/take in the build (is the take still lazy? see takeChunkFiles)');
  const early = chunks.filter((f) => fetchedJs.has(f));
  if (early.length > 0) broken.push(`a normal load fetched the take chunk: ${early.join(', ')}`);
  const chunkKB = chunks.reduce((sum, f) => sum + gz(join(dir, f)), 0);
  lines.push(`  take chunk (code from src/take), lazy, loaded on first use: ${chunks.join(', ') || 'none'} ${kb(chunkKB)} KB gzip; fetched by a normal load: ${early.length ? early.join(', ') : 'no'} (budget: no, ${fetchedJs.size} scripts checked)`);
  const js = [...firstFetch.keys()].filter((p) => p.endsWith('.js')).map((p) => p.slice(p.lastIndexOf('/assets/') + 1));
  const jsKB = js.reduce((sum, f) => { try { return sum + gz(join(dir, f)); } catch { return sum; } }, 0);
  const other = [...firstFetch].filter(([p]) => !p.endsWith('.js'));
  lines.push(`  the first take fetched ${js.length} scripts, ${kb(jsKB)} KB gzip (${js.map((f) => f.replace(/^assets\//, '')).join(', ')}) and ${other.length} other files, ${kb(other.reduce((a, [, b]) => a + b, 0))} KB`);
  return lines;
}

/**
 * The section: returns its printed lines; pushes one line per broken budget onto `broken`.
 * deps: { url, dir (the measured build), jsFiles, fetchedJs (a normal load's scripts), stationCalls
 * (mono max over the stations, or null when that section did not run), budget, vrExtraCalls,
 * openPage, openVr, readRenderInfo, gz }.
 */
export async function takeSection(browser, deps) {
  const { budget, vrExtraCalls } = deps;
  const broken = [];
  const mono = await monoTakes(browser, deps);
  const vr = await vrTake(browser, deps);
  const m = mono.first.s;
  const v = vr.s;
  const lines = ['', `take running (src/take; the first of 3 takes timed: mono ${m.frames} frames, ${mono.first.run.seconds.toFixed(1)} s, ${m.fps.toFixed(1)} fps software GL, take time reached ${mono.first.run.after.t.toFixed(1)} s):`];
  const p = (line) => lines.push(line);
  p(`  mono draw calls, main render: at rest ${mono.rest.calls}, during the take max ${m.mainCalls}; the monitor's render ${m.monitorCalls} calls (counter; debug monitor.calls ${mono.first.run.after.monitor?.calls}); main + monitor max ${m.withMonitorCalls} per frame (budget ≤ ${budget.takeDrawCalls})`);
  const anywhere = Math.max(m.withMonitorCalls, mono.rest.calls, deps.stationCalls ?? 0);
  p(`  mono draw calls anywhere: max ${anywhere} (at rest ${mono.rest.calls}, stations ${deps.stationCalls ?? 'not measured'}, take + monitor ${m.withMonitorCalls}; budget ≤ ${budget.takeDrawCalls})`);
  p(`  mono triangles, main render: at rest ${mono.rest.triangles}, during the take max ${m.mainTriangles} (budget ≤ ${budget.takeTriangles}); monitor ${m.monitorTriangles}; main + monitor ${m.withMonitorTriangles}; rig (moving crew) ${mono.first.run.after.rigTriangles}`);
  p(`  monitor: drew in ${m.monitorFrames} of ${m.frames} frames, ${m.rendersPerSecond.toFixed(1)} renders/s (aims at 10/s; at most one per frame); VR ${v.rendersPerSecond.toFixed(1)} renders/s`);
  p(`  shader programs during the take: ${mono.first.run.programs} (at rest ${mono.rest.programs}; budget ≤ ${budget.programs})`);
  const vrMainLimit = 2 * m.mainCalls + vrExtraCalls;
  const vrWithLimit = 2 * m.withMonitorCalls + vrExtraCalls;
  p(`  VR (IWER, stereo, per XR frame) during the take: main ${v.mainCalls} calls (budget ≤ 2 × ${m.mainCalls} + ${vrExtraCalls} = ${vrMainLimit}), main + monitor ${v.withMonitorCalls} (budget ≤ 2 × ${m.withMonitorCalls} + ${vrExtraCalls} = ${vrWithLimit}); triangles main ${v.mainTriangles}, + monitor ${v.withMonitorTriangles}; ${v.frames} frames, ${v.fps.toFixed(1)} fps`);
  const ticks = mono.first.run.ticks;
  p(`  scene.tick JS per frame during the take (mono, ${ticks.length} frames): ${tickLine(ticks)} (budget p95 ≤ ${budget.takeTickP95Ms} ms)`);
  p(`    frames the monitor drew in: ${mono.first.run.tickMonitor.length}, ${tickLine(mono.first.run.tickMonitor)}; other frames: ${mono.first.run.tickPlain.length}, ${tickLine(mono.first.run.tickPlain)}`);
  p(`    in VR (${vr.run.ticks.length} XR frames): ${tickLine(vr.run.ticks)}`);
  const mem = (r) => `geometries ${r.geometries}, textures ${r.textures}, programs ${r.programs}`;
  p(`  renderer memory: before any take ${mem(mono.rest)}; after take 1 ${mem(mono.afterFirst)}; after take 3 ${mem(mono.afterThird)} (budget: no growth from take 1 to take 3)`);
  for (const l of downloadLines(deps.dir, deps.jsFiles, deps.fetchedJs, mono.firstFetch, deps.gz, broken)) p(l);
  checkBudgets({ m, v, mono, anywhere, vrMainLimit, vrWithLimit, budget }, broken);
  // Without a monitor draw the "with the monitor" figures would be the main render's alone.
  for (const [where, x] of [['mono', m], ['VR', v]]) if (x.monitorFrames === 0) broken.push(`take: the monitor never drew in ${x.frames} ${where} frames (its budgets measured nothing)`);
  if (mono.first.run.endedEarly) broken.push(`take: the take ended after ${mono.first.run.ticked} of ${TAKE_FRAMES} timed frames (figures cover less than asked)`);
  return { lines, broken };
}

/** One line per broken take budget. */
function checkBudgets({ m, v, mono, anywhere, vrMainLimit, vrWithLimit, budget }, broken) {
  if (!(anywhere <= budget.takeDrawCalls)) broken.push(`mono draw calls ${anywhere} > ${budget.takeDrawCalls} (take + monitor ${m.withMonitorCalls}, at rest ${mono.rest.calls})`);
  if (!(m.mainTriangles <= budget.takeTriangles)) broken.push(`triangles during the take ${m.mainTriangles} > ${budget.takeTriangles}`);
  if (!(v.mainCalls <= vrMainLimit)) broken.push(`VR draw calls during the take ${v.mainCalls} > 2 × mono ${m.mainCalls} + 2 = ${vrMainLimit}`);
  if (!(v.withMonitorCalls <= vrWithLimit)) broken.push(`VR draw calls with the monitor ${v.withMonitorCalls} > 2 × mono ${m.withMonitorCalls} + 2 = ${vrWithLimit}`);
  const p95 = pct(mono.first.run.ticks, 95);
  if (!(p95 <= budget.takeTickP95Ms)) broken.push(`scene.tick p95 during the take ${p95.toFixed(2)} ms > ${budget.takeTickP95Ms} ms`);
  if (!(mono.first.run.programs <= budget.programs)) broken.push(`shader programs during the take ${mono.first.run.programs} > ${budget.programs}`);
  for (const k of ['geometries', 'textures']) {
    const grew = mono.afterThird[k] - mono.afterFirst[k];
    if (!(grew <= budget.takeMemoryGrowth)) broken.push(`renderer ${k} grew by ${grew} from take 1 to take 3 (${mono.afterFirst[k]} → ${mono.afterThird[k]})`);
  }
}
