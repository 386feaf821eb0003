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

/** Registers the worker once; false where there is none (no secure context, a test hook, twice). */
export function registerOffline(options: OfflineOptions): boolean {
  // Service workers need a secure context (https:// or localhost); elsewhere the tour stays online-only.
  if (registered || !('serviceWorker' in navigator)) return false;
  // The WebXR emulator (?emulate-xr=, a test hook) is never precached: such a visit gains nothing offline.
  if (new URLSearchParams(window.location.search).has('emulate-xr')) return false;
  registered = true;
  const apply = registerSW({
    immediate: true,
    onOfflineReady: () => options.onOfflineReady?.(),
    onNeedRefresh: () => options.onUpdateReady?.(() => apply(true)),
    onRegisterError: (err: unknown) =>
      console.warn(`Backlot: offline mode is unavailable (the service worker did not register: ${err instanceof Error ? err.message : String(err)}).`),
  });
  return true;
}

/**
 * Asks the worker to save the audio of these languages (and what they share) for offline use;
 * resolves when it is all saved. Progress is reported as files done of total.
 */
export async function saveForOffline(languages: readonly string[] | 'all', onProgress: (done: number, total: number) => void): Promise<void> {
  if (!('serviceWorker' in navigator)) throw new Error('no service worker here');
  const registration = await navigator.serviceWorker.ready;
  const worker = registration.active;
  // Without an active worker nobody would ever answer: fail now rather than wait for good.
  if (!worker) throw new Error('no active service worker');
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent): void => {
      const data = event.data as { type?: unknown; done?: unknown; total?: unknown; reason?: unknown } | null;
      if (data?.type === 'backlot-save-progress' && typeof data.done === 'number' && typeof data.total === 'number') {
        onProgress(data.done, data.total);
        if (data.done < data.total) return;
        navigator.serviceWorker.removeEventListener('message', onMessage);
        resolve();
      } else if (data?.type === 'backlot-save-failed') {
        navigator.serviceWorker.removeEventListener('message', onMessage);
        reject(new Error(String(data.reason)));
      }
    };
    navigator.serviceWorker.addEventListener('message', onMessage);
    worker.postMessage({ type: 'backlot-save-offline', languages });
  });
}
