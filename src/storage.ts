/**
 * Browser storage that never throws. Storage can be blocked (private browsing, a kiosk's policy,
 * a full quota): then the tour still runs and simply forgets, which every caller accepts.
 */
type Area = 'local' | 'session';

/** The storage area, or null where the browser refuses it. */
export function storageArea(which: Area = 'local'): Storage | null {
  try {
    return which === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    return null;
  }
}

export function readItem(key: string, which: Area = 'local'): string | null {
  try {
    return storageArea(which)?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** False when the value could not be kept. */
export function writeItem(key: string, value: string, which: Area = 'local'): boolean {
  try {
    const area = storageArea(which);
    area?.setItem(key, value);
    return area !== null;
  } catch {
    return false;
  }
}

/** False when a key could not be removed (storage blocked: usually nothing was kept either). */
export function removeItems(keys: readonly string[], which: Area = 'local'): boolean {
  const area = storageArea(which);
  let all = area !== null;
  for (const key of keys) {
    try {
      area?.removeItem(key);
    } catch {
      all = false;
    }
  }
  return all;
}
