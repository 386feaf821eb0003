/**
 * Start-up work in small pieces. Building the set, painting the LED picture and installing the
 * features used to run as a few tasks of 100–700 ms each, so a phone's page was frozen (taps lost,
 * nothing painted) for seconds. Such work is written as a generator that `yield`s between pieces
 * it can stop at; `inSlices` runs pieces until about `budgetMs` have gone by, then gives the browser
 * the main thread back (to paint the loading bar, take input) before going on. Tests and tools run
 * the same generator straight through with `finish`.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step at once (no browser needed). */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Under a 4× slower CPU (Lighthouse's phone), a slice of 8 ms is 32 ms: a piece of work plus the
 * slice stays below the 50 ms that counts as a long task.
 */
const SLICE_MS = 8;

/** Runs the steps in slices of about `budgetMs`, yielding to the browser between slices. */
export async function inSlices<T>(steps: Steps<T>, budgetMs = SLICE_MS): Promise<T> {
  let since = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - since >= budgetMs) {
      await yieldToMain();
      since = performance.now();
    }
  }
}

interface Scheduler {
  yield?: () => Promise<void>;
}

/**
 * Gives the main thread back for one turn. `scheduler.yield()` (Chromium) resumes ahead of other
 * queued tasks; elsewhere (Safari, Firefox) a message posts a fresh task, which, unlike
 * `setTimeout`, is neither clamped to 4 ms when nested nor slowed to 1 s in a background tab.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
