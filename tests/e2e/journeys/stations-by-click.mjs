// Every station reached by clicking its floor marker, in tour order, as a visitor would: turn
// toward the station, click the tape mark on the floor, glide there, read its panel.
import { assert, assertEqual, test } from '../lib/runner.mjs';
import { clickScene, elementAt, faceStation, projectToScreen, stationHandle, tour, waitFor, waitForReader, waitForStation } from '../lib/helpers.mjs';

test('stations-by-click: every station in tour order by clicking its floor marker', async (t) => {
  const page = await t.openApp();
  const { set, locale } = t.content();
  const shotAt = set.tour.includes('camera') ? 'camera' : set.tour[Math.min(2, set.tour.length - 1)];
  for (const [i, id] of set.tour.entries()) {
    t.step(`station ${i + 1}/${set.tour.length} "${id}": face it`);
    const before = await tour(page);
    if (i === 0) {
      // From the start spot the first station is behind the hot set (its people take the click, as
      // they should): a visitor walks round it first. Keyboard walking moves the rig the same way.
      await page.evaluate(() => document.querySelector('a-scene').camera.el.parentEl.object3D.position.set(4, 0, -5));
    }
    await faceStation(page, id);
    const el = await stationHandle(page, id);
    const at = await projectToScreen(page, el, 'marker');
    assert(at.onScreen, `after faceStation("${id}") its marker (world ${at.world.map((v) => v.toFixed(2)).join(', ')}) projects off screen (${Math.round(at.x)}, ${Math.round(at.y)}, ndc z ${at.ndcZ.toFixed(3)})`);
    t.step(`station "${id}": click its marker`);
    // The tape mark is a disc 0.75 m across; where the station box covers its middle (a box with
    // an activity's and a take's buttons), a visitor clicks its far edge, which shows above the box.
    const far = (await elementAt(page, at.x, at.y)) === 'canvas' ? at : await farEdge(page, at.world);
    await clickScene(page, far.x, far.y, `marker of "${id}"`);
    await waitFor(page, (prevTrip) => window.backlot.tour.state.trip > prevTrip, before.trip, { timeout: 5000, what: `a trip to start after clicking the marker of "${id}" at (${Math.round(at.x)}, ${Math.round(at.y)})` });
    await waitForStation(page, id);
    const state = await tour(page);
    assertEqual(state.station, id, `state.station after clicking the marker of "${id}"`);
    assertEqual(state.panel, { kind: 'station', id }, `state.panel at "${id}"`);
    assert(state.visited.includes(id), `state.visited lacks "${id}": ${JSON.stringify(state.visited)}`);
    const title = locale.stations[id]?.title;
    assert(title, `${t.content().localeFile} has no title for station "${id}"`);
    await waitForReader(page, [title], `the title of "${id}"`);
    if (id === shotAt) await t.screenshot(page, 'station-camera.png');
  }
  const end = await tour(page);
  assertEqual(end.visited, set.tour, 'state.visited after the walk');
}, { timeout: 180_000 });

/** The screen point of the marker's disc 0.5 m beyond its middle, away from the visitor. */
async function farEdge(page, world) {
  return page.evaluate(([x, y, z]) => {
    const scene = document.querySelector('a-scene');
    const THREE = window.AFRAME.THREE;
    const cam = scene.camera;
    cam.updateMatrixWorld(true);
    const eye = new THREE.Vector3().setFromMatrixPosition(cam.matrixWorld);
    const away = new THREE.Vector3(x - eye.x, 0, z - eye.z).normalize().multiplyScalar(0.5);
    const v = new THREE.Vector3(x, y, z).add(away).project(cam);
    const rect = scene.canvas.getBoundingClientRect();
    return { x: rect.left + ((v.x + 1) / 2) * rect.width, y: rect.top + ((1 - v.y) / 2) * rect.height };
  }, world);
}
