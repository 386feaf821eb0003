/**
 * Print CSS of the QR sheet, per paper. Each page is a 2 × 3 grid of cards sized in millimetres to
 * fit inside the page's 8 mm margins with slack (a rounding overflow would push a row onto a page
 * of its own). Cards never split across pages (each page is its own block, cards avoid breaks);
 * each card's dashed border is its cut line, with a white margin inside it, so a slightly
 * crooked cut loses nothing. Colours that matter are borders, which print even with "background
 * graphics" off. On screen the same pages are shown as sheets of paper.
 */
import type { Paper } from './sheet';

interface PaperSize {
  readonly page: string;
  readonly width: number;
  readonly height: number;
  readonly card: readonly [number, number];
  readonly qr: number;
}

const MARGIN = 8;
const SIZES: Record<Paper, PaperSize> = {
  a4: { page: 'A4', width: 210, height: 297, card: [94, 90], qr: 52 },
  letter: { page: 'letter', width: 215.9, height: 279.4, card: [96, 84], qr: 46 },
};

function css(p: PaperSize): string {
  return `@page { size: ${p.page} portrait; margin: ${MARGIN}mm; }
:root { --card-w: ${p.card[0]}mm; --card-h: ${p.card[1]}mm; --qr: ${p.qr}mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #d9d9d9; color: #111; font-family: Inter, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
.screen-only { max-width: ${p.width}mm; margin: 6mm auto 0; font-size: 11pt; line-height: 1.4; }
.page {
  width: ${p.width}mm; height: ${p.height}mm; margin: 6mm auto; padding: ${MARGIN}mm; background: #fff;
  box-shadow: 0 1mm 4mm rgb(0 0 0 / 0.3);
  display: grid; grid-template-columns: repeat(2, var(--card-w)); grid-auto-rows: var(--card-h);
  gap: 4mm; justify-content: center; align-content: start;
}
.card {
  break-inside: avoid; page-break-inside: avoid; overflow: hidden;
  border: 0.3mm dashed #8c8c8c; padding: 4.5mm 5mm 4mm;
  display: flex; flex-direction: column; align-items: center; text-align: center;
}
.stage {
  align-self: stretch; margin: 0 0 1.5mm; padding-top: 1.8mm; border-top: 2.5mm solid var(--stage);
  font-size: 9pt; line-height: 1.2; letter-spacing: 0.02em;
}
.stage-label { color: #555; }
.stage-title { font-weight: 700; }
.card h2 {
  margin: 0; font-size: 15pt; line-height: 1.15; font-weight: 700;
  height: 2.3em; display: flex; align-items: center; justify-content: center;
}
.qr { display: block; width: var(--qr); height: var(--qr); margin: 1.5mm auto 0.5mm; flex: none; }
.url { margin: 0; font-family: "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: 9pt; line-height: 1.3; }
.url span { display: block; white-space: nowrap; }
@media print {
  body { background: none; }
  .screen-only { display: none; }
  .page { width: auto; height: auto; margin: 0; padding: 0; box-shadow: none; break-after: page; page-break-after: always; }
  .page:last-child { break-after: auto; page-break-after: auto; }
}`;
}

export const SHEET_CSS: Record<Paper, string> = { a4: css(SIZES.a4), letter: css(SIZES.letter) };
