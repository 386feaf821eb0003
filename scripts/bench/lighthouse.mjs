// Google Lighthouse 12.2.3 run programmatically against the system Chromium, for `npm run bench:phone`.
// Chromium comes through chrome-launcher with the flags from /work/shared/TOOLCHAIN.md (headless,
// SwiftShader WebGL) plus the e2e launcher's background-networking-off flags, so the browser
// itself fetches nothing while Lighthouse listens. Lighthouse's own defaults otherwise: the mobile
// preset (simulated slow 4G, 4× CPU), or its desktop preset.
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM, LAUNCH_ARGS } from '../../tests/e2e/lib/browser.mjs';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
/** A visitor's browser does not autoplay sound without a tap: leave that test-only flag out. */
export const CHROME_FLAGS = ['--headless=new', ...LAUNCH_ARGS.filter((f) => !f.startsWith('--autoplay-policy'))];
/** Audits that are not pass/fail, or do not apply, never count as failing. */
const NOT_SCORED = new Set(['notApplicable', 'manual', 'informative']);

/** A Chromium for Lighthouse (its own temporary profile, removed by `kill()`). */
export function launchChrome() {
  return chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
}

/** Accessibility and best-practices audits that failed (score < 1) or could not run, in category order. */
function problemAudits(lhr) {
  const out = [];
  for (const category of ['accessibility', 'best-practices']) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (!a || NOT_SCORED.has(a.scoreDisplayMode)) continue;
      if (a.scoreDisplayMode === 'error') out.push({ category, id: a.id, title: a.title, weight: ref.weight, error: a.errorMessage ?? 'error' });
      else if (a.score !== null && a.score < 1) out.push({ category, id: a.id, title: a.title, weight: ref.weight, items: a.details?.items?.length ?? 0 });
    }
  }
  return out;
}

/** Every URL Lighthouse saw requested, and those of another origin than the page. */
function requests(lhr) {
  const origin = new URL(lhr.mainDocumentUrl ?? lhr.finalDisplayedUrl ?? lhr.requestedUrl).origin;
  const urls = (lhr.audits['network-requests']?.details?.items ?? []).map((i) => i.url).filter((u) => !/^(data|blob):/.test(u));
  return { count: urls.length, foreign: [...new Set(urls.filter((u) => new URL(u, origin).origin !== origin))] };
}

const numeric = (lhr, id) => lhr.audits[id]?.numericValue ?? NaN;
const score = (lhr, id) => (lhr.categories[id]?.score ?? NaN) * 100;

/** One Lighthouse run of `url` in the Chromium on `port`: the figures bench:phone reports. */
export async function audit(port, url, { desktop = false } = {}) {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES }, desktop ? desktopConfig : undefined);
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  const broken = CATEGORIES.flatMap((c) => (lhr.categories[c]?.auditRefs ?? []).map((r) => lhr.audits[r.id]).filter((a) => a?.scoreDisplayMode === 'error'));
  return {
    lcp: numeric(lhr, 'largest-contentful-paint'),
    tbt: numeric(lhr, 'total-blocking-time'),
    fcp: numeric(lhr, 'first-contentful-paint'),
    perf: score(lhr, 'performance'),
    a11y: score(lhr, 'accessibility'),
    bp: score(lhr, 'best-practices'),
    problems: problemAudits(lhr),
    errored: broken.map((a) => ({ id: a.id, error: (a.errorMessage ?? '').split('\n')[0] })),
    requests: requests(lhr),
    warnings: lhr.runWarnings ?? [],
    lighthouse: lhr.lighthouseVersion,
    chrome: lhr.environment?.hostUserAgent?.match(/Chrome\/[\d.]+/)?.[0] ?? '?',
    settings: { formFactor: lhr.configSettings.formFactor, throttling: lhr.configSettings.throttling, method: lhr.configSettings.throttlingMethod },
  };
}
