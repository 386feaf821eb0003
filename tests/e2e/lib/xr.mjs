// Helpers for journeys under IWER emulation (?emulate-xr=vr|ar): enter a session, aim the emulated
// right controller at a world point (through the rig's transform), pull its trigger.
import { frames, waitFor } from './helpers.mjs';

export async function enterXr(page, mode) {
  await waitFor(page, () => Boolean(document.body.dataset.xr), null, { what: 'XR support detected' });
  await page.evaluate((m) => window.backlot.xr.enter(m), mode);
  await waitFor(page, () => document.querySelector('a-scene').renderer.xr.isPresenting === true, null, { what: `${mode} session presenting` });
  await frames(page, 4);
}

export async function exitXr(page) {
  await page.evaluate(() => window.backlot.xr.exit());
  await waitFor(page, () => document.querySelector('a-scene').renderer.xr.isPresenting === false && window.backlot.xr.mode === 'inline', null, { what: 'session ended' });
  await frames(page, 2);
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

/**
 * Puts the emulated controller beside the head and points it at a world-space point (`at`) or
 * along a world-space direction (`along`); both are turned into the rig's (reference space) frame.
 */
async function aim(page, how, hand, input = 'controllers') {
  await page.evaluate((spec, handName, inputKind) => {
    const THREE = window.AFRAME.THREE;
    const rigObj = document.getElementById('rig').object3D;
    rigObj.updateMatrixWorld(true);
    const head = document.querySelector('a-scene').camera.el.object3D.position; // head pose in the rig
    const side = spec.at ? (handName === 'right' ? 0.2 : -0.2) : 0;
    const handPos = new THREE.Vector3(head.x + side, head.y - 0.35, head.z - (spec.at ? 0.2 : 0));
    let target;
    if (spec.at) {
      target = new THREE.Vector3(...spec.at).applyMatrix4(rigObj.matrixWorld.clone().invert());
    } else {
      const q = new THREE.Quaternion();
      rigObj.getWorldQuaternion(q);
      target = handPos.clone().add(new THREE.Vector3(...spec.along).normalize().applyQuaternion(q.invert()));
    }
    const r = new THREE.Quaternion().setFromRotationMatrix(new THREE.Matrix4().lookAt(handPos, target, new THREE.Vector3(0, 1, 0)));
    const c = window.xrDevice[inputKind][handName];
    c.position.set(handPos.x, handPos.y, handPos.z);
    c.quaternion.set(r.x, r.y, r.z, r.w);
  }, how, hand, input);
  await frames(page, 3);
}

export const aimAt = (page, p, hand = 'right') => aim(page, { at: [p.x, p.y, p.z] }, hand);
/** The same with a tracked hand (IWER's hand input mode) instead of a controller. */
export const aimHandAt = (page, p, hand = 'right') => aim(page, { at: [p.x, p.y, p.z] }, hand, 'hands');

export async function pinch(page, hand = 'right') {
  await page.evaluate((h) => window.xrDevice.hands[h].updatePinchValue(1), hand);
  await frames(page, 4);
  await page.evaluate((h) => window.xrDevice.hands[h].updatePinchValue(0), hand);
  await frames(page, 4);
}
export const aimAlong = (page, d, hand = 'right') => aim(page, { along: [d.x, d.y, d.z] }, hand);
