import { describe, expect, it } from 'vitest';
import en from '../../scenes/locales/en.json';
import es from '../../scenes/locales/es.json';
import set from '../../scenes/set.json';
import { drawPanel, font, wrapText, type PanelSpec } from '../../src/world-ui/text-canvas';
import { FONT_STACK } from '../../src/ui/fonts';
import { drawCard } from '../../src/world-ui/billboards';
import { FakeContext, fakeCanvas, type Op } from './fixtures/fake-canvas';

/**
 * Left-to-right text must draw exactly as it did before scripts other than Latin were supported:
 * the snapshot was recorded from the implementation at cb3197d (split on spaces, left-aligned) over
 * the shipped English and Spanish text, and every call (text, position, font, colour) must match.
 */
const compact = (ops: readonly Op[]): string =>
  ops.map((op) => op.map((v) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : JSON.stringify(v).replace(JSON.stringify(FONT_STACK).slice(1, -1), 'F'))).join(' ')).join('\n');

type Locale = typeof en;

function stationSpec(locale: Locale, id: string, scale: number, highContrast: boolean): PanelSpec {
  const text = locale.stations[id as keyof Locale['stations']];
  return {
    kicker: `${locale.ui.stage}: ${id}`,
    kickerColor: '#ffd166',
    title: text.title,
    sections: [
      { body: text.explanation },
      { heading: locale.ui.techChangeHeading, body: text.techChange },
      { heading: locale.ui.didYouKnowHeading, body: text.didYouKnow },
    ],
    footer: `${locale.ui.crewHeading}: ${id}`,
    scale,
    highContrast,
  };
}

describe('left-to-right drawing is unchanged', () => {
  it.each([
    ['en', en],
    ['es', es as unknown as Locale],
  ])('%s: wrapText over every station text at three widths', (_code, locale) => {
    const ctx = new FakeContext();
    const lines: string[] = [];
    for (const id of set.tour) {
      const text = locale.stations[id as keyof Locale['stations']];
      for (const width of [420, 760, 1100]) {
        ctx.font = font(32);
        lines.push(...wrapText(ctx.asContext(), `${text.explanation}\n${text.techChange}`, width).map((l) => `${id} ${width}: ${l}`));
      }
    }
    expect(lines.join('\n')).toMatchSnapshot();
  });

  it.each([
    ['camera', 1, false],
    ['lighting', 1.25, false],
    ['ai', 1.5, true],
    ['led-volume', 1, true],
  ] as const)('drawPanel %s at scale %d (high contrast %s)', (id, scale, hc) => {
    for (const [code, locale] of [['en', en], ['es', es as unknown as Locale]] as const) {
      const { canvas, ctx } = fakeCanvas();
      const image = drawPanel(stationSpec(locale, id, scale, hc), canvas);
      expect(`${image.width} x ${image.height}\n${compact(ctx.ops)}`).toMatchSnapshot();
      // What the app passes once it threads the locale through (dir and lang) draws the same.
      const withLocale = fakeCanvas();
      drawPanel({ ...stationSpec(locale, id, scale, hc), dir: 'ltr', lang: code }, withLocale.canvas);
      expect(withLocale.ctx.ops).toEqual(ctx.ops);
    }
  });

  it('drawCard for every station label and role tag', () => {
    const ctx = new FakeContext();
    for (const id of set.tour) {
      const text = en.stations[id as keyof Locale['stations']];
      drawCard(ctx.asContext(), id.length % 2 ? 180 : 330, 124, { title: text.label ?? text.title, subtitle: 'Production', color: '#ff0000', titleFont: font(124 * 0.36, true), subtitleFont: font(124 * 0.22), background: '#000', foreground: '#fff', muted: '#ccc' });
    }
    for (const role of set.roles) {
      const text = en.roles[role.id as keyof Locale['roles']];
      drawCard(ctx.asContext(), 260, 90, { title: text.title, subtitle: text.tag, color: '#00ff00', titleFont: font(90 * 0.34, true), subtitleFont: font(90 * 0.235), background: '#000', foreground: '#fff', muted: '#ccc' });
    }
    drawCard(ctx.asContext(), 200, 60, { title: 'Only a title', color: '#0000ff', titleFont: font(20, true), background: '#000', foreground: '#fff', muted: '#ccc' });
    expect(compact(ctx.ops)).toMatchSnapshot();
  });
});
