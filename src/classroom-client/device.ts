import type { Device } from '../classroom/protocol';
import type { XrMode } from '../xr/rig';

/**
 * The device kind the teacher sees: in an immersive session, its kind (VR or AR); a headset's own
 * browser counts as VR even on its flat window (the student is wearing it); a touch screen without
 * a fine pointer is a phone (or tablet); anything else a desktop. Pure: the page passes what it sees.
 */
export function deviceKind(o: { xr: XrMode; userAgent: string; coarse: boolean }): Device {
  if (o.xr === 'vr' || o.xr === 'ar') return o.xr;
  if (/OculusBrowser|Quest|Pico|Wolvic/i.test(o.userAgent)) return 'vr';
  return o.coarse ? 'phone' : 'desktop';
}

/** What this browser is now (the page's side of deviceKind). */
export function thisDevice(xr: XrMode): Device {
  const coarse = typeof window.matchMedia === 'function' && window.matchMedia('(pointer: coarse)').matches && !window.matchMedia('(pointer: fine)').matches;
  return deviceKind({ xr, userAgent: navigator.userAgent, coarse });
}
