// Longest main-thread task after A-Frame's start-up, for `npm run bench` (informational).
//
// Window, per fresh load (a new browser context each time, 1280×720):
//   start = the first of these performance marks the page set:
//     Backlot: 'backlot-aframe' (the scene's 'loaded' event, if the app adds it), else 'backlot-scene'
//              (set right after `await sceneReady`: the scene has loaded AND the content is in);
//     floor:   'floor-scene' (the scene's 'loaded' event).
//   end   = 'backlot-first-frame' / 'floor-first-frame' + 2 s.
// A task counts if it starts inside the window. The task the start mark itself runs in counts only
// from the mark to its end: the app carries on synchronously after the mark (building the set…), and what
// ran before the mark in that task belongs to the start-up. Durations are main-thread RunTask
// events from a CDP trace (every task, also those under 50 ms); the page's own
// PerformanceObserver('longtask', buffered) count of tasks over 50 ms is shown as a cross-check.
// CPU: as is, and under CDP Emulation.setCPUThrottlingRate 4 (a Quest-class CPU).

const GOAL_MS = 50;
const AFTER_FIRST_FRAME_MS = 2000;
const CATEGORIES = ['toplevel', 'devtools.timeline', 'blink.user_timing', '__metadata'];
/** Child events that say what a task was doing, most telling first. */
const KINDS = ['FireAnimationFrame', 'TimerFire', 'EventDispatch', 'ParseHTML', 'EvaluateScript', 'v8.evaluateModule', 'FunctionCall', 'RunMicrotasks', 'XHRReadyStateChange'];

const PAGES = {
  app: { label: 'Backlot', ready: () => ['ready', 'error', 'no-webgl'].includes(document.body?.dataset.backlot ?? ''), start: ['backlot-aframe', 'backlot-scene'], end: 'backlot-first-frame' },
  floor: { label: 'floor', ready: () => document.body?.dataset.floor === 'ready', start: ['floor-scene'], end: 'floor-first-frame' },
};

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

/** In the page, before any script: keep every 'longtask' entry (buffered, so none is missed). */
function observeLongTasks() {
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__benchLongTasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch { /* no Long Tasks API: the trace still answers */ }
}

/**
 * What a task did: its most telling child event (and the script it ran), then the page's marks
 * inside it with the time between them (the app marks its start-up steps).
 */
function describe(task, children, marks) {
  let kind = task.name === 'BlinkScheduler_PerformMicrotaskCheckpoint' ? 'promise continuations' : null;
  const within = children.filter((e) => e.ts >= task.ts && e.ts <= task.ts + task.dur);
  for (const name of kind ? [] : KINDS) {
    const e = within.find((c) => c.name === name);
    if (!e) continue;
    const d = e.args?.data ?? {};
    const where = d.url ? ` ${d.url.slice(d.url.lastIndexOf('/') + 1)}${d.lineNumber ? `:${d.lineNumber}` : ''}` : '';
    kind = `${name}${d.type ? ` ${d.type}` : ''}${where}`;
    break;
  }
  const inside = marks.filter((m) => m.ts >= task.ts && m.ts <= task.ts + task.dur).sort((a, b) => a.ts - b.ts);
  const steps = inside.map((m, i) => (i === 0 ? m.name : `${m.name} +${((m.ts - inside[i - 1].ts) / 1000).toFixed(0)} ms`));
  return `${kind ?? task.name}${steps.length ? ` (marks ${steps.join(' → ')})` : ''}`;
}

/** Tasks not nested in another task (a nested run loop shows up as a task inside a task). */
function topLevel(tasks) {
  const out = [];
  let end = -Infinity;
  for (const t of [...tasks].sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
    if (t.ts >= end) { out.push(t); end = t.ts + t.dur; }
  }
  return out;
}

/** Main-thread tasks in the window, from a trace, in trace µs. */
export function tasksInWindow(events, startNames, endName, afterMs = AFTER_FIRST_FRAME_MS) {
  const marks = events.filter((e) => e.cat?.includes('blink.user_timing'));
  const find = (name) => marks.find((e) => e.name === name);
  const startName = startNames.find(find);
  const start = startName && find(startName);
  const end = find(endName);
  if (!start || !end) return { error: `mark ${start ? endName : startNames.join(' / ')} not in the trace` };
  const sameThread = (e) => e.pid === start.pid && e.tid === start.tid;
  // A task is a top-level 'toplevel' event: mostly ThreadControllerImpl::RunTask, but a mojo
  // message's microtask checkpoint (where a fetch's promise continuations run) stands on its own.
  const tasks = topLevel(events.filter((e) => e.ph === 'X' && e.dur > 0 && sameThread(e) && e.cat?.split(',').includes('toplevel')));
  const children = events.filter((e) => e.ph === 'X' && sameThread(e) && KINDS.includes(e.name));
  const from = start.ts;
  const to = end.ts + afterMs * 1000;
  const counted = [];
  for (const t of tasks) {
    if (t.ts >= from && t.ts <= to) counted.push({ ms: t.dur / 1000, fullMs: t.dur / 1000, task: t });
    else if (t.ts < from && t.ts + t.dur > from) counted.push({ ms: (t.ts + t.dur - from) / 1000, fullMs: t.dur / 1000, task: t, straddles: true });
  }
  counted.sort((a, b) => b.ms - a.ms);
  const top = counted[0];
  return {
    startName,
    windowMs: (to - from) / 1000,
    longest: top ? { ms: top.ms, fullMs: top.fullMs, straddles: Boolean(top.straddles), atMs: (top.task.ts - from) / 1000, what: describe(top.task, children, marks.filter(sameThread)) } : null,
    over: counted.filter((c) => c.ms > GOAL_MS).length,
    tasks: counted.length,
  };
}

/** One fresh load: trace it, return the window's longest task and the Long Tasks API cross-check. */
async function measureLoad(browser, url, kind, rate) {
  const page$ = PAGES[kind];
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    if (rate > 1) await page.emulateCPUThrottling(rate);
    await page.evaluateOnNewDocument(observeLongTasks);
    await page.tracing.start({ categories: CATEGORIES });
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForFunction(page$.ready, { timeout: 120_000, polling: 100 });
    const state = await page.evaluate(() => document.body.dataset.backlot ?? document.body.dataset.floor);
    if (state !== 'ready') throw new Error(`${page$.label} reached "${state}" instead of ready`);
    const marks = await page.waitForFunction((end, after) => {
      const e = performance.getEntriesByName(end, 'mark')[0];
      return e && performance.now() > e.startTime + after + 100 ? { now: performance.now() } : false;
    }, { timeout: 120_000, polling: 100 }, page$.end, AFTER_FIRST_FRAME_MS);
    await marks.dispose();
    const observed = await page.evaluate((startNames, end, after, goal) => {
      const mark = (n) => performance.getEntriesByName(n, 'mark')[0]?.startTime;
      const from = startNames.map(mark).find((t) => t !== undefined);
      const to = mark(end) + after;
      const inWindow = (window.__benchLongTasks ?? []).filter((t) => t.start + t.duration > from && t.start <= to)
        .map((t) => (t.start < from ? t.start + t.duration - from : t.duration));
      return { over: inWindow.filter((d) => d > goal).length, longest: Math.max(0, ...inWindow) };
    }, page$.start, page$.end, AFTER_FIRST_FRAME_MS, GOAL_MS);
    const trace = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8'));
    const result = tasksInWindow(trace.traceEvents ?? trace, page$.start, page$.end);
    if (result.error) throw new Error(`${page$.label}: ${result.error}`);
    return { ...result, observed };
  } finally {
    await context.close();
  }
}

const fmt = (ms) => `${ms.toFixed(0)} ms`;

/** Median-load summary of one page kind at one CPU rate: two lines. */
function summarise(kind, rate, runs) {
  const ms = runs.map((r) => r.longest?.ms ?? 0);
  const mid = median(ms);
  const near = (r) => Math.abs((r.longest?.ms ?? 0) - mid);
  const rep = runs.reduce((best, r) => (near(r) < near(best) ? r : best));
  const l = rep.longest;
  const goal = kind === 'app' ? ` — goal ${Math.max(...ms) <= GOAL_MS ? 'met' : 'NOT met'}` : ' (for comparison)';
  const head = `  ${PAGES[kind].label.padEnd(7)} ${rate}× CPU: ${fmt(mid)} (${runs.length} loads: ${fmt(Math.min(...ms))}–${fmt(Math.max(...ms))}); tasks > ${GOAL_MS} ms: ${median(runs.map((r) => r.over))} of ${median(runs.map((r) => r.tasks))} (Long Tasks API: ${median(runs.map((r) => r.observed.over))}, longest ${fmt(median(runs.map((r) => r.observed.longest)))})${goal}`;
  const where = l ? `      longest: ${l.what}${l.straddles ? `; the rest of the ${fmt(l.fullMs)} task '${rep.startName}' runs in` : ` at +${fmt(l.atMs)}`}` : '      no task in the window';
  return [head, where];
}

/**
 * Lines for the bench: the longest task per page kind at 1× and 4× CPU, median of `loads` fresh
 * loads, with the goal "no task over 50 ms" (informational: never a broken budget, yet).
 */
export async function longTaskLines(browser, urls, { loads = Number(process.env.BENCH_LONGTASK_LOADS ?? 3), rates = [1, 4] } = {}) {
  const lines = [`longest main-thread task after A-Frame start-up: from mark '${PAGES.app.start[0]}' (else '${PAGES.app.start[1]}') / '${PAGES.floor.start[0]}' to first frame + ${AFTER_FIRST_FRAME_MS / 1000} s, fresh loads, CDP trace (goal: no task over ${GOAL_MS} ms; informational, not a budget):`];
  for (const rate of rates) {
    for (const kind of ['app', 'floor']) {
      const runs = [];
      for (let i = 0; i < loads; i++) runs.push(await measureLoad(browser, urls[kind], kind, rate));
      lines.push(...summarise(kind, rate, runs));
    }
  }
  return lines;
}
