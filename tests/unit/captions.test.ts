import { describe, expect, it } from 'vitest';
import { cueAt, formatTimestamp, parseTimestamp, parseVtt, writeVtt, type Cue } from '../../src/audio/vtt';
import { NarrationClock } from '../../src/audio/clock';
import { MAX_CUE_CHARS, splitPhrases, splitSentences } from '../../src/audio/narration-script';

describe('WebVTT', () => {
  it('reads timestamps with and without hours', () => {
    expect(parseTimestamp('00:01.500')).toBe(1.5);
    expect(parseTimestamp('01:02:03.004')).toBeCloseTo(3723.004, 6);
    expect(parseTimestamp('1:2.3')).toBeNull();
    expect(parseTimestamp('00:61.000')).toBeNull();
    expect(formatTimestamp(3723.004)).toBe('01:02:03.004');
    expect(formatTimestamp(-1)).toBe('00:00:00.000');
  });

  it('parses cues with ids, settings, NOTE blocks, CRLF and a BOM, and keeps text as text', () => {
    const source = '\uFEFFWEBVTT - narration\r\n\r\nNOTE made by hand\r\n\r\n1\r\n00:00.000 --> 00:02.000 line:90%\r\nFirst <b>bold</b> &amp; <v Ana>said</v>\r\n\r\n00:02.500 --> 00:04.000\r\nSecond line one\r\nline two\r\n';
    const result = parseVtt(source);
    expect(result).toEqual({
      ok: true,
      cues: [
        { start: 0, end: 2, text: 'First bold & said' },
        { start: 2.5, end: 4, text: 'Second line one\nline two' },
      ],
    });
  });

  it('keeps markup-like text harmless: tags are dropped, entities decoded to plain characters', () => {
    const result = parseVtt('WEBVTT\n\n00:00.000 --> 00:01.000\n<img src=x onerror=alert(1)>&lt;script&gt;\n');
    expect(result.ok && result.cues[0]!.text).toBe('<script>');
  });

  it('rejects what is not WebVTT, with the reason', () => {
    expect(parseVtt('1\n00:00.000 --> 00:01.000\nhi')).toEqual({ ok: false, error: 'does not start with "WEBVTT"' });
    expect(parseVtt('WEBVTT\n\n00:00.000 -> 00:01.000\nhi')).toMatchObject({ ok: false, error: expect.stringContaining('no "start --> end"') });
    expect(parseVtt('WEBVTT\n\n00:0x.000 --> 00:01.000\nhi')).toMatchObject({ ok: false, error: expect.stringContaining('malformed time') });
    expect(parseVtt('WEBVTT\n\n00:05.000 --> 00:01.000\nhi')).toMatchObject({ ok: false, error: expect.stringContaining('ends before it starts') });
  });

  it('round-trips what the generator writes', () => {
    const cues: Cue[] = [
      { start: 0.15, end: 1.2, text: 'Camera department.' },
      { start: 1.5, end: 4.25, text: 'The cinematographer decides how the film looks.' },
      { start: 4.5, end: 6, text: 'Rock & roll <loud> stays text' },
    ];
    expect(parseVtt(writeVtt(cues))).toEqual({ ok: true, cues });
  });

  it('finds the cue showing at a time, and none in the gaps or outside', () => {
    const cues: Cue[] = [
      { start: 0, end: 1, text: 'a' },
      { start: 1, end: 2, text: 'b' },
      { start: 2.5, end: 3, text: 'c' },
    ];
    expect(cueAt(cues, -0.1)).toBe(-1);
    expect(cueAt(cues, 0)).toBe(0);
    expect(cueAt(cues, 0.99)).toBe(0);
    expect(cueAt(cues, 1)).toBe(1);
    expect(cueAt(cues, 2.2)).toBe(-1);
    expect(cueAt(cues, 2.5)).toBe(2);
    expect(cueAt(cues, 3)).toBe(-1);
    expect(cueAt([], 1)).toBe(-1);
  });
});

describe('narration script splitting', () => {
  it('splits sentences at full stops, question and exclamation marks, in English and Spanish', () => {
    expect(splitSentences('It all begins here. A yes is called a greenlight! Why? Because.')).toEqual(['It all begins here.', 'A yes is called a greenlight!', 'Why?', 'Because.']);
    expect(splitSentences('¿Sabías que…? ¡Silencio! Se rueda.')).toEqual(['¿Sabías que…?', '¡Silencio!', 'Se rueda.']);
    expect(splitSentences("It is 'development hell'. Then 3D arrives.")).toEqual(["It is 'development hell'.", 'Then 3D arrives.']);
  });

  it('keeps each caption phrase short enough for two lines, and loses no words', () => {
    const long = 'Heads of department are hired, a casting director auditions actors, scouts hunt for real locations and the art team starts building sets without stopping for anything at all because the schedule is tight.';
    const phrases = splitPhrases(long);
    expect(phrases.length).toBeGreaterThan(1);
    for (const p of phrases) expect(p.length).toBeLessThanOrEqual(MAX_CUE_CHARS);
    expect(phrases.join(' ')).toBe(long);
    expect(splitPhrases('Short one.')).toEqual(['Short one.']);
  });
});

describe('narration clock', () => {
  it('runs on the wall clock, holds, resumes and takes the audio position when told', () => {
    let now = 100;
    const clock = new NarrationClock(() => now);
    clock.start(-1.5);
    now += 1;
    expect(clock.time()).toBeCloseTo(-0.5);
    clock.hold();
    now += 5;
    expect(clock.time()).toBeCloseTo(-0.5);
    clock.resume();
    now += 2;
    expect(clock.time()).toBeCloseTo(1.5);
    clock.sync(1.2); // the audio is a little behind: captions follow the audio
    expect(clock.time()).toBeCloseTo(1.2);
    now += 0.5;
    expect(clock.time()).toBeCloseTo(1.7);
  });
});
