/**
 * The QR sheet for station signs (npm run qr-sheet): one printable HTML page with a card per
 * station (production stage, title, a QR code for `<base>?station=<id>`, the short URL under it).
 * Pure functions; scripts/qr-sheet.ts reads the content and writes the file.
 */
import QRCode from 'qrcode';
import { loadContent, type ReadText } from '../../src/content/load';
import type { Content } from '../../src/content/types';
import { formatProblem } from '../../src/content/validate';
import { SHEET_CSS } from './sheet-css';

/** Error correction Q (25 % of the code can be lost): signs get scuffed, stickered and glared. */
export const QR_OPTIONS = { errorCorrectionLevel: 'Q', margin: 4 } as const;
export const PAPERS = ['a4', 'letter'] as const;
export type Paper = (typeof PAPERS)[number];
/** Cards per printed page: 2 columns × 3 rows, on A4 and on US Letter alike. */
export const CARDS_PER_PAGE = 6;
/** The printed URL's normal size (points); see urlHtml. */
const URL_PT = 9;

export type BaseResult = { readonly ok: true; readonly base: string; readonly note?: string } | { readonly ok: false; readonly error: string };

/**
 * Checks the site's public URL. It must be an absolute http(s) URL with no query, fragment or
 * credentials. A path whose last segment has no dot (`https://museum.org/backlot`) is the app's
 * folder: a slash is added, so the relative-base build's assets resolve (and no redirect, which
 * some hosts do without the query, stands between the QR code and its station). A file path
 * (`…/index.html`) is kept as it is.
 */
export function parseBase(raw: string | undefined): BaseResult {
  if (raw === undefined || raw.trim() === '') return { ok: false, error: 'missing --base <the site\'s public URL>, e.g. --base https://museum.example/backlot/' };
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: `--base "${text}" is not a URL; give the full address, e.g. https://museum.example/backlot/` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, error: `--base "${text}" must start with https:// (or http://), not ${url.protocol}` };
  if (!url.hostname) return { ok: false, error: `--base "${text}" has no host name` };
  if (text.includes('?')) return { ok: false, error: `--base "${text}" must not have a query ("?…"): the sheet adds ?station=<id> itself` };
  if (text.includes('#')) return { ok: false, error: `--base "${text}" must not have a fragment ("#…")` };
  if (url.username || url.password) return { ok: false, error: `--base "${text}" must not contain a user name or password` };
  const last = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
  if (last !== '' && !last.includes('.')) {
    url.pathname += '/';
    return { ok: true, base: url.href, note: `added a trailing slash to --base (the app is a folder): ${url.href}` };
  }
  return { ok: true, base: url.href };
}

export type SheetContent = { readonly ok: true; readonly content: Content } | { readonly ok: false; readonly exitCode: 1 | 2; readonly lines: readonly string[] };

/**
 * The content through the app's own loader and validator (as `npm run check-content` reads it):
 * broken content gives its file + JSON-path lines (exit 1); a --lang the set does not ship is a bad
 * argument (exit 2) rather than a sheet quietly printed in the default language.
 */
export async function loadSheetContent(read: ReadText, lang?: string): Promise<SheetContent> {
  const result = await loadContent(read, lang ? { url: lang } : null);
  if (!result.ok) {
    return { ok: false, exitCode: 1, lines: [...result.problems.map(formatProblem), `qr-sheet: ${result.problems.length} problem(s) in the content; no sheet written.`] };
  }
  if (lang && result.notices.some((n) => n.startsWith('Language '))) {
    return { ok: false, exitCode: 2, lines: [`qr-sheet: --lang "${lang}" is not one of set.json's locales (${result.content.set.locales.join(', ')})`] };
  }
  return { ok: true, content: result.content };
}

/** The link a station's QR code opens. */
export function stationUrl(base: string, stationId: string): string {
  return `${base}?station=${encodeURIComponent(stationId)}`;
}

/** The URL as printed under the code: without "https://" (browsers add it), http:// kept. */
export function shortUrl(url: string): string {
  return url.replace(/^https:\/\//, '');
}

export interface Card {
  readonly id: string;
  readonly title: string;
  readonly stageTitle: string;
  readonly stageColor: string;
  readonly url: string;
  readonly svg: string;
}

/** One card per station, in the guided tour's order (stations outside it follow, in set order). */
export async function buildCards(content: Content, base: string): Promise<Card[]> {
  const { set, locale } = content;
  const order = [...set.tour, ...set.stations.map((s) => s.id).filter((id) => !set.tour.includes(id))];
  const cards: Card[] = [];
  for (const id of order) {
    const station = set.stations.find((s) => s.id === id);
    if (!station) continue;
    const url = stationUrl(base, id);
    cards.push({
      id,
      title: locale.stations[id]?.title ?? id,
      stageTitle: locale.stages[station.stage]?.title ?? station.stage,
      stageColor: set.stages.find((s) => s.id === station.stage)?.color ?? '#999999',
      url,
      svg: await QRCode.toString(url, { type: 'svg', ...QR_OPTIONS }),
    });
  }
  return cards;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The QR code's SVG made an accessible image, without its fixed size (CSS sizes it). */
function qrImage(card: Card): string {
  return card.svg.trim().replace('<svg ', `<svg class="qr" role="img" aria-label="QR code: ${escapeHtml(card.url)}" `);
}

/**
 * The printed URL on two lines, the site and then `?station=<id>`, the same on every card, so a
 * line never breaks inside either (a break at a hyphen of the id would misread). A line too long
 * for the card at the normal size gets a smaller font (down to 6 pt).
 */
function urlHtml(url: string): string {
  const short = shortUrl(url);
  const at = short.lastIndexOf('?');
  const parts = at > 0 ? [short.slice(0, at), short.slice(at)] : [short];
  const longest = Math.max(...parts.map((p) => p.length));
  // Monospace: one character is 0.6 em wide; a card holds about 82 mm of text (387 pt-characters).
  const pt = Math.max(6, Math.min(URL_PT, Math.floor((387 / longest) * 10) / 10));
  const style = pt < URL_PT ? ` style="font-size: ${pt}pt"` : '';
  return `<p class="url"${style}>${parts.map((p) => `<span>${escapeHtml(p)}</span>`).join('')}</p>`;
}

function cardHtml(card: Card, stageLabel: string): string {
  return `<article class="card" id="station-${escapeHtml(card.id)}" style="--stage: ${escapeHtml(card.stageColor)}">
  <p class="stage"><span class="stage-label">${escapeHtml(stageLabel)}</span> <span class="stage-title">${escapeHtml(card.stageTitle)}</span></p>
  <h2>${escapeHtml(card.title)}</h2>
  ${qrImage(card)}
  ${urlHtml(card.url)}
</article>`;
}

export interface SheetOptions {
  readonly paper: Paper;
}

/** The whole page: cards in pages of CARDS_PER_PAGE, print CSS for the chosen paper. */
export function renderSheet(content: Content, cards: readonly Card[], { paper }: SheetOptions): string {
  const { locale } = content;
  const pages: string[] = [];
  for (let i = 0; i < cards.length; i += CARDS_PER_PAGE) {
    pages.push(`<section class="page">\n${cards.slice(i, i + CARDS_PER_PAGE).map((c) => cardHtml(c, locale.ui.stage)).join('\n')}\n</section>`);
  }
  const paperName = paper === 'a4' ? 'A4' : 'US Letter';
  return `<!doctype html>
<html lang="${escapeHtml(locale.locale)}" dir="${locale.dir ?? 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(locale.ui.appTitle)} — QR codes (${paperName})</title>
<style>
${SHEET_CSS[paper]}
</style>
</head>
<body class="paper-${paper}">
<header class="screen-only">
  <p><strong>${cards.length} station cards, ${pages.length} ${paperName} pages.</strong> Print at 100 % (“actual size”, not “fit to page”), portrait, on ${paperName} paper. Cut along the dashed lines; each card keeps a white margin inside its cut line.</p>
</header>
<main>
${pages.join('\n')}
</main>
</body>
</html>
`;
}
