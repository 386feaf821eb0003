/// <reference lib="webworker" />
/**
 * Backlot's service worker (built by vite-plugin-pwa's injectManifest from this file).
 *
 * - The app shell, every chunk a visitor needs, the font, the content and the audio are precached
 *   (the list is injected at build time as self.__WB_MANIFEST), so the tour runs with no network.
 * - Content (scenes/**.json) stays editable on a built site: requests for it go network-first, so
 *   a museum's edit is seen on the next online load, and offline the last copy seen is served.
 * - That last copy is only ever replaced by one that validates: a broken edit seen online (a
 *   deploy half done, a typo) is passed to the page, which reports it, but never cached, so an
 *   offline kiosk keeps its last good content. The page is told why a copy was refused.
 * - A new version waits until the page asks it to take over (SKIP_WAITING): never mid-visit.
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, matchPrecache, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import type { WorkboxPlugin } from 'workbox-core/types.js';
import { contentVerdict } from './content-check';
import { AudioCache } from './audio-cache';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

export const CONTENT_CACHE = 'backlot-content';
/** The build's own copy of each content file is precached under this query (see vite.config.ts). */
const OFFLINE_COPY = 'offline-copy';

const manifest = self.__WB_MANIFEST;
// The audio is not precached (see audio-cache.ts): the rest of the site is.
precacheAndRoute(AudioCache.core(manifest));
cleanupOutdatedCaches();
const audio = new AudioCache(manifest, self.registration.scope);
self.addEventListener('activate', (event) => event.waitUntil(audio.prune()));
// The match hands the file's path on to the handler (Workbox passes a truthy match as `params`).
registerRoute(
  ({ url, request }) => (request.method === 'GET' ? audio.path(url.href) : null),
  ({ request, params }) => audio.respond(request, params as unknown as string),
);

self.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown; languages?: unknown } | null;
  if (data?.type === 'SKIP_WAITING') void self.skipWaiting();
  if (data?.type === 'backlot-save-offline') {
    const languages = data.languages === 'all' ? 'all' : Array.isArray(data.languages) ? data.languages.filter((l): l is string => typeof l === 'string') : [];
    const source = event.source as Client | null;
    const report = (done: number, total: number): void => source?.postMessage({ type: 'backlot-save-progress', done, total });
    event.waitUntil(audio.save(languages, report).catch((err: unknown) => source?.postMessage({ type: 'backlot-save-failed', reason: String(err) })));
  }
});

// Opening a file itself (scenes/set.json, a licence…) shows that file, never the app: only the
// folder, or an .html page, falls back to index.html. Tested on pathname + query.
const NOT_THE_APP = /^[^?]*\/[^/?]+\.(?!html?(?:\?|$))[^/?.]+(?:\?.*)?$/;
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [NOT_THE_APP] }));

/** Tells every page of the site, which says it in its console. */
async function tellPages(message: Record<string, unknown>): Promise<void> {
  for (const client of await self.clients.matchAll({ includeUncontrolled: true, type: 'window' })) client.postMessage(message);
}

/** Only a content file that parses and validates may replace the cached copy. */
const onlyValidContent: WorkboxPlugin = {
  async cacheWillUpdate({ request, response }) {
    if (!response.ok) return null;
    const file = new URL(request.url).pathname.replace(/^.*?\/(scenes\/)/, '$1');
    const verdict = contentVerdict(file, await response.clone().text());
    if (verdict.ok) return response;
    await tellPages({ type: 'backlot-content-refused', file, reason: verdict.reason });
    return null;
  },
};

/** When the network has nothing, the build's own copy of that file (precached under ?offline-copy). */
const buildCopyFallback: WorkboxPlugin = {
  async handlerDidError({ request }) {
    const url = new URL(request.url);
    url.search = OFFLINE_COPY;
    return (await matchPrecache(url.href)) ?? Response.error();
  },
};

registerRoute(
  ({ url, request }) => request.method === 'GET' && /\/scenes\/[^?#]+\.json$/.test(url.pathname),
  new NetworkFirst({
    cacheName: CONTENT_CACHE,
    // A hanging network (captive Wi-Fi) falls back to the last good copy.
    networkTimeoutSeconds: 5,
    plugins: [onlyValidContent, buildCopyFallback],
  }),
);
