import { loadContent, type ContentResult, type LanguageWish } from '../content/load';
import { storeLanguage } from '../i18n/language';
import { parseUrlParams, type UrlParams } from '../tour/url';
import { hasWebGL, showNoWebgl } from '../ui/error-screen';
import { showContentError } from './heal';
import { catchStrayRejections } from './rejections';
import { listenForRefusals } from '../offline/refusals';
import { loadFonts } from '../ui/fonts';
import { createContext, type AppContext } from './context';
import { Disposables } from './disposables';
import { featuresFor } from './features';
import { fetchText } from './fetch';
import { createWorld, type World } from './scene';
import { prepareStart, startState, type StartState } from './start';
import { exposeTestHooks } from './test-hooks';
import { buildSetSteps, buildStepCount } from '../set/build-set';
import { inSlices, yieldToMain, type Steps } from '../slices';
import { endLoading, holdPage, loadingLabel, loadingProgress } from './progress';
import { holdFrames, warmUp } from './warm-up';

export interface App {
  readonly ctx: AppContext;
  /** Removes every feature (in reverse order), then the set, the HUD and the tour's listeners. */
  dispose(): void;
}

/**
 * Starts Backlot: parse the URL, load the content, create the world, install the features for
 * this mode. Resolves with the running app, or null when it showed an error screen instead.
 */
export async function boot(): Promise<App | null> {
  document.body.dataset.backlot = 'loading';
  holdPage();
  const features = new Disposables();
  catchStrayRejections(features);
  features.add(listenForRefusals());
  const search = window.location.search;
  const params = parseUrlParams(search);
  for (const r of params.rejected) console.warn(`Backlot: ignored the URL parameter ${r} (not a valid value).`);
  const wish = prepareStart(params);
  // Start every fetch first: the WebGL probe and A-Frame's start-up below block the main thread
  // for a while on slow GPUs, and the network keeps going meanwhile.
  const loading = Promise.all([loadContent(fetchText, wish), loadFonts()]);
  const worldReady = hasWebGL() ? createWorld() : null;
  const [result] = await loading;
  if (!result.ok) {
    if (worldReady) (await worldReady).view.remove();
    showContentError(result.problems, wish, params.mode === 'kiosk');
    return null;
  }
  performance.mark('backlot-content');
  loadingProgress(0.15);
  useLanguage(result, wish);
  loadingLabel(result.content.locale.ui.loading);
  if (!worldReady) {
    showNoWebgl(result.content.locale.ui.noWebglTitle, result.content.locale.ui.noWebglBody);
    return null;
  }
  const start = startState(result.content, params, search);
  const world = await worldReady;
  // Nothing is drawn under the loading screen until the scene is ready for its first frame.
  const resumeFrames = holdFrames(world);
  features.add(resumeFrames);
  let app: App;
  try {
    app = await assemble(result, params, start, world, features);
  } finally {
    // Also when start-up failed part way: the error screen then shows over a scene that runs.
    resumeFrames();
  }
  void firstFrame(app.ctx).then(async () => {
    endLoading();
    // Offline support (the service worker, Save for offline) is a lazy chunk: not in the first load.
    const { install: offline } = await import('../offline/install');
    if (!features.isDisposed) features.add(offline(app.ctx));
  });
  return app;
}

/** The set, the context and this mode's features, in pieces; then the GPU is readied for them. */
async function assemble(result: Extract<ContentResult, { ok: true }>, params: UrlParams, start: StartState, world: World, features: Disposables): Promise<App> {
  loadingProgress(0.3);
  const { content } = result;
  performance.mark('backlot-scene');
  const built = await inSlices(counted(buildSetSteps(content.set, content.locale.setDressing), buildStepCount(content.set), 0.3, 0.8));
  performance.mark('backlot-set');
  const { ctx, dispose: disposeCore } = createContext({ content, params, world, start, built, read: fetchText });
  const app: App = {
    ctx,
    dispose: () => {
      features.dispose();
      disposeCore();
    },
  };
  features.add(exposeTestHooks(ctx, app.dispose));
  performance.mark('backlot-overlays');
  const list = featuresFor(params.mode, { unknownStation: start.unknownStation, content: result.notices });
  for (const [i, feature] of list.entries()) {
    // One feature a task: the page paints and takes input between them.
    await yieldToMain();
    features.add(await feature.install(ctx));
    loadingProgress(0.8 + (0.1 * (i + 1)) / list.length);
  }
  performance.mark('backlot-hud');
  await warmUp(world);
  performance.mark('backlot-warm');
  return app;
}

/** The page's language and direction; a language chosen by link is kept like one chosen in Settings. */
function useLanguage(result: Extract<ContentResult, { ok: true }>, wish: LanguageWish): void {
  const { locale } = result.content;
  document.documentElement.lang = locale.locale;
  // ...but not a fallback for one we lack.
  if (wish.url && !result.notices.some((n) => n.startsWith('Language '))) storeLanguage(locale.locale);
  document.documentElement.dir = locale.dir ?? 'ltr';
}

/** Passes the steps through, moving the loading bar from `from` to `to` over `total` of them. */
function* counted<T>(steps: Steps<T>, total: number, from: number, to: number): Steps<T> {
  let done = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    done++;
    loadingProgress(from + ((to - from) * Math.min(done, total)) / total);
    yield;
  }
}

/** Ready once a frame with the set in it has been drawn. */
function firstFrame(ctx: AppContext): Promise<void> {
  const { scene } = ctx;
  return new Promise((resolve) => {
    const mark = (): void => {
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          performance.mark('backlot-first-frame');
          document.body.dataset.backlot = 'ready';
          resolve();
        }),
      );
    };
    if (scene.renderStarted) mark();
    else (scene as unknown as HTMLElement).addEventListener('renderstart', mark, { once: true });
  });
}
