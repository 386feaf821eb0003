import { defineComponent, systemOf } from '../aframe-typed';
import { focusLeaves } from '../tour/state';
import { TOUR_SYSTEM, type TourSystem } from '../systems/tour';

export const KEYBOARD_NAV = 'keyboard-nav';

interface KeyboardData {
  /** Selector of the focusable element that wraps the 3D view. */
  target: string;
}

interface KeyboardMethods {
  onViewKey: (e: KeyboardEvent) => void;
  onWindowKey: (e: KeyboardEvent) => void;
  onBlur: () => void;
  view: HTMLElement | null;
}

const inDialogOrField = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (Boolean(target.closest('dialog')) || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));

/**
 * Keyboard-only touring. While the 3D view has focus, Tab / Shift+Tab move a focus ring through the
 * stations in tour order (and, past either end, let focus leave the view — no keyboard trap), Enter
 * goes to the ringed station. Anywhere: Escape closes the open panel, O toggles role tags.
 */
defineComponent<KeyboardData, KeyboardMethods>(KEYBOARD_NAV, {
  schema: { target: { type: 'string', default: '#scene-focus' } },
  onViewKey: () => undefined,
  onWindowKey: () => undefined,
  onBlur: () => undefined,
  view: null,

  init() {
    const tour = systemOf<TourSystem>(this.el.sceneEl!, TOUR_SYSTEM);
    this.view = document.querySelector<HTMLElement>(this.data.target);
    this.onViewKey = (e) => {
      const state = tour.state;
      if (!state || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'Tab') {
        const direction = e.shiftKey ? -1 : 1;
        if (focusLeaves(state, direction)) {
          tour.dispatch({ type: 'focusClear' });
          return; // let the browser move focus on to the HUD
        }
        e.preventDefault();
        tour.dispatch({ type: 'focusStep', direction });
      } else if (e.key === 'Enter' && state.focus !== null) {
        e.preventDefault();
        tour.dispatch({ type: 'activateFocus' });
      }
    };
    this.onWindowKey = (e) => {
      if (e.altKey || e.ctrlKey || e.metaKey || inDialogOrField(e.target) || !tour.state) return;
      if (e.key === 'Escape') tour.dispatch({ type: 'escape' });
      else if (e.key === 'o' || e.key === 'O') tour.dispatch({ type: 'cycleOverlay' });
    };
    this.onBlur = () => tour.dispatch({ type: 'focusClear' });
    this.view?.addEventListener('keydown', this.onViewKey);
    this.view?.addEventListener('blur', this.onBlur);
    window.addEventListener('keydown', this.onWindowKey);
  },

  remove() {
    this.view?.removeEventListener('keydown', this.onViewKey);
    this.view?.removeEventListener('blur', this.onBlur);
    window.removeEventListener('keydown', this.onWindowKey);
  },
});
