import type { ContentResult, LanguageWish, ReadFile, ReadText } from './load';
import { localeFile, readFile, SET_FILE } from './load';
import { pickLanguage } from '../i18n/language';
import { deepFreeze } from './problems';
import { parseJson, validateLocale, validateSet } from './validate';

/**
 * The full check of content the build did not validate byte for byte (src/content/load.ts): the
 * set, then the visitor's locale against it. A lazy chunk, so a normal visit never downloads the
 * validators. `localeRead` is the locale already on its way, if the set named it.
 */
export async function checkContent(read: ReadText, setText: string, wish: LanguageWish, localeRead: Promise<ReadFile> | null): Promise<ContentResult> {
  const setJson = parseJson(setText, SET_FILE);
  if (!setJson.ok) return setJson;
  const set = validateSet(setJson.value, SET_FILE);
  if (!set.ok) return { ok: false, problems: set.problems };
  const notices: string[] = [];
  const picked = pickLanguage({ shipped: set.value.locales, fallback: set.value.defaultLocale, ...wish });
  const code = picked.code;
  if (picked.unavailable) notices.push(`Language "${picked.unavailable}" is not available; showing ${code}.`);
  const file = localeFile(code);
  // The same set picks the same language: the read already made is the one needed.
  const localeFileRead = await (localeRead ?? readFile(read, file));
  if (!localeFileRead.ok) return localeFileRead;
  const localeJson = parseJson(localeFileRead.text, file);
  if (!localeJson.ok) return localeJson;
  const locale = validateLocale(localeJson.value, set.value, file, code);
  if (!locale.ok) return { ok: false, problems: locale.problems };
  return { ok: true, content: deepFreeze({ set: set.value, locale: locale.value }), notices };
}
