import { describe, expect, it } from 'vitest';
import { drawPanel, fitText, font, graphemes, MAX_PANEL_PX, wrapText, type PanelSpec } from '../../src/world-ui/text-canvas';
import { drawCard } from '../../src/world-ui/billboards';
import { FakeContext, fakeCanvas, measure } from './fixtures/fake-canvas';

const JA = '映画の撮影現場では、多くの人がそれぞれの仕事をしています。カメラ、照明、録音の「技術スタッフ」が一緒に働きます。';
const ZH = '电影的制作分为开发、前期制作、拍摄和后期制作四个阶段。';
const AR = 'يعمل مدير التصوير مع المخرج على إضاءة كل مشهد واختيار العدسات المناسبة لكل لقطة';
const TH = 'ภาษาไทยไม่มีช่องว่างระหว่างคำแต่มีคำ';

/** A context with a 20 px font: CJK characters are 20 px wide, Latin ones 11 px, spaces 6 px. */
function ctx20(): FakeContext {
  const ctx = new FakeContext();
  ctx.font = font(20);
  return ctx;
}
const widthOf = (text: string): number => measure(text, font(20));

describe('wrapText: line breaking for every script', () => {
  it('Japanese breaks between characters, never before 、。 or a closing bracket, nor after an opening one', () => {
    const lines = wrapText(ctx20().asContext(), JA, 200, { lang: 'ja' });
    expect(lines.length).toBeGreaterThan(4);
    expect(lines.join('')).toBe(JA); // nothing lost, no spaces invented
    for (const line of lines) {
      expect(widthOf(line)).toBeLessThanOrEqual(200);
      expect(line).not.toMatch(/^[、。」]/u);
      expect(line).not.toMatch(/「$/u);
    }
    // Lines are filled: each but the last has no room for the next line's first character.
    lines.slice(0, -1).forEach((line, i) => expect(widthOf(line + lines[i + 1]!.slice(0, 2))).toBeGreaterThan(200));
  });

  it('Chinese, with the runtime\'s default language', () => {
    const lines = wrapText(ctx20().asContext(), ZH, 150);
    expect(lines.join('')).toBe(ZH);
    expect(lines.every((l) => widthOf(l) <= 150 && !/^[、。，]/u.test(l))).toBe(true);
  });

  it('Japanese mixed with a Latin word keeps the word whole', () => {
    const text = '撮影ではDaVinciResolveやUnrealEngineを使います';
    // "DaVinciResolve" is 154 px: it fits a 180 px line on its own.
    const lines = wrapText(ctx20().asContext(), text, 180, { lang: 'ja' });
    expect(lines.join('')).toBe(text);
    expect(lines.some((l) => l.includes('DaVinciResolve'))).toBe(true);
    expect(lines.some((l) => l.includes('UnrealEngine'))).toBe(true);
  });

  it('Arabic breaks only at spaces', () => {
    const lines = wrapText(ctx20().asContext(), AR, 160, { lang: 'ar' });
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(' ')).toBe(AR);
    const words = new Set(AR.split(' '));
    for (const line of lines) for (const word of line.split(' ')) expect(words.has(word), word).toBe(true);
  });

  it('Thai breaks between the words Intl.Segmenter finds, not inside them', () => {
    // 90 px holds the longest word (ระหว่าง: tone marks and vowel signs take no room).
    const lines = wrapText(ctx20().asContext(), TH, 90, { lang: 'th' });
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(TH);
    const words = Array.from(new Intl.Segmenter('th', { granularity: 'word' }).segment(TH), (s) => s.segment);
    // Every line boundary is a word boundary.
    let at = 0;
    const boundaries = new Set(words.map((w) => (at += w.length)));
    let pos = 0;
    for (const line of lines.slice(0, -1)) expect(boundaries.has((pos += line.length))).toBe(true);
  });

  it('a single word longer than the line is broken between graphemes so every line fits', () => {
    const word = 'Supercalifragilisticexpialidocious';
    const lines = wrapText(ctx20().asContext(), `A ${word} day`, 100);
    expect(lines).toEqual(['A', 'Supercali', 'fragilist', 'icexpiali', 'docious', 'day']);
    expect(lines.every((l) => widthOf(l) <= 100)).toBe(true);
    // The last piece of the word shares its line with what follows when there is room.
    expect(wrapText(ctx20().asContext(), `${word} a`, 100).slice(-1)).toEqual(['docious a']);
  });

  it('…never inside an emoji sequence or a letter with its combining marks', () => {
    const family = '👩‍👩‍👧‍👦';
    const text = `${family.repeat(6)}e\u0301e\u0301e\u0301e\u0301`;
    const lines = wrapText(ctx20().asContext(), text, 24);
    expect(lines.join('')).toBe(text);
    for (const line of lines) expect(graphemes(line).every((g) => g === family || g === 'e\u0301')).toBe(true);
  });

  it('paragraphs, collapsed spaces and no-break spaces', () => {
    const lines = wrapText(ctx20().asContext(), 'one  two\n\nthree\u00a0four five', 1000);
    expect(lines).toEqual(['one two', '', 'three\u00a0four five']);
    // A no-break space glues its words: "10 m" never splits.
    expect(wrapText(ctx20().asContext(), 'wide 10\u00a0m', 60)).toEqual(['wide', '10\u00a0m']);
  });

  it('a language tag the runtime refuses does not throw', () => {
    expect(wrapText(ctx20().asContext(), 'a b', 1000, { lang: 'not a tag!' })).toEqual(['a b']);
  });

  it('without Intl.Segmenter (older browsers) it still breaks CJK by character and Latin at spaces', () => {
    const saved = Intl.Segmenter;
    Object.defineProperty(Intl, 'Segmenter', { value: undefined, configurable: true, writable: true });
    try {
      // A language not used elsewhere in this file: segmenters are cached per language.
      expect(wrapText(ctx20().asContext(), JA, 200, { lang: 'ja-JP' }).join('')).toBe(JA);
      expect(wrapText(ctx20().asContext(), 'one two three', 80, { lang: 'en-GB' })).toEqual(['one two', 'three']);
    } finally {
      Object.defineProperty(Intl, 'Segmenter', { value: saved, configurable: true, writable: true });
    }
  });
});

const panel = (over: Partial<PanelSpec>): PanelSpec => ({
  kicker: 'المرحلة: الإنتاج',
  kickerColor: '#ff8800',
  title: 'الكاميرا',
  sections: [{ body: AR }, { heading: 'كيف تغيّر التقنية', body: AR }],
  footer: 'الطاقم: مشغل الكاميرا',
  scale: 1,
  highContrast: false,
  ...over,
});

describe('drawPanel: right to left', () => {
  it('dir "rtl" sets the direction once and right-aligns every line at the right margin, with the kicker bar on the right', () => {
    const { canvas, ctx } = fakeCanvas();
    const image = drawPanel(panel({ dir: 'rtl', lang: 'ar' }), canvas);
    const W = canvas.width;
    const texts = ctx.texts();
    expect(texts.length).toBeGreaterThan(6);
    for (const t of texts) expect(t).toMatchObject({ x: W - 48, align: 'right', direction: 'rtl' });
    expect(ctx.ops).toContainEqual(['fillRect', W - 48 - 90, 26, 90, 8]);
    expect(image.width).toBe(W / 1000);
  });

  it('the default and an explicit "ltr" draw exactly the same, left-aligned at the left margin', () => {
    const a = fakeCanvas();
    const b = fakeCanvas();
    drawPanel(panel({}), a.canvas);
    drawPanel(panel({ dir: 'ltr' }), b.canvas);
    expect(b.ctx.ops).toEqual(a.ctx.ops);
    expect(a.ctx.ops.some(([op]) => op === 'set direction' || op === 'set textAlign')).toBe(false);
    expect(a.ctx.texts().every((t) => t.x === 48)).toBe(true);
  });

  it('Japanese panel text wraps by character', () => {
    const { canvas, ctx } = fakeCanvas();
    drawPanel(panel({ kicker: '段階: 撮影', title: 'カメラ', sections: [{ body: JA.repeat(3) }], footer: undefined, lang: 'ja' }), canvas);
    const body = ctx.texts().filter((t) => t.font.includes('400 32px'));
    expect(body.map((t) => t.text).join('')).toBe(JA.repeat(3));
    expect(body.every((t) => measure(t.text, t.font) <= canvas.width - 96)).toBe(true);
  });

  it('a panel never grows past MAX_PANEL_PX: the text is cut with "…"', () => {
    const { canvas, ctx } = fakeCanvas();
    drawPanel(panel({ sections: [{ body: 'a\n'.repeat(600) }], scale: 1.5, dir: undefined }), canvas);
    expect(canvas.height).toBeLessThanOrEqual(MAX_PANEL_PX);
    expect(ctx.texts().at(-1)!.text).toBe('a…');
  });
});

const card = { color: '#00ff00', titleFont: font(30, true), subtitleFont: font(20), background: '#000', foreground: '#fff', muted: '#ccc' };

describe('drawCard: right to left and graphemes', () => {
  it('dir "rtl" puts the bar on the right and right-aligns both lines, restoring the context after', () => {
    const ctx = new FakeContext();
    drawCard(ctx.asContext(), 300, 100, { ...card, title: 'مدير التصوير', subtitle: 'يضيء كل مشهد', dir: 'rtl', lang: 'ar' });
    const r = Math.min(18, 100 * 0.2);
    const bar = Math.max(8, 100 * 0.09);
    const left = 2 + r * 0.4 + bar + 100 * 0.14;
    expect(ctx.ops).toContainEqual(['fillRect', 300 - 2 - r * 0.4 - bar, 18, bar, 64]);
    for (const t of ctx.texts()) expect(t).toMatchObject({ x: 300 - left, align: 'right', direction: 'rtl' });
    expect(ctx.ops.filter(([op]) => op === 'save')).toHaveLength(1);
    expect(ctx.ops.at(-1)).toEqual(['restore']);
  });

  it('without dir it never touches direction or alignment', () => {
    const ctx = new FakeContext();
    drawCard(ctx.asContext(), 300, 100, { ...card, title: 'Camera', subtitle: 'Production' });
    expect(ctx.ops.some(([op]) => op === 'set direction' || op === 'set textAlign' || op === 'save')).toBe(false);
  });

  it('a long Arabic or Japanese title is cut between graphemes and fits', () => {
    const ctx = new FakeContext();
    ctx.font = font(20);
    for (const text of ['مُدِيرُ التَّصْوِيرِ السينمائي', 'カメラオペレーターとアシスタント', '🎬'.repeat(12)]) {
      const cut = fitText(ctx.asContext(), text, 90);
      expect(cut.endsWith('…')).toBe(true);
      expect(widthOf(cut)).toBeLessThanOrEqual(90);
      const kept = graphemes(cut.slice(0, -1));
      expect(graphemes(text).slice(0, kept.length)).toEqual(kept);
    }
    expect(fitText(ctx.asContext(), 'short', 90)).toBe('short');
  });
});
