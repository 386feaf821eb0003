/**
 * Session codes and nicknames: what people read aloud, type on a phone and see on screen.
 * Pure, shared by the server (which decides) and the browser (which can pre-check as you type).
 */

// ── Session codes: short, read aloud and typed on a phone ────────────────────────────────────────
/** No 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B, U/V: no character that can be misread as another. */
export const CODE_ALPHABET = 'ACDEFHJKMNPQRTUWXY3479';
export const CODE_LENGTH = 5;
const CODE_RE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** A code as typed ("ab-c d3", lower case, spaces or dashes) → canonical, or null. */
export function normaliseCode(raw: string): string | null {
  const c = raw.toUpperCase().replace(/[\s-]/g, '');
  return CODE_RE.test(c) ? c : null;
}

/** A fresh code from a source of random numbers in [0, 1) (the server passes a crypto one). */
export function makeCode(random: () => number): string {
  let c = '';
  for (let i = 0; i < CODE_LENGTH; i++) c += CODE_ALPHABET[Math.floor(random() * CODE_ALPHABET.length)];
  return c;
}

// ── Nicknames: text only ─────────────────────────────────────────────────────────────────────────
/**
 * NFKC (full-width and look-alike forms fold to plain ones), control/format/private/unassigned
 * characters removed (bidi overrides and zero-width tricks included), no angle brackets (so even a
 * careless innerHTML later cannot make markup of it), whitespace collapsed and trimmed.
 */
export function cleanNickname(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\u2028\u2029]/gu, '')
    .replace(/[<>]/g, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Two nicknames with the same key are "taken" (case does not make a new name). */
export const nicknameKey = (nickname: string): string => nickname.toLowerCase();
