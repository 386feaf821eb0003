// The data a phone spends on Backlot's start page in its first minute, for `npm run bench:phone`.
//
// A fresh Chromium profile, a phone (390×844 CSS px at 3×, touch, an Android Chrome user agent),
// opens the start page and does nothing for `seconds`. Every byte received counts, headers
// included (CDP Network.loadingFinished encodedDataLength, i.e. what crossed the wire, gzip and
// all), from two places:
//   - the page itself (requests its service worker answered are left out: their network traffic,
//     if any, is the worker's);
//   - the service worker (and any shared worker): our own browser-level CDP session auto-attaches
//     to them paused (waitForDebuggerOnStart), enables Network, then lets them run, so the install
//     step's precache fetches are all seen. Puppeteer's own target handling detaches from service
//     workers, hence the raw Target.setAutoAttach.
// No network throttling: this is what the page asks for, not what a slow link manages to carry.
// Checked afterwards: every URL in the service worker's precache manifest (dist/sw.js) was seen.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../../tests/e2e/lib/browser.mjs';

export const PHONE = {
  viewport: { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true, hasTouch: true, isLandscape: false },
  userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36',
};

/** Network bookkeeping for one CDP session: requestId → { url, bytes, done, skip }. */
function track(session, source, sink) {
  const requests = new Map();
  const entry = (id, url) => {
    let r = requests.get(id);
    if (!r) { r = { url, source, bytes: 0, done: false, skip: false }; requests.set(id, r); sink.push(r); }
    return r;
  };
  session.on('Network.requestWillBeSent', (e) => {
    // A redirect reuses the id: the hop so far is finished, the next one is a new entry.
    if (e.redirectResponse) { const prev = requests.get(e.requestId); if (prev) { prev.done = true; prev.bytes = Math.max(prev.bytes, e.redirectResponse.encodedDataLength ?? 0); requests.delete(e.requestId); } }
    entry(e.requestId, e.request.url);
  });
  session.on('Network.responseReceived', (e) => {
    const r = entry(e.requestId, e.response.url);
    r.status = e.response.status;
    if (source === 'page' && e.response.fromServiceWorker) r.skip = 'answered by the service worker';
  });
  session.on('Network.dataReceived', (e) => {
    const r = entry(e.requestId, '');
    if (r.done) return;
    r.partial = (r.partial ?? 0) + (e.encodedDataLength ?? 0);
    r.decoded = (r.decoded ?? 0) + (e.dataLength ?? 0);
  });
  session.on('Network.loadingFinished', (e) => {
    const r = entry(e.requestId, '');
    r.done = true;
    r.bytes = e.encodedDataLength ?? 0;
    // A worker's own scripts (importScripts) finish with 0 encoded bytes: count their decoded size,
    // an upper bound, rather than nothing. (A revalidated file reports its 304's header bytes.)
    if (r.bytes === 0 && (r.decoded ?? 0) > 0) { r.bytes = r.decoded; r.estimated = true; }
  });
  session.on('Network.loadingFailed', (e) => { const r = entry(e.requestId, ''); r.failed = e.errorText; r.done = true; r.bytes = r.partial ?? 0; });
}

/** Our own auto-attach to service/shared workers from the browser target: Network on before they run. */
async function watchWorkers(browser, sink, attached) {
  const root = await browser.target().createCDPSession();
  root.on('Target.attachedToTarget', async ({ sessionId, targetInfo }) => {
    const session = root.connection()?.session(sessionId);
    if (!session) return;
    attached.push(`${targetInfo.type} ${targetInfo.url}`);
    track(session, targetInfo.type === 'service_worker' ? 'sw' : 'worker', sink);
    await session.send('Network.enable').catch(() => {});
    await session.send('Runtime.runIfWaitingForDebugger').catch(() => {});
  });
  await root.send('Target.setAutoAttach', {
    autoAttach: true, waitForDebuggerOnStart: true, flatten: true,
    filter: [{ type: 'service_worker' }, { type: 'shared_worker' }, { exclude: true }],
  });
  return root;
}

/** URLs (relative to the site root, query kept) in a Workbox precache manifest. */
export function precacheUrls(swSource) {
  return [...swSource.matchAll(/\burl:\s*"([^"]+)"/g)].map((m) => m[1]);
}

/** Path + query without Workbox's cache-busting parameter, relative to `base`. */
export function key(url, base) {
  const href = url.split('#')[0].replace(/([?&])__WB_REVISION__=[^&]*(&|$)/, (_, lead, tail) => (tail ? lead : '')).replace(/[?&]$/, '');
  return href.startsWith(base) ? href.slice(base.length) : href;
}

/**
 * Opens `url` as a phone and sums what arrives in `seconds`. `distDir` is the served folder
 * (for its sw.js precache manifest). Returns totals, files by size and the checks.
 */
export async function firstMinute(url, distDir, { seconds = 60 } = {}) {
  const chromium = await launchBrowser();
  const requests = [];
  const attached = [];
  try {
    const { browser } = chromium;
    const root = await watchWorkers(browser, requests, attached);
    const page = await browser.newPage();
    const session = await page.createCDPSession();
    track(session, 'page', requests);
    await session.send('Network.enable');
    await page.emulate(PHONE);
    const started = Date.now();
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await new Promise((r) => setTimeout(r, Math.max(0, started + seconds * 1000 - Date.now())));
    const state = await page.evaluate(() => document.body?.dataset.backlot ?? '(none)');
    // Freeze the figures at the deadline: copy before the browser closes.
    const seen = requests.map((r) => ({ ...r }));
    await root.detach().catch(() => {});
    return summarise(seen, url, distDir, { seconds, state, attached });
  } finally {
    await chromium.close();
  }
}

function summarise(requests, url, distDir, { seconds, state, attached }) {
  const origin = new URL(url).origin;
  const counted = requests.filter((r) => !r.skip && r.url && !/^(data|blob):/.test(r.url));
  const bytesOf = (r) => (r.done ? r.bytes : (r.partial ?? 0));
  const files = new Map();
  for (const r of counted) {
    const k = key(r.url, url);
    const f = files.get(k) ?? { path: k, bytes: 0, requests: 0, sources: new Set() };
    f.bytes += bytesOf(r);
    f.requests += 1;
    f.sources.add(r.source);
    files.set(k, f);
  }
  const bySource = (s) => counted.filter((r) => r.source === s).reduce((sum, r) => sum + bytesOf(r), 0);
  let manifest = [];
  try { manifest = precacheUrls(readFileSync(join(distDir, 'sw.js'), 'utf8')); } catch { /* no service worker in this build */ }
  const swSeen = new Set(counted.filter((r) => r.source === 'sw').map((r) => key(r.url, url)));
  // Workbox precaches one entry after another: entries after the last one seen were simply not
  // reached within the minute; a gap before it would mean traffic this measurement missed.
  const last = manifest.reduce((at, u, i) => (swSeen.has(u) ? i : at), -1);
  const missed = manifest.filter((u, i) => i < last && !swSeen.has(u));
  const notReached = manifest.slice(last + 1);
  return {
    seconds, state, attached,
    total: counted.reduce((sum, r) => sum + bytesOf(r), 0),
    page: bySource('page'), sw: bySource('sw') + bySource('worker'),
    requests: counted.length,
    unfinished: counted.filter((r) => !r.done).length,
    files: [...files.values()].sort((a, b) => b.bytes - a.bytes),
    foreign: [...new Set(counted.filter((r) => new URL(r.url).origin !== origin).map((r) => r.url))],
    estimated: counted.filter((r) => r.estimated).map((r) => key(r.url, url)),
    precache: { entries: manifest.length, seen: manifest.length - missed.length - notReached.length, missed, notReached },
  };
}
