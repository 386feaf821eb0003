/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Offline support: registers the service worker that vite-plugin-pwa generates (Workbox, see
 * vite.config.ts). Loaded lazily by main.ts once the tour is ready, so it never delays the first
 * frame and adds nothing to the first load.
 *
 * Updates never apply themselves: a new version installs in the background and waits;
 * `onUpdateReady(apply)` says so, and `apply()` activates it and reloads the page.
 */
import { registerSW } from 'virtual:pwa-register';

export interface OfflineOptions {
  /** The first install has finished: the tour now works without a network. */
  onOfflineReady?: () => void;
  /** A new version is installed and waiting; `apply()` switches to it (the page reloads). */
  onUpdateReady?: (apply: () => Promise<void>) => void;
}

let registered = false;

export function registerOffline(options: OfflineOptions): void {
  // Service workers need a secure context (https:// or localhost); elsewhere the tour stays online-only.
  if (registered || !('serviceWorker' in navigator)) return;
  // The WebXR emulator (?emulate-xr=, a test hook) is never precached: such a visit gains nothing offline.
  if (new URLSearchParams(window.location.search).has('emulate-xr')) return;
  registered = true;
  const apply = registerSW({
    immediate: true,
    onOfflineReady: () => options.onOfflineReady?.(),
    onNeedRefresh: () => options.onUpdateReady?.(() => apply(true)),
    onRegisterError: (err: unknown) =>
      console.warn(`Backlot: offline mode is unavailable (the service worker did not register: ${err instanceof Error ? err.message : String(err)}).`),
  });
}
