/** The visitor's sound choices, kept on this device (localStorage key backlot:audio). */
export interface AudioPrefs {
  readonly muted: boolean;
  /** 0–1, master volume. */
  readonly volume: number;
  readonly captions: boolean;
}

export const AUDIO_PREFS_KEY = 'backlot:audio';
export const DEFAULT_AUDIO_PREFS: AudioPrefs = { muted: false, volume: 0.8, captions: true };

/** Reads stored prefs back; anything malformed or out of range falls back to the default. */
export function parseAudioPrefs(text: string | null): AudioPrefs {
  if (!text) return DEFAULT_AUDIO_PREFS;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return DEFAULT_AUDIO_PREFS;
  }
  if (typeof raw !== 'object' || raw === null || (raw as { v?: unknown }).v !== 1) return DEFAULT_AUDIO_PREFS;
  const r = raw as Record<string, unknown>;
  return {
    muted: typeof r.muted === 'boolean' ? r.muted : DEFAULT_AUDIO_PREFS.muted,
    volume: typeof r.volume === 'number' && r.volume >= 0 && r.volume <= 1 ? r.volume : DEFAULT_AUDIO_PREFS.volume,
    captions: typeof r.captions === 'boolean' ? r.captions : DEFAULT_AUDIO_PREFS.captions,
  };
}

export const serializeAudioPrefs = (p: AudioPrefs): string => JSON.stringify({ v: 1, ...p });
