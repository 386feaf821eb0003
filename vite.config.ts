import { defineConfig, type Plugin } from 'vite';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Content (scenes/) and media (assets/) are fetched at run time, relative to the page, so a museum
 * can edit the JSON of a built site without rebuilding. The dev server serves them from the project
 * root already; this plugin copies them into the build, keeping their paths.
 */
function copyRuntimeFolders(folders: string[]): Plugin {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : [full];
    });
  return {
    name: 'backlot-copy-runtime-folders',
    apply: 'build',
    generateBundle() {
      for (const folder of folders) {
        for (const file of walk(folder)) {
          if (file.endsWith('.md')) continue; // provenance notes stay in the repo
          this.emitFile({
            type: 'asset',
            fileName: relative('.', file).split(sep).join('/'),
            source: readFileSync(file),
          });
        }
      }
    },
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

export default defineConfig({
  // Relative base: the built site works from any static host and any sub-path.
  base: './',
  plugins: [copyRuntimeFolders(['scenes', 'assets']), onlyOfficeSmallRoom()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
});
