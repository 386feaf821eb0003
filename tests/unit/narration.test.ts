import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load';
import { ARRIVAL_SOUNDS, type Content } from '../../src/content/types';
import { checkManifest, manifestFile, narrationFolder, SET_SOUNDS, type NarrationManifest } from '../../src/audio/manifest';
import { quietOnSetScript, scriptText, stationNarration } from '../../src/audio/narration-script';
import { parseVtt } from '../../src/audio/vtt';
import setSchema from '../../scenes/schema/set.schema.json';
import { sha256 } from '../../scripts/audio/hash';

/**
 * Narration freshness: every station of every shipped language has narration audio and captions
 * made from its current text. When this fails after a text edit, run `npm run build:narration`
 * (or record the station and set its manifest entry's source to "recorded").
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = async (file: string): Promise<string | null> => (existsSync(join(ROOT, file)) ? readFileSync(join(ROOT, file), 'utf8') : null);

const base = await loadContent(read);
if (!base.ok) throw new Error('scenes/ content is invalid; run npm run check-content');
const languages: [string, Content][] = [];
for (const code of base.content.set.locales) {
  const loaded = await loadContent(read, code);
  if (!loaded.ok) throw new Error(`${code}: content is invalid`);
  languages.push([code, loaded.content]);
}

describe.each(languages)('narration in %s', (code, content) => {
  const file = manifestFile(code);
  const folder = join(ROOT, narrationFolder(code));
  const manifest = ((): NarrationManifest => {
    const text = existsSync(join(ROOT, file)) ? readFileSync(join(ROOT, file), 'utf8') : null;
    expect(text, `${file} is missing: run npm run build:narration`).not.toBeNull();
    const checked = checkManifest(JSON.parse(text!));
    if (!checked.ok) throw new Error(`${file} ${checked.path}: ${checked.message}`);
    return checked.manifest;
  })();

  it('has a manifest for this language', () => {
    expect(manifest.locale).toBe(code);
  });

  it.each(content.set.stations.map((s) => s.id))('%s: audio and captions exist and match the current text', (id) => {
    const entry = manifest.stations[id];
    expect(entry, `${file}: no narration for station "${id}"; run npm run build:narration`).toBeDefined();
    const script = stationNarration(content.locale, id);
    expect(entry!.textHash, `${code}/${id}: the station text changed since its narration was made; run npm run build:narration`).toBe(sha256(scriptText(script)));
    const audio = join(folder, entry!.audio);
    expect(existsSync(audio) && statSync(audio).size > 1000, `${audio} is missing or empty`).toBe(true);
    const vtt = parseVtt(readFileSync(join(folder, entry!.captions), 'utf8'));
    if (!vtt.ok) throw new Error(`${entry!.captions}: ${vtt.error}`);
    expect(vtt.cues.length).toBeGreaterThan(3);
    // Cues in order, inside the audio.
    vtt.cues.forEach((cue, i) => {
      expect(cue.end).toBeGreaterThan(cue.start);
      if (i > 0) expect(cue.start).toBeGreaterThanOrEqual(vtt.cues[i - 1]!.end - 0.001);
    });
    expect(vtt.cues.at(-1)!.end).toBeLessThanOrEqual(entry!.duration + 0.05);
    if (entry!.source === 'generated') {
      // Generated captions say exactly the script, in order.
      expect(vtt.cues.map((c) => c.text).join(' ')).toBe(scriptText(script).replace(/\n/g, ' '));
    }
  });

  it('has the set-sounds sprite, with "quiet on set" in this language', () => {
    expect(manifest.setSounds.textHash).toBe(sha256(scriptText(quietOnSetScript(content.locale))));
    expect(existsSync(join(folder, manifest.setSounds.audio))).toBe(true);
    expect(Object.keys(manifest.setSounds.sprite).sort()).toEqual([...SET_SOUNDS].sort());
  });
});

describe('set sound', () => {
  it('every ambience file exists, and arrival sounds are the sprite sounds', () => {
    const audio = base.content.set.audio!;
    for (const [id, a] of Object.entries(audio.ambience)) expect(existsSync(join(ROOT, a.file)), `${id}: ${a.file}`).toBe(true);
    const schemaEnum = (setSchema as { $defs: { station: { properties: { arrivalSounds: { items: { enum: string[] } } } } } }).$defs.station.properties.arrivalSounds.items.enum;
    expect(schemaEnum.sort()).toEqual([...ARRIVAL_SOUNDS].sort());
  });

  it('the manifest check names the path of a problem', () => {
    expect(checkManifest({ version: 1, locale: 'en', stations: { camera: { audio: '../x.mp3', captions: 'c.vtt', duration: 3, textHash: 'a' } } })).toEqual({ ok: false, path: '$.stations.camera.audio', message: 'must be a plain file name in the same folder' });
    expect(checkManifest([])).toEqual({ ok: false, path: '$', message: 'must be an object' });
  });
});
