import { describe, expect, it } from 'vitest';
import { parseUrlParams, resolveStation, type UrlParams } from '../../src/tour/url';

const STATIONS = ['writers-room', 'camera', 'edit-suite'];
const DEFAULTS: UrlParams = { station: null, lang: null, mode: 'tour', emulateXr: null, stations: null, session: null, rejected: [] };

describe('parseUrlParams: valid values', () => {
  it('no parameters gives the defaults', () => {
    expect(parseUrlParams('')).toEqual(DEFAULTS);
    expect(parseUrlParams('?')).toEqual(DEFAULTS);
  });

  it('reads every parameter', () => {
    expect(parseUrlParams('?station=edit-suite&lang=es&mode=kiosk&emulate-xr=vr')).toEqual({
      station: 'edit-suite',
      lang: 'es',
      mode: 'kiosk',
      emulateXr: 'vr',
      stations: null,
      session: null,
      rejected: [],
    });
  });

  it('reads a class code as typed (checked later by the classroom), and an empty one as "ask for it"', () => {
    expect(parseUrlParams('?session=ab-c d').session).toBe('ab-c d');
    expect(parseUrlParams('?session=').session).toBe('');
    expect(parseUrlParams('?session').session).toBe('');
    expect(parseUrlParams('?session=' + 'X'.repeat(50)).session).toBe('X'.repeat(16));
  });

  it('works with or without the leading "?"', () => {
    expect(parseUrlParams('station=camera').station).toBe('camera');
  });

  it.each(['en', 'ast', 'pt-BR', 'es-ES'])('accepts the language code %s', (lang) => {
    expect(parseUrlParams(`?lang=${lang}`)).toEqual({ ...DEFAULTS, lang });
  });

  it('reads a teacher\'s lesson stations in order, once each, and rejects a malformed list', () => {
    expect(parseUrlParams('?mode=lesson&stations=camera,art,camera,sound').stations).toEqual(['camera', 'art', 'sound']);
    expect(parseUrlParams('?stations=camera,<b>')).toEqual({ ...DEFAULTS, rejected: ['stations=camera,<b>'] });
  });

  it.each(['tour', 'kiosk', 'lesson', 'teacher'])('accepts mode=%s', (mode) => {
    expect(parseUrlParams(`?mode=${mode}`)).toEqual({ ...DEFAULTS, mode });
  });

  it.each(['vr', 'ar'])('accepts emulate-xr=%s', (xr) => {
    expect(parseUrlParams(`?emulate-xr=${xr}`)).toEqual({ ...DEFAULTS, emulateXr: xr });
  });

  it('accepts a station id of exactly 60 characters', () => {
    const id = 'a'.repeat(60);
    expect(parseUrlParams(`?station=${id}`)).toEqual({ ...DEFAULTS, station: id });
  });

  it('ignores parameters it does not know', () => {
    expect(parseUrlParams('?utm_source=qr&debug=1')).toEqual(DEFAULTS);
  });
});

describe('parseUrlParams: bad values are rejected and listed', () => {
  it.each([
    ['upper case', 'Camera'],
    ['HTML', '<img src=x>'],
    ['a space', 'edit suite'],
    ['a trailing dash', 'camera-'],
    ['a double dash', 'edit--suite'],
    ['a path', '../set'],
  ])('station with %s', (_what, value) => {
    const p = parseUrlParams(`?station=${encodeURIComponent(value)}`);
    expect(p.station).toBeNull();
    expect(p.rejected).toEqual([`station=${value}`]);
  });

  it('station id over 60 characters; the rejected entry is cut to 60 characters', () => {
    const long = 'a'.repeat(61);
    const p = parseUrlParams(`?station=${long}`);
    expect(p.station).toBeNull();
    expect(p.rejected).toEqual([`station=${'a'.repeat(60)}`]);
  });

  it.each(['english', 'EN', 'en-us', 'en_US', 'e'])('lang=%s', (lang) => {
    const p = parseUrlParams(`?lang=${lang}`);
    expect(p.lang).toBeNull();
    expect(p.rejected).toEqual([`lang=${lang}`]);
  });

  it('mode=admin falls back to the tour', () => {
    expect(parseUrlParams('?mode=admin')).toEqual({ ...DEFAULTS, mode: 'tour', rejected: ['mode=admin'] });
    expect(parseUrlParams('?mode=KIOSK')).toEqual({ ...DEFAULTS, mode: 'tour', rejected: ['mode=KIOSK'] });
  });

  it('emulate-xr=mr', () => {
    expect(parseUrlParams('?emulate-xr=mr')).toEqual({ ...DEFAULTS, rejected: ['emulate-xr=mr'] });
  });

  it('lists every rejected value, keeping the valid ones', () => {
    const p = parseUrlParams('?station=%3Cscript%3E&lang=es&mode=admin&emulate-xr=mr');
    expect(p).toEqual({ station: null, lang: 'es', mode: 'tour', emulateXr: null, stations: null, session: null, rejected: ['station=<script>', 'mode=admin', 'emulate-xr=mr'] });
  });
});

describe('parseUrlParams: empty values', () => {
  it('are treated as absent, not as rejected', () => {
    expect(parseUrlParams('?station=&lang=&mode=&emulate-xr=')).toEqual(DEFAULTS);
    expect(parseUrlParams('?station&lang')).toEqual(DEFAULTS);
  });
});

describe('resolveStation', () => {
  it('a known station', () => {
    const search = '?station=camera';
    expect(resolveStation(parseUrlParams(search), STATIONS, search)).toEqual({ station: 'camera', unknown: null });
  });

  it('a well-formed but unknown station is reported', () => {
    const search = '?station=green-room';
    expect(resolveStation(parseUrlParams(search), STATIONS, search)).toEqual({ station: null, unknown: 'green-room' });
  });

  it('a malformed station is reported as the raw text the visitor typed', () => {
    const search = `?station=${encodeURIComponent('<img src=x>')}`;
    expect(resolveStation(parseUrlParams(search), STATIONS, search)).toEqual({ station: null, unknown: '<img src=x>' });
  });

  it('an overlong unknown station is cut to 60 characters', () => {
    const search = `?station=${'b'.repeat(200)}`;
    expect(resolveStation(parseUrlParams(search), STATIONS, search)).toEqual({ station: null, unknown: 'b'.repeat(60) });
  });

  it('no station, or an empty one, is neither found nor unknown', () => {
    expect(resolveStation(parseUrlParams(''), STATIONS, '')).toEqual({ station: null, unknown: null });
    expect(resolveStation(parseUrlParams('?station='), STATIONS, '?station=')).toEqual({ station: null, unknown: null });
  });

  it('a station id is only known if the content has it', () => {
    const search = '?station=camera';
    expect(resolveStation(parseUrlParams(search), [], search)).toEqual({ station: null, unknown: 'camera' });
  });
});
