import type { ReadText } from '../content/load';

/** Reads content relative to the page, so the built site works from any sub-path. */
export const fetchText: ReadText = async (file) => {
  const response = await fetch(new URL(file, document.baseURI), { cache: 'no-cache' });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
};
