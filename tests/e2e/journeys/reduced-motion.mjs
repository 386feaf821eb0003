// Travel glides by default; with "reduced motion" it fades instead: the camera never passes
// through the points between two stations.
import { assert, test } from '../lib/runner.mjs';
import { frames, need, waitForStation } from '../lib/helpers.mjs';

async function sampleTrip(page, go) {
  await page.evaluate(() => {
    const cam = document.querySelector('a-scene').camera;
    const samples = [];
    window.__e2eTrip = { samples, stop: false };
    const step = () => {
      cam.updateMatrixWorld(true);
      const e = cam.matrixWorld.elements;
      samples.push({ p: [e[12], e[13], e[14]], travelling: document.querySelector('a-scene').systems.tour.isTravelling() });
      if (!window.__e2eTrip.stop) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  await frames(page, 2);
  await go();
  await frames(page, 2);
  return page.evaluate(() => { window.__e2eTrip.stop = true; return window.__e2eTrip.samples; });
}

function analyse(samples) {
  const from = samples[0].p;
  const to = samples[samples.length - 1].p;
  const dist = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
  const total = dist(from, to);
  const between = samples.filter((s) => dist(s.p, from) > 0.05 && dist(s.p, to) > 0.05);
  return { total, between: between.length, frames: samples.length, travellingFrames: samples.filter((s) => s.travelling).length };
}

test('reduced-motion: glide by default, fade (no in-between positions) when reduced', async (t) => {
  const page = await t.openApp();
  const { set } = t.content();
  assert(set.tour.length >= 3, 'needs three stations');
  const next = await need(page, '#btn-next');

  t.step('default: glide to the first station');
  const glide = analyse(await sampleTrip(page, async () => { await next.click(); await waitForStation(page, set.tour[0]); }));
  t.note(`glide: ${glide.total.toFixed(1)} m over ${glide.travellingFrames} travelling frames, ${glide.between} in-between`);
  assert(glide.total > 0.5, `the camera did not move going to "${set.tour[0]}" (${glide.total.toFixed(2)} m)`);
  assert(glide.between >= 2, `default travel should glide through in-between positions; saw ${glide.between} in ${glide.frames} frames`);

  t.step('turn on reduced motion in the settings');
  await (await need(page, '#btn-settings')).click();
  const box = await need(page, '#set-reduced-motion');
  await box.click();
  await page.waitForFunction(() => document.querySelector('a-scene').systems.tour.state.settings.reducedMotion === true, { timeout: 5000, polling: 100 })
    .catch(() => { throw new Error('clicking #set-reduced-motion did not set state.settings.reducedMotion'); });
  await page.keyboard.press('Escape');
  await frames(page, 3);

  t.step('reduced: fade to the next station');
  const fade = analyse(await sampleTrip(page, async () => { await next.click(); await waitForStation(page, set.tour[1]); }));
  t.note(`reduced: ${fade.total.toFixed(1)} m over ${fade.travellingFrames} travelling frames, ${fade.between} in-between`);
  assert(fade.total > 0.5, `the camera did not move going to "${set.tour[1]}" (${fade.total.toFixed(2)} m)`);
  assert(fade.between === 0, `with reduced motion the camera still glided: ${fade.between} of ${fade.frames} frames were between the two stations`);
});
