import { describe, expect, it } from 'vitest';
import { ACTIVITY_OUTCOMES, AnalyticsLog, ANALYTICS_KEY, EVENT_TIME_RANGE, readEvent, type AnalyticsEvent } from '../../src/analytics/log';
import { csvCell, summarise, toCsv } from '../../src/analytics/export';

class MemoryStore {
  map = new Map<string, string>();
  writes = 0;
  /** Largest value setItem accepts (characters); above it, it throws like a full quota. */
  quota = Infinity;
  getItem(k: string): string | null {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.writes++;
    if (v.length > this.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.map.set(k, v);
  }
  removeItem(k: string): void {
    this.map.delete(k);
  }
}

const T = Date.UTC(2026, 10, 26, 9, 0, 0);
const visit = (i: number): AnalyticsEvent => ({ t: T + i * 1000, type: 'visit', session: 's1', station: `st${i}`, dwell: 2 });
const stored = (events: unknown): MemoryStore => {
  const store = new MemoryStore();
  store.map.set(ANALYTICS_KEY, typeof events === 'string' ? events : JSON.stringify(events));
  return store;
};
const VALID: readonly AnalyticsEvent[] = [
  { t: T, type: 'session', session: 'a', mode: 'kiosk', lang: 'en' },
  { t: T, type: 'visit', session: 'a', station: 'camera', dwell: 4.5 },
  { t: T, type: 'complete', session: 'a' },
  { t: T, type: 'quiz', session: 'a', question: 'q1', choice: 2, correct: false },
  { t: T, type: 'xr', session: 'a', xr: 'vr' },
  { t: T, type: 'end', session: 'a', reason: 'idle' },
  { t: T, type: 'activity', session: 'a', activity: 'stunts', outcome: 'done' },
];

describe('a tampered store never breaks the log', () => {
  it('keeps every valid event of every type as it was', () => {
    expect(new AnalyticsLog(stored(VALID)).all()).toEqual(VALID);
  });

  it.each([
    ['not JSON', '{broken'],
    ['an object', '{"t": 1}'],
    ['a string', '"events"'],
    ['null', 'null'],
    ['a number', '42'],
  ])('reads a store holding %s as empty', (_what, text) => {
    const log = new AnalyticsLog(stored(text));
    expect(log.all()).toEqual([]);
    expect(() => toCsv(log.all())).not.toThrow();
    expect(summarise(log.all()).sessions).toBe(0);
  });

  it.each([
    ['t as a string', { ...VALID[0], t: String(T) }],
    ['t missing', { type: 'complete', session: 'a' }],
    ['session as a number', { ...VALID[2], session: 7 }],
    ['an unknown type', { ...VALID[2], type: 'hack' }],
    ['type missing', { t: T, session: 'a' }],
    ['mode as an object', { ...VALID[0], mode: { a: 1 } }],
    ['lang missing', { t: T, type: 'session', session: 'a', mode: 'kiosk' }],
    ['station as an array', { ...VALID[1], station: ['camera'] }],
    ['dwell as a string', { ...VALID[1], dwell: '4' }],
    ['dwell negative', { ...VALID[1], dwell: -1 }],
    ['dwell absurdly long', { ...VALID[1], dwell: 1e300 }],
    ['choice as a string', { ...VALID[3], choice: '2' }],
    ['choice a fraction', { ...VALID[3], choice: 1.5 }],
    ['correct as a string', { ...VALID[3], correct: 'true' }],
    ['xr as null', { ...VALID[4], xr: null }],
    ['reason missing', { t: T, type: 'end', session: 'a' }],
    ['a 10 000-character session id', { ...VALID[2], session: 'x'.repeat(10_000) }],
    ['null', null],
    ['a number', 5],
    ['an array', [T, 'visit']],
  ])('drops an event with %s and keeps the others', (_what, bad) => {
    const log = new AnalyticsLog(stored([VALID[0], bad, VALID[5]]));
    expect(log.all()).toEqual([VALID[0], VALID[5]]);
    expect(() => toCsv(log.all())).not.toThrow();
  });

  it('keeps only known fields: extra ones (and an own "__proto__") are not carried or stored again', () => {
    const store = stored(JSON.stringify([VALID[2]]).replace('{', '{"__proto__": {"admin": true}, "extra": "xxxxxxxxx",'));
    const log = new AnalyticsLog(store);
    expect(log.all()).toEqual([VALID[2]]);
    expect(Object.keys(log.all()[0]!)).toEqual(['t', 'type', 'session']);
    log.add(VALID[5]!);
    expect(store.getItem(ANALYTICS_KEY)).not.toContain('extra');
    expect(store.getItem(ANALYTICS_KEY)).not.toContain('admin');
  });

  it('a huge array keeps the newest valid events up to the limit, in order', () => {
    const junk = Array.from({ length: 50_000 }, (_, i) => (i % 2 ? { t: 'x' } : visit(i)));
    const log = new AnalyticsLog(stored(junk), 3000);
    expect(log.all()).toHaveLength(3000);
    expect(log.all()[0]).toEqual(visit(44_000));
    expect(log.all().at(-1)).toEqual(visit(49_998));
  });

  it('a store that throws on read is an empty log', () => {
    const log = new AnalyticsLog({
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => undefined,
      removeItem: () => undefined,
    });
    expect(log.all()).toEqual([]);
  });
});

describe('event dates out of range are dropped, so the export never throws', () => {
  it.each([
    ['1e300', 1e300],
    ['negative', -1],
    ['past the Date range', 8.64e15 + 1],
    ['after year 9999', Date.UTC(10000, 0, 1)],
    ['the earliest Date there is (271 821 BC)', -8.64e15],
  ])('t %s', (_what, t) => {
    const log = new AnalyticsLog(stored([VALID[0], { ...VALID[2], t }, VALID[5]]));
    expect(log.all()).toEqual([VALID[0], VALID[5]]);
    expect(() => toCsv(log.all())).not.toThrow();
    expect(toCsv(log.all()).split('\r\n')).toHaveLength(4);
  });

  it('NaN and Infinity (null once stored as JSON) and an added event with a broken clock', () => {
    const log = new AnalyticsLog(stored(`[{"t": null, "type": "complete", "session": "a"}]`));
    expect(log.all()).toEqual([]);
    log.add({ ...VALID[2], t: Number.NaN } as AnalyticsEvent);
    log.add({ ...VALID[2], t: Infinity } as AnalyticsEvent);
    expect(log.all()).toEqual([]);
    expect(() => toCsv(log.all())).not.toThrow();
  });

  it('the edges of the range are kept and written as plain ISO times', () => {
    const log = new AnalyticsLog(stored([{ ...VALID[2], t: EVENT_TIME_RANGE.min }, { ...VALID[2], t: EVENT_TIME_RANGE.max }]));
    expect(toCsv(log.all()).split('\r\n').slice(1, 3).map((r) => r.split(',')[0])).toEqual(['1970-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z']);
  });
});

describe('a failed storage write keeps the in-memory log', () => {
  it('nothing is thrown away when the quota is full, and the next write that fits stores everything', () => {
    const store = new MemoryStore();
    const log = new AnalyticsLog(store);
    for (let i = 0; i < 10; i++) log.add(visit(i));
    const lastGood = store.getItem(ANALYTICS_KEY);
    store.quota = lastGood!.length; // full: no bigger value fits
    for (let i = 10; i < 20; i++) log.add(visit(i));
    expect(log.all()).toHaveLength(20); // the old code halved it on every failed write
    expect(log.all().map((e) => e.t)).toEqual(Array.from({ length: 20 }, (_, i) => visit(i).t));
    expect(store.getItem(ANALYTICS_KEY)).toBe(lastGood);
    store.quota = Infinity;
    log.add(visit(20));
    expect(new AnalyticsLog(store).all()).toHaveLength(21);
  });

  it('a store that always throws still leaves a working log', () => {
    const log = new AnalyticsLog({ getItem: () => null, setItem: () => { throw new Error('blocked'); }, removeItem: () => undefined });
    for (let i = 0; i < 5; i++) log.add(visit(i));
    expect(log.all()).toHaveLength(5);
    expect(summarise(log.all()).visits).toBe(5);
  });
});

describe('every CSV cell through the formula guard', () => {
  it.each([
    '=1+1', '+1', '-1', '@SUM(A1)', ' =1+1', '   +cmd', '\t=1', ' \t@x', '\n=1', '\u3000=1',
    '\uFF1D1+1', '\uFF0B1', '\uFF0D1', '\uFF20x', ' \uFF1Dx', '\tplain', '\rplain',
  ])('%j starts with an apostrophe', (value) => {
    const cell = csvCell(value);
    const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
    expect(unquoted).toBe(`'${value}`);
    expect(cell.startsWith('"')).toBe(true); // the apostrophe makes it quoted, so it reads back exactly
  });

  it.each(['camera', 'a=b', 'x-y', 'user@site', '41.3', ' plain'])('%j is left as it is', (value) => {
    expect(csvCell(value)).toBe(value);
  });

  it('numbers and booleans go through the guard too', () => {
    expect(csvCell(41.3)).toBe('41.3');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(-2)).toBe(`"'-2"`);
  });

  it('tampered text in the store is exported guarded', () => {
    const log = new AnalyticsLog(stored([{ t: T, type: 'session', session: '=HYPERLINK("http://x")', mode: ' +kiosk', lang: '\uFF20en' }, { t: T, type: 'end', session: 'a', reason: '\t-1' }]));
    const rows = toCsv(log.all()).split('\r\n');
    expect(rows[1]).toBe(`2026-11-26T09:00:00.000Z,"'=HYPERLINK(""http://x"")",session,,,,,,"'\uFF20en","' +kiosk",,,,,,,`);
    expect(rows[2]).toBe(`2026-11-26T09:00:00.000Z,a,end,,,,,,,,,"'\t-1",,,,,`);
  });
});

describe('readEvent', () => {
  it('returns a fresh copy of a valid event and null for anything else', () => {
    for (const e of VALID) {
      expect(readEvent(e)).toEqual(e);
      expect(readEvent(e)).not.toBe(e);
    }
    expect(readEvent(undefined)).toBeNull();
    expect(readEvent('visit')).toBeNull();
  });
});

describe('hands-on activity events', () => {
  const done: AnalyticsEvent = { t: T, type: 'activity', session: 'a', activity: 'stunts', outcome: 'done' };
  /** The CSV's rows as header → cell records (no cell here needs quoting). */
  const records = (csv: string): Record<string, string>[] => {
    const [head, ...rows] = csv.split('\r\n').filter(Boolean).map((l) => l.split(','));
    return rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i]!])));
  };

  it('every outcome round-trips through readEvent and the store', () => {
    for (const outcome of ACTIVITY_OUTCOMES) {
      const e: AnalyticsEvent = { ...done, outcome };
      expect(readEvent(e)).toEqual(e);
      expect(readEvent(JSON.parse(JSON.stringify(e)))).toEqual(e);
    }
    const store = new MemoryStore();
    new AnalyticsLog(store).add(done);
    expect(new AnalyticsLog(store).all()).toEqual([done]);
  });

  it('fills the activity and activity_outcome columns of its CSV row, and only those', () => {
    const csv = toCsv(new AnalyticsLog(stored([VALID[0], done])).all());
    expect(csv.split('\r\n')[2]).toBe('2026-11-26T09:00:00.000Z,a,activity,,,,,,,,,,,,,stunts,done');
    const [session, activity] = records(csv);
    expect(activity).toMatchObject({ session: 'a', event: 'activity', activity: 'stunts', activity_outcome: 'done', station: '', take: '' });
    expect(session).toMatchObject({ event: 'session', activity: '', activity_outcome: '' });
  });

  it.each([
    ['an unknown outcome', { ...done, outcome: 'won' }],
    ['a take\'s outcome', { ...done, outcome: 'finished' }],
    ['an outcome named like a prototype property', { ...done, outcome: 'constructor' }],
    ['the outcome in capitals', { ...done, outcome: 'DONE' }],
    ['outcome missing', { t: T, type: 'activity', session: 'a', activity: 'stunts' }],
    ['activity as a number', { ...done, activity: 6 }],
    ['a 10 000-character activity id', { ...done, activity: 'x'.repeat(10_000) }],
  ])('drops a tampered one with %s, from the store and from the CSV', (_what, bad) => {
    expect(readEvent(bad)).toBeNull();
    const log = new AnalyticsLog(stored([VALID[0], bad, VALID[5]]));
    expect(log.all()).toEqual([VALID[0], VALID[5]]);
    log.add(bad as AnalyticsEvent);
    expect(log.all()).toHaveLength(2);
    expect(records(toCsv(log.all())).map((r) => r.event)).toEqual(['session', 'end']);
  });
});
