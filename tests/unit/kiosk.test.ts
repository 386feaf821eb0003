import { describe, expect, it } from 'vitest';
import { IdleMachine } from '../../src/kiosk/idle';
import { AnalyticsLog, ANALYTICS_KEY } from '../../src/analytics/log';
import { csvCell, summarise, toCsv } from '../../src/analytics/export';

describe('kiosk idle cycle', () => {
  it('attract → touch begins → idle → countdown → reset', () => {
    const m = new IdleMachine(60_000, 15_000);
    expect(m.phase).toBe('attract');
    expect(m.tick(1_000)).toBe('none');
    expect(m.input(2_000)).toBe('begin');
    expect(m.tick(61_999)).toBe('none');
    expect(m.tick(62_000)).toBe('countdown');
    expect(m.secondsLeft(62_000)).toBe(15);
    expect(m.secondsLeft(70_500)).toBe(7);
    expect(m.tick(76_999)).toBe('none');
    expect(m.tick(77_000)).toBe('reset');
    expect(m.phase).toBe('attract');
  });

  it('a touch during the countdown keeps the visit, and the idle time starts again', () => {
    const m = new IdleMachine(60_000, 15_000);
    m.input(0);
    m.tick(60_000);
    expect(m.input(65_000)).toBe('dismiss');
    expect(m.phase).toBe('visit');
    expect(m.tick(124_999)).toBe('none');
    expect(m.tick(125_000)).toBe('countdown');
  });

  it('input during a visit postpones the countdown', () => {
    const m = new IdleMachine(10_000, 5_000);
    m.input(0);
    m.input(9_000);
    expect(m.tick(15_000)).toBe('none');
    expect(m.tick(19_000)).toBe('countdown');
  });
});

class MemoryStore {
  map = new Map<string, string>();
  getItem(k: string): string | null {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.map.set(k, v);
  }
  removeItem(k: string): void {
    this.map.delete(k);
  }
}

describe('local analytics', () => {
  it('keeps events across instances, bounded to the newest', () => {
    const store = new MemoryStore();
    const log = new AnalyticsLog(store, 5);
    for (let i = 0; i < 8; i++) log.add({ t: i, type: 'visit', session: 's', station: `st${i}`, dwell: 2 });
    expect(log.all().map((e) => e.t)).toEqual([3, 4, 5, 6, 7]);
    expect(new AnalyticsLog(store, 5).all()).toHaveLength(5);
  });

  it('ignores a corrupt store', () => {
    const store = new MemoryStore();
    store.setItem(ANALYTICS_KEY, '{broken');
    expect(new AnalyticsLog(store).all()).toEqual([]);
    store.setItem(ANALYTICS_KEY, JSON.stringify([{ t: 1, type: 'nope', session: 'x' }, { t: 2, type: 'complete', session: 'x' }]));
    expect(new AnalyticsLog(store).all()).toEqual([{ t: 2, type: 'complete', session: 'x' }]);
  });

  it('summarises and exports CSV, safe for spreadsheets', () => {
    const log = new AnalyticsLog(new MemoryStore());
    log.add({ t: Date.UTC(2026, 10, 26, 9, 0, 0), type: 'session', session: 'a1', mode: 'kiosk', lang: 'es' });
    log.add({ t: Date.UTC(2026, 10, 26, 9, 1, 0), type: 'visit', session: 'a1', station: 'camera', dwell: 41.26 });
    log.add({ t: Date.UTC(2026, 10, 26, 9, 2, 0), type: 'quiz', session: 'a1', question: 'stages', choice: 2, correct: true });
    log.add({ t: Date.UTC(2026, 10, 26, 9, 3, 0), type: 'xr', session: 'a1', xr: 'vr' });
    log.add({ t: Date.UTC(2026, 10, 26, 9, 4, 0), type: 'complete', session: 'a1' });
    log.add({ t: Date.UTC(2026, 10, 26, 9, 5, 0), type: 'end', session: 'a1', reason: 'idle' });
    log.add({ t: Date.UTC(2026, 10, 26, 9, 6, 0), type: 'pin-lockout', session: 'kiosk', seconds: 30 });
    log.add({ t: Date.UTC(2026, 10, 26, 9, 7, 0), type: 'take', session: 'a1', outcome: 'finished', follow: 'boom-op' });
    expect(summarise(log.all())).toEqual({ sessions: 1, visits: 1, completed: 1, answers: 1, correct: 1, dwellSeconds: 41 });
    expect(toCsv(log.all()).split('\r\n')).toEqual([
      'time,session,event,station,dwell_s,question,choice,correct,language,mode,xr,reason,lockout_s,take,follow,activity,activity_outcome',
      '2026-11-26T09:00:00.000Z,a1,session,,,,,,es,kiosk,,,,,,,',
      '2026-11-26T09:01:00.000Z,a1,visit,camera,41.3,,,,,,,,,,,,',
      '2026-11-26T09:02:00.000Z,a1,quiz,,,stages,2,true,,,,,,,,,',
      '2026-11-26T09:03:00.000Z,a1,xr,,,,,,,,vr,,,,,,',
      '2026-11-26T09:04:00.000Z,a1,complete,,,,,,,,,,,,,,',
      '2026-11-26T09:05:00.000Z,a1,end,,,,,,,,,idle,,,,,',
      '2026-11-26T09:06:00.000Z,kiosk,pin-lockout,,,,,,,,,,30,,,,',
      '2026-11-26T09:07:00.000Z,a1,take,,,,,,,,,,,finished,boom-op,,',
      '',
    ]);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    log.clear();
    expect(summarise(log.all()).sessions).toBe(0);
  });
});
