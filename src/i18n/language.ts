import { readItem, writeItem } from '../storage';

/**
 * Which language to show: the URL's ?lang= first, then the visitor's stored choice, then the
 * browser's preferred languages, then the set's default. A regional code falls back to its base
 * language ("es-MX" → "es"), and a base code finds a shipped regional one ("pt" → "pt-BR").
 */
export function pickLanguage(options: {
  readonly shipped: readonly string[];
  readonly fallback: string;
  readonly url?: string | null;
  readonly stored?: string | null;
  readonly browser?: readonly string[];
}): { readonly code: string; readonly from: 'url' | 'stored' | 'browser' | 'default'; readonly unavailable: string | null } {
  const match = (wanted: string): string | null => {
    const lower = wanted.toLowerCase();
    const exact = options.shipped.find((c) => c.toLowerCase() === lower);
    if (exact) return exact;
    const base = lower.split('-')[0]!;
    return options.shipped.find((c) => c.toLowerCase() === base) ?? options.shipped.find((c) => c.toLowerCase().split('-')[0] === base) ?? null;
  };
  let unavailable: string | null = null;
  if (options.url) {
    const code = match(options.url);
    if (code) return { code, from: 'url', unavailable };
    unavailable = options.url;
  }
  if (options.stored) {
    const code = match(options.stored);
    if (code) return { code, from: 'stored', unavailable };
  }
  for (const wanted of options.browser ?? []) {
    const code = match(wanted);
    if (code) return { code, from: 'browser', unavailable };
  }
  return { code: options.fallback, from: 'default', unavailable };
}

export const LANGUAGE_KEY = 'backlot:lang';

export const readStoredLanguage = (): string | null => readItem(LANGUAGE_KEY);

/** Where storage is blocked the URL still carries the language. */
export const storeLanguage = (code: string): void => void writeItem(LANGUAGE_KEY, code);
