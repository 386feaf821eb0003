// The real classroom server (server/main.ts, exactly what `npm run classroom` runs) for the
// classroom journeys: plain HTTP on 127.0.0.1 and a free port, serving the suite's copy of the
// build (DIST_DIR), never building. Stopped by its own pid; the e2e exit handler also stops it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort, ROOT } from './server.mjs';
import { waitFor } from './helpers.mjs';

const running = new Set();
process.on('exit', () => { for (const c of running) if (c.exitCode === null) c.kill('SIGKILL'); });

export async function startClassroom(dist, env = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DIST_DIR: dist, CLASSROOM_NO_BUILD: '1', CLASSROOM_DIR: join(dist, '.classroom'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (!/listening on/.test(log)) {
    if (child.exitCode !== null) throw new Error(`classroom server exited (${child.exitCode}):\n${log}`);
    if (Date.now() > deadline) throw new Error(`classroom server did not start in 30 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = () => new Promise((done) => {
    running.delete(child);
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
    setTimeout(() => { if (child.exitCode === null) child.kill('SIGKILL'); }, 3000).unref();
  });
  return { origin, url: `${origin}/`, port, stop, log: () => log };
}

/** The page's classroom as it sees it (window.backlot.classroom.debug()). */
export const classroom = (page) => page.evaluate(() => window.backlot.classroom?.debug() ?? null);

/** Joins a class from the join screen as a student would: type the nickname, press Join. */
export async function joinAs(page, nickname) {
  await waitFor(page, () => document.getElementById('class-join-screen')?.open === true, null, { what: 'the join screen' });
  await page.type('#class-nickname', nickname);
  await page.click('#class-join');
}

/** Waits until the student's page says it is in the class. */
export async function waitJoined(page) {
  await waitFor(page, () => window.backlot.classroom?.debug().phase === 'in' && window.backlot.classroom.debug().connected, null, { what: 'the student in the class' });
}
