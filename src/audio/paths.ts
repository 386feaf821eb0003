/** Where a language's narration files are, relative to the app (the manifest names files in it). */
export const narrationFolder = (code: string): string => `assets/audio/narration/${code}/`;
export const manifestFile = (code: string): string => `${narrationFolder(code)}manifest.json`;
