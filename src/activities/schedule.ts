/** When the host's work runs: after a trip, or when the browser is idle. */

/** `run` when the browser is idle (at most a second later), so a station's arrival is not slowed. */
export function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1000 });
  else setTimeout(run, 200);
}

/** Resolves once `test` holds, checked each frame (a trip's glide or fade). */
export function until(test: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => (test() ? resolve() : void requestAnimationFrame(check));
    check();
  });
}
