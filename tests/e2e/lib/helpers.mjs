// Helpers the journeys share. Everything that reads the app goes through the public test hooks of
// the contract (body[data-backlot], `window.backlot` — see src/app/test-hooks.ts —, the `station` /
// `crew-member` components, the HUD ids), so a failure says which hook is missing or which behaviour is wrong.
import { AssertionError } from './runner.mjs';

/** The tour system's state (TourState). Throws a contract message if the hook is missing. */
export async function tour(page) {
  return page.evaluate(() => {
    if (!document.querySelector('a-scene')) throw new Error('contract: no <a-scene> in the page');
    const sys = window.backlot?.tour;
    if (!sys) throw new Error('contract: window.backlot.tour is missing (src/app/test-hooks.ts)');
    if (!sys.state) throw new Error('contract: window.backlot.tour.state is empty');
    return JSON.parse(JSON.stringify(sys.state));
  });
}

export async function dispatch(page, action) {
  await page.evaluate((a) => window.backlot.tour.dispatch(a), action);
}

export async function isTravelling(page) {
  return page.evaluate(() => window.backlot.tour.isTravelling());
}

/** Waits `n` animation frames in the page. */
export async function frames(page, n = 3) {
  await page.evaluate((count) => new Promise((done) => {
    let k = 0;
    const step = () => (++k >= count ? done() : requestAnimationFrame(step));
    requestAnimationFrame(step);
  }), n);
}

/**
 * Polls `fn(arg)` in the page until truthy. On timeout throws `what` plus the tour state, so the
 * report says what the app was doing instead.
 */
export async function waitFor(page, fn, arg, { timeout = 20_000, what = 'condition' } = {}) {
  try {
    return await page.waitForFunction(fn, { timeout, polling: 100 }, arg);
  } catch (err) {
    if (!/Waiting failed|timeout/i.test(String(err?.message))) throw err;
    const state = await tour(page).then((s) => JSON.stringify(summary(s)), (e) => `(${e.message})`);
    throw new AssertionError(`timed out after ${timeout / 1000} s waiting for ${what}; tour state ${state}`);
  }
}

export function summary(s) {
  return { station: s.station, visited: s.visited, panel: s.panel, focus: s.focus, overlay: s.overlay, trip: s.trip };
}

/** Waits until no glide/fade is running, then two more frames so the view has been rendered. */
export async function waitForIdle(page, timeout = 20_000) {
  await waitFor(page, () => !window.backlot.tour.isTravelling(), undefined, { timeout, what: 'travel to end (isTravelling() false)' });
  await frames(page, 2);
}

/** Waits until the visitor has arrived at `id` (state.station === id and not travelling). */
export async function waitForStation(page, id, timeout = 20_000) {
  await waitFor(page, (target) => {
    const sys = window.backlot.tour;
    return sys.state.station === target && !sys.isTravelling();
  }, id, { timeout, what: `arrival at station "${id}"` });
  await frames(page, 2);
}

/** World position + quaternion of the rendering camera. */
export async function cameraPose(page) {
  return page.evaluate(() => {
    const cam = document.querySelector('a-scene').camera;
    cam.updateMatrixWorld(true);
    const e = cam.matrixWorld.elements;
    return { position: [e[12], e[13], e[14]], forward: [-e[8], -e[9], -e[10]] };
  });
}

/** Waits until the camera stops moving/turning (same pose over 3 consecutive frames). */
export async function waitForStillCamera(page, timeout = 10_000) {
  await page.evaluate((limit) => new Promise((done, fail) => {
    const cam = document.querySelector('a-scene').camera;
    const started = performance.now();
    let last = null;
    let still = 0;
    const check = () => {
      cam.updateMatrixWorld(true);
      const now = Array.from(cam.matrixWorld.elements);
      if (last && now.every((v, i) => Math.abs(v - last[i]) < 1e-4)) still += 1; else still = 0;
      last = now;
      if (still >= 3) return done();
      if (performance.now() - started > limit) return fail(new Error(`camera kept moving for ${limit / 1000} s`));
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }), timeout);
}

/**
 * Projects a point of an entity to CSS pixels of the page. `target`: selector or ElementHandle.
 * `which`: 'marker' (station floor marker), 'head' (crew head), 'figure' (0.4 m below the head),
 * or 'origin' (entity's world position). Returns { x, y, ndcZ, onScreen, world }.
 */
export async function projectToScreen(page, target, which = 'origin') {
  const handle = typeof target === 'string' ? await page.$(target) : target;
  if (!handle) throw new AssertionError(`projectToScreen: nothing matches ${target}`);
  return page.evaluate((el, kind) => {
    const scene = document.querySelector('a-scene');
    let v;
    if (kind === 'marker') {
      const c = el.components?.station;
      if (!c?.markerWorldPosition) throw new Error('contract: station component has no markerWorldPosition()');
      v = c.markerWorldPosition().clone();
    } else if (kind === 'head' || kind === 'figure') {
      const c = el.components?.['crew-member'];
      if (!c?.headWorldPosition) throw new Error('contract: crew-member component has no headWorldPosition()');
      v = c.headWorldPosition().clone();
      if (kind === 'figure') v.y -= 0.4;
    } else {
      el.object3D.updateMatrixWorld(true);
      v = el.object3D.getWorldPosition(el.object3D.position.clone());
    }
    const world = [v.x, v.y, v.z];
    scene.object3D.updateMatrixWorld(true);
    const cam = scene.camera;
    cam.updateMatrixWorld(true);
    v.project(cam);
    const rect = scene.canvas.getBoundingClientRect();
    const x = rect.left + ((v.x + 1) / 2) * rect.width;
    const y = rect.top + ((1 - v.y) / 2) * rect.height;
    const onScreen = v.z > -1 && v.z < 1 && x >= rect.left + 2 && x <= rect.right - 2 && y >= rect.top + 2 && y <= rect.bottom - 2;
    return { x, y, ndcZ: v.z, onScreen, world };
  }, handle, which);
}

/** What element is at (x, y): '#id', 'tag.class' or 'canvas'. */
export async function elementAt(page, x, y) {
  return page.evaluate((px, py) => {
    const el = document.elementFromPoint(px, py);
    if (!el) return null;
    if (el === document.querySelector('a-scene')?.canvas) return 'canvas';
    const host = el.closest('[id]');
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${host && host !== el ? ` in #${host.id}` : ''}`;
  }, x, y);
}

/** A real mouse click: move there, let the scene see the pointer for two frames, click. */
export async function clickAt(page, x, y) {
  await page.mouse.move(x, y);
  await frames(page, 2);
  await page.mouse.click(x, y);
}

/** Clicks a point of the 3D view; fails if the HUD covers it (the visitor could not click there). */
export async function clickScene(page, x, y, what) {
  const at = await elementAt(page, x, y);
  if (at !== 'canvas') throw new AssertionError(`${what} at (${Math.round(x)}, ${Math.round(y)}) is covered by ${at ?? 'nothing'}, not the 3D canvas`);
  await clickAt(page, x, y);
}

/** Throws a "selector missing" contract error if `selector` matches nothing. */
export async function need(page, selector) {
  const handle = await page.$(selector);
  if (!handle) throw new AssertionError(`selector missing: ${selector}`);
  return handle;
}

export async function isVisible(page, selector) {
  return page.$eval(selector, (el) => {
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    return !el.closest('[hidden]') && style.display !== 'none' && style.visibility !== 'hidden' && Number(style.opacity) > 0 && rect.width > 0 && rect.height > 0;
  }).catch(() => false);
}

export async function text(page, selector) {
  return page.$eval(selector, (el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/** Text of the aria-live reader; also checks the region really is aria-live. */
export async function readerText(page) {
  await need(page, '#reader');
  const live = await page.$eval('#reader', (el) => el.getAttribute('aria-live'));
  if (live !== 'polite' && live !== 'assertive') throw new AssertionError(`#reader has aria-live="${live}", expected polite`);
  return text(page, '#reader');
}

/** Waits until #reader contains every string in `parts` (whitespace-normalised). */
export async function waitForReader(page, parts, what = 'reader text', timeout = 10_000) {
  const norm = parts.map((p) => p.replace(/\s+/g, ' ').trim());
  try {
    await page.waitForFunction((wanted) => {
      const el = document.querySelector('#reader');
      const got = (el?.textContent ?? '').replace(/\s+/g, ' ');
      return wanted.every((w) => got.includes(w));
    }, { timeout, polling: 100 }, norm);
  } catch {
    const got = await page.$eval('#reader', (el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()).catch(() => '(no #reader)');
    throw new AssertionError(`#reader does not show ${what} ${JSON.stringify(norm.map((s) => s.slice(0, 60)))}; it shows ${JSON.stringify(got.slice(0, 200))}`);
  }
}

/** Turns the view toward a station (like a visitor turning their head) and waits until it is still. */
export async function faceStation(page, id) {
  await page.evaluate((sid) => {
    const sys = window.backlot.tour;
    if (typeof sys.faceStation !== 'function') throw new Error('contract: window.backlot.tour.faceStation(id) is missing');
    sys.faceStation(sid);
  }, id);
  await frames(page, 2);
  await waitForStillCamera(page);
}

/** The station entity for `id`, or a contract error. */
export async function stationHandle(page, id) {
  const handle = await page.evaluateHandle((sid) => [...document.querySelectorAll('[station]')].find((el) => el.getAttribute('station')?.id === sid) ?? null, id);
  const el = handle.asElement();
  if (!el) throw new AssertionError(`contract: no entity with station="id: ${id}"`);
  return el;
}

/**
 * Serves `body` for requests whose URL path ends with `suffix` (e.g. 'scenes/set.json'); every
 * other request goes through untouched. Call before openApp (pass as beforeGoto).
 */
export async function serveInstead(page, suffix, body, contentType = 'application/json') {
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.isInterceptResolutionHandled()) return;
    const path = new URL(req.url()).pathname;
    if (path.endsWith(`/${suffix}`)) req.respond({ status: 200, contentType, body });
    else req.continue();
  });
}
