import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
const posixPath = (file: string): string => relative('.', file).split(sep).join('/');

/** Hex digits kept of each content file's sha256 (src/content/load.ts compares the same prefix). */
const CONTENT_HASH_HEX = 32;

/** Content only a lazy feature reads: its hashes are defined for that feature's own chunk (its load.ts). */
const LAZY_CONTENT: Readonly<Record<string, RegExp>> = {
  __BACKLOT_ACTIVITY_HASHES__: /^scenes\/activities(\.json$|\/)/,
  __BACKLOT_TAKE_HASHES__: /^scenes\/take(\.json$|\/)/,
};

/**
 * Content (scenes/) and media (assets/) are fetched at run time, relative to the page, so a museum
 * can edit the JSON of a built site without rebuilding. The dev server serves them from the project
 * root already; this plugin copies them into the build, keeping their paths.
 */
function copyRuntimeFolders(folders: string[]): Plugin {
  return {
    name: 'backlot-copy-runtime-folders',
    apply: 'build',
    generateBundle() {
      for (const folder of folders) {
        for (const file of walk(folder)) {
          if (file.endsWith('.md')) continue; // provenance notes stay in the repo
          if (posixPath(file).startsWith('assets/fonts/source/')) continue; // the full fonts the web fonts are cut from
          if (posixPath(file).startsWith('assets/poster/')) continue; // index.html's still goes in hashed, via Vite; source.json is the build's own record
          this.emitFile({ type: 'asset', fileName: posixPath(file), source: readFileSync(file) });
        }
      }
    },
  };
}

/**
 * The build validates scenes/ in full (as `npm run check-content` does) and refuses to ship broken
 * content. It then gives the app the sha256 of each file it validated: at run time a file that is
 * byte for byte the same is only parsed, so a normal visit downloads and runs none of the
 * validators; a file a museum edited on the built site no longer matches, and is checked in full.
 */
function validatedContent(): Plugin {
  return {
    name: 'backlot-validated-content',
    apply: 'build',
    config() {
      // The same check as `npm run check-content` (its own process: the config stays free of the app's modules).
      const check = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-content.ts'], { encoding: 'utf8' });
      if (check.status !== 0) throw new Error(`scenes/ has problems; the build ships no broken content:\n${check.stdout}${check.stderr}`);
      const files = walk('scenes').filter((f) => f.endsWith('.json')).map(posixPath).sort();
      // Every byte of this map is in a normal visit's first load, and hex hardly compresses: so only
      // the files the app reads (not the schemas, which the validators bundle), and the first 128
      // bits of each sha256 (plenty to tell an edited file from the one validated; this is not a
      // defence against an attacker, who could edit the app itself).
      // Files only a lazy feature reads are hashed into that feature's chunk instead (LAZY_CONTENT).
      const read = files.filter((f) => !f.startsWith('scenes/schema/'));
      const hash = (f: string): string => createHash('sha256').update(readFileSync(f)).digest('hex').slice(0, CONTENT_HASH_HEX);
      const lazy = (f: string): boolean => Object.values(LAZY_CONTENT).some((re) => re.test(f));
      const hashes = Object.fromEntries(read.filter((f) => !lazy(f)).map((f) => [f, hash(f)]));
      const lazyHashes = Object.fromEntries(
        Object.entries(LAZY_CONTENT).map(([name, re]) => [name, JSON.stringify(Object.fromEntries(read.filter((f) => re.test(f)).map((f) => [f, hash(f)])))]),
      );
      // What "Save for offline" will download, by language ('' for what every language shares).
      const audioBytes: Record<string, number> = {};
      for (const f of walk('assets/audio').map(posixPath).filter((p) => !p.endsWith('.md'))) {
        const lang = /^assets\/audio\/(?:narration|take)\/([^/]+)\//.exec(f)?.[1] ?? '';
        audioBytes[lang] = (audioBytes[lang] ?? 0) + statSync(f).size;
      }
      warnIfPosterStale(hashes);
      return { define: { __BACKLOT_CONTENT_HASHES__: JSON.stringify(hashes), ...lazyHashes, __BACKLOT_AUDIO_BYTES__: JSON.stringify(audioBytes) } };
    },
  };
}

/** The loading screen's still (assets/poster/) shows the content it was made from: say when that changed. */
function warnIfPosterStale(hashes: Record<string, string>): void {
  let made: Record<string, string> = {};
  try {
    made = JSON.parse(readFileSync('assets/poster/source.json', 'utf8')) as Record<string, string>;
  } catch {
    // No record: the same advice as a stale one.
  }
  const changed = Object.keys(made).length === 0 ? ['its record'] : Object.keys(made).filter((f) => made[f]?.slice(0, CONTENT_HASH_HEX) !== hashes[f]);
  if (changed.length > 0) console.warn(`backlot: the loading screen's still (assets/poster/start.webp) predates ${changed.join(', ')}; after this build, run npm run build:poster`);
}

/**
 * The Content-Security-Policy of the built site, as a meta tag (a museum's server can send the same
 * as a header: see README). Scripts only from the site itself, never inline or eval'd; styles from
 * the site plus index.html's own <style> (the loading screen, painted before the app's stylesheet)
 * and the <style> elements A-Frame injects for its own canvas and UI; images and media
 * also from data: and blob: (canvas textures, audio unlock); nothing may be framed, posted or
 * based elsewhere. Not applied to the dev server, whose hot reload needs more.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'backlot-content-security-policy',
    apply: 'build',
    // Right after the charset, before anything the policy governs.
    transformIndexHtml: (html) => html.replace(/(<meta charset="utf-8" \/>)/, `$1\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`),
  };
}

/**
 * The XR emulator (test hook, lazy chunk) bundles five synthetic rooms, 4.5 MB of JSON; the AR tests
 * use only `office_small`, so the others become empty modules instead of dead weight in dist/.
 */
function onlyOfficeSmallRoom(): Plugin {
  const unused = /@iwer[\\/]sem[\\/]lib[\\/]captures[\\/](living_room|meeting_room|music_room|office_large)\.json$/;
  return {
    name: 'backlot-only-office-small-room',
    enforce: 'pre',
    load(id) {
      return unused.test(id) ? '{"spatialEntities": []}' : null;
    },
  };
}

/**
 * Offline: Backlot's own service worker (src/offline/sw.ts), built by vite-plugin-pwa's
 * injectManifest with the list of files to precache: the app shell, every chunk a visitor needs,
 * the font, the content and all audio (~10 MB), so the tour runs with no network. It is registered
 * late by src/offline/register.ts and updates only when asked (a new version waits until the app
 * applies it). Content stays editable on a built site (network first), and the worker only ever
 * replaces its copy of a content file with one that validates.
 *
 * On the very first visit the page is not yet controlled by the worker, so the worker also
 * precaches each content file, under its URL plus `?offline-copy` (a URL the app never asks for); a
 * content request with no network and no runtime copy falls back to that copy.
 */
const OFFLINE_COPY = 'offline-copy';

function offline(): Plugin[] {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false, // src/offline/register.ts registers, after the app is ready
    strategies: 'injectManifest',
    srcDir: 'src/offline',
    filename: 'sw.ts',
    manifestFilename: 'manifest.webmanifest',
    includeManifestIcons: false, // the icons are in assets/, precached by the globs below
    manifest: {
      id: './',
      name: 'Backlot',
      short_name: 'Backlot',
      description: 'An open-source WebXR tour of a working film set.',
      start_url: './',
      scope: './',
      display: 'fullscreen',
      orientation: 'any',
      background_color: '#101116',
      theme_color: '#101116',
      lang: 'en',
      icons: [
        { src: 'assets/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        { src: 'assets/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'assets/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'assets/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    injectManifest: {
      // A classic worker script: module workers are not everywhere (older Safari, Quest Browser).
      rollupFormat: 'iife',
      // Runs in closeBundle, after dist/ is written, so the folders copied above are on disk.
      globPatterns: [
        'index.html',
        'assets/*.{js,css,svg,png,webp}',
        'assets/fonts/*.woff2',
        'assets/audio/**/*.{mp3,vtt,json}',
        'scenes/**/*.json',
      ],
      // The XR emulator is a test hook (?emulate-xr=): no visitor needs it offline.
      globIgnores: ['**/emulation-*.js', '**/office_*.js', '**/*_room-*.js'],
      // Only Vite's content-hashed chunks may skip Workbox's revision hash; everything else under
      // assets/ (audio, font, icons) keeps the same name when it changes.
      dontCacheBustURLsMatching: /^assets\/[^/]+-[A-Za-z0-9_-]{8}\.(?:js|css)$/,
      maximumFileSizeToCacheInBytes: 3 * 1024 * 1024, // the largest file (A-Frame chunk) is ~0.8 MB
      manifestTransforms: [
        (entries) => ({
          manifest: entries.map((e) => (e.url.startsWith('scenes/') ? { ...e, url: `${e.url}?${OFFLINE_COPY}` } : e)),
          warnings: [],
        }),
      ],
    },
  });
}

export default defineConfig({
  // Relative base: the built site works from any static host and any sub-path.
  base: './',
  plugins: [validatedContent(), contentSecurityPolicy(), copyRuntimeFolders(['scenes', 'assets']), onlyOfficeSmallRoom(), offline()],
  build: {
    target: 'es2022',
    // Source maps next to the chunks, not referenced by them (no visitor downloads one): the
    // teardown test reads them to tell Backlot's listeners and timers from A-Frame's and Howler's.
    sourcemap: 'hidden',
    rolldownOptions: {
      // No entry's exports are used by anyone (the app's chunks only run for their effects), so
      // modules shared with the lazy features may go into the main chunk instead of a string of
      // tiny common chunks, each one more request on a slow phone.
      preserveEntrySignatures: false,
    },
    chunkSizeWarningLimit: 2000,
  },
});
