import { localeFile, type ReadText } from '../content/load';
import type { Content } from '../content/types';

/** "Touch to begin" in every shipped language, this one first (for the kiosk's attract loop). */
export async function invitations(content: Content, read: ReadText): Promise<{ lang: string; text: string }[]> {
  const own = { lang: content.locale.locale, text: content.locale.ui.touchToBegin };
  const others = await Promise.all(
    content.set.locales.filter((c) => c !== own.lang).map(async (lang) => {
      try {
        const json = JSON.parse((await read(localeFile(lang))) ?? 'null') as { ui?: { touchToBegin?: unknown } } | null;
        const text = json?.ui?.touchToBegin;
        return typeof text === 'string' && text ? [{ lang, text }] : [];
      } catch {
        return []; // that language's file is broken: its own load reports it; the invitation skips it
      }
    }),
  );
  return [own, ...others.flat()];
}
