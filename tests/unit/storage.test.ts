import { afterEach, describe, expect, it, vi } from 'vitest';
import { readItem, removeItems, storageArea, writeItem } from '../../src/storage';
import { RESUME_KEY, markResume, resumePending, takeResume } from '../../src/app/resume';

/** A Map-backed Storage; `full` makes setItem throw as a full quota does. */
function memoryStorage(full = false, stuck = false): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (full) throw new DOMException('quota', 'QuotaExceededError');
      map.set(k, v);
    },
    removeItem: (k: string) => {
      if (stuck) throw new DOMException('denied', 'SecurityError');
      map.delete(k);
    },
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('storage that never throws', () => {
  it('reads, writes and removes in local and session storage, kept apart', () => {
    vi.stubGlobal('window', { localStorage: memoryStorage(), sessionStorage: memoryStorage() });
    expect(writeItem('k', 'local')).toBe(true);
    expect(writeItem('k', 'session', 'session')).toBe(true);
    expect([readItem('k'), readItem('k', 'session')]).toEqual(['local', 'session']);
    removeItems(['k', 'other']);
    expect([readItem('k'), readItem('k', 'session')]).toEqual([null, 'session']);
  });

  it('blocked storage (the getter throws, as in a sandboxed frame) reads as empty and forgets', () => {
    const blocked = {};
    Object.defineProperty(blocked, 'localStorage', {
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    vi.stubGlobal('window', blocked);
    expect(storageArea()).toBeNull();
    expect(readItem('k')).toBeNull();
    expect(writeItem('k', 'v')).toBe(false);
    expect(() => removeItems(['k'])).not.toThrow();
  });

  it('a full quota reports the value was not kept', () => {
    vi.stubGlobal('window', { localStorage: memoryStorage(true) });
    expect(writeItem('k', 'v')).toBe(false);
    expect(readItem('k')).toBeNull();
  });

  it('no window at all (Node) is storage blocked, not an error', () => {
    expect(storageArea('session')).toBeNull();
    expect(readItem('k')).toBeNull();
  });
});

describe("the kiosk's resume mark (its own reload mid-visit)", () => {
  it('is seen without being used up, then taken once', () => {
    vi.stubGlobal('window', { localStorage: memoryStorage(), sessionStorage: memoryStorage() });
    expect([resumePending(), takeResume()]).toEqual([false, false]);
    markResume();
    expect(readItem(RESUME_KEY, 'session')).toBe('1');
    expect(readItem(RESUME_KEY)).toBeNull(); // per tab, not kept across a browser restart
    expect([resumePending(), resumePending()]).toEqual([true, true]);
    expect(takeResume()).toBe(true);
    expect([resumePending(), takeResume()]).toEqual([false, false]);
  });

  it('a mark that cannot be cleared is ignored, or every later load would resume', () => {
    const session = memoryStorage(false, true);
    session.setItem(RESUME_KEY, '1');
    vi.stubGlobal('window', { localStorage: memoryStorage(), sessionStorage: session });
    expect(resumePending()).toBe(true);
    expect(takeResume()).toBe(false);
  });

  it('blocked storage: no resume', () => {
    expect([resumePending(), takeResume()]).toEqual([false, false]);
    expect(() => markResume()).not.toThrow();
  });
});
