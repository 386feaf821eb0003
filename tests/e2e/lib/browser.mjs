// The system Chromium with real WebGL2 through SwiftShader (flags from /work/shared/TOOLCHAIN.md).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer';

export const CHROMIUM = process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium';
export const LAUNCH_ARGS = [
  '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--autoplay-policy=no-user-gesture-required',
];

/** One line telling how to get a browser, or null when there is one. */
export function missingBrowserMessage(prefix) {
  return existsSync(CHROMIUM) ? null : `${prefix}: no Chromium at ${CHROMIUM}; install it: apt-get install -y chromium (or set PUPPETEER_EXECUTABLE_PATH)`;
}

/** Headless, 1280×720, fresh temp profile. `close()` also removes the profile. */
export async function launchBrowser() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'backlot-chromium-'));
  let browser;
  try {
    browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS, userDataDir, defaultViewport: { width: 1280, height: 720 } });
  } catch (err) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    browser,
    close: async () => {
      await browser.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
