/**
 * Entry point. Kept tiny so that test-only WebXR emulation (?emulate-xr=vr|ar, issue #3) can be
 * installed before A-Frame is imported; the app itself is a separate chunk loaded right after.
 */
void import('./main');
