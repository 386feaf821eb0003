// Accessibility checks run in the page: Deque axe-core (its serious and critical violations) and the
// size of every touch target. axe is put into the page through DevTools evaluation, which the
// page's Content-Security-Policy does not apply to (an injected <script> would be refused).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe violations on the page as it is now: [{ id, impact, help, nodes }]. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 4).map((n) => n.target.join(' ')) }));
  });
}

/**
 * Visible interactive elements smaller than `min` CSS px in either direction: [{ what, w, h }].
 * Hidden ones (hidden, display none, zero size, inert or under a closed dialog) do not count.
 */
export async function smallTargets(page, min) {
  return page.evaluate((limit) => {
    const out = [];
    const selector = 'button, a[href], input:not([type=hidden]), select, textarea, summary, [role=button], [role=slider], [tabindex]:not([tabindex="-1"])';
    for (const el of document.querySelectorAll(selector)) {
      if (el.closest('[inert], [hidden], dialog:not([open])') || el.disabled && el.getAttribute('aria-hidden') === 'true') continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (el.id === 'scene-focus') continue; // the whole 3D view
      if (r.width < limit || r.height < limit) {
        const label = el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}${el.dataset.station ? `[${el.dataset.station}]` : ''}`;
        out.push({ what: label, w: Math.round(r.width), h: Math.round(r.height) });
      }
    }
    return out;
  }, min);
}
