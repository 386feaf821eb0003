// The "activities" section of `npm run bench` (issue #14): each hands-on activity open at its
// station, mono and VR (IWER), with one control changed so monitors and recoloured meshes redraw.
// Budgets: mono draw calls per frame ≤ 20 (every render of the frame: the view plus any monitor's
// render target), VR ≤ 2 × that station's mono + 2, triangles of the view ≤ 150k, scene.tick p95
// ≤ 1.5 ms while it is open, no long task over 50 ms while it opens, and no activity code in a
// normal visit's first load.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const FRAMES = 150;
const VR_FRAMES = 60;
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]; };
const maxOf = (xs) => xs.reduce((a, b) => Math.max(a, b), -Infinity);

/** The built files holding code from src/activities (by the build's source maps). */
function activityChunks(dir, jsFiles) {
  return jsFiles.filter((file) => {
    try {
      return JSON.parse(readFileSync(`${file}.map`, 'utf8')).sources.some((s) => /(^|\/)src\/activities\//.test(s));
    } catch {
      return false;
    }
  }).map((file) => relative(dir, file).split('\\').join('/'));
}

/**
 * In the page: goes to `station`, opens its activity (long tasks watched from the press until a
 * second after), changes its first control, then times scene.tick and counts each frame's renders.
 */
async function openAndMeasure({ station, frames }) {
  const scene = document.querySelector('a-scene');
  const { tour } = window.backlot;
  const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
  // The host makes the station's activity on arrival, while the visitor reads the station's text
  // (the first compile of its shaders blocks on a GPU without parallel compiling): those long tasks
  // are reported apart, and "Try it" is pressed once the page has been quiet for 1.5 s (at most 20 s).
  const prepare = [];
  const watch = new PerformanceObserver((list) => { for (const e of list.getEntries()) prepare.push(e.duration); });
  watch.observe({ type: 'longtask' });
  // Watched from the trip on: the host starts making the activity as the station changes.
  if (tour.state.station !== station) tour.dispatch({ type: 'go', station });
  while (tour.isTravelling() || tour.state.station !== station) await frame();
  for (let i = 0; i < 20; i++) await frame();
  const arrived = performance.now();
  let quietSince = performance.now();
  let seen = 0;
  while (performance.now() - quietSince < 1500 && performance.now() - arrived < 20_000) {
    await frame();
    if (prepare.length !== seen) { seen = prepare.length; quietSince = performance.now(); }
  }
  watch.disconnect();
  const service = window.backlot.activities;
  if (!service) return { error: 'window.backlot.activities is null' };
  const long = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) long.push(e.duration); });
  observer.observe({ type: 'longtask' });
  const opened = await service.open(station);
  for (let i = 0; i < 30; i++) await frame();
  const wait = performance.now();
  while (performance.now() - wait < 1000) await frame();
  observer.disconnect();
  if (!opened) return { error: `open("${station}") resolved false` };
  // One change, as a visitor makes it: the first control's next value (monitors and colours redraw).
  const el = document.querySelector(`section.activity[data-demo="${station}"] [data-control]`);
  if (el?.matches('input[type=range]')) { el.value = String(Number(el.max)); el.dispatchEvent(new Event('input')); el.dispatchEvent(new Event('change')); }
  else if (el?.matches('[role=group]')) el.querySelectorAll('button')[1]?.click();
  else el?.click();
  const records = window.__benchFrames;
  const from = records.length;
  const ticks = [];
  const origTick = scene.tick;
  scene.tick = function tick(t, dt) { const s = performance.now(); origTick.call(this, t, dt); ticks.push({ time: this.time, ms: performance.now() - s }); };
  while (ticks.length < frames) await frame();
  scene.tick = origTick;
  await frame();
  await frame();
  const byTime = new Map(records.slice(from).map((r) => [r.time, r]));
  const rows = ticks.map(({ time }) => byTime.get(time)).filter(Boolean);
  const current = await service.current();
  service.close();
  return {
    long, prepare, ticks: ticks.map((x) => x.ms), current: current && { id: current.id, status: current.status },
    calls: rows.map((r) => r.calls + (r.monitor?.calls ?? 0)),
    triangles: rows.map((r) => r.triangles),
    programs: scene.renderer.info.programs?.length ?? NaN,
  };
}

/**
 * deps: { url, dir, jsFiles, fetchedJs, budget, openPage, openVr, gz }. Returns { lines, broken }.
 */
export async function activitiesSection(browser, deps) {
  const { budget } = deps;
  const broken = [];
  const lines = [];
  // Printed as they come (a station takes a while on a software GPU): a cut-short run still says something.
  const say = (line) => { lines.push(line); deps.print?.(line); };
  say('');
  say('activities (src/activities; each open at its station, first control changed; per frame all renders counted):');
  const { context, page } = await deps.openPage(browser, deps.url, () => document.body?.dataset.backlot === 'ready');
  const stations = await page.evaluate(() => fetch('scenes/activities.json').then((r) => r.json()).then((j) => j.activities.map((a) => a.station)));
  const mono = new Map();
  try {
    for (const station of stations) {
      const r = await page.evaluate(openAndMeasure, { station, frames: FRAMES });
      if (r.error) { broken.push(`activity at ${station}: ${r.error}`); continue; }
      const calls = maxOf(r.calls);
      const tris = maxOf(r.triangles);
      const p95 = pct(r.ticks, 95);
      const longest = r.long.length ? maxOf(r.long) : 0;
      mono.set(station, calls);
      say(`  ${station.padEnd(11)} mono calls max ${calls} (≤ ${budget.activityDrawCalls}), triangles max ${(tris / 1000).toFixed(1)}k (≤ ${budget.triangles / 1000}k), tick p95 ${p95.toFixed(2)} ms (≤ ${budget.activityTickP95Ms}), long tasks on open ${r.long.length ? r.long.map((x) => Math.round(x)).join(', ') + ' ms' : 'none'} (≤ 50 ms), programs ${r.programs}; on the trip there and while it was made: ${r.prepare.length ? r.prepare.map((x) => Math.round(x)).join(', ') + ' ms' : 'none'}`);
      if (calls > budget.activityDrawCalls) broken.push(`activity at ${station}: ${calls} mono draw calls > ${budget.activityDrawCalls}`);
      if (tris > budget.triangles) broken.push(`activity at ${station}: ${tris} triangles > ${budget.triangles}`);
      if (p95 > budget.activityTickP95Ms) broken.push(`activity at ${station}: tick p95 ${p95.toFixed(2)} ms > ${budget.activityTickP95Ms} ms`);
      if (longest > 50) broken.push(`activity at ${station}: a long task of ${Math.round(longest)} ms while it opened`);
    }
  } finally {
    await context.close();
  }
  const vr = await deps.openVr(browser, deps.url);
  try {
    for (const station of stations) {
      const r = await vr.page.evaluate(openAndMeasure, { station, frames: VR_FRAMES });
      if (r.error) { broken.push(`activity at ${station} (VR): ${r.error}`); continue; }
      const calls = maxOf(r.calls);
      const limit = 2 * (mono.get(station) ?? 0) + 2;
      say(`  ${station.padEnd(11)} VR calls max ${calls} (≤ 2 × ${mono.get(station)} + 2 = ${limit}), tick p95 ${pct(r.ticks, 95).toFixed(2)} ms`);
      if (calls > limit) broken.push(`activity at ${station} (VR): ${calls} draw calls > ${limit}`);
    }
  } finally {
    await vr.context.close();
  }
  const chunks = activityChunks(deps.dir, deps.jsFiles);
  const early = chunks.filter((f) => deps.fetchedJs.has(f));
  if (chunks.length === 0) broken.push('activities: no chunk with code from src/activities in the build (source maps missing?)');
  if (early.length > 0) broken.push(`a normal load fetched activity code: ${early.join(', ')}`);
  const total = chunks.reduce((sum, f) => sum + deps.gz(`${deps.dir}/${f}`), 0);
  say(`  activity chunks: ${chunks.length}, ${(total / 1024).toFixed(1)} KB gzip in all; fetched by a normal load: ${early.length ? early.join(', ') : 'none'} (${deps.fetchedJs.size} scripts checked)`);
  return { lines, broken };
}
