import type { Disposables } from '../app/disposables';

/** Marks the one link a kiosk follows: the staff screen's CSV export. */
export const STAFF_EXPORT = 'data-staff-export';

/**
 * A kiosk's lock-down: nothing here leaves the page or changes it under the next visitor's hands —
 * no context menu, text selection, dragging, zoom (pinch, ctrl+wheel, keyboard) or links out.
 * Everything is added through `d`, so a teardown takes it all away again.
 */
export function lockDown(d: Disposables): void {
  const block = (e: Event): void => e.preventDefault();
  d.listen(document, 'contextmenu', block);
  d.listen(document, 'selectstart', (e) => {
    if (!(e.target instanceof HTMLInputElement)) e.preventDefault();
  });
  d.listen(document, 'dragstart', block);
  // No zoom: pinch (Safari's gesture events, ctrl+wheel from trackpads), double-tap, keyboard.
  d.listen(document, 'gesturestart', block);
  d.listen(window, 'wheel', (e) => {
    if (e.ctrlKey) e.preventDefault();
  }, { passive: false });
  // Zoom (+ - = 0), and save, print, open and view source (s p o u), which would download a file or
  // leave the page.
  d.listen(window, 'keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && ['+', '-', '=', '0', 's', 'p', 'o', 'u'].includes(e.key.toLowerCase())) e.preventDefault();
  });
  const viewport = document.querySelector<HTMLMetaElement>('meta[name="viewport"]');
  if (viewport) {
    const before = viewport.content;
    viewport.content = 'width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no, viewport-fit=cover';
    d.add(() => {
      viewport.content = before;
    });
  }
  // Links out would strand a kiosk on another site, and a download would leave a file on it: every
  // link is refused, but the staff screen's own CSV export (marked by the staff code).
  d.listen(document, 'click', (e) => {
    const a = (e.target as Element | null)?.closest?.('a[href]');
    if (a && !(a as HTMLElement).hasAttribute(STAFF_EXPORT)) e.preventDefault();
  }, true);
}
