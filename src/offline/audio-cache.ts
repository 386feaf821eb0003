/// <reference lib="webworker" />
import type { PrecacheEntry } from 'workbox-precaching';

/**
 * Audio in the service worker (src/offline/sw.ts): not precached on an ordinary visit (it is most
 * of the site's weight), but kept as it is played, so a station heard once is heard offline too;
 * saved in full when a visitor asks ("Save for offline") or a kiosk or lesson starts. Each file is
 * kept under its URL plus its build revision, so a changed recording replaces the old one.
 */
export const AUDIO_CACHE = 'backlot-audio';
const AUDIO = /^assets\/audio\//;

export class AudioCache {
  /** Path from the site root → revision (null for a file whose name carries its hash). */
  private readonly revisions = new Map<string, string | null>();

  constructor(entries: readonly (string | PrecacheEntry)[], private readonly scope: string) {
    for (const e of entries) {
      const url = typeof e === 'string' ? e : e.url;
      if (AUDIO.test(url)) this.revisions.set(url, typeof e === 'string' ? null : (e.revision ?? null));
    }
  }

  /** The entries that are not audio: what every visit precaches. */
  static core<T extends string | PrecacheEntry>(entries: readonly T[]): T[] {
    return entries.filter((e) => !AUDIO.test(typeof e === 'string' ? e : e.url));
  }

  /** The site path of a request, if it is one of the built audio files. */
  path(url: string): string | null {
    if (!url.startsWith(this.scope)) return null;
    const path = url.slice(this.scope.length).split(/[?#]/)[0]!;
    return this.revisions.has(path) ? path : null;
  }

  private key(path: string): string {
    const rev = this.revisions.get(path);
    return `${this.scope}${path}${rev ? `?rev=${rev}` : ''}`;
  }

  /** Cache first: a file played before plays offline; one not yet cached is fetched and kept. */
  async respond(request: Request, path: string): Promise<Response> {
    const cache = await caches.open(AUDIO_CACHE);
    const hit = await cache.match(this.key(path));
    if (hit) return hit;
    const response = await fetch(request);
    // A partial answer (a range request from a media element) is not the file: it is not kept.
    if (response.status === 200) await cache.put(this.key(path), response.clone());
    return response;
  }

  /** Saves every file of these languages (and the shared ones: ambience), reporting progress. */
  async save(languages: readonly string[] | 'all', progress: (done: number, total: number) => void): Promise<void> {
    const wanted = [...this.revisions.keys()].filter((p) => {
      const lang = /^assets\/audio\/(?:narration|take)\/([^/]+)\//.exec(p)?.[1];
      return lang === undefined || languages === 'all' || languages.includes(lang);
    });
    const cache = await caches.open(AUDIO_CACHE);
    let done = 0;
    for (const path of wanted) {
      const key = this.key(path);
      if (!(await cache.match(key))) {
        const response = await fetch(`${this.scope}${path}`, { cache: 'no-cache' });
        if (response.status === 200) await cache.put(key, response);
      }
      progress(++done, wanted.length);
    }
  }

  /** After an update: files of an old revision, or no longer built, go. */
  async prune(): Promise<void> {
    const keep = new Set([...this.revisions.keys()].map((p) => this.key(p)));
    const cache = await caches.open(AUDIO_CACHE);
    for (const request of await cache.keys()) if (!keep.has(request.url)) await cache.delete(request);
  }
}
