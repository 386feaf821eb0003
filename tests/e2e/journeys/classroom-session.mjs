// The classroom (docs/CLASSROOM.md) against the real server: a teacher's dashboard (code, QR,
// rows as text) and three students who join by code; a fourth whose nickname is taken; Follow
// me, Gather, Lock, Pause / Resume (narration paused, input blocked), a student whose link drops
// and who resumes by itself, the teacher's reload, reports on the dashboard, and End session with
// the results CSV downloaded. Screenshots: the dashboard and a paused student at phone size.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assert, assertEqual, test } from '../lib/runner.mjs';
import { elementAt, text, tour, waitFor, waitForStation } from '../lib/helpers.mjs';
import { classroom, joinAs, startClassroom, waitJoined } from '../lib/classroom.mjs';

const rows = (page) => page.$$eval('#class-rows tr', (trs) => trs.map((tr) => Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.dataset.col, td.textContent]))));
const waitRow = (page, nickname, col, value, what) =>
  waitFor(page, ([n, c, v]) => [...document.querySelectorAll('#class-rows tr')].some((tr) => tr.querySelector('[data-col="nickname"]')?.textContent === n && tr.querySelector(`[data-col="${c}"]`)?.textContent === v), [nickname, col, value], { what, timeout: 15_000 });
const allAt = async (pages, station) => { for (const p of pages) await waitForStation(p, station, 30_000); };

/** The teacher's page with its session open; returns the page and the code shown. */
async function openTeacher(t, server) {
  const page = await t.newPage({ origin: server.origin });
  // Drawn at half resolution (the CSS layout is the same) until its screenshot: spares the cores.
  await page.setViewport({ width: 1280, height: 720, deviceScaleFactor: 0.5 });
  const teacher = await t.openApp('mode=teacher', { page, base: server.url });
  await waitFor(teacher, () => /^[A-Z0-9]{5}$/.test(document.querySelector('[data-session-code]')?.dataset.sessionCode ?? ''), null, { what: 'a session code in [data-session-code]' });
  const code = await teacher.$eval('[data-session-code]', (el) => el.dataset.sessionCode);
  await quick(teacher);
  await rest([teacher], true);
  return { teacher, code };
}

/**
 * A student's page. Smaller than the teacher's: four pages of software-rendered WebGL share two
 * cores here, and the cost grows with pixels (still wider than the phone layout, floor plan shown).
 */
async function openStudent(t, server, code, nickname) {
  const page = await t.newPage({ origin: server.origin });
  await start(t, page, server, code, nickname);
  await rest([page], true);
  await joinAs(page, nickname);
  return page;
}

/**
 * Stops (or restarts) the render loop of `pages`. Five pages of software-rendered WebGL on two
 * cores draw about one frame a second each, and a page starting meanwhile outlasts the suite's
 * 45 s; so every page rests once it is up, and the one a step needs to watch is woken. A resting
 * page still runs its sockets, timers and DOM (and, with reduced motion, its moves: see quick).
 */
async function rest(pages, on) {
  for (const p of pages) {
    await p.evaluate((stop) => {
      const scene = document.querySelector('a-scene');
      scene.renderer.setAnimationLoop(stop ? null : scene.render);
    }, on);
  }
}

async function start(t, page, server, code, nickname) {
  await page.setViewport({ width: 800, height: 540, deviceScaleFactor: 0.5 });
  const started = Date.now();
  await t.openApp(`session=${code}`, { page, base: server.url });
  t.note(`${nickname}'s page ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await quick(page);
}

/**
 * Reduced motion: every move is a short fade instead of a glide. A glide is stepped by the render
 * loop's frames, a fade by the page's own animation frames, so a resting page still walks; the
 * moves go through the same tour actions, navigation gate and arrival hooks.
 */
const quick = (page) => page.evaluate(() => window.backlot.tour.dispatch({ type: 'setSettings', settings: { reducedMotion: true } }));

test('classroom: teacher and three students — join, follow me, gather, lock, pause, drop and resume, reload, end with CSV', async (t) => {
  const server = await startClassroom(t.env.dist);
  const downloads = mkdtempSync(join(tmpdir(), 'backlot-class-csv-'));
  try {
    const { locale } = t.content();
    const { ui, stations } = locale;
    const { teacher, code } = await openTeacher(t, server);
    assertEqual(await text(teacher, '[data-session-code]'), code, 'the code shown is the one in data-session-code');
    assert(await teacher.$eval('.class-qr svg path', (p) => (p.getAttribute('d') ?? '').length > 500), 'no QR code drawn for the join address');
    assert((await text(teacher, '.class-join-url')).includes(`${server.origin}/?session=${code}`), 'the join address is not shown');

    t.step('three students join by code; a nickname is shown as text, never as markup');
    const odd = '&amp;Zoë "x"';
    const names = ['Ana', 'Ben', odd];
    const students = [];
    for (const n of names) students.push(await openStudent(t, server, code, n));
    for (const s of students) await waitJoined(s);
    await waitFor(teacher, () => document.querySelectorAll('#class-rows tr').length === 3, null, { what: 'three rows on the dashboard' });
    const shown = await rows(teacher);
    assertEqual(shown.map((r) => r.nickname).sort(), [...names].sort(), 'nicknames on the dashboard, as typed');
    assertEqual(shown.map((r) => r.device), [ui.classDeviceDesktop, ui.classDeviceDesktop, ui.classDeviceDesktop], 'device kinds');
    assert(shown.every((r) => r.online === ui.classYes && r.station === ui.classAtStart), `rows not connected at the start: ${JSON.stringify(shown)}`);
    assertEqual(await teacher.$$eval('#class-rows b, #class-rows script', (els) => els.length), 0, 'markup made from a nickname');
    const bar = await text(students[0], '#class-bar');
    assert(bar.includes(code) && bar.includes('Ana') && bar.includes(ui.classOnline), `the student's class line says "${bar}"`);

    t.step('a fourth student with a taken nickname gets the message, and can explore alone');
    const late = await openStudent(t, server, code, 'ana');
    await waitFor(late, (msg) => document.getElementById('class-join-error')?.textContent === msg, ui.classErrTaken, { what: 'the nickname-taken message' });
    await late.click('#class-alone');
    await waitFor(late, () => !document.getElementById('class-join-screen').open, null, { what: 'the join screen closed' });
    await late.evaluate(() => window.backlot.tour.dispatch({ type: 'go', station: 'art' }));
    await waitForStation(late, 'art');
    await late.close();


    t.step('Follow me: the class walks wherever the teacher goes');
    await teacher.click('#class-follow');
    await teacher.evaluate(() => window.backlot.tour.dispatch({ type: 'go', station: 'camera' }));
    await allAt(students, 'camera');
    await teacher.evaluate(() => window.backlot.tour.dispatch({ type: 'go', station: 'lighting' }));
    await allAt(students, 'lighting');
    await waitRow(teacher, 'Ben', 'station', stations.lighting.title, 'Ben at lighting on the dashboard');
    await teacher.click('#class-follow');
    await waitFor(teacher, () => document.getElementById('class-follow').getAttribute('aria-pressed') === 'false', null, { what: 'Follow me off' });

    t.step('Gather at a station');
    await teacher.select('#class-gather-station', 'sound');
    await teacher.click('#class-gather');
    await allAt(students, 'sound');
    const notice = await text(students[1], '#notice');
    assertEqual(notice, ui.classGathered.replace('{station}', stations.sound.title), 'the gather notice');
    t.step('classmates on the floor plan: Ana sees the two others at the sound station');
    await waitFor(students[0], () => document.querySelector('.class-mates [data-mates-at="sound"]')?.dataset.count === '2', null, { what: 'two classmates marked at sound' });
    const mark = await students[0].$eval('[data-mates-at="sound"]', (el) => ({ label: el.getAttribute('aria-label'), dots: [...el.children].map((c) => c.textContent) }));
    assertEqual(mark.label, ui.classMatesAt.replace('{station}', stations.sound.title).replace('{names}', [odd, 'Ben'].sort((a, b) => a.localeCompare(b)).join(locale.ui.listSeparator)), 'the marker\'s label');
    assertEqual(mark.dots.sort(), ['&', 'B'], 'the markers\' initials');
    assertEqual(await students[0].$$eval('.class-mates [data-mates-at]', (els) => els.length), 1, 'stations with classmates marked');

    t.step('Lock navigation: a student cannot walk, the teacher can still gather them');
    await teacher.click('#class-lock');
    await waitFor(students[0], () => window.backlot.tour.gate.locked, null, { what: 'navigation locked' });
    await students[0].click('.floorplan-station[data-station="art"]');
    await students[0].evaluate(() => window.backlot.tour.dispatch({ type: 'next' }));
    assertEqual((await tour(students[0])).station, 'sound', 'station of a locked student after trying to walk');
    assertEqual(await text(students[0], '#notice'), ui.classLocked, 'the locked notice');
    assert((await text(students[0], '#class-bar')).includes(ui.classLockedBadge), 'the class line does not say navigation is locked');
    await teacher.select('#class-gather-station', 'camera');
    await teacher.click('#class-gather');
    await allAt(students, 'camera');
    await teacher.click('#class-lock');
    await waitFor(students[0], () => !window.backlot.tour.gate.locked, null, { what: 'navigation unlocked' });
    await students[0].evaluate(() => window.backlot.tour.dispatch({ type: 'go', station: 'art' }));
    await waitForStation(students[0], 'art');
    await waitRow(teacher, 'Ana', 'station', stations.art.title, 'Ana at art on the dashboard (her own report)');

    t.step('reports: an activity done shows on the dashboard');
    await students[1].evaluate(() => window.backlot.tour.dispatch({ type: 'activityDone', id: 'lighting' }));
    await waitRow(teacher, 'Ben', 'activities', '1', "Ben's activity on the dashboard");

    t.step('Pause all: "Eyes on your teacher", narration paused, the page takes no input; Resume');
    const paused = students[1];
    await rest([paused], false); // drawn, and its narration stepped, while it is watched
    await paused.setViewport({ width: 390, height: 844, deviceScaleFactor: 2 }) // (isMobile would reload the page);
    await waitFor(paused, () => window.backlot.narration.view.status === 'playing', null, { what: 'narration playing at the camera', timeout: 30_000 }).catch(() => t.note('narration was not playing before the pause (sound blocked?)'));
    await teacher.click('#class-pause');
    for (const s of students) await waitFor(s, () => document.getElementById('class-paused')?.open === true, null, { what: 'the pause screen' });
    assertEqual(await text(paused, '#class-paused h2'), ui.classPaused, 'the pause screen words');
    assert(await paused.evaluate(() => window.backlot.narration.view.status !== 'playing'), 'narration still playing while paused');
    const under = await elementAt(paused, 20, 20);
    assert(under !== 'canvas' && !/#hud|btn-/.test(under ?? ''), `a tap at the corner reaches ${under} while paused`);
    await paused.keyboard.press('Escape');
    assert(await paused.evaluate(() => document.getElementById('class-paused').open), 'Escape dismissed the teacher\'s pause');
    await t.screenshot(paused, 'classroom-student-paused-phone.png');
    assertEqual(await teacher.$eval('#class-pause', (b) => b.textContent), ui.classResume, 'the pause button now resumes');
    await teacher.click('#class-pause');
    for (const s of students) await waitFor(s, () => !document.getElementById('class-paused').open, null, { what: 'the pause screen gone' });
    await paused.setViewport({ width: 800, height: 540, deviceScaleFactor: 0.5 });
    await rest([paused], true);

    t.step('a dropped link: the student reconnects and resumes by itself, same place in the class');
    const dropper = students[2];
    const before = await classroom(dropper);
    await dropper.evaluate(() => window.backlot.classroom.dropLink());
    await waitFor(dropper, () => !window.backlot.classroom.debug().connected, null, { what: 'the link down', timeout: 5000 }).catch(() => t.note('the reconnection was quicker than the poll'));
    await waitJoined(dropper);
    const after = await classroom(dropper);
    assertEqual([after.you.id, after.you.nickname], [before.you.id, before.you.nickname], 'who the student is after resuming');
    await teacher.select('#class-gather-station', 'led-volume');
    await teacher.click('#class-gather');
    await allAt(students, 'led-volume');

    t.step("the teacher's dashboard survives a reload");
    await teacher.reload({ waitUntil: 'load' });
    await waitFor(teacher, (c) => document.querySelector('[data-session-code]')?.dataset.sessionCode === c && document.querySelectorAll('#class-rows tr').length === 3, code, { what: 'the same session and rows after a reload' });
    assertEqual((await classroom(students[0])).code, code, 'the students are still in the class');
    await rest([teacher], false);
    await teacher.setViewport({ width: 1280, height: 720 });
    await waitFor(teacher, () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))), null, { what: 'two frames drawn' });
    await t.screenshot(teacher, 'classroom-dashboard.png');
    await teacher.setViewport({ width: 1280, height: 720, deviceScaleFactor: 0.5 });
    await rest([teacher], true);

    t.step('End session: the results CSV is downloaded, the students carry on alone');
    const cdp = await teacher.createCDPSession();
    await cdp.send('Page.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    await teacher.click('#class-end');
    await teacher.click('#class-end-sure');
    await waitFor(teacher, () => document.getElementById('class-dashboard').dataset.status === 'ended', null, { what: 'the dashboard ended' });
    const deadline = Date.now() + 10_000;
    let files = [];
    while (Date.now() < deadline && !(files = readdirSync(downloads).filter((f) => f.endsWith('.csv'))).length) await new Promise((r) => setTimeout(r, 100));
    assertEqual(files.length, 1, 'CSV files downloaded');
    assert(files[0].includes(code), `the CSV is named ${files[0]}`);
    const csv = readFileSync(join(downloads, files[0]), 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r\n/);
    assert(lines[0].startsWith('nickname,device,status'), `CSV header: ${lines[0]}`);
    assertEqual(lines.length, 4, 'CSV lines (header + three students)');
    assert(lines.some((l) => l.startsWith('Ben,desktop,') && l.includes('lighting')), `Ben's line in the CSV: ${csv}`);
    assert(csv.includes('"&amp;Zoë ""x"""'), `the odd nickname is not quoted as text in the CSV: ${csv}`);
    for (const s of students) await waitFor(s, () => window.backlot.classroom.debug().phase === 'alone', null, { what: 'the student told the class ended' });
    assertEqual(await text(students[0], '#notice'), ui.classEnded, 'the student notice at the end');
    await students[0].evaluate(() => window.backlot.tour.dispatch({ type: 'go', station: 'art' }));
    await waitForStation(students[0], 'art');
  } catch (err) {
    t.note(`failed at: ${t.lastStep}`);
    t.note(`server log: ${server.log().trim().split('\n').filter((l) => /^\d\d:/.test(l)).slice(-12).join(' ⏎ ')}`);
    throw err;
  } finally {
    // Pages first: a page left open would log its reconnection attempts to a stopped server.
    for (const p of t.pages) if (!p.isClosed()) await p.close().catch(() => {});
    rmSync(downloads, { recursive: true, force: true });
    await server.stop();
  }
}, { timeout: 420_000 });
