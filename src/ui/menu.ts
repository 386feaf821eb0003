import { h } from './dom';

/**
 * On a phone the tools (role tags, lesson, settings, help, AR, motion) fold into one Menu button,
 * a disclosure: the button says whether its list is open (aria-expanded) and which it controls;
 * Escape, a choice in it or a tap elsewhere closes it. On a wide screen the button is hidden by
 * the stylesheet and the tools are a row, as they always were.
 */
export class Menu {
  readonly button: HTMLButtonElement;
  private open = false;

  constructor(private readonly list: HTMLElement, label: string) {
    list.id = 'tools';
    this.button = h('button', { type: 'button', id: 'btn-menu', class: 'menu-button', 'aria-expanded': 'false', 'aria-controls': 'tools' }, `☰\u00a0${label}`);
    this.button.addEventListener('click', () => this.set(!this.open));
    list.addEventListener('click', (e) => {
      // A choice was made: the list gets out of the way (its dialog or change takes over).
      if ((e.target as Element | null)?.closest('button')) this.set(false);
    });
    list.addEventListener('keydown', (e) => this.onKey(e));
    this.button.addEventListener('keydown', (e) => this.onKey(e));
  }

  /** A tap anywhere outside the menu closes it (called by the HUD's own pointer listener). */
  outside(target: EventTarget | null): void {
    if (this.open && target instanceof Node && !this.list.contains(target) && !this.button.contains(target)) this.set(false);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key !== 'Escape' || !this.open) return;
    e.stopPropagation(); // Escape closes the menu, not also the station panel behind it
    this.set(false);
    this.button.focus();
  }

  private set(open: boolean): void {
    this.open = open;
    this.button.setAttribute('aria-expanded', String(open));
    this.list.classList.toggle('open', open);
  }
}
