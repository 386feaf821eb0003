import { h } from './dom';

/** A drag of the handle longer than this (CSS px) opens or closes the sheet; shorter is a tap. */
const DRAG_PX = 24;

/**
 * On a phone the station's text lives in one place, a bottom sheet over the set: a peek (stage,
 * title, crew, a caption line, narration controls) that a tap on its handle or a drag up opens to
 * the full text and role cards, and a tap or drag down closes again. It is a disclosure (the
 * handle is a real button with aria-expanded), so keyboards and screen readers use it as any other.
 * On a wide screen the stylesheet shows the peek as the station box and keeps the text hidden
 * (the 3D panel carries it there).
 */
export class Sheet {
  readonly handle: HTMLButtonElement;
  private expanded = false;
  private drag: { y: number; last: number; id: number } | null = null;

  constructor(private readonly root: HTMLElement, body: HTMLElement, private readonly labels: { more: string; less: string }) {
    root.classList.add('sheet');
    this.handle = h('button', { type: 'button', id: 'btn-sheet', class: 'sheet-handle', 'aria-expanded': 'false', 'aria-controls': body.id }, labels.more);
    this.handle.addEventListener('pointerdown', (e) => {
      this.drag = { y: e.clientY, last: e.clientY, id: e.pointerId };
      this.wasDragged = false;
      // The finger may leave the handle as it drags: its moves and lift still come here.
      this.handle.setPointerCapture?.(e.pointerId);
    });
    this.handle.addEventListener('pointermove', (e) => {
      if (!this.drag || this.drag.id !== e.pointerId) return;
      this.drag.last = e.clientY;
      if (Math.abs(e.clientY - this.drag.y) > DRAG_PX) this.wasDragged = true;
    });
    // Lifted, or taken over by the browser (a scroll): the drag's direction decides. A tap is left
    // to its click: toggling here would move the sheet before the click, which would then land on
    // whatever is under the finger by then (the set).
    const end = (e: PointerEvent): void => {
      const drag = this.drag;
      if (!drag || drag.id !== e.pointerId) return;
      this.drag = null;
      const dy = (e.type === 'pointerup' ? e.clientY : drag.last) - drag.y;
      if (dy < -DRAG_PX) this.set(true);
      else if (dy > DRAG_PX) this.set(false);
    };
    this.handle.addEventListener('pointerup', end);
    this.handle.addEventListener('pointercancel', end);
    // A click (a tap, a mouse, Enter or Space) toggles; one that ends a drag does not, as the drag
    // has decided. detail 0: a key, never the end of a drag.
    this.handle.addEventListener('click', (e) => {
      const dragged = this.wasDragged;
      this.wasDragged = false;
      if (dragged && e.detail > 0) return;
      this.set(!this.expanded);
    });
    root.prepend(this.handle);
  }

  private wasDragged = false;

  set(expanded: boolean): void {
    if (expanded === this.expanded) return;
    this.expanded = expanded;
    this.root.classList.toggle('expanded', expanded);
    this.handle.setAttribute('aria-expanded', String(expanded));
    this.handle.textContent = expanded ? this.labels.less : this.labels.more;
  }
}
