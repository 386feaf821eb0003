/**
 * Renders a QR sheet in the system Chromium (Puppeteer; .puppeteerrc.cjs names the browser):
 * a PDF at the sheet's own @page size, and/or a PNG of its first page as printed (print media),
 * stored as a lossless palette PNG when it can be (see png-palette.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer';
import { toPalettePng } from './png-palette';
import type { Paper } from './sheet';

/** CSS px of one page at 96 dpi, per paper: the PNG's size (small enough for docs/, QR modules still ~5 px). */
const PAGE_PX: Record<Paper, { width: number; height: number }> = {
  a4: { width: 794, height: 1123 },
  letter: { width: 816, height: 1056 },
};

export async function renderSheetFile(htmlFile: string, paper: Paper, { pdf, png }: { pdf?: string; png?: string }): Promise<void> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'backlot-qr-chromium-'));
  const browser = await puppeteer.launch({ headless: true, userDataDir, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
    if (pdf) await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    if (png) {
      // As printed: print media, one page's width; the page margins become white padding.
      await page.emulateMediaType('print');
      const size = PAGE_PX[paper];
      await page.setViewport({ ...size, deviceScaleFactor: 1 });
      await page.addStyleTag({ content: 'body { padding: 8mm; } .page ~ .page { display: none; }' });
      const shot = Buffer.from(await page.screenshot({ type: 'png', clip: { x: 0, y: 0, ...size } }));
      await writeFile(png, toPalettePng(shot) ?? shot);
    }
  } finally {
    await browser.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
