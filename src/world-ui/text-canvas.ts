import { FONT_STACK } from '../ui/fonts';

/**
 * Context options for every canvas that becomes a texture. A CPU-backed canvas uploads to the GPU
 * straight from memory; a GPU-accelerated one must be read back first, which cost 0.5–2 s per
 * atlas on software GL (measured in the bench's first-frame time) and gains nothing on headsets.
 */
export const SOFTWARE_CANVAS: CanvasRenderingContext2DSettings = { willReadFrequently: true };

/** Splits text into lines that fit maxWidth with the context's current font. */
export function wrapText(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (ctx.measureText(candidate).width <= maxWidth || !line) line = candidate;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

export const font = (px: number, bold = false): string => `${bold ? 700 : 400} ${Math.round(px)}px ${FONT_STACK}`;

export interface PanelSection {
  readonly heading?: string;
  readonly body: string;
}

export interface PanelSpec {
  readonly kicker: string;
  readonly kickerColor: string;
  readonly title: string;
  readonly sections: readonly PanelSection[];
  readonly footer?: string;
  /** 1, 1.25 or 1.5: the visitor's text-size setting. */
  readonly scale: number;
  readonly highContrast: boolean;
}

export interface PanelImage {
  readonly canvas: HTMLCanvasElement;
  /** Width and height in metres at which the canvas should be shown. */
  readonly width: number;
  readonly height: number;
}

/** Pixels per metre of panel: high enough that text stays crisp at reading distance. */
const PX_PER_M = 1000;

/**
 * Draws an explanation panel: a dark card with a coloured kicker (stage or department), a title and
 * titled sections. The panel grows wider and taller with the text-size setting instead of shrinking
 * the text, so "large text" really is larger in the scene.
 */
export function drawPanel(spec: PanelSpec, canvas: HTMLCanvasElement = document.createElement('canvas')): PanelImage {
  const widthM = 1.15 * (0.7 + 0.3 * spec.scale);
  const W = Math.round(widthM * PX_PER_M);
  const pad = 48;
  const inner = W - pad * 2;
  const s = spec.scale;
  const ctx = canvas.getContext('2d', SOFTWARE_CANVAS)!;
  const sizes = { kicker: 26 * s, title: 54 * s, heading: 28 * s, body: 32 * s, footer: 26 * s };

  type Line = { text: string; font: string; color: string; size: number; gapBefore: number };
  const fg = spec.highContrast ? '#ffffff' : '#f1efe9';
  const muted = spec.highContrast ? '#ffffff' : '#c9c4b8';
  const accent = spec.highContrast ? '#ffe14d' : '#ffd166';
  const lines: Line[] = [];
  const add = (text: string, f: string, color: string, size: number, gapBefore: number): void => {
    ctx.font = f;
    wrapText(ctx, text, inner).forEach((t, i) => lines.push({ text: t, font: f, color, size, gapBefore: i === 0 ? gapBefore : 0 }));
  };
  add(spec.kicker.toUpperCase(), font(sizes.kicker, true), spec.highContrast ? accent : spec.kickerColor, sizes.kicker, 0);
  add(spec.title, font(sizes.title, true), fg, sizes.title, 10 * s);
  spec.sections.forEach((section, i) => {
    if (section.heading) add(section.heading, font(sizes.heading, true), accent, sizes.heading, (i === 0 ? 22 : 30) * s);
    add(section.body, font(sizes.body), i === 0 ? fg : muted, sizes.body, section.heading ? 8 * s : 22 * s);
  });
  if (spec.footer) add(spec.footer, font(sizes.footer), muted, sizes.footer, 30 * s);

  const lineHeight = (l: Line): number => l.size * 1.32;
  const contentH = lines.reduce((h, l) => h + l.gapBefore + lineHeight(l), 0);
  const H = Math.ceil(contentH + pad * 2);
  canvas.width = W;
  canvas.height = H;

  ctx.clearRect(0, 0, W, H);
  const r = 28;
  ctx.beginPath();
  ctx.roundRect(0, 0, W, H, r);
  ctx.fillStyle = spec.highContrast ? '#000000' : 'rgba(18, 20, 26, 0.97)';
  ctx.fill();
  ctx.lineWidth = spec.highContrast ? 8 : 4;
  ctx.strokeStyle = spec.highContrast ? '#ffffff' : spec.kickerColor;
  ctx.stroke();
  ctx.fillStyle = spec.kickerColor;
  ctx.fillRect(pad, pad - 22, 90, 8);

  let y = pad;
  ctx.textBaseline = 'top';
  for (const l of lines) {
    y += l.gapBefore;
    ctx.font = l.font;
    ctx.fillStyle = l.color;
    ctx.fillText(l.text, pad, y + (lineHeight(l) - l.size) / 2);
    y += lineHeight(l);
  }
  return { canvas, width: W / PX_PER_M, height: H / PX_PER_M };
}
