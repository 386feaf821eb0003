import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PIN_TRIES, PinLock } from '../../src/kiosk/pin-lock';
import { contentVerdict } from '../../src/offline/content-check';
import { fetchText } from '../../src/app/fetch';

describe('PinLock', () => {
  const clock = (): { now: () => number; advance(ms: number): void } => {
    let t = 1_000_000;
    return { now: () => t, advance: (ms) => (t += ms) };
  };

  it('locks after five wrong PINs in a row, for 30 s, then twice as long each time', () => {
    const c = clock();
    let stored: string | null = null;
    const lock = new PinLock(c.now, () => stored, (text) => (stored = text));
    for (let i = 1; i < PIN_TRIES; i++) expect(lock.tried(false).lockedFor).toBe(0);
    expect(lock.tried(false).lockedFor).toBe(30);
    expect(lock.secondsLeft()).toBe(30);
    c.advance(30_000);
    expect(lock.secondsLeft()).toBe(0);
    for (let i = 1; i < PIN_TRIES; i++) lock.tried(false);
    expect(lock.tried(false).lockedFor).toBe(60);
    // A reload (a new lock reading the same store) is still locked.
    expect(new PinLock(c.now, () => stored, () => undefined).secondsLeft()).toBe(60);
  });

  it('a right PIN clears the count; the lock-out never exceeds 15 minutes', () => {
    const c = clock();
    const lock = new PinLock(c.now, () => null, () => undefined);
    for (let i = 1; i < PIN_TRIES; i++) lock.tried(false);
    lock.tried(true);
    for (let i = 1; i < PIN_TRIES; i++) expect(lock.tried(false).lockedFor).toBe(0);
    lock.tried(true);
    const locks: number[] = [];
    for (let round = 0; round < 8; round++) {
      for (let i = 1; i < PIN_TRIES; i++) lock.tried(false);
      const { lockedFor } = lock.tried(false);
      locks.push(lockedFor);
      c.advance(lockedFor * 1000);
    }
    expect(locks).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
  });

  it('a tampered store reads as no lock rather than breaking the dialog', () => {
    for (const text of ['{', '[]', '{"wrong":"x","until":1e300}', 'null']) {
      const lock = new PinLock(() => 0, () => text, () => undefined);
      expect(lock.secondsLeft()).toBeLessThanOrEqual(15 * 60);
    }
  });
});

describe('contentVerdict: what the offline cache may keep', () => {
  const set = readFileSync(new URL('../../scenes/set.json', import.meta.url), 'utf8');
  const en = readFileSync(new URL('../../scenes/locales/en.json', import.meta.url), 'utf8');

  it('keeps the shipped files', () => {
    expect(contentVerdict('scenes/set.json', set)).toEqual({ ok: true });
    expect(contentVerdict('scenes/locales/en.json', en)).toEqual({ ok: true });
  });

  it('refuses broken JSON, an invalid set, a locale for another language, with the reason', () => {
    const cut = contentVerdict('scenes/set.json', set.slice(0, 200));
    expect(cut.ok).toBe(false);
    expect(!cut.ok && cut.reason).toMatch(/^scenes\/set\.json \$: is not valid JSON/);
    const noStations = JSON.parse(set) as Record<string, unknown>;
    delete noStations.stations;
    const invalid = contentVerdict('scenes/set.json', JSON.stringify(noStations));
    expect(!invalid.ok && invalid.reason).toMatch(/\$\.stations/);
    const wrongLanguage = contentVerdict('scenes/locales/es.json', en);
    expect(!wrongLanguage.ok && wrongLanguage.reason).toMatch(/\$\.locale: is "en" but the file is for "es"/);
  });
});

describe('fetchText: timeouts and retries', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('retries a server error with growing pauses, then succeeds', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('document', { baseURI: 'http://museum.test/backlot/' });
    const answers = [new Response('busy', { status: 503 }), new Response('busy', { status: 500 }), new Response('{"ok":1}', { status: 200 })];
    const fetch = vi.fn(async () => answers.shift()!);
    vi.stubGlobal('fetch', fetch);
    const text = fetchText('scenes/set.json');
    await vi.runAllTimersAsync();
    expect(await text).toBe('{"ok":1}');
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toBe('http://museum.test/backlot/scenes/set.json');
  });

  it('answers null for a missing file at once, and gives up on a client error without retrying', async () => {
    vi.stubGlobal('document', { baseURI: 'http://museum.test/' });
    const fetch = vi.fn(async () => new Response('', { status: 404 }));
    vi.stubGlobal('fetch', fetch);
    expect(await fetchText('scenes/lesson.json')).toBeNull();
    fetch.mockImplementation(async () => new Response('', { status: 403 }));
    await expect(fetchText('scenes/set.json')).rejects.toThrow('HTTP 403');
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('gives up on a request that never answers, after its retries', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('document', { baseURI: 'http://museum.test/' });
    const fetch = vi.fn((_url: unknown, init: RequestInit) => new Promise<Response>((_, reject) => init.signal?.addEventListener('abort', () => reject(init.signal!.reason))));
    vi.stubGlobal('fetch', fetch);
    const text = fetchText('scenes/set.json');
    const outcome = text.then(() => 'answered', (err: unknown) => String(err));
    await vi.runAllTimersAsync();
    expect(await outcome).toMatch(/no answer in 8 s/);
    expect(fetch).toHaveBeenCalledTimes(4);
  });
});
