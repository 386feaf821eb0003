import type { Disposables } from '../app/disposables';

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
  d.listen(window, 'keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && ['+', '-', '=', '0'].includes(e.key)) e.preventDefault();
  });
  const viewport = document.querySelector<HTMLMetaElement>('meta[name="viewport"]');
  if (viewport) {
    const before = viewport.content;
    viewport.content = 'width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no, viewport-fit=cover';
    d.add(() => {
      viewport.content = before;
    });
  }
  // Links out would strand a kiosk on another site: any that appear are refused.
  d.listen(document, 'click', (e) => {
    const a = (e.target as Element | null)?.closest?.('a[href]');
    if (a && !(a as HTMLAnchorElement).download) e.preventDefault();
  }, true);
}
