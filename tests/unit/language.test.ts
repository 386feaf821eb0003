import { describe, expect, it } from 'vitest';
import { pickLanguage } from '../../src/i18n/language';
import { DEFAULT_AUDIO_PREFS, parseAudioPrefs, serializeAudioPrefs } from '../../src/audio/prefs';
import { loadContent } from '../../src/content/load';
import { memoryReader, validFiles } from './fixtures';

describe('language choice', () => {
  const shipped = ['en', 'es', 'pt-BR'];
  const pick = (o: Partial<Parameters<typeof pickLanguage>[0]>): ReturnType<typeof pickLanguage> => pickLanguage({ shipped, fallback: 'en', ...o });

  it('takes the URL first, then the stored choice, then the browser, then the default', () => {
    expect(pick({ url: 'es', stored: 'en', browser: ['en-GB'] })).toEqual({ code: 'es', from: 'url', unavailable: null });
    expect(pick({ stored: 'es', browser: ['en-GB'] })).toEqual({ code: 'es', from: 'stored', unavailable: null });
    expect(pick({ browser: ['fr-FR', 'es-MX', 'en'] })).toEqual({ code: 'es', from: 'browser', unavailable: null });
    expect(pick({})).toEqual({ code: 'en', from: 'default', unavailable: null });
  });

  it('falls back from a region to its language and from a language to a shipped region', () => {
    expect(pick({ url: 'es-AR' }).code).toBe('es');
    expect(pick({ url: 'pt' }).code).toBe('pt-BR');
    expect(pick({ url: 'EN' }).code).toBe('en');
  });

  it('reports a language that is not shipped and goes on down the list', () => {
    expect(pick({ url: 'de', stored: 'es' })).toEqual({ code: 'es', from: 'stored', unavailable: 'de' });
    expect(pick({ url: 'de' })).toEqual({ code: 'en', from: 'default', unavailable: 'de' });
  });

  it('loadContent loads the picked language and notes an unavailable one', async () => {
    const read = memoryReader(validFiles());
    const result = await loadContent(read, { url: 'xx', stored: null, browser: ['en-US'] });
    expect(result.ok && result.content.locale.locale).toBe('en');
    expect(result.ok && result.notices).toEqual(['Language "xx" is not available; showing en.']);
  });
});

describe('audio preferences', () => {
  it('round-trip, and fall back to defaults for anything malformed', () => {
    const prefs = { muted: true, volume: 0.35, captions: false };
    expect(parseAudioPrefs(serializeAudioPrefs(prefs))).toEqual(prefs);
    expect(parseAudioPrefs(null)).toEqual(DEFAULT_AUDIO_PREFS);
    expect(parseAudioPrefs('{oops')).toEqual(DEFAULT_AUDIO_PREFS);
    expect(parseAudioPrefs('{"v":2,"muted":true}')).toEqual(DEFAULT_AUDIO_PREFS);
    expect(parseAudioPrefs('{"v":1,"muted":"yes","volume":7,"captions":false}')).toEqual({ ...DEFAULT_AUDIO_PREFS, captions: false });
  });
});
