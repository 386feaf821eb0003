/**
 * The set's sign lettering: 3×5 (M, N, W, # wider) pixel glyphs, so labels, slates and call sheets
 * carry real words without a font or texture. '1' = lit pixel. Letters with accents are drawn with
 * the plain letter (capitals on signs often go without); Ñ has its own glyph.
 */
export const GLYPHS: Record<string, readonly string[]> = {
  A: ['010', '101', '111', '101', '101'], B: ['110', '101', '110', '101', '110'],
  C: ['011', '100', '100', '100', '011'], D: ['110', '101', '101', '101', '110'],
  E: ['111', '100', '110', '100', '111'], F: ['111', '100', '110', '100', '100'],
  G: ['011', '100', '101', '101', '011'], H: ['101', '101', '111', '101', '101'],
  I: ['111', '010', '010', '010', '111'], J: ['001', '001', '001', '101', '010'],
  K: ['101', '101', '110', '101', '101'], L: ['100', '100', '100', '100', '111'],
  M: ['10001', '11011', '10101', '10001', '10001'], N: ['1001', '1101', '1011', '1001', '1001'],
  O: ['010', '101', '101', '101', '010'], P: ['110', '101', '110', '100', '100'],
  Q: ['010', '101', '101', '110', '011'], R: ['110', '101', '110', '101', '101'],
  S: ['011', '100', '010', '001', '110'], T: ['111', '010', '010', '010', '010'],
  U: ['101', '101', '101', '101', '111'], V: ['101', '101', '101', '101', '010'],
  W: ['10001', '10001', '10101', '11011', '10001'], X: ['101', '101', '010', '101', '101'],
  Y: ['101', '101', '010', '010', '010'], Z: ['111', '001', '010', '100', '111'],
  '0': ['111', '101', '101', '101', '111'], '1': ['010', '110', '010', '010', '111'],
  '2': ['110', '001', '010', '100', '111'], '3': ['110', '001', '010', '001', '110'],
  '4': ['101', '101', '111', '001', '001'], '5': ['111', '100', '110', '001', '110'],
  '6': ['011', '100', '111', '101', '111'], '7': ['111', '001', '010', '010', '010'],
  '8': ['111', '101', '111', '101', '111'], '9': ['111', '101', '111', '001', '110'],
  ' ': ['00', '00', '00', '00', '00'], '-': ['000', '000', '111', '000', '000'],
  '.': ['0', '0', '0', '0', '1'], ':': ['0', '1', '0', '1', '0'],
  '/': ['001', '001', '010', '100', '100'], '!': ['1', '1', '1', '0', '1'],
  '#': ['01010', '11111', '01010', '11111', '01010'],
  // Spanish and similar: Ñ has its own letter (a tilde over an N), the rest lose their accents.
  'Ñ': ['1111', '0000', '1101', '1011', '1001'],
  '¡': ['1', '0', '1', '1', '1'], '¿': ['010', '000', '010', '100', '011'],
  "'": ['1', '1', '0', '0', '0'], ',': ['0', '0', '0', '1', '1'], '+': ['000', '010', '111', '010', '000'],
  '&': ['010', '101', '010', '101', '011'], '(': ['01', '10', '10', '10', '01'], ')': ['10', '01', '01', '01', '10'],
};


/** The glyph a character is drawn with: its own, its letter without accents, or none (null). */
export function glyphOf(ch: string): readonly string[] | null {
  const upper = ch.toUpperCase();
  if (Object.hasOwn(GLYPHS, upper)) return GLYPHS[upper]!;
  const plain = upper.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return Object.hasOwn(GLYPHS, plain) ? GLYPHS[plain]! : null;
}

/** The characters of `text` the lettering cannot draw (a translator needs to hear of them). */
export function undrawable(text: string): string[] {
  return [...new Set([...text].filter((ch) => glyphOf(ch) === null))];
}

/** The glyph to draw: an undrawable character becomes a space (content validation reports it). */
export function glyph(ch: string): readonly string[] {
  return glyphOf(ch) ?? GLYPHS[' ']!;
}

/** Width in metres of text drawn with pixel size px. */
export function textWidth(text: string, px: number): number {
  let cols = 0;
  for (const ch of text) cols += glyph(ch)[0]!.length + 1;
  return Math.max(0, cols - 1) * px;
}
