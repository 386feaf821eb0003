// VR under IWER (Quest 3): enter VR, point the controller at a station marker and pull the trigger,
// snap turn, floor teleport inside and outside the walls, a panel button, exit keeps the station,
// enter/exit five times without growth.
import { assert, assertEqual, test } from '../lib/runner.mjs';
import { frames, tour, waitFor, waitForStation } from '../lib/helpers.mjs';
import { aimAlong, aimAt, aimHandAt, enterXr, exitXr, memory, pinch, pullTrigger, rig } from '../lib/xr.mjs';

/** What the right controller's ray aims at (without the hand field, for comparisons). */
const rightAim = (page) => page.evaluate(() => {
  const { hand, ...aim } = window.backlot.vr.aims().find((a) => a.hand === 'right') ?? {};
  return JSON.stringify(aim);
});
const deg = (r) => (r * 180) / Math.PI;
const angleDiff = (a, b) => { let d = (a - b) % (2 * Math.PI); if (d > Math.PI) d -= 2 * Math.PI; if (d < -Math.PI) d += 2 * Math.PI; return d; };
const notTravelling = (page) => waitFor(page, () => !window.backlot.tour.isTravelling(), null, { what: 'arrival (fade done)' });

test('vr: enter, trigger on a station marker, snap turn, teleport, panel button, exit keeps the station', async (t) => {
  const page = await t.openApp('?emulate-xr=vr');
  const { set } = t.content();
  assert(await page.evaluate(() => Boolean(window.xrDevice)), 'window.xrDevice is missing under ?emulate-xr=vr');
  await waitFor(page, () => Boolean(document.querySelector('#btn-vr')), null, { what: '#btn-vr (immersive-vr supported)' });

  t.step('enter VR');
  await enterXr(page, 'vr');
  assertEqual(await page.evaluate(() => window.backlot.xr.mode), 'vr', 'xr.mode');

  t.step('aim at the camera station marker and pull the trigger');
  const target = set.stations.find((s) => s.id === 'camera');
  const spot = await page.evaluate((id) => { const p = window.backlot.tour.layout(id).spot; return { x: p.x, y: 0.05, z: p.z }; }, target.id);
  await aimAt(page, spot);
  await pullTrigger(page);
  await waitForStation(page, 'camera');
  await notTravelling(page);
  const at = await rig(page);
  assert(Math.hypot(at.head.x - spot.x, at.head.z - spot.z) < 0.2, `head at ${at.head.x.toFixed(2)},${at.head.z.toFixed(2)}, expected the camera tape mark ${spot.x.toFixed(2)},${spot.z.toFixed(2)}`);
  const s1 = await tour(page);
  assertEqual(s1.panel?.id, 'camera', 'panel open on arrival');
  const panelShown = await page.evaluate(() => document.querySelector('a-scene').object3D.getObjectByName('info-panel').visible);
  assert(panelShown, 'the 3D panel is not visible in VR after arriving');
  const reader = await page.evaluate(() => document.getElementById('reader').textContent);
  assert(reader.length > 50, `aria-live reader is nearly empty in VR: "${reader}"`);
  await t.screenshot(page, 'vr-station.png');

  t.step('snap turn with the right thumbstick (default 30°)');
  const before = await rig(page);
  await page.evaluate(() => window.xrDevice.controllers.right.updateAxes('thumbstick', 1, 0));
  await frames(page, 3);
  await page.evaluate(() => window.xrDevice.controllers.right.updateAxes('thumbstick', 0, 0));
  await frames(page, 2);
  const after = await rig(page);
  const turned = deg(angleDiff(after.yaw, before.yaw));
  assert(Math.abs(turned + 30) < 0.5, `snap turn right turned the rig ${turned.toFixed(1)}°, expected -30°`);
  assert(Math.hypot(after.head.x - before.head.x, after.head.z - before.head.z) < 0.01, 'snap turn moved the head');

  t.step('floor teleport inside the walls');
  // Toward the open middle of the stage, a little below level: the arc lands a couple of metres on.
  const toCentre = { x: -after.head.x, z: -after.head.z };
  const len = Math.hypot(toCentre.x, toCentre.z);
  const stationBefore = (await tour(page)).station;
  await aimAlong(page, { x: toCentre.x / len, y: -0.35, z: toCentre.z / len });
  assertEqual(await rightAim(page), JSON.stringify({ kind: 'floor', valid: true }), 'right pointer aim at the open floor');
  assert(await page.evaluate(() => document.querySelector('a-scene').object3D.getObjectByName('overlay-lines').visible), 'no arc or landing ring drawn while aiming at the floor');
  await pullTrigger(page);
  await notTravelling(page);
  await frames(page, 10);
  const moved = await rig(page);
  assert(Math.hypot(moved.head.x - before.head.x, moved.head.z - before.head.z) > 0.5, `floor teleport did not move the visitor (head ${moved.head.x.toFixed(2)},${moved.head.z.toFixed(2)})`);
  assertEqual((await tour(page)).station, stationBefore, 'station after a floor teleport');
  t.note(`floor teleport moved the head ${Math.hypot(moved.head.x - after.head.x, moved.head.z - after.head.z).toFixed(2)} m toward the middle`);
  await t.screenshot(page, 'vr-teleported.png');

  t.step('floor teleport outside the walls is refused');
  // Stand in the empty corner near the +x wall, then throw the arc 30° up at the wall: it lands outside.
  await page.evaluate(([x, z]) => {
    const head = new window.AFRAME.THREE.Vector3();
    document.getElementById('camera').object3D.getWorldPosition(head);
    const r = document.getElementById('rig').object3D;
    r.position.x += x - head.x;
    r.position.z += z - head.z;
  }, [set.soundstage.width / 2 - 2, -(set.soundstage.depth / 2 - 2.5)]);
  await frames(page, 2);
  const corner = await rig(page);
  await aimAlong(page, { x: Math.cos(0.52), y: Math.sin(0.52), z: 0 });
  assertEqual(await rightAim(page), JSON.stringify({ kind: 'floor', valid: false }), 'aim past the wall (drawn red, refused)');
  await pullTrigger(page);
  await frames(page, 10);
  const stayed = await rig(page);
  assert(Math.hypot(stayed.head.x - corner.head.x, stayed.head.z - corner.head.z) < 0.01, 'teleport outside the walls moved the visitor');
  const notice = await page.evaluate(() => document.getElementById('notice')?.textContent ?? '');
  assert(notice.length > 0, 'no notice after a refused teleport');

  t.step('panel button: Next stop');
  await page.evaluate(() => window.backlot.tour.dispatch({ type: 'go', station: 'camera' }));
  await waitForStation(page, 'camera');
  await notTravelling(page);
  await frames(page, 3);
  // The buttons are a 0.15 m strip along the bottom of the panel; Next stop is its right third.
  const nextButton = await page.evaluate(() => {
    const m = document.querySelector('a-scene').object3D.getObjectByName('info-panel');
    m.updateMatrixWorld(true);
    const p = new window.AFRAME.THREE.Vector3(1 / 3, -0.5 + 0.075 / m.scale.y, 0).applyMatrix4(m.matrixWorld);
    return { x: p.x, y: p.y, z: p.z, visible: m.visible };
  });
  assert(nextButton.visible, 'the panel is not visible in VR');
  await aimAt(page, nextButton);
  assertEqual(await rightAim(page), JSON.stringify({ kind: 'button', button: 'next' }), 'aim at the Next stop button');
  await t.screenshot(page, 'vr-panel-button.png');
  await pullTrigger(page);
  const order = set.tour;
  const expected = order[order.indexOf('camera') + 1];
  await waitForStation(page, expected);
  await notTravelling(page);

  t.step('the panel stops rays: pointing at its text neither picks nor teleports');
  const textPoint = await page.evaluate(() => {
    const m = document.querySelector('a-scene').object3D.getObjectByName('info-panel');
    m.updateMatrixWorld(true);
    const p = new window.AFRAME.THREE.Vector3(0, 0.2, 0).applyMatrix4(m.matrixWorld);
    return { x: p.x, y: p.y, z: p.z };
  });
  await aimAt(page, textPoint);
  assertEqual(await rightAim(page), JSON.stringify({ kind: 'panel' }), 'aim at the panel text');
  await pullTrigger(page);
  assertEqual((await tour(page)).station, expected, 'station after selecting the panel text');

  t.step('exit VR keeps the station');
  await exitXr(page);
  assertEqual((await tour(page)).station, expected, 'station after leaving VR');
  assertEqual(await page.evaluate(() => document.querySelector('a-scene').camera.fov), 70, 'screen field of view after VR');
  await t.screenshot(page, 'vr-exited.png');
}, { timeout: 120_000 });

test('vr: enter and exit five times without errors or growth of geometries/textures', async (t) => {
  const page = await t.openApp('?emulate-xr=vr&station=sound');
  await waitFor(page, () => Boolean(document.querySelector('#btn-vr')), null, { what: '#btn-vr' });
  await enterXr(page, 'vr');
  await exitXr(page);
  const base = await memory(page);
  for (let i = 0; i < 5; i++) {
    await enterXr(page, 'vr');
    await frames(page, 3);
    await exitXr(page);
  }
  const end = await memory(page);
  t.note(`geometries ${base.geometries} → ${end.geometries}, textures ${base.textures} → ${end.textures}`);
  assert(end.geometries <= base.geometries && end.textures <= base.textures, `renderer memory grew: ${JSON.stringify(base)} → ${JSON.stringify(end)}`);
  assertEqual((await tour(page)).station, 'sound', 'station after five round trips');
}, { timeout: 120_000 });

test('vr: tracked hands — point and pinch at a station marker to go there', async (t) => {
  const page = await t.openApp('?emulate-xr=vr');
  await waitFor(page, () => Boolean(document.querySelector('#btn-vr')), null, { what: '#btn-vr' });
  await page.evaluate(() => { window.xrDevice.primaryInputMode = 'hand'; });
  await enterXr(page, 'vr');
  const sources = await page.evaluate(() => [...document.querySelector('a-scene').renderer.xr.getSession().inputSources].map((s) => Boolean(s.hand)));
  assert(sources.length > 0 && sources.every(Boolean), `input sources are not tracked hands: ${JSON.stringify(sources)}`);
  const spot = await page.evaluate(() => { const p = window.backlot.tour.layout('sound').spot; return { x: p.x, y: 0.05, z: p.z }; });
  await aimHandAt(page, spot);
  await pinch(page);
  await waitForStation(page, 'sound');
  await notTravelling(page);
  const at = await rig(page);
  assert(Math.hypot(at.head.x - spot.x, at.head.z - spot.z) < 0.2, `after the pinch the head is ${Math.hypot(at.head.x - spot.x, at.head.z - spot.z).toFixed(2)} m from the sound tape mark`);
  await exitXr(page);
}, { timeout: 90_000 });
