import type { Content } from '../content/types';
import type { Disposables } from '../app/disposables';
import type { XrSupport } from '../systems/xr';
import { h } from './dom';

/**
 * The DOM side of what this browser can do in XR: "Enter VR" / "View in AR" buttons where it can,
 * a disabled "View in AR" that says why on a phone that cannot (an iPhone, say: the touch and
 * motion view carries on), and a "Headsets and AR" section in Help either way.
 */
export function mountXrDom(o: {
  content: Content;
  support: XrSupport;
  tools: HTMLElement | null;
  help: HTMLElement | null;
  enter(mode: 'vr' | 'ar'): void;
  notice(text: string): void;
  d: Disposables;
}): void {
  const { ui } = o.content.locale;
  const { support, tools, help, d } = o;
  const add = (el: HTMLElement, where: (el: HTMLElement) => void): void => {
    where(el);
    d.add(() => el.remove());
  };
  if (tools && support.vr) {
    const vr = h('button', { type: 'button', id: 'btn-vr', class: 'xr-button' }, ui.enterVR);
    vr.addEventListener('click', () => o.enter('vr'));
    add(vr, (el) => tools.prepend(el));
  }
  if (tools && support.ar) {
    const ar = h('button', { type: 'button', id: 'btn-ar', class: 'xr-button' }, ui.enterAR);
    ar.addEventListener('click', () => o.enter('ar'));
    add(ar, (el) => tools.prepend(el));
  } else if (tools && navigator.maxTouchPoints > 0) {
    const ar = h('button', { type: 'button', id: 'btn-ar', class: 'xr-button', 'aria-disabled': 'true' }, ui.enterAR);
    ar.addEventListener('click', () => o.notice(ui.arUnavailable));
    add(ar, (el) => tools.prepend(el));
  }
  const close = help?.querySelector('.dialog-close');
  if (close) {
    const section = h('section', { id: 'help-xr' },
      h('h3', {}, ui.xrHeading),
      h('p', { id: 'help-vr' }, support.vr ? ui.vrHelp : ui.vrUnavailable),
      h('p', { id: 'help-ar' }, support.ar ? ui.arHelp : ui.arUnavailable),
    );
    add(section, (el) => close.before(el));
  }
}
