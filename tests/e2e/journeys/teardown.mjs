// Teardown: the app installs every feature, runs a short visit, then is disposed (window.backlot
// .dispose()). Afterwards nothing of Backlot's may remain: renderer geometries and textures are
// the bare scene's (none), no listener Backlot added stays on window or document, and none of its
// intervals, timeouts or animation frames keeps running. Whose code added what is read from the
// build's own source maps (src/ is Backlot's; node_modules/ is A-Frame's, three.js', Howler's…).
import { assert, assertEqual, test } from '../lib/runner.mjs';
import { dispatch, frames, waitFor, waitForStation } from '../lib/helpers.mjs';
import { enterXr, exitXr } from '../lib/xr.mjs';
import { callerOf, sourceMaps } from '../lib/sourcemap.mjs';
import { installProbe, readProbe } from '../lib/teardown-probe.mjs';

async function disposeAndCheck(t, page, label) {
  t.step(`${label}: dispose`);
  const before = await page.evaluate(() => ({ ...document.querySelector('a-scene').renderer.info.memory }));
  await page.evaluate(() => {
    window.backlot.dispose();
    window.__probe.disposed = true;
  });
  await frames(page, 30);
  const after = await page.evaluate(() => {
    const scene = document.querySelector('a-scene');
    let meshes = 0;
    scene.object3D.traverse((o) => { if (o.isMesh || o.isLine || o.isPoints) meshes++; });
    return {
      memory: { ...scene.renderer.info.memory },
      meshes,
      hooks: 'backlot' in window,
      phases: scene.systems.frame.phases,
      hud: Boolean(document.getElementById('hud')),
      overlays: ['ar-overlay', 'attract', 'still-there', 'staff', 'lesson-intro', 'fade'].filter((id) => document.getElementById(id)),
      kiosk: document.body.classList.contains('kiosk'),
    };
  });
  const origin = t.env.server.origin;
  const maps = sourceMaps(t.env.dist);
  const backlots = (list) => list.flatMap((entry) => {
    const at = callerOf(entry.stack, origin);
    const source = at ? maps.sourceOf(at.file, at.line, at.column) : null;
    return source && !source.includes('node_modules') ? [`${entry.what} from ${source.replace(/^.*?src\//, 'src/')}`] : [];
  });
  const left = await page.evaluate(readProbe);
  const counted = new Map();
  for (const leak of [...backlots(left.listeners), ...backlots(left.intervals), ...backlots(left.timeouts), ...backlots(left.frames)]) counted.set(leak, (counted.get(leak) ?? 0) + 1);
  const leaks = [...counted].map(([leak, n]) => (n > 1 ? `${leak} (×${n})` : leak));
  t.note(`${label}: geometries ${before.geometries} → ${after.memory.geometries}, textures ${before.textures} → ${after.memory.textures}; still registered (A-Frame, three.js, Howler): ${left.listeners.length} listeners, ${left.intervals.length} intervals, ${left.timeouts.length} timeouts, ${left.frames.length} frames`);
  assert(before.geometries > 0, `${label}: the visit drew no geometry at all (${before.geometries})`);
  assertEqual({ geometries: after.memory.geometries, textures: after.memory.textures }, { geometries: 0, textures: 0 }, `${label}: renderer memory after dispose (a bare scene holds none)`);
  assertEqual(after.meshes, 0, `${label}: meshes, lines or points left in the scene`);
  assertEqual(leaks, [], `${label}: Backlot listeners, timers or frames left after dispose`);
  assertEqual({ hooks: after.hooks, phases: after.phases, hud: after.hud, overlays: after.overlays, kiosk: after.kiosk }, { hooks: false, phases: null, hud: false, overlays: [], kiosk: false }, `${label}: app state left on the page`);
}

test('teardown: a visit with VR, a kiosk and a lesson each dispose to a bare scene', async (t) => {
  const beforeGoto = (page) => page.evaluateOnNewDocument(installProbe);

  t.step('ordinary visit with VR');
  const tour = await t.openApp('?emulate-xr=vr', { beforeGoto });
  await dispatch(tour, { type: 'go', station: 'camera' });
  await waitForStation(tour, 'camera');
  await dispatch(tour, { type: 'openRole', role: 'camera-operator', station: 'camera' });
  await dispatch(tour, { type: 'cycleOverlay' });
  await tour.keyboard.down('KeyW');
  await frames(tour, 5);
  await tour.keyboard.up('KeyW');
  await enterXr(tour, 'vr');
  await exitXr(tour);
  await waitFor(tour, () => window.backlot.narration.view.status !== 'idle', null, { what: 'narration started' });
  await disposeAndCheck(t, tour, 'visit');

  t.step('kiosk');
  const kiosk = await t.openApp('?mode=kiosk', { beforeGoto });
  await waitFor(kiosk, () => window.backlot.kiosk?.phase === 'attract', null, { what: 'kiosk attract loop' });
  await kiosk.evaluate(() => window.backlot.kiosk.begin());
  await dispatch(kiosk, { type: 'go', station: 'lighting' });
  await waitForStation(kiosk, 'lighting');
  await disposeAndCheck(t, kiosk, 'kiosk');

  t.step('lesson');
  const lesson = await t.openApp('?mode=lesson', { beforeGoto });
  await waitFor(lesson, () => document.getElementById('lesson-intro')?.open, null, { what: 'lesson intro' });
  await lesson.click('#btn-lesson-start');
  await waitFor(lesson, () => window.backlot.tour.state.station !== null, null, { what: 'first lesson station' });
  await disposeAndCheck(t, lesson, 'lesson');
}, { timeout: 180_000 });
