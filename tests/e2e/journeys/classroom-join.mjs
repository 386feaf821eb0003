// Joining a class when something is wrong (docs/CLASSROOM.md, errors): a malformed code, an
// unknown one, a nickname too long, a full class (CLASS_CAP=2), an ended one, and no classroom
// server at all; each has its own words and a way on (type another code, or explore alone).
import { assert, assertEqual, test } from '../lib/runner.mjs';
import { isVisible, waitFor, waitForStation } from '../lib/helpers.mjs';
import { classroom, joinAs, startClassroom, waitJoined } from '../lib/classroom.mjs';

const errorIs = (page, words, what) => waitFor(page, (w) => document.getElementById('class-join-error')?.textContent === w, words, { what });
const rest = (page) => page.evaluate(() => { const s = document.querySelector('a-scene'); s.renderer.setAnimationLoop(null); });

/** A page at half resolution that stops drawing once up (see classroom-session.mjs: two cores). */
async function open(t, query, base, origin) {
  const page = await t.newPage({ origin });
  await page.setViewport({ width: 800, height: 540, deviceScaleFactor: 0.5 });
  await t.openApp(query, { page, base });
  await rest(page);
  return page;
}

async function retype(page, selector, value) {
  await page.$eval(selector, (el) => { el.value = ''; });
  await page.type(selector, value);
}

test('classroom join: bad, unknown, full and ended codes, a long nickname — each said, each with a way on', async (t) => {
  const server = await startClassroom(t.env.dist, { CLASS_CAP: '2' });
  try {
    const { ui } = t.content().locale;
    const teacher = await open(t, 'mode=teacher', server.url, server.origin);
    await waitFor(teacher, () => Boolean(document.querySelector('[data-session-code]')), null, { what: 'the session code' });
    const code = await teacher.$eval('[data-session-code]', (el) => el.dataset.sessionCode);

    t.step('a code that cannot be one, then a well-formed code of no class: the code field comes back');
    const a = await open(t, 'session=12', server.url, server.origin);
    await joinAs(a, 'Ana');
    await errorIs(a, ui.classErrCode.replace('{length}', '5'), 'the malformed-code message');
    assert(await isVisible(a, '#class-code'), 'no code field to type the right code in');
    const unknown = code === 'ACDEF' ? 'ACDEH' : 'ACDEF';
    await retype(a, '#class-code', unknown.toLowerCase());
    await a.click('#class-join');
    await errorIs(a, ui.classErrUnknown.replace('{code}', unknown), 'the unknown-class message');

    t.step('a nickname over 20 characters is refused before asking the server');
    await retype(a, '#class-code', `${code.slice(0, 2)}-${code.slice(2)}`); // as read aloud: dashes and lower case are fine
    await retype(a, '#class-nickname', 'A'.repeat(21));
    await a.click('#class-join');
    await errorIs(a, ui.classErrTooLong.replace('{max}', '20'), 'the nickname-too-long message');
    await retype(a, '#class-nickname', 'Ana');
    await a.click('#class-join');
    await waitJoined(a);
    assertEqual((await classroom(a)).code, code, 'the class joined');

    t.step('a full class (CLASS_CAP=2)');
    const b = await open(t, `session=${code}`, server.url, server.origin);
    await joinAs(b, 'Ben');
    await waitJoined(b);
    const c = await open(t, `session=${code}`, server.url, server.origin);
    await joinAs(c, 'Cleo');
    await errorIs(c, ui.classErrFull, 'the class-full message');

    t.step('an ended class');
    await teacher.click('#class-end');
    await teacher.click('#class-end-sure');
    await waitFor(a, () => window.backlot.classroom.debug().phase === 'alone', null, { what: 'the student told the class ended' });
    await c.click('#class-join');
    await errorIs(c, ui.classErrEnded, 'the ended-class message');
    t.step('the way on: explore alone, and the tour works');
    await c.click('#class-alone');
    await waitFor(c, () => !document.getElementById('class-join-screen').open, null, { what: 'the join screen closed' });
    await c.evaluate(() => window.backlot.tour.dispatch({ type: 'setSettings', settings: { reducedMotion: true } }));
    await c.evaluate(() => window.backlot.tour.dispatch({ type: 'go', station: 'art' }));
    await waitForStation(c, 'art');
    assert(!(await isVisible(c, '#class-bar')), 'a class line is shown for a student in no class');
  } catch (err) {
    t.note(`failed at: ${t.lastStep}; server: ${server.log().split('\n').filter((l) => /^\d\d:/.test(l)).slice(-6).join(' ⏎ ')}`);
    throw err;
  } finally {
    for (const p of t.pages) if (!p.isClosed()) await p.close().catch(() => {});
    await server.stop();
  }
}, { timeout: 240_000 });

test('classroom join: no classroom server — the student is told, and explores alone', async (t) => {
  // The suite's static server has no Socket.IO endpoint: the socket's handshake fails.
  t.allow('console', /WebSocket connection to .* failed/);
  const { ui } = t.content().locale;
  const page = await t.openApp('session=ACD37');
  await joinAs(page, 'Ana');
  await errorIs(page, ui.classErrUnreachable, 'the unreachable message');
  await page.click('#class-alone');
  await waitFor(page, () => !document.getElementById('class-join-screen').open, null, { what: 'the join screen closed' });
  await page.click('#btn-next');
  await waitForStation(page, (await page.evaluate(() => window.backlot.tour.state.order[0])));
  assertEqual((await page.evaluate(() => window.backlot.classroom.debug())).phase, 'alone', 'the page\'s classroom phase');
});

test('classroom: an ordinary visit never downloads the classroom chunk (the socket client)', async (t) => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const assets = join(t.env.dist, 'assets');
  const chunks = readdirSync(assets).filter((f) => f.endsWith('.js') && readFileSync(join(assets, f), 'utf8').includes('emitWithAck'));
  assert(chunks.length === 1, `expected one chunk with the socket client, found ${chunks.join(', ') || 'none'}`);
  const page = await t.newPage();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await t.openApp('station=camera', { page });
  await waitForStation(page, 'camera');
  assert(fetched.some((p) => p.endsWith('.js')), 'no script requests were seen at all');
  assert(!fetched.some((p) => p.endsWith(chunks[0])), `an ordinary visit fetched ${chunks[0]}`);
  assertEqual(await page.evaluate(() => window.backlot.classroom), null, 'a classroom on an ordinary visit');
});
