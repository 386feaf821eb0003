// Renders the loading screen's still of the stage, assets/poster/start.webp, from the built app
// (run `npm run build` first): the start view shot at 1280×720 with role tags and signs as a
// visitor's first frame has them and no interface over it, softened, darkened and stored at 960×540.
// The loading screen shows it behind the progress bar, so something meaningful paints before any
// script has run (see #boot in index.html).
// Writes assets/poster/source.json with the sha256 of the content files it shows; the build warns
// when one of them has changed since. A change to how the set is drawn (src/set/) is not tracked:
// run this again after one.
//   npm run build && npm run build:poster
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../tests/e2e/lib/browser.mjs';
import { ROOT, vitePreview } from '../tests/e2e/lib/server.mjs';

export const POSTER_SOURCES = ['scenes/set.json', 'scenes/locales/en.json'];
const OUT = join(ROOT, 'assets', 'poster');
/** As index.html's <img width height>: half the shot's size is plenty for a blurred still. */
const SIZE = { width: 960, height: 540 };

const srv = await vitePreview(join(ROOT, 'dist'));
const { browser, close } = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720, deviceScaleFactor: 1 });
  await page.goto(`${srv.url}?lang=en`);
  await page.waitForFunction(() => document.body.dataset.backlot === 'ready', { timeout: 120_000 });
  // Only the 3D view: everything in the page but the canvas is hidden.
  await page.addStyleTag({ content: 'body * { visibility: hidden !important; } canvas.a-canvas { visibility: visible !important; }' });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const shot = await page.screenshot({ type: 'png', encoding: 'base64' });
  // Softened and darkened here, once, rather than by a CSS filter on the loading screen: a
  // full-screen blur is redrawn by the compositor every frame the loading screen animates, and on a
  // software GPU that doubled the time to the first frame. Blurred, it also needs fewer pixels.
  const dataUrl = await page.evaluate(async (png, { width, height }) => {
    const img = new Image();
    img.src = `data:image/png;base64,${png}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const c = canvas.getContext('2d');
    c.filter = 'blur(3px) brightness(0.6)';
    // Drawn a little larger than the canvas so the blur has no dark rim at the edges.
    c.drawImage(img, -8, -5, width + 16, height + 10);
    return canvas.toDataURL('image/webp', 0.7);
  }, shot, SIZE);
  const image = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'start.webp'), image);
  const hashes = Object.fromEntries(POSTER_SOURCES.map((f) => [f, createHash('sha256').update(readFileSync(join(ROOT, f))).digest('hex')]));
  writeFileSync(join(OUT, 'source.json'), `${JSON.stringify(hashes, null, 2)}\n`);
  console.log(`build-poster: assets/poster/start.webp (${(image.length / 1024).toFixed(1)} KB) from ${POSTER_SOURCES.join(', ')}`);
} finally {
  await close();
  await srv.stop();
}
