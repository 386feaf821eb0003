// Travel glides by default; with "reduced motion" it fades instead: the camera never passes
// through the points between two stations, and something opaque covers the view for the cut
// (found by geometry and opacity, without relying on the fade layer's id).
import { assert, test } from '../lib/runner.mjs';
import { frames, need, waitForStation } from '../lib/helpers.mjs';

async function sampleTrip(page, go) {
  await page.evaluate(() => {
    const scene = document.querySelector('a-scene');
    const cam = scene.camera;
    const samples = [];
    const covers = [];
    // Something drawn over the centre of the 3D view (a fade), found without knowing its id.
    // (elementsFromPoint would miss it: a fade layer is usually pointer-events: none.)
    const cover = () => {
      const r = scene.canvas.getBoundingClientRect();
      let best = 0;
      for (const el of document.body.querySelectorAll('*')) {
        if (el.contains(scene.canvas) || scene.contains(el)) continue;
        const rect = el.getBoundingClientRect();
        if (rect.width < r.width * 0.9 || rect.height < r.height * 0.9) continue;
        const style = getComputedStyle(el);
        if (style.display === 'none' || style.visibility === 'hidden') continue;
        const bg = style.backgroundColor.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
        best = Math.max(best, (bg.length === 4 ? bg[3] : 1) * Number(style.opacity));
      }
      return best;
    };
    window.__e2eTrip = { samples, covers, stop: false };
    const step = () => {
      cam.updateMatrixWorld(true);
      const e = cam.matrixWorld.elements;
      samples.push({ t: performance.now(), p: [e[12], e[13], e[14]], travelling: window.backlot.tour.isTravelling() });
      if (!window.__e2eTrip.stop) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
    window.__e2eTrip.timer = setInterval(() => covers.push(cover()), 25);
  });
  await frames(page, 2);
  await go();
  await frames(page, 2);
  return page.evaluate(() => {
    window.__e2eTrip.stop = true;
    clearInterval(window.__e2eTrip.timer);
    return { samples: window.__e2eTrip.samples, cover: Math.max(0, ...window.__e2eTrip.covers) };
  });
}

function analyse({ samples, cover }) {
  const from = samples[0].p;
  const to = samples[samples.length - 1].p;
  const dist = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
  const total = dist(from, to);
  const between = samples.filter((s) => dist(s.p, from) > 0.05 && dist(s.p, to) > 0.05);
  const moving = samples.filter((s) => s.travelling);
  const ms = moving.length > 1 ? moving[moving.length - 1].t - moving[0].t : 0;
  return { total, between: between.length, frames: samples.length, travellingFrames: moving.length, ms, cover };
}

test('reduced-motion: glide by default, fade (no in-between positions) when reduced', async (t) => {
  const page = await t.openApp();
  const { set } = t.content();
  assert(set.tour.length >= 3, 'needs three stations');
  const next = await need(page, '#btn-next');

  t.step('default: glide to the first station');
  const glide = analyse(await sampleTrip(page, async () => { await next.click(); await waitForStation(page, set.tour[0]); }));
  t.note(`glide: ${glide.total.toFixed(1)} m, ${glide.travellingFrames} travelling frames (${glide.ms.toFixed(0)} ms), ${glide.between} in-between, view covered up to ${glide.cover.toFixed(2)}`);
  assert(glide.total > 0.5, `the camera did not move going to "${set.tour[0]}" (${glide.total.toFixed(2)} m)`);
  assert(glide.between >= 2, `default travel should glide through in-between positions; saw ${glide.between} in ${glide.frames} frames`);

  t.step('turn on reduced motion in the settings');
  await (await need(page, '#btn-settings')).click();
  const box = await need(page, '#set-reduced-motion');
  await box.click();
  await page.waitForFunction(() => window.backlot.tour.state.settings.reducedMotion === true, { timeout: 5000, polling: 100 })
    .catch(() => { throw new Error('clicking #set-reduced-motion did not set state.settings.reducedMotion'); });
  await page.keyboard.press('Escape');
  await frames(page, 3);

  t.step('reduced: fade to the next station');
  const fade = analyse(await sampleTrip(page, async () => { await next.click(); await waitForStation(page, set.tour[1]); }));
  t.note(`reduced: ${fade.total.toFixed(1)} m, ${fade.travellingFrames} travelling frames (${fade.ms.toFixed(0)} ms), ${fade.between} in-between, view covered up to ${fade.cover.toFixed(2)}`);
  assert(fade.total > 0.5, `the camera did not move going to "${set.tour[1]}" (${fade.total.toFixed(2)} m)`);
  assert(fade.between === 0, `with reduced motion the camera still glided: ${fade.between} of ${fade.frames} frames were between the two stations`);
  assert(fade.cover >= 0.5, `with reduced motion nothing faded over the view (max cover opacity ${fade.cover.toFixed(2)}): a cut, not a fade (at ${(fade.travellingFrames / Math.max(0.001, fade.ms / 1000)).toFixed(0)} fps here; a fade timed by setTimeout rather than transitionend ends before it is ever painted)`);
});
