// npm run qr-sheet -- --base <the site's public URL> [--out <file>] [--lang <code>] [--paper a4|letter]
//                     [--pdf <file>] [--png <file>] [--root <app folder>]
//
// Writes one printable HTML page (default qr-sheet.html) with a card per station: production
// stage, title, a QR code for <base>?station=<id> and the short URL. Content comes from
// scenes/set.json and scenes/locales/<lang>.json (default: set.json's defaultLocale) through the
// app's own loader and validator, so broken content gets the same file + JSON-path messages as
// `npm run check-content`. --pdf / --png also render it in Chromium (PDF at the chosen paper size;
// PNG: the first page). Exit codes: 0 written, 1 content problems, 2 bad arguments or --base.
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PAPERS, buildCards, loadSheetContent, parseBase, renderSheet, type Paper } from './qr/sheet';

const usage = 'usage: npm run qr-sheet -- --base https://museum.example/backlot/ [--out qr-sheet.html] [--lang <code>] [--paper a4|letter] [--pdf <file>] [--png <file>]';
function bad(message: string): never {
  console.error(`qr-sheet: ${message}`);
  process.exit(2);
}

function args(): Record<string, string | undefined> {
  try {
    return parseArgs({
      options: {
        base: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' }, paper: { type: 'string' },
        pdf: { type: 'string' }, png: { type: 'string' }, root: { type: 'string' },
      },
    }).values;
  } catch (err) {
    return bad(`${err instanceof Error ? err.message : String(err)} (${usage})`);
  }
}

const values = args();
const base = parseBase(values.base);
if (!base.ok) bad(base.error);
const paper = (values.paper ?? 'a4').toLowerCase() as Paper;
if (!PAPERS.includes(paper)) bad(`--paper must be ${PAPERS.join(' or ')}, not "${values.paper}"`);
if (base.note) console.error(`qr-sheet: ${base.note}`);

const root = resolve(values.root ?? '.');
const read = async (file: string): Promise<string | null> => {
  try {
    return await readFile(resolve(root, file), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
};
const loaded = await loadSheetContent(read, values.lang);
if (!loaded.ok) {
  for (const line of loaded.lines) console.error(line);
  process.exit(loaded.exitCode);
}
const { content } = loaded;

const cards = await buildCards(content, base.base);
const out = resolve(values.out ?? 'qr-sheet.html');
await writeFile(out, renderSheet(content, cards, { paper }));
console.log(`qr-sheet: ${cards.length} station cards (${content.locale.locale}, ${paper === 'a4' ? 'A4' : 'US Letter'}) for ${base.base} → ${out}`);
if (values.pdf || values.png) {
  const { renderSheetFile } = await import('./qr/render');
  const pdf = values.pdf ? resolve(values.pdf) : undefined;
  const png = values.png ? resolve(values.png) : undefined;
  await renderSheetFile(out, paper, { pdf, png });
  for (const f of [pdf, png]) if (f) console.log(`qr-sheet: rendered → ${f}`);
}
