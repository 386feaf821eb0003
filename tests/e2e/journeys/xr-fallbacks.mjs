// Without VR/AR: no Enter buttons, Help says why, and the XR emulator is never downloaded.
// With VR but a refused session: a notice, and the tour carries on.
import { assert, assertEqual, test } from '../lib/runner.mjs';
import { dispatch, need, text, tour, waitFor, waitForStation } from '../lib/helpers.mjs';

test('xr: a browser without WebXR devices gets no Enter buttons, Help says why, no emulator is fetched', async (t) => {
  const scripts = [];
  const page = await t.openApp('', { beforeGoto: (p) => p.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(r.url()); }) });
  await waitFor(page, () => Boolean(document.body.dataset.xr), null, { what: 'XR support detected' });
  assertEqual(await page.evaluate(() => document.body.dataset.xr), 'none', 'data-xr');
  assert(!(await page.$('#btn-vr')) && !(await page.$('#btn-ar')), 'Enter VR/AR buttons shown where the browser supports neither');
  const { locale } = t.content();
  assertEqual(await text(page, '#help-vr'), locale.ui.vrUnavailable, 'Help: why there is no VR');
  assertEqual(await text(page, '#help-ar'), locale.ui.arUnavailable, 'Help: why there is no AR');
  await page.click('#btn-help');
  await t.screenshot(page, 'help-xr.png');
  const emulator = scripts.filter((u) => /emulation|iwer|office_small/i.test(u));
  assertEqual(emulator, [], 'scripts of the XR emulator fetched by a normal visit');
  t.note(`${scripts.length} scripts fetched`);
});

test('xr: a refused VR session shows a notice and the tour carries on', async (t) => {
  const page = await t.openApp('?emulate-xr=vr&station=art');
  await need(page, '#btn-vr');
  t.allow('console', /did not start/);
  await page.evaluate(() => {
    navigator.xr.requestSession = () => Promise.reject(new DOMException('The user declined', 'NotAllowedError'));
  });
  await page.click('#btn-vr');
  await waitFor(page, () => !document.getElementById('notice').hidden && /VR/.test(document.getElementById('notice').textContent), null, { what: 'notice about the refused session' });
  const notice = await text(page, '#notice');
  assert(/declined/.test(notice), `notice does not give the reason: "${notice}"`);
  assertEqual(await page.evaluate(() => window.backlot.xr.mode), 'inline', 'mode after a refused session');
  await dispatch(page, { type: 'next' });
  const { set } = t.content();
  await waitForStation(page, set.tour[set.tour.indexOf('art') + 1]);
  assertEqual((await tour(page)).panel?.kind, 'station', 'panel after moving on');
});
