import { describe, expect, it } from 'vitest';
import { cleanNickname, CODE_ALPHABET, isClientMessage, LIMITS, makeCode, MESSAGES, nicknameKey, normaliseCode, validate } from '../../src/classroom/protocol';
import { catalog, STEPS } from './classroom/fixtures';

const ok = <T>(r: { ok: boolean; value?: T }): T => {
  expect(r.ok).toBe(true);
  return r.value as T;
};

describe('session codes', () => {
  it('are five characters from an alphabet without look-alikes', () => {
    expect(CODE_ALPHABET).not.toMatch(/[0O1IL2Z5S6G8BV]/);
    let i = 0;
    const code = makeCode(() => (i++ * 0.37) % 1);
    expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{5}$`));
  });

  it('are read as typed: lower case, spaces and dashes are fine, anything else is not a code', () => {
    expect(normaliseCode(' ac-d3 7 ')).toBe('ACD37');
    expect(normaliseCode('ACD3')).toBeNull();
    expect(normaliseCode('ACD30')).toBeNull(); // 0 is not in the alphabet
  });
});

describe('nicknames', () => {
  it('are text: NFKC, no control or format characters, no angle brackets, collapsed spaces', () => {
    expect(cleanNickname('  Ｍａｘ   Power ')).toBe('Max Power');
    expect(cleanNickname('Ana\u202Eevil\u200B\u0007')).toBe('Anaevil');
    expect(cleanNickname('<img src=x onerror=alert(1)>')).toBe('img src=x onerror=alert(1)');
    expect(cleanNickname('Zoë')).toBe('Zoë'.normalize('NFKC'));
    expect(cleanNickname('a\uD800b')).toBe('ab'); // a lone surrogate is not text
    expect(nicknameKey('ANA')).toBe(nicknameKey('ana'));
  });

  it('empty or too long after cleaning gives its own error code', () => {
    const join = (nickname: unknown) => validate('student:join', { code: 'ACD37', nickname, device: 'phone' }, catalog);
    expect(join('\u200B \u0000')).toMatchObject({ ok: false, error: 'nickname-empty' });
    expect(join('x'.repeat(LIMITS.nickname + 1))).toMatchObject({ ok: false, error: 'nickname-too-long' });
    expect(ok(join('😀'.repeat(LIMITS.nickname)))).toMatchObject({ device: 'phone' }); // code points, not UTF-16 units
    expect(join(42)).toMatchObject({ ok: false, error: 'invalid' });
  });
});

describe('message validation', () => {
  it('accepts each well-formed message and returns a typed, cleaned value', () => {
    expect(ok(validate('student:join', { code: 'acd-37', nickname: ' Ana ', device: 'vr' }, catalog))).toEqual({ code: 'ACD37', nickname: 'Ana', device: 'vr' });
    expect(ok(validate('student:report', { station: 'camera', activity: 'slate-clap' }, catalog))).toEqual({ station: 'camera', activity: 'slate-clap' });
    expect(ok(validate('teacher:gather', { station: 'sound' }, catalog))).toEqual({ station: 'sound' });
    expect(ok(validate('teacher:quiz', { questions: ['led-wall', 'led-wall'] }, catalog))).toEqual({ questions: ['led-wall'] });
    expect(ok(validate('teacher:roles', { assign: { 'sound-mixer': 'abcdef12', director: null } }, catalog))).toEqual({ assign: { 'sound-mixer': 'abcdef12', director: null } });
    expect(ok(validate('teacher:take', { steps: STEPS, lead: 3 }, catalog)).steps).toHaveLength(STEPS.length);
    expect(ok(validate('take:cue', undefined, catalog))).toEqual({});
  });

  it('refuses unknown fields, wrong types, unknown ids and out-of-range numbers', () => {
    expect(validate('teacher:pause', { paused: 'yes' }, catalog)).toMatchObject({ ok: false, error: 'invalid' });
    expect(validate('teacher:pause', { paused: true, extra: 1 }, catalog)).toMatchObject({ ok: false, error: 'invalid' });
    expect(validate('teacher:gather', { station: 'moon' }, catalog)).toMatchObject({ ok: false, error: 'unknown-station' });
    expect(validate('student:answer', { question: 'nope', choice: 0 }, catalog)).toMatchObject({ ok: false, error: 'unknown-question' });
    expect(validate('student:answer', { question: 'crew-jobs', choice: 3 }, catalog)).toMatchObject({ ok: false, error: 'invalid' });
    expect(validate('teacher:roles', { assign: { gaffer: 'abcdef12' } }, catalog)).toMatchObject({ ok: false, error: 'invalid' });
    expect(validate('student:report', {}, catalog)).toMatchObject({ ok: false });
    expect(validate('teacher:take', { steps: [STEPS[0], STEPS[0]] }, catalog)).toMatchObject({ ok: false, reason: expect.stringContaining('one id') });
    expect(validate('teacher:take', { steps: [{ ...STEPS[0], seconds: 1e9 }] }, catalog)).toMatchObject({ ok: false });
    expect(validate('teacher:follow', [true], catalog)).toMatchObject({ ok: false });
    expect(validate('teacher:follow', Object.create({ on: true }), catalog)).toMatchObject({ ok: false });
    expect(validate('teacher:resume', { code: 'ACD37', token: 'short' }, catalog)).toMatchObject({ ok: false });
  });

  it('refuses oversized payloads before looking at them, and non-JSON ones', () => {
    const r = validate('student:join', { code: 'ACD37', nickname: 'x'.repeat(10_000), device: 'phone' }, catalog);
    expect(r).toMatchObject({ ok: false, error: 'invalid', reason: expect.stringContaining('over') });
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(validate('student:report', loop, catalog)).toMatchObject({ ok: false, reason: 'payload is not JSON' });
  });

  it('knows its messages and who may send them', () => {
    expect(isClientMessage('teacher:end')).toBe(true);
    expect(isClientMessage('__proto__')).toBe(false);
    expect(isClientMessage('constructor')).toBe(false);
    for (const [name, spec] of Object.entries(MESSAGES)) {
      if (name.startsWith('teacher:') && name !== 'teacher:resume') expect(spec.from, name).toBe('teacher');
      if (name.startsWith('student:') && !['student:join', 'student:resume'].includes(name)) expect(spec.from, name).toBe('student');
    }
  });
});
