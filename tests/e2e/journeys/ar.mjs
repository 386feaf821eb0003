// AR under IWER (Quest 3 with the synthetic office room): enter AR, the reticle finds a surface,
// a select places the model, pointing at a station and selecting opens its text in the DOM overlay
// with its crew's role tags, then life size puts that station around the visitor.
import { assert, assertEqual, test } from '../lib/runner.mjs';
import { frames, tour, waitFor, waitForStation } from '../lib/helpers.mjs';
import { aimAt, enterXr, exitXr, pullTrigger } from '../lib/xr.mjs';

test('ar: reticle, place the model, select a station, overlay text and role tags, life size', async (t) => {
  const page = await t.openApp('?emulate-xr=ar');
  await waitFor(page, () => Boolean(document.querySelector('#btn-ar')), null, { what: '#btn-ar (immersive-ar supported)' });
  await enterXr(page, 'ar');
  assertEqual(await page.evaluate(() => window.backlot.xr.mode), 'ar', 'xr.mode');
  assert(await page.evaluate(() => getComputedStyle(document.getElementById('ar-overlay')).display !== 'none'), 'the AR overlay is hidden during the session');

  const hidden = await page.evaluate(() => document.getElementById('rig').object3D.scale.x);
  assert(hidden >= 1000, `before it is placed the set should be out of sight (shrunk), rig scale ${hidden}`);

  t.step('look down at the floor: the reticle appears on a hit');
  await page.evaluate(() => {
    // Tilt the emulated headset 50° down so the viewer-space hit test meets the room's floor.
    const a = -50 * Math.PI / 180;
    window.xrDevice.quaternion.set(Math.sin(a / 2), 0, 0, Math.cos(a / 2));
  });
  await waitFor(page, () => document.querySelector('a-scene').object3D.getObjectByName('ar-reticle')?.visible === true, null, { what: 'reticle visible on a hit', timeout: 15_000 });
  const hint = await page.evaluate(() => document.getElementById('ar-hint').textContent);
  t.note(`hint: ${hint}`);

  t.step('select places the model');
  await pullTrigger(page);
  await waitFor(page, () => document.getElementById('ar-overlay').dataset.phase === 'placed', null, { what: 'model placed' });
  const placed = await page.evaluate(() => {
    const r = document.getElementById('rig').object3D;
    return { scale: r.scale.x, x: r.position.x, z: r.position.z, shell: document.querySelector('a-scene').object3D.getObjectByName('set-solid').geometry.drawRange.start === 0 };
  });
  assert(placed.scale > 10 && placed.scale < 100, `rig scale ${placed.scale}: the model is not a tabletop miniature`);
  assertEqual(placed.shell, false, 'soundstage walls visible on the AR model');
  await frames(page, 3);
  await t.screenshot(page, 'ar-placed.png');

  t.step('point at the camera station on the model and select it');
  const target = await page.evaluate(() => {
    const layout = window.backlot.tour.layout('camera');
    // The floating label's hit sphere: on a model seen from above it is the least hidden part.
    const c = layout.labelAnchor;
    return { x: c.x, y: c.y + 0.35, z: c.z };
  });
  await aimAt(page, target);
  await pullTrigger(page);
  await waitForStation(page, 'camera');
  // The station's sheet (the HUD's station box) is shown in the overlay, collapsed to its peek.
  await waitFor(page, () => { const s = document.querySelector('#ar-overlay .now.has-text'); return Boolean(s && s.getBoundingClientRect().height > 0); }, null, { what: "the station's sheet in the AR overlay" });
  const { locale } = t.content();
  const card = await page.evaluate(() => document.querySelector('#ar-overlay .now .where').textContent);
  assert(card.includes(locale.stations.camera.title), `AR sheet shows "${card.slice(0, 80)}…", expected the camera station's title`);
  assertEqual(await page.evaluate(() => document.getElementById('btn-sheet').getAttribute('aria-expanded')), 'false', 'the AR sheet starts collapsed (the model stays in view)');
  assertEqual(await page.evaluate(() => document.querySelectorAll('#ar-overlay [aria-live]').length), 1, 'live regions in the AR overlay (the sheet reader only)');
  await waitFor(page, () => document.querySelectorAll('#ar-tags .ar-tag').length > 0, null, { what: 'role tags over the camera crew' });
  const tags = await page.evaluate(() => [...document.querySelectorAll('#ar-tags .ar-tag')].map((e) => e.dataset.role));
  const { set } = t.content();
  const crew = new Set(set.stations.find((s) => s.id === 'camera').crew.map((c) => c.role));
  assert(tags.every((r) => crew.has(r)), `AR role tags ${tags.join(', ')} are not all camera crew`);
  t.note(`AR tags: ${tags.join(', ')}`);
  t.step('the station narrates, with captions and its controls in the AR overlay');
  await waitFor(page, () => {
    const e = window.backlot.narration.debug().engine;
    return Boolean(e?.narrationPlaying && e.narration.endsWith('/en/camera.mp3'));
  }, null, { what: 'camera narration playing in AR', timeout: 20_000 });
  await waitFor(page, () => { const c = document.querySelector('#ar-overlay #captions'); return Boolean(c && !c.hidden && c.textContent.length > 0); }, null, { what: 'captions in the AR overlay' });
  assert(await page.evaluate(() => { const b = document.querySelector('#ar-overlay #btn-narration'); return Boolean(b && b.getBoundingClientRect().width > 0); }), 'no narration controls in the AR overlay');
  t.step('the model controls are grouped behind Adjust');
  assert(await page.evaluate(() => document.getElementById('ar-adjust-group').hidden), 'the adjust group is open before Adjust is pressed');
  await page.click('#ar-adjust');
  assert(await page.evaluate(() => !document.getElementById('ar-adjust-group').hidden && document.getElementById('ar-adjust').getAttribute('aria-expanded') === 'true'), 'Adjust does not open its group');
  await page.click('#ar-adjust');
  await t.screenshot(page, 'ar-station.png');

  t.step('life size');
  const hitEl = await page.evaluate(() => {
    const r = document.getElementById('ar-life-size').getBoundingClientRect();
    const el = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return el ? `${el.tagName}#${el.id}.${el.className}` : 'nothing';
  });
  t.note(`element at the life-size button: ${hitEl}`);
  await page.click('#ar-life-size');
  await frames(page, 3);
  const life = await page.evaluate(() => {
    const r = document.getElementById('rig').object3D;
    return { scale: r.scale.x, label: document.getElementById('ar-life-size').textContent };
  });
  assert(Math.abs(life.scale - 1) < 1e-6, `rig scale ${life.scale} at life size`);
  assertEqual(life.label, locale.ui.arMiniature, 'life-size button label');
  const head = await page.evaluate(() => {
    const h = new window.AFRAME.THREE.Vector3();
    document.getElementById('camera').object3D.getWorldPosition(h);
    const spot = window.backlot.tour.layout('camera').spot;
    return Math.hypot(h.x - spot.x, h.z - spot.z);
  });
  assert(head < 0.3, `at life size the visitor stands ${head.toFixed(2)} m from the camera tape mark`);
  await t.screenshot(page, 'ar-life-size.png');

  t.step('back to the model: it stands where it stood, at its scale');
  await page.click('#ar-life-size');
  await frames(page, 2);
  const back = await page.evaluate(() => {
    const r = document.getElementById('rig').object3D;
    return { scale: r.scale.x, x: r.position.x, z: r.position.z };
  });
  assert(Math.abs(back.scale - placed.scale) < 1e-6 && Math.abs(back.x - placed.x) < 1e-3 && Math.abs(back.z - placed.z) < 1e-3,
    `model after life size: ${JSON.stringify(back)}, before: ${JSON.stringify(placed)}`);

  t.step('exit AR');
  await exitXr(page);
  assertEqual((await tour(page)).station, 'camera', 'station after leaving AR');
  assert(await page.evaluate(() => getComputedStyle(document.getElementById('ar-overlay')).display === 'none'), 'AR overlay still shown after the session');
}, { timeout: 120_000 });
