/**
 * Test hook: Meta's IWER emulates a Quest 3 (with a synthetic room for AR hit-tests) in any
 * browser. Only `?emulate-xr=vr|ar` loads this chunk; the device is exposed as `window.xrDevice`
 * so browser tests can move the headset and controllers and press their buttons.
 */
import { XRDevice, metaQuest3 } from 'iwer';
import { SyntheticEnvironmentModule } from '@iwer/sem';

declare global {
  interface Window {
    xrDevice?: XRDevice;
  }
}

export async function installEmulation(mode: 'vr' | 'ar'): Promise<void> {
  const device = new XRDevice(metaQuest3);
  // Chromium already has a native navigator.xr (with no device behind it): replace it.
  device.installRuntime({ forceInstall: true });
  if (mode === 'ar') {
    device.installSEM(SyntheticEnvironmentModule);
    await device.sem!.loadDefaultEnvironment('office_small');
  }
  window.xrDevice = device;
}
