// The bench "floor": a bare A-Frame + Howler page (scripts/bench-floor/), built by Vite the way
// Backlot is built (relative base, es2022) into .bench/floor. Shared by `npm run bench` and
// `npm run bench:phone`, so both measure against the same page.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../tests/e2e/lib/server.mjs';

export const FLOOR_DIR = join(ROOT, '.bench', 'floor');
const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
const CONFIG = join(ROOT, 'scripts', 'bench-floor', 'vite.config.mjs');

/** Builds the floor page into FLOOR_DIR; returns the seconds it took (e.g. "2.1"). Throws on failure. */
export function buildFloor() {
  const started = Date.now();
  const r = spawnSync(process.execPath, [VITE, 'build', '--config', CONFIG], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0) {
    const tail = `${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n').slice(-25).join('\n');
    throw new Error(`floor build failed (exit ${r.status})\n${tail}`);
  }
  return ((Date.now() - started) / 1000).toFixed(1);
}
