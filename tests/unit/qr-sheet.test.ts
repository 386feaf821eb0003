import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import type { ReadText } from '../../src/content/load';
import type { Content } from '../../src/content/types';
import { CARDS_PER_PAGE, QR_OPTIONS, buildCards, loadSheetContent, parseBase, renderSheet, shortUrl, stationUrl, type Card } from '../../scripts/qr/sheet';
import { memoryReader, nth, validFiles, validLocale, validSet } from './fixtures';

const ROOT = resolve(import.meta.dirname, '../..');
const BASE = 'https://museum.example/backlot/';
/** The repository's own scenes/, read like the CLI reads them. */
const repoReader: ReadText = async (file) => readFile(resolve(ROOT, file), 'utf8').catch(() => null);

async function repoContent(lang?: string): Promise<Content> {
  const loaded = await loadSheetContent(repoReader, lang);
  if (!loaded.ok) throw new Error(loaded.lines.join('\n'));
  return loaded.content;
}

/** Dark modules drawn by qrcode's SVG path ("M x y" row starts, "m dx 0" skips, "h n" runs). */
function darkModules(svg: string): { size: number; dark: Set<string> } {
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]);
  const d = /<path stroke="[^"]+" d="([^"]+)"/.exec(svg)?.[1] ?? '';
  const dark = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, cmd, a, b] of d.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (cmd === 'M') { x = Number(a); y = Math.floor(Number(b)); }
    else if (cmd === 'm') x += Number(a);
    else for (let i = 0; i < Number(a); i++) dark.add(`${x++},${y}`);
  }
  return { size, dark };
}

/** What a reader would decode: the text of the code's data segments. */
function segmentText(url: string): string {
  return QRCode.create(url, QR_OPTIONS).segments.map((s) => (typeof s.data === 'string' ? s.data : new TextDecoder().decode(s.data as unknown as Uint8Array))).join('');
}

describe('parseBase', () => {
  it.each([
    ['https://museum.example/backlot/', 'https://museum.example/backlot/'],
    ['http://192.168.1.20:8080/', 'http://192.168.1.20:8080/'],
    ['https://museum.example', 'https://museum.example/'],
    ['  https://Museum.Example/tour/index.html ', 'https://museum.example/tour/index.html'],
  ])('accepts %s as %s', (raw, base) => {
    expect(parseBase(raw)).toMatchObject({ ok: true, base });
  });

  it('adds a slash to a folder path, and says so', () => {
    const r = parseBase('https://museum.example/backlot');
    expect(r).toEqual({ ok: true, base: 'https://museum.example/backlot/', note: expect.stringContaining('trailing slash') });
    expect(parseBase('https://museum.example/backlot/')).not.toHaveProperty('note');
  });

  it.each([
    [undefined, /missing --base/],
    ['', /missing --base/],
    ['museum.example/backlot/', /is not a URL/],
    ['not a url', /is not a URL/],
    ['ftp://museum.example/', /must start with https:\/\//],
    ['file:///srv/backlot/', /must start with https:\/\//],
    ['https://museum.example/?lang=es', /must not have a query/],
    ['https://museum.example/?', /must not have a query/],
    ['https://museum.example/#top', /must not have a fragment/],
    ['https://user:secret@museum.example/', /user name or password/],
  ])('refuses %s with one line', (raw, message) => {
    const r = parseBase(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(message);
      expect(r.error).not.toContain('\n');
    }
  });
});

describe('station URLs', () => {
  it('adds ?station=<id> to the base and prints it without https://', () => {
    expect(stationUrl(BASE, 'led-volume')).toBe('https://museum.example/backlot/?station=led-volume');
    expect(stationUrl('https://museum.example/tour/index.html', 'camera')).toBe('https://museum.example/tour/index.html?station=camera');
    expect(shortUrl('https://museum.example/backlot/?station=camera')).toBe('museum.example/backlot/?station=camera');
    expect(shortUrl('http://10.0.0.5/?station=camera')).toBe('http://10.0.0.5/?station=camera');
  });
});

describe('cards from the repository content', () => {
  it('has one card per station, in tour order, with its title and stage from the locale', async () => {
    const content = await repoContent();
    const cards = await buildCards(content, BASE);
    expect(cards.map((c) => c.id)).toEqual([...content.set.tour]);
    expect(new Set(cards.map((c) => c.id))).toEqual(new Set(content.set.stations.map((s) => s.id)));
    for (const card of cards) {
      const station = content.set.stations.find((s) => s.id === card.id)!;
      expect(card.title).toBe(content.locale.stations[card.id]!.title);
      expect(card.stageTitle).toBe(content.locale.stages[station.stage]!.title);
      expect(card.url).toBe(`${BASE}?station=${card.id}`);
    }
  });

  it("encodes each card's URL: the data segments read back as the URL, the drawing is that code with its quiet zone", async () => {
    const cards = await buildCards(await repoContent(), BASE);
    for (const card of cards) {
      expect(segmentText(card.url)).toBe(card.url);
      const code = QRCode.create(card.url, QR_OPTIONS);
      expect(code.errorCorrectionLevel.bit).toBe(QRCode.create('x', { errorCorrectionLevel: 'Q' }).errorCorrectionLevel.bit);
      const { size, dark } = darkModules(card.svg);
      const n = code.modules.size;
      expect(size).toBe(n + 2 * QR_OPTIONS.margin);
      expect(dark.size).toBeGreaterThan(n * 4);
      const expected = new Set<string>();
      for (let i = 0; i < n * n; i++) if (code.modules.data[i]) expected.add(`${(i % n) + QR_OPTIONS.margin},${Math.floor(i / n) + QR_OPTIONS.margin}`);
      expect(dark).toEqual(expected);
      expect(card.svg).toContain(`<path fill="#ffffff" d="M0 0h${size}v${size}H0z"/>`);
    }
  });

  it('uses the requested language', async () => {
    const cards = await buildCards(await repoContent('es'), BASE);
    expect(cards.find((c) => c.id === 'development')?.title).toBe('Desarrollo');
  });
});

describe('renderSheet', () => {
  const sheet = async (paper: 'a4' | 'letter'): Promise<{ html: string; cards: Card[] }> => {
    const content = await repoContent();
    const cards = await buildCards(content, BASE);
    return { html: renderSheet(content, cards, { paper }), cards };
  };

  it('has every card, its QR code labelled with the URL, in pages of six', async () => {
    const { html, cards } = await sheet('a4');
    for (const card of cards) {
      expect(html).toContain(`id="station-${card.id}"`);
      expect(html).toContain(`<h2>${card.title}</h2>`);
      expect(html).toContain(`aria-label="QR code: ${card.url}"`);
      expect(html).toContain(`<span>?station=${card.id}</span>`);
    }
    expect(html.match(/<section class="page">/g)).toHaveLength(Math.ceil(cards.length / CARDS_PER_PAGE));
    expect(html).toContain('<html lang="en" dir="ltr">');
  });

  it('sets the paper size and keeps cards whole', async () => {
    expect((await sheet('a4')).html).toContain('@page { size: A4 portrait;');
    const { html } = await sheet('letter');
    expect(html).toContain('@page { size: letter portrait;');
    expect(html).toMatch(/\.card \{[^}]*break-inside: avoid/);
  });

  it('is self-contained: nothing to fetch', async () => {
    const { html } = await sheet('a4');
    expect(html).not.toMatch(/\b(src|href)=|url\(|@import/);
  });

  it('escapes content text', async () => {
    const files = validFiles();
    const locale = validLocale();
    locale.stations.camera!.title = 'Camera <b>& "grip"</b>';
    files['scenes/locales/en.json'] = locale;
    const loaded = await loadSheetContent(memoryReader(files));
    if (!loaded.ok) throw new Error(loaded.lines.join('\n'));
    const html = renderSheet(loaded.content, await buildCards(loaded.content, BASE), { paper: 'a4' });
    expect(html).toContain('<h2>Camera &lt;b&gt;&amp; &quot;grip&quot;&lt;/b&gt;</h2>');
  });
});

describe('loadSheetContent', () => {
  it('reports broken content with file and JSON path (exit 1)', async () => {
    const files = validFiles();
    const set = validSet();
    nth(set.stations, 0).stage = 'no-such-stage';
    files['scenes/set.json'] = set;
    const loaded = await loadSheetContent(memoryReader(files));
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.exitCode).toBe(1);
      expect(loaded.lines[0]).toMatch(/^scenes\/set\.json \$\.stations\[0\]\.stage: /);
      expect(loaded.lines.at(-1)).toMatch(/problem\(s\) in the content/);
    }
  });

  it('refuses a language the set does not ship (exit 2)', async () => {
    const loaded = await loadSheetContent(memoryReader(validFiles()), 'fr');
    expect(loaded).toEqual({ ok: false, exitCode: 2, lines: [expect.stringContaining('--lang "fr" is not one of')] });
  });
});

describe('npm run qr-sheet', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), resolve(ROOT, 'scripts/qr-sheet.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

  it.each([[[]], [['--base', 'ftp://museum.example/']], [['--base', 'https://museum.example/?x=1']]])('exits 2 with one error line for %j', (args) => {
    const r = cli(...args);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^qr-sheet: /);
  }, 20_000);
});
