/**
 * `npm run classroom`: reads the environment (config.ts), builds the app once if dist/ is missing,
 * sets up HTTPS, starts the server (app.ts) and prints the teacher's address, the join address
 * and a QR code for it. Stops cleanly on Ctrl+C.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { startClassroom } from './app';
import { contentRoot, loadCatalog } from './catalog';
import { configFromEnv, lanAddresses, publicOrigin } from './config';
import { loadTls } from './tls';

const log = (line: string): void => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);

function ensureBuilt(dist: string): void {
  if (existsSync(join(dist, 'index.html')) || process.env.CLASSROOM_NO_BUILD === '1') return;
  log(`${dist}/ has no built app yet: running npm run build (once)`);
  const win = process.platform === 'win32';
  const r = spawnSync(win ? 'npm.cmd' : 'npm', ['run', 'build'], { stdio: 'inherit', shell: win });
  if (r.status !== 0) throw new Error('npm run build failed: the classroom server needs the built app in dist/');
}

async function main(): Promise<void> {
  const config = configFromEnv(process.env);
  if (config.distDir) ensureBuilt(config.distDir);
  const tls = await loadTls(config.tls, config.stateDir, lanAddresses(), log);
  const catalog = loadCatalog(contentRoot(config.distDir, process.cwd()));
  const tty = process.stdout.isTTY === true;
  const classroom = await startClassroom({
    config,
    catalog,
    tls,
    log,
    origin: (port) => publicOrigin(config, port),
    // A QR for each new session on the teacher's own terminal; a museum's log stays one line each.
    onOpen: (code, url) => {
      if (tty) void QRCode.toString(url, { type: 'terminal', small: true }).then((qr) => console.log(`join ${code}: ${url}\n${qr}`));
    },
  });
  const join = `${classroom.origin}/?session=`;
  const qr = await QRCode.toString(join, { type: 'terminal', small: true });
  console.log([
    '',
    `Backlot classroom listening on ${config.host}:${classroom.port} (${tls ? 'HTTPS' : 'HTTP'}, ${config.redisUrl ? 'sessions in Redis' : 'sessions in memory'}, up to ${config.cap} students a session)`,
    `  Teacher:  ${classroom.origin}/?mode=teacher`,
    `  Students: ${join}<code>   (or scan, then type the code)`,
    tls?.selfSigned ? `  Self-signed certificate, SHA-256 ${tls.fingerprint.slice(0, 23)}…: each device asks once to trust it (docs/CLASSROOM.md)` : '',
    qr,
  ].filter(Boolean).join('\n'));

  let stopping = false;
  const stop = (): void => {
    if (stopping) process.exit(1); // a second Ctrl+C: do not wait
    stopping = true;
    log('stopping');
    void classroom.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`classroom: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
