import type { Content, ContentProblem, SetFile } from './types';
import { pickLanguage } from '../i18n/language';
import { capProblems, deepFreeze } from './problems';

/** What the visitor asked for, strongest first: the URL's ?lang=, their stored choice, the browser's languages. */
export interface LanguageWish {
  readonly url?: string | null;
  readonly stored?: string | null;
  readonly browser?: readonly string[];
}

export type ContentResult = { readonly ok: true; readonly content: Content; readonly notices: readonly string[] } | { readonly ok: false; readonly problems: readonly ContentProblem[] };

/** Reads a file's text; the browser passes fetch, the check-content script passes fs. Null = missing. */
export type ReadText = (file: string) => Promise<string | null>;

export const SET_FILE = 'scenes/set.json';
export const localeFile = (code: string): string => `scenes/locales/${code}.json`;

/**
 * sha256 of each content file the app reads, as the build validated it (vite.config.ts; its first
 * 32 hex digits): a file that comes back byte for byte the same needs no checking again. Empty in the dev server and in tests, where
 * every file is checked.
 */
declare const __BACKLOT_CONTENT_HASHES__: Readonly<Record<string, string>> | undefined;
const BUILT: Readonly<Record<string, string>> = typeof __BACKLOT_CONTENT_HASHES__ === 'undefined' ? {} : __BACKLOT_CONTENT_HASHES__;

/** The first 128 bits of the file's sha256 (hex), or null where the page cannot hash (no crypto.subtle outside a secure context). */
async function sha256(text: string): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest, 0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A file as read: its text and whether the build validated exactly these bytes. */
export type ReadFile = { ok: true; text: string; known: boolean } | { ok: false; problems: ContentProblem[] };

/** A file's text, or the problem of one that could not be read or is missing (null if `optional`). */
export async function readText(read: ReadText, file: string): Promise<{ ok: true; text: string } | { ok: false; problems: ContentProblem[] }>;
export async function readText(read: ReadText, file: string, o?: { optional: true }): Promise<{ ok: true; text: string } | { ok: false; problems: ContentProblem[] } | null>;
export async function readText(read: ReadText, file: string, o?: { optional: true }): Promise<{ ok: true; text: string } | { ok: false; problems: ContentProblem[] } | null> {
  let text: string | null;
  try {
    text = await read(file);
  } catch (err) {
    return { ok: false, problems: [{ file, path: '$', message: `could not be read: ${err instanceof Error ? err.message : String(err)}` }] };
  }
  if (text === null) return o?.optional ? null : { ok: false, problems: [{ file, path: '$', message: 'is missing (not found)' }] };
  return { ok: true, text };
}

/** A file and whether it is as built; `built` is the hashes of a lazy feature's own files (its chunk carries them). */
export async function readFile(read: ReadText, file: string, builtHashes: Readonly<Record<string, string>> = BUILT): Promise<ReadFile> {
  const got = await readText(read, file);
  if (!got.ok) return got;
  const { text } = got;
  const built = builtHashes[file];
  return { ok: true, text, known: built !== undefined && (await sha256(text)) === built };
}

/**
 * Loads scenes/set.json and one locale (the requested one if the set ships it, else the default),
 * validates both and freezes them. Files exactly as the build validated them are only parsed; any
 * other (a museum's edit of the built site) loads the validators, a lazy chunk, and is checked in
 * full. Every problem is found; at most MAX_LISTED_PROBLEMS are listed, then how many more.
 */
export async function loadContent(read: ReadText, requestedLocale?: string | null | LanguageWish): Promise<ContentResult> {
  const setFile = await readFile(read, SET_FILE);
  if (!setFile.ok) return setFile;
  const wish: LanguageWish = typeof requestedLocale === 'string' ? { url: requestedLocale } : (requestedLocale ?? {});
  // The locale is read before the set is checked: both fetches overlap the validators' download.
  const shipped = shippedLocales(setFile.text);
  const picked = shipped ? pickLanguage({ shipped: shipped.locales, fallback: shipped.defaultLocale, ...wish }) : null;
  const localeText = picked ? readFile(read, localeFile(picked.code)) : null;
  if (setFile.known && picked && localeText) {
    const locale = await localeText;
    if (!locale.ok) return locale;
    if (locale.known) {
      const notices = picked.unavailable ? [`Language "${picked.unavailable}" is not available; showing ${picked.code}.`] : [];
      return { ok: true, content: deepFreeze({ set: JSON.parse(setFile.text) as SetFile, locale: JSON.parse(locale.text) }), notices };
    }
  }
  const { checkContent } = await import('./check');
  const result = await checkContent(read, setFile.text, wish, localeText);
  return result.ok ? result : { ok: false, problems: capProblems(result.problems) };
}

/** The set's languages, read without checking (null if the text is not even that). */
function shippedLocales(text: string): { locales: string[]; defaultLocale: string } | null {
  try {
    const raw = JSON.parse(text) as { locales?: unknown; defaultLocale?: unknown };
    return Array.isArray(raw.locales) && raw.locales.every((l) => typeof l === 'string') && typeof raw.defaultLocale === 'string'
      ? { locales: raw.locales as string[], defaultLocale: raw.defaultLocale }
      : null;
  } catch {
    return null;
  }
}

