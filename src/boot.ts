/**
 * Entry point. Kept tiny so that test-only WebXR emulation (?emulate-xr=vr|ar) can be installed
 * before A-Frame is imported (A-Frame checks WebXR support at import time). The emulator lives in
 * its own lazily loaded chunk that a normal visit never fetches; the app is a separate chunk too.
 */
const emulate = new URLSearchParams(window.location.search).get('emulate-xr');
const ready = emulate === 'vr' || emulate === 'ar' ? import('./xr/emulation').then((m) => m.installEmulation(emulate)) : Promise.resolve();
void ready
  .catch((err: unknown) => console.warn('Backlot: WebXR emulation did not install; the tour runs without it.', err))
  .then(() => import('./main'));
