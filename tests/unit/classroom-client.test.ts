// The classroom's browser side, without a browser: the pure parts of src/classroom-client/ (and
// the tour's navigation gate), fed where it matters by the real session machine's own views.
import { describe, expect, it } from 'vitest';
import en from '../../scenes/locales/en.json';
import type { Content } from '../../src/content/types';
import type { ClassView, MateView, StudentRow, TeacherReply } from '../../src/classroom/protocol';
import { createSession, reduce, type SessionState } from '../../src/classroom/session';
import { deviceKind } from '../../src/classroom-client/device';
import { parsePlace } from '../../src/classroom-client/memory';
import { matesByStation, moveFor } from '../../src/classroom-client/moves';
import { qrPath } from '../../src/classroom-client/qr';
import { Revs } from '../../src/classroom-client/revs';
import { Roster } from '../../src/classroom-client/roster';
import { joinError } from '../../src/classroom-client/words';
import { NavGate } from '../../src/systems/nav-gate';

const ui = en.ui;
const content = { locale: en } as unknown as Content;

const cls = (o: Partial<ClassView> = {}): ClassView => ({
  rev: 1, code: 'ACD37', status: 'open', paused: false, locked: false, follow: false, teacherStation: null, gather: null, quiz: null, teacher: true, ...o,
});

describe('Revs: the newest view of each thing wins', () => {
  it('drops an older rev, keeps an equal or newer one, per key', () => {
    const r = new Revs();
    expect(r.accept('class', 5)).toBe(true);
    expect(r.accept('class', 4)).toBe(false);
    expect(r.accept('class', 5)).toBe(true);
    expect(r.accept('row:a', 1)).toBe(true);
    expect(r.accept('class', 9)).toBe(true);
    expect(r.accept('class', 6)).toBe(false);
  });
});

describe('moveFor: where a class view sends a student', () => {
  it('follow: to the teacher\'s station at once and on every change, not again while it stays', () => {
    const a = cls({ follow: true, teacherStation: 'camera' });
    expect(moveFor(null, a, null, null).go).toBe('camera');
    expect(moveFor(a, cls({ rev: 2, follow: true, teacherStation: 'camera' }), 0, 'art').go).toBe(null);
    expect(moveFor(a, cls({ rev: 3, follow: true, teacherStation: 'sound' }), 0, 'camera').go).toBe('sound');
    expect(moveFor(null, a, null, 'camera').go).toBe(null); // already there
    expect(moveFor(a, cls({ rev: 4, follow: false, teacherStation: null }), 0, 'camera').go).toBe(null);
  });

  it('gather: a newer seq moves (and is said), the one standing when the page first sees the class does not', () => {
    const g1 = cls({ gather: { station: 'sound', seq: 1 } });
    expect(moveFor(null, g1, null, 'art')).toEqual({ go: null, gathered: false, gatherSeq: 1 });
    expect(moveFor(null, cls(), null, 'art')).toEqual({ go: null, gathered: false, gatherSeq: 0 });
    // The first gather of a class the student joined before any gather (seq 1 > 0).
    expect(moveFor(cls(), g1, 0, 'art')).toEqual({ go: 'sound', gathered: true, gatherSeq: 1 });
    // A reload keeps the handled seq: the same gather does not move the student again.
    expect(moveFor(null, g1, 1, 'art').go).toBe(null);
    // A gather missed while offline is acted on at the resume.
    expect(moveFor(null, cls({ gather: { station: 'camera', seq: 3 } }), 1, 'art')).toEqual({ go: 'camera', gathered: true, gatherSeq: 3 });
    // Gather wins over follow in one view.
    expect(moveFor(null, cls({ follow: true, teacherStation: 'art', gather: { station: 'sound', seq: 2 } }), 1, null).go).toBe('sound');
  });

  it('an ended class moves nobody', () => {
    expect(moveFor(null, cls({ status: 'ended', follow: true, teacherStation: 'camera', gather: { station: 'sound', seq: 2 } }), 1, null).go).toBe(null);
  });
});

describe('matesByStation', () => {
  it('groups connected classmates by station, sorted, leaving out oneself, the gone and the disconnected', () => {
    const m = (id: string, nickname: string, station: string | null, gone?: true): MateView => ({ rev: 1, id, nickname, station, ...(gone ? { gone } : {}) });
    const out = matesByStation([m('1', 'Zed', 'camera'), m('2', 'ana', 'camera'), m('3', 'Me', 'camera'), m('4', 'Off', null), m('5', 'Left', 'sound', true), m('6', 'Bo', 'sound')], '3');
    expect([...out]).toEqual([['camera', ['ana', 'Zed']], ['sound', ['Bo']]]);
  });
});

describe('Roster: the teacher\'s rows from the session machine\'s own views', () => {
  function session() {
    let s: SessionState = createSession({ code: 'ACD37', tokenHash: 'T', conn: 'tc', cap: 30, now: 1 });
    const events: StudentRow[] = [];
    const run = (e: Parameters<typeof reduce>[1]) => {
      const out = reduce(s, e, 2);
      s = out.state;
      for (const f of out.effects) if (f.kind === 'send' && f.name === 'teacher:student') events.push(f.data as StudentRow);
      return out.reply;
    };
    return { run, events, get s() { return s; } };
  }

  it('builds text cells per student, keeps the newest rev of each row, and drops the gone', () => {
    const c = session();
    // The machine takes names as the validator left them; the roster passes them on as strings
    // (the dashboard sets them as text: the e2e journey checks no markup appears).
    c.run({ type: 'join', conn: 'a', id: 'id-aaaaaa', nickname: '<b>Ana</b>', device: 'phone', tokenHash: 'ha' });
    c.run({ type: 'join', conn: 'b', id: 'id-bbbbbb', nickname: 'Ben', device: 'vr', tokenHash: 'hb' });
    const view = (c.run({ type: 'teacher-resume', conn: 'tc2', tokenHash: 'T' }) as TeacherReply).view;
    const roster = new Roster();
    roster.applyView(view);
    c.run({ type: 'report', conn: 'a', station: 'camera' });
    c.run({ type: 'report', conn: 'a', activity: 'lighting' });
    const stale = c.events[0]!; // Ana's row at her join: older than the view
    for (const row of c.events.slice(-2)) roster.applyRow(row);
    expect(roster.applyRow(stale)).toBe(false);
    c.run({ type: 'disconnect', conn: 'b' });
    roster.applyRow(c.events[c.events.length - 1]!);
    expect(roster.cells(content)).toEqual([
      { id: 'id-aaaaaa', nickname: '<b>Ana</b>', device: ui.classDevicePhone, station: en.stations.camera.title, activities: '1', quiz: '–', online: ui.classYes, connected: true },
      { id: 'id-bbbbbb', nickname: 'Ben', device: ui.classDeviceVr, station: ui.classAtStart, activities: '0', quiz: '–', online: ui.classNo, connected: false },
    ]);
    expect(roster.cap).toBe(30);
    expect(roster.applyRow({ rev: c.s.rev + 1, id: 'id-bbbbbb', gone: true })).toBe(true);
    expect(roster.list().map((r) => r.nickname)).toEqual(['<b>Ana</b>']);
  });

  it('a newer whole view drops rows it no longer has (a gone event missed while away)', () => {
    const roster = new Roster();
    const row = (id: string, rev: number): StudentRow => ({ rev, id, nickname: id, device: 'desktop', station: null, visited: [], activities: [], answered: 2, score: 1, roles: [], connected: true });
    const view = (rev: number, students: StudentRow[]) => ({ rev, class: cls({ rev }), cap: 60, students, tallies: [], roles: {}, take: null, takes: [] });
    roster.applyView(view(3, [row('a', 2), row('b', 3)]));
    roster.applyView(view(9, [row('a', 2)]));
    expect(roster.list().map((r) => r.id)).toEqual(['a']);
    expect(roster.cells(content)[0]!.quiz).toBe('1 of 2');
  });
});

describe('joinError: the visitor\'s words for each refusal', () => {
  it.each([
    ['unknown-session', ui.classErrUnknown.replace('{code}', 'ACD37')],
    ['session-ended', ui.classErrEnded],
    ['session-full', ui.classErrFull],
    ['nickname-taken', ui.classErrTaken],
    ['nickname-empty', ui.classErrEmpty],
    ['nickname-too-long', ui.classErrTooLong.replace('{max}', '20')],
    ['bad-code', ui.classErrCode.replace('{length}', '5')],
    ['unreachable', ui.classErrUnreachable],
    ['unavailable', ui.classErrUnreachable],
    ['rate-limited', ui.classErrBusy],
    ['invalid', ui.classErrOther],
  ] as const)('%s', (error, words) => {
    expect(joinError(ui, error, 'ACD37')).toBe(words);
    expect(words).not.toMatch(/\{\w+\}/);
  });
});

describe('parsePlace: a stored class place is ours or nothing', () => {
  it('reads a good one (normalising the code) and refuses anything else', () => {
    expect(parsePlace(JSON.stringify({ code: 'acd-37', token: 'a'.repeat(32), gather: 2 }))).toEqual({ code: 'ACD37', token: 'a'.repeat(32), gather: 2 });
    expect(parsePlace(JSON.stringify({ code: 'ACD37', token: 'a'.repeat(32) }))).toEqual({ code: 'ACD37', token: 'a'.repeat(32), gather: null });
    for (const bad of [null, '', '{', '[]', 'null', JSON.stringify({ code: 'OOOOO', token: 'a'.repeat(32) }), JSON.stringify({ code: 'ACD37', token: 'short' }), JSON.stringify({ code: 'ACD37', token: '<script>'.repeat(4) })]) {
      expect(parsePlace(bad)).toBeNull();
    }
  });
});

describe('deviceKind', () => {
  it('an immersive session first, then a headset browser, then touch, else desktop', () => {
    const chrome = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130';
    expect(deviceKind({ xr: 'vr', userAgent: chrome, coarse: true })).toBe('vr');
    expect(deviceKind({ xr: 'ar', userAgent: chrome, coarse: true })).toBe('ar');
    expect(deviceKind({ xr: 'inline', userAgent: 'Mozilla/5.0 (X11; Linux x86_64; Quest 3) OculusBrowser/35', coarse: true })).toBe('vr');
    expect(deviceKind({ xr: 'inline', userAgent: chrome, coarse: true })).toBe('phone');
    expect(deviceKind({ xr: 'inline', userAgent: chrome, coarse: false })).toBe('desktop');
  });
});

describe('NavGate: a teacher\'s lock on the visitor\'s own moves', () => {
  it('refuses moves while held (telling the lock once per attempt), lets other actions and steering through', () => {
    const g = new NavGate();
    expect(g.allows({ type: 'go', station: 'camera' })).toBe(true);
    let said = 0;
    const release = g.lock(() => said++);
    const silent = g.lock(); // a pause behind its own screen
    for (const a of [{ type: 'go', station: 'art' }, { type: 'next' }, { type: 'previous' }, { type: 'activateFocus' }] as const) expect(g.allows(a)).toBe(false);
    expect(said).toBe(4);
    expect(g.allows({ type: 'escape' })).toBe(true);
    expect(g.allows({ type: 'openRole', role: 'gaffer', station: 'lighting' })).toBe(true);
    let steered = false;
    g.steer(() => (steered = g.allows({ type: 'go', station: 'sound' })));
    expect(steered).toBe(true);
    expect(g.allows({ type: 'next' })).toBe(false);
    release();
    expect(g.locked).toBe(true); // the pause still holds
    g.refuse();
    expect(g.allows({ type: 'next' })).toBe(false);
    expect(said).toBe(5); // the refusal before the release, none since: the silent hold says nothing
    silent();
    expect(g.locked).toBe(false);
    expect(g.allows({ type: 'next' })).toBe(true);
  });
});

describe('qrPath: a QR code drawn locally', () => {
  it('has the three finder patterns at the corners of a version-sized square with its quiet zone', () => {
    const { size, d } = qrPath('http://192.168.1.20:8443/?session=ACD37');
    const dark = new Set([...d.matchAll(/M(\d+) (\d+)/g)].map((m) => `${m[1]},${m[2]}`));
    const n = size - 4; // modules without the quiet zone
    expect((n - 17) % 4).toBe(0);
    const finder = (x0: number, y0: number) => {
      for (let i = 0; i < 7; i++) {
        // The outer ring of each 7×7 finder is dark, the ring inside it light, its 3×3 core dark.
        expect(dark.has(`${x0 + i},${y0}`) && dark.has(`${x0},${y0 + i}`) && dark.has(`${x0 + i},${y0 + 6}`) && dark.has(`${x0 + 6},${y0 + i}`)).toBe(true);
      }
      expect(dark.has(`${x0 + 1},${y0 + 1}`)).toBe(false);
      expect(dark.has(`${x0 + 3},${y0 + 3}`)).toBe(true);
    };
    finder(2, 2);
    finder(2 + n - 7, 2);
    finder(2, 2 + n - 7);
    expect(qrPath('another address').d).not.toBe(d);
  });
});
