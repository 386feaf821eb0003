// Helpers for journeys under IWER emulation (?emulate-xr=vr|ar): enter a session, aim the emulated
// right controller at a world point (through the rig's transform), pull its trigger.
import { frames, waitFor } from './helpers.mjs';

export async function enterXr(page, mode) {
  await waitFor(page, () => Boolean(document.body.dataset.xr), null, { what: 'XR support detected' });
  await page.evaluate((m) => document.querySelector('a-scene').systems.xr.enter(m), mode);
  await waitFor(page, () => document.querySelector('a-scene').renderer.xr.isPresenting === true, null, { what: `${mode} session presenting` });
  await frames(page, 4);
}

export async function exitXr(page) {
  await page.evaluate(() => document.querySelector('a-scene').systems.xr.exit());
  await waitFor(page, () => document.querySelector('a-scene').renderer.xr.isPresenting === false && document.querySelector('a-scene').systems.xr.mode === 'inline', null, { what: 'session ended' });
  await frames(page, 2);
}

/** Points the right controller from beside the head at a world-space point. */
export async function aimAt(page, world, hand = 'right') {
  await page.evaluate(([x, y, z], handName) => {
    const THREE = window.AFRAME.THREE;
    const scene = document.querySelector('a-scene');
    const rig = document.getElementById('rig').object3D;
    rig.updateMatrixWorld(true);
    const inv = rig.matrixWorld.clone().invert();
    const target = new THREE.Vector3(x, y, z).applyMatrix4(inv);
    const head = scene.camera.el.object3D.position; // head pose in the rig (reference space)
    const hand3 = new THREE.Vector3(head.x + (handName === 'right' ? 0.2 : -0.2), head.y - 0.35, head.z - 0.2);
    const m = new THREE.Matrix4().lookAt(hand3, target, new THREE.Vector3(0, 1, 0));
    const q = new THREE.Quaternion().setFromRotationMatrix(m);
    const c = window.xrDevice.controllers[handName];
    c.position.set(hand3.x, hand3.y, hand3.z);
    c.quaternion.set(q.x, q.y, q.z, q.w);
  }, [world.x, world.y, world.z], hand);
  await frames(page, 3);
}

export async function pullTrigger(page, hand = 'right') {
  await page.evaluate((h) => window.xrDevice.controllers[h].updateButtonValue('trigger', 1), hand);
  await frames(page, 3);
  await page.evaluate((h) => window.xrDevice.controllers[h].updateButtonValue('trigger', 0), hand);
  await frames(page, 3);
}

export async function rig(page) {
  return page.evaluate(() => {
    const r = document.getElementById('rig').object3D;
    const head = new window.AFRAME.THREE.Vector3();
    document.getElementById('camera').object3D.getWorldPosition(head);
    return { x: r.position.x, y: r.position.y, z: r.position.z, yaw: r.rotation.y, head: { x: head.x, y: head.y, z: head.z } };
  });
}

export async function memory(page) {
  return page.evaluate(() => ({ ...document.querySelector('a-scene').renderer.info.memory }));
}

/** Points the controller along a world-space direction (turned into the rig's frame). */
export async function aimAlong(page, dir, hand = 'right') {
  await page.evaluate(([x, y, z], handName) => {
    const THREE = window.AFRAME.THREE;
    const scene = document.querySelector('a-scene');
    const rigObj = document.getElementById('rig').object3D;
    rigObj.updateMatrixWorld(true);
    const q = new THREE.Quaternion();
    rigObj.getWorldQuaternion(q);
    const local = new THREE.Vector3(x, y, z).normalize().applyQuaternion(q.invert());
    const head = scene.camera.el.object3D.position;
    const hand3 = new THREE.Vector3(head.x, head.y - 0.35, head.z);
    const m = new THREE.Matrix4().lookAt(hand3, hand3.clone().add(local), new THREE.Vector3(0, 1, 0));
    const r = new THREE.Quaternion().setFromRotationMatrix(m);
    const c = window.xrDevice.controllers[handName];
    c.position.set(hand3.x, hand3.y, hand3.z);
    c.quaternion.set(r.x, r.y, r.z, r.w);
  }, [dir.x, dir.y, dir.z], hand);
  await frames(page, 3);
}
