// Browser suite for the built app: `node tests/e2e/run.mjs [name-filter ...]`.
// Serves dist/ with `vite preview`, drives the system Chromium through Puppeteer (SwiftShader WebGL)
// and runs every journey under tests/e2e/journeys/. Prints one line per test and `N passed, M failed`.
// E2E_DIST=<folder> tests another build (default dist/); PUPPETEER_EXECUTABLE_PATH picks the browser.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchBrowser, missingBrowserMessage } from './lib/browser.mjs';
import { ROOT, killChildren, staticServer, vitePreview } from './lib/server.mjs';
import { runAll } from './lib/runner.mjs';

const DIST = resolve(ROOT, process.env.E2E_DIST ?? 'dist');

if (!existsSync(join(DIST, 'index.html'))) {
  console.error(`e2e: ${DIST}/index.html is missing; build the app first: npm run build`);
  process.exit(1);
}
const noBrowser = missingBrowserMessage('e2e');
if (noBrowser) {
  console.error(noBrowser);
  process.exit(1);
}

// Journeys register their tests on import, in this order.
await import('./journeys/smoke.mjs');
await import('./journeys/loading.mjs');
await import('./journeys/stations-by-click.mjs');
await import('./journeys/keyboard.mjs');
await import('./journeys/role-card.mjs');
await import('./journeys/overlay.mjs');
await import('./journeys/deep-link.mjs');
await import('./journeys/reload-persistence.mjs');
await import('./journeys/floor-plan.mjs');
await import('./journeys/next-prev.mjs');
await import('./journeys/broken-content.mjs');
await import('./journeys/reduced-motion.mjs');
await import('./journeys/sub-path.mjs');
await import('./journeys/no-webgl.mjs');
await import('./journeys/vr.mjs');
await import('./journeys/ar.mjs');
await import('./journeys/xr-fallbacks.mjs');
await import('./journeys/audio.mjs');
await import('./journeys/take.mjs');
await import('./journeys/lesson.mjs');
await import('./journeys/kiosk.mjs');
// The hands-on activities' journeys (one file per activity, plus XR and the kiosk's reset).
for (const file of readdirSync(new URL('./journeys/', import.meta.url)).filter((f) => /^activity-.*\.mjs$/.test(f)).sort()) await import(`./journeys/${file}`);
// The classroom's journeys (the real server/ on a free port, teacher and students): one file each.
for (const file of readdirSync(new URL('./journeys/', import.meta.url)).filter((f) => /^classroom-.*\.mjs$/.test(f)).sort()) await import(`./journeys/${file}`);
await import('./journeys/offline.mjs');
await import('./journeys/hardening.mjs');
await import('./journeys/a11y.mjs');
await import('./journeys/phone.mjs');
await import('./journeys/teardown.mjs');

// Serve a private copy of the build: a concurrent `npm run build` empties dist/ mid-run, which
// would show up as random 404s in whichever journey happens to be running.
const SNAPSHOT = mkdtempSync(join(tmpdir(), 'backlot-e2e-dist-'));
cpSync(DIST, SNAPSHOT, { recursive: true });

let chromium = null;
let preview = null;
let subPath = null;

async function cleanUp() {
  await chromium?.close();
  chromium = null;
  await preview?.stop().catch(() => {});
  await subPath?.stop().catch(() => {});
  killChildren();
  rmSync(SNAPSHOT, { recursive: true, force: true });
}
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`\ne2e: ${signal}, stopping the server and the browser`);
    cleanUp().finally(() => process.exit(130));
  });
}
process.on('exit', () => killChildren());

/** The content the built app ships (what the visitor should read), loaded once on demand. */
let content = null;
function loadContent() {
  if (content) return content;
  const read = (rel) => {
    const file = join(SNAPSHOT, rel);
    if (!existsSync(file)) throw new Error(`the build has no ${rel} (content missing from dist/)`);
    const raw = readFileSync(file, 'utf8');
    try { return { raw, json: JSON.parse(raw) }; } catch (err) { throw new Error(`${rel} in dist/ is not valid JSON: ${err.message}`); }
  };
  const set = read('scenes/set.json');
  const code = set.json.defaultLocale ?? 'en';
  const localeFile = `scenes/locales/${code}.json`;
  const locale = read(localeFile);
  content = { set: set.json, setRaw: set.raw, locale: locale.json, localeRaw: locale.raw, localeFile };
  return content;
}

let exitCode = 1;
try {
  preview = await vitePreview(SNAPSHOT);
  subPath = await staticServer(SNAPSHOT, '/sub/path/');
  chromium = await launchBrowser();
  const { browser } = chromium;
  console.log(`e2e: ${DIST.replace(`${ROOT}/`, '')} (copied) at ${preview.url} (sub-path copy at ${subPath.url}), ${await browser.version()}`);
  const filters = process.argv.slice(2);
  const { passed, failed, total } = await runAll({ browser, server: preview, subPath, dist: SNAPSHOT, content: loadContent }, filters);
  if (total === 0) console.log(`e2e: no test matches ${filters.join(' ')}`);
  console.log(`${passed} passed, ${failed} failed`);
  exitCode = failed > 0 || total === 0 ? 1 : 0;
} catch (err) {
  console.error(`e2e: ${err?.stack ?? err}`);
  console.log('0 passed, 1 failed');
  exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(exitCode);
