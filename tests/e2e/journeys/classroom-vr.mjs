// A student in a headset (emulated with IWER): joins, enters VR, and the dashboard says VR; a
// gather moves them in the headset (a fade, as every VR move); Pause all darkens the headset's
// view (the words go on the caption bar, not checked here); Resume gives the view back.
import { assertEqual, test } from '../lib/runner.mjs';
import { waitFor, waitForStation } from '../lib/helpers.mjs';
import { enterXr } from '../lib/xr.mjs';
import { joinAs, startClassroom, waitJoined } from '../lib/classroom.mjs';

const fadeOpacity = (page) => page.evaluate(() => document.querySelector('a-scene').object3D.getObjectByName('vr-fade').material.opacity);

test('classroom VR: a headset student is shown as VR, gathered, paused in the headset and resumed', async (t) => {
  const server = await startClassroom(t.env.dist);
  try {
    const { ui, stations } = t.content().locale;
    const teacher = await t.newPage({ origin: server.origin });
    await teacher.setViewport({ width: 1280, height: 720, deviceScaleFactor: 0.5 });
    await t.openApp('mode=teacher', { page: teacher, base: server.url });
    await waitFor(teacher, () => Boolean(document.querySelector('[data-session-code]')), null, { what: 'the session code' });
    const code = await teacher.$eval('[data-session-code]', (el) => el.dataset.sessionCode);
    // The teacher's page stops drawing (two cores; see classroom-session.mjs): its DOM and socket carry on.
    await teacher.evaluate(() => document.querySelector('a-scene').renderer.setAnimationLoop(null));

    const vr = await t.newPage({ origin: server.origin });
    await vr.setViewport({ width: 800, height: 540, deviceScaleFactor: 0.5 });
    await t.openApp(`session=${code}&emulate-xr=vr`, { page: vr, base: server.url });
    await joinAs(vr, 'Quest kid');
    await waitJoined(vr);
    await enterXr(vr, 'vr');
    const row = (col) => teacher.$eval(`#class-rows tr [data-col="${col}"]`, (td) => td.textContent);
    await waitFor(teacher, (w) => document.querySelector('#class-rows [data-col="device"]')?.textContent === w, ui.classDeviceVr, { what: 'the device column saying VR', timeout: 15_000 });

    t.step('gather moves the headset student');
    await teacher.select('#class-gather-station', 'camera');
    await teacher.click('#class-gather');
    await waitForStation(vr, 'camera', 60_000);
    await waitFor(teacher, (w) => document.querySelector('#class-rows [data-col="station"]')?.textContent === w, stations.camera.title, { what: 'the station on the dashboard', timeout: 30_000 });

    t.step("pause darkens the headset view; resume clears it");
    await teacher.click('#class-pause');
    await waitFor(vr, () => document.querySelector('a-scene').object3D.getObjectByName('vr-fade').material.opacity > 0.95, null, { what: 'the headset view faded', timeout: 30_000 });
    assertEqual(await vr.evaluate(() => window.backlot.tour.gate.locked), true, 'navigation held while paused');
    await teacher.click('#class-pause');
    await waitFor(vr, () => document.querySelector('a-scene').object3D.getObjectByName('vr-fade').material.opacity === 0, null, { what: 'the headset view back', timeout: 30_000 });
    assertEqual(await vr.evaluate(() => window.backlot.tour.gate.locked), false, 'navigation free after resume');
    assertEqual(await row('online'), ui.classYes, 'the headset student connected');
    t.note(`fade after resume: ${await fadeOpacity(vr)}`);
  } catch (err) {
    t.note(`failed at: ${t.lastStep}`);
    throw err;
  } finally {
    for (const p of t.pages) if (!p.isClosed()) await p.close().catch(() => {});
    await server.stop();
  }
}, { timeout: 240_000 });
