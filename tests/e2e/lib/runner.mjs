// A tiny test runner: `test(name, fn, { timeout })` registers; `runAll()` runs them one after the
// other, each in a fresh browser context, and fails a test on any console error, page error,
// failed request, HTTP status >= 400 or request to another origin it saw — unless the test said so.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './server.mjs';

export const SCREENSHOT_DIR = join(ROOT, 'tests', 'e2e', 'screenshots');
export const DEFAULT_TIMEOUT = 60_000;
const READY_STATES = ['ready', 'error', 'no-webgl'];

const registered = [];
/** Register a journey step. `fn(t)` gets a TestContext; `timeout` in ms (default 60 s). */
export function test(name, fn, { timeout = DEFAULT_TIMEOUT } = {}) {
  registered.push({ name, fn, timeout });
}

export class AssertionError extends Error {}
export function assert(condition, message) {
  if (!condition) throw new AssertionError(message);
}
export function assertEqual(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new AssertionError(`${what}: expected ${e}, got ${a}`);
}

const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);

/** What one test sees: its pages, what went wrong on them, and the helpers bound to its server. */
class TestContext {
  constructor(env, name) {
    this.env = env; // { browser, server, content() }
    this.name = name;
    this.problems = []; // { kind, text, page }
    this.allowed = []; // { kind, re }
    this.contexts = [];
    this.pages = [];
    this.lastStep = 'start';
    this.notes = [];
    this.closed = false;
  }

  /** Label the current step; a timeout reports the last one. */
  step(label) { this.lastStep = label; }
  /** Print an informational line under the test's result. */
  note(line) { this.notes.push(line); }
  /** Tolerate problems of `kind` ('console' | 'pageerror' | 'requestfailed' | 'http' | 'foreign' | 'csp') whose text matches `re`. */
  allow(kind, re) { this.allowed.push({ kind, re }); }
  /** The test expects the app to report broken content: its console errors are part of the contract. */
  expectContentError(re = /./) { this.allow('console', re); }

  /** A page in a fresh browser context (clean localStorage), watched for problems. */
  async newPage({ origin = this.env.server.origin } = {}) {
    const context = await this.env.browser.createBrowserContext();
    this.contexts.push(context);
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    page.setDefaultTimeout(30_000);
    await this.watch(page, origin);
    this.pages.push(page);
    return page;
  }

  async watch(page, origin) {
    const own = (url) => url.startsWith('data:') || url.startsWith('blob:') || url === `${origin}` || url.startsWith(`${origin}/`);
    const add = (kind, text) => { if (!this.closed) this.problems.push({ kind, text }); };
    // Every Content-Security-Policy violation, on every page of every journey, is a failure of its own
    // kind (a journey that expects console errors does not hide it).
    await page.exposeFunction('__reportCspViolation', (text) => add('csp', text));
    await page.evaluateOnNewDocument(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || '?'}:${e.lineNumber}`);
      });
    });
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const loc = msg.location();
      add('console', `${msg.text()}${loc?.url ? ` (${loc.url.replace(origin, '')}${loc.lineNumber !== undefined ? `:${loc.lineNumber}` : ''})` : ''}`);
    });
    page.on('pageerror', (err) => add('pageerror', err?.stack || err?.message || String(err)));
    page.on('request', (req) => { if (!own(req.url())) add('foreign', `${req.method()} ${req.url()}`); });
    page.on('requestfailed', (req) => {
      if (!own(req.url())) return; // already reported as foreign
      add('requestfailed', `${req.url().replace(origin, '')}: ${req.failure()?.errorText ?? 'failed'}`);
    });
    page.on('response', (res) => {
      const url = res.url();
      if (res.status() >= 400) { add('http', `${res.status()} ${url.replace(origin, '')}`); return; }
      // vite preview answers a missing file with index.html (SPA fallback) and status 200: a
      // sub-resource that comes back as HTML is a missing file.
      const type = res.headers()['content-type'] ?? '';
      const kind = res.request().resourceType();
      if (own(url) && !url.startsWith('data:') && kind !== 'document' && type.startsWith('text/html') && !/\.html?$/.test(new URL(url).pathname)) {
        add('http', `${url.replace(origin, '')} is missing: the server sent its index.html fallback (${kind})`);
      }
    });
  }

  /**
   * Opens the app (`query` like 'station=camera' or '?station=camera') in a fresh page and waits
   * until body[data-backlot] is ready/error/no-webgl. `expect` (default 'ready') is asserted.
   * Options: page (reuse), base (URL of the app, default the preview server), expect, beforeGoto(page).
   */
  async openApp(query = '', { page, base = this.env.server.url, expect = 'ready', beforeGoto } = {}) {
    if (!page) page = await this.newPage({ origin: new URL(base).origin });
    if (beforeGoto) await beforeGoto(page);
    const q = query ? (query.startsWith('?') ? query : `?${query}`) : '';
    this.step(`open ${base}${q}`);
    await page.goto(`${base}${q}`, { waitUntil: 'load', timeout: 30_000 });
    await waitForBacklot(page, this);
    const state = await page.evaluate(() => document.body.dataset.backlot);
    if (expect && state !== expect) {
      const detail = state === 'error'
        ? await page.evaluate(() => [...document.querySelectorAll('#error-screen li')].map((li) => li.textContent.trim()).join(' | ') || document.querySelector('#error-screen')?.textContent?.trim() || '(no #error-screen text)')
        : '';
      throw new AssertionError(`app reached data-backlot="${state}", expected "${expect}"${detail ? `: ${detail}` : ''}`);
    }
    return page;
  }

  async screenshot(page, name) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = join(SCREENSHOT_DIR, name.endsWith('.png') ? name : `${name}.png`);
    await page.screenshot({ path: file });
    return file;
  }

  content() { return this.env.content(); }

  async close() {
    this.closed = true;
    for (const context of this.contexts) await context.close().catch(() => {});
  }
}

async function waitForBacklot(page, t) {
  try {
    await page.waitForFunction((states) => states.includes(document.body?.dataset.backlot ?? ''), { timeout: 45_000, polling: 100 }, READY_STATES);
  } catch {
    const now = await page.evaluate(() => document.body?.dataset.backlot ?? '(no body)').catch(() => '(page gone)');
    const problems = t.problems.map((p) => `${p.kind}: ${p.text.split('\n')[0]}`).slice(0, 5).join('; ');
    throw new AssertionError(`body[data-backlot] stayed "${now}" for 45 s (expected ready/error/no-webgl)${problems ? ` — ${problems}` : ''}`);
  }
}

function unexpectedProblems(t) {
  return t.problems.filter((p) => !t.allowed.some((a) => a.kind === p.kind && a.re.test(p.text)));
}

/** Runs the registered tests whose name contains one of `filters` (all if none). Returns {passed, failed}. */
export async function runAll(env, filters = []) {
  const chosen = registered.filter((r) => filters.length === 0 || filters.some((f) => r.name.toLowerCase().includes(f.toLowerCase())));
  let passed = 0;
  let failed = 0;
  // Failure screenshots from an earlier run would mislead: start clean.
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const f of readdirSync(SCREENSHOT_DIR)) if (/^FAIL-.*\.png$/.test(f)) rmSync(join(SCREENSHOT_DIR, f));
  for (const { name, fn, timeout } of chosen) {
    const t = new TestContext(env, name);
    const started = Date.now();
    let error = null;
    let timer;
    try {
      const run = Promise.resolve().then(() => fn(t));
      run.catch(() => {}); // after a timeout the journey may still reject as its pages close
      await Promise.race([
        run,
        new Promise((_, reject) => { timer = setTimeout(() => reject(new AssertionError(`timed out after ${timeout / 1000} s (last step: ${t.lastStep})`)), timeout); }),
      ]);
    } catch (err) {
      error = err;
    } finally {
      clearTimeout(timer);
    }
    const problems = unexpectedProblems(t);
    const ok = !error && problems.length === 0;
    if (!ok && t.pages.length > 0) {
      const last = t.pages[t.pages.length - 1];
      if (!last.isClosed()) await t.screenshot(last, `FAIL-${slug(name)}.png`).catch(() => {});
    }
    await t.close();
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    if (ok) passed += 1; else failed += 1;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name} (${secs} s)`);
    for (const line of t.notes) console.log(`       · ${line}`);
    if (error) {
      const text = error instanceof AssertionError ? error.message : (error?.stack ?? String(error)).split('\n').slice(0, 4).join('\n         ');
      console.log(`       ✗ ${text}`);
    }
    for (const p of problems.slice(0, 8)) console.log(`       ✗ ${p.kind}: ${p.text.split('\n').slice(0, 3).join(' ⏎ ').slice(0, 400)}`);
    if (problems.length > 8) console.log(`       ✗ … and ${problems.length - 8} more`);
  }
  return { passed, failed, total: chosen.length };
}
