import type { Disposables } from './disposables';

/**
 * One handler for promise rejections nothing else caught: each distinct one is logged once, with
 * its reason, instead of the browser's bare "Uncaught (in promise)" (repeated for every frame or
 * retry that hits it). A kiosk running for days must not fill its log with one fault.
 */
export function catchStrayRejections(d: Disposables): void {
  const seen = new Set<string>();
  d.listen(window, 'unhandledrejection', (event: PromiseRejectionEvent) => {
    event.preventDefault();
    const reason = event.reason instanceof Error ? `${event.reason.name}: ${event.reason.message}` : String(event.reason);
    if (seen.has(reason)) return;
    seen.add(reason);
    console.error(`Backlot: a task failed and nothing handled it (reported once): ${reason}`, event.reason);
  });
}
