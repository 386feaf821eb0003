import type { Content } from '../content/types';
import type { TourAction, TourState } from '../tour/state';
import type { Fader } from '../systems/tour';
import { buildHelpDialog, buildSettingsDialog, type SettingsDialog } from './dialogs';
import { fill, format, h, templateNodes } from './dom';
import { FloorPlan } from './floor-plan';
import { phoneLayout } from './layout';
import { Menu } from './menu';
import { Sheet } from './sheet';
import { panelText } from './panel-text';
import { TEXT_SCALE } from './text-scale';


/**
 * The DOM layer over the 3D view: tour bar (previous / where you are / next), crew buttons, role-tag
 * toggle, help and settings, floor plan, notices, the fade used for reduced-motion travel, and the
 * aria-live reader that mirrors whatever panel is open.
 */
export class Hud implements Fader {
  readonly root: HTMLElement;
  readonly floorPlan: FloorPlan;
  private readonly reader: HTMLElement;
  private readonly focusAnnouncer: HTMLElement;
  private readonly where: HTMLElement;
  private readonly progress: HTMLElement;
  private readonly crewBar: HTMLElement;
  private readonly overlayButton: HTMLButtonElement;
  private readonly closeButton: HTMLButtonElement;
  private readonly prev: HTMLButtonElement;
  private readonly next: HTMLButtonElement;
  private readonly notice: HTMLElement;
  private readonly fadeEl: HTMLElement;
  private readonly settings: SettingsDialog;
  /**
   * Places other modules put their controls: the tools (a row, or the Menu on a phone), quick
   * buttons beside them that stay one tap away on a phone (mute), the station box's button row
   * (with Close), above the footer.
   */
  readonly slots: { readonly tools: HTMLElement; readonly quick: HTMLElement; readonly nowActions: HTMLElement; readonly aboveFooter: HTMLElement };
  private readonly menu: Menu;
  private readonly sheet: Sheet;
  private readonly now: HTMLElement;
  private readonly tourBar: HTMLElement;
  private readonly footer: HTMLElement;
  /** An AR session's DOM overlay, while the station box is shown in it. */
  private inOverlay: HTMLElement | null = null;
  /** Holds the tour bar in the overlay, with the HUD's own styles (class hud). */
  private readonly arHolder = h('div', { class: 'hud ar-hud' });
  private readonly phone = phoneLayout();
  private caption: HTMLElement | null = null;
  private readonly onLayout = (): void => this.placeCaption();
  private readonly onPointer = (e: PointerEvent): void => this.menu.outside(e.target);
  private noticeTimer = 0;
  private lastPanelKey = '';

  constructor(private readonly content: Content, private readonly dispatch: (action: TourAction) => void) {
    const { ui } = content.locale;
    const button = (id: string, label: string, action: () => void, extra: Record<string, string> = {}): HTMLButtonElement => {
      const b = h('button', { type: 'button', id, ...extra }, label);
      b.addEventListener('click', action);
      return b;
    };
    const help = buildHelpDialog(content.locale);
    this.settings = buildSettingsDialog(content.locale, (settings) => dispatch({ type: 'setSettings', settings }));

    this.overlayButton = button('btn-overlay', ui.overlayOn, () => dispatch({ type: 'cycleOverlay' }), { 'aria-keyshortcuts': ui.overlayKey, 'aria-pressed': 'false' });
    this.closeButton = button('btn-close', ui.close, () => dispatch({ type: 'escape' }));
    this.prev = button('btn-prev', '', () => dispatch({ type: 'previous' }), { 'aria-label': ui.previous });
    this.prev.append(...templateNodes(ui.previousButton, ui.previous));
    this.next = button('btn-next', '', () => dispatch({ type: 'next' }), { 'aria-label': ui.next });
    this.next.append(...templateNodes(ui.nextButton, ui.next));
    this.where = h('div', { class: 'where' });
    this.progress = h('p', { class: 'progress' });
    this.crewBar = h('div', { class: 'crew-bar', role: 'group', 'aria-label': ui.crewHeading });
    // The one live region of the station's text: hidden on a wide screen (the 3D panel shows it),
    // the open sheet's body on a phone.
    this.reader = h('section', { id: 'reader', class: 'reader', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.focusAnnouncer = h('div', { id: 'focus-announcer', class: 'visually-hidden', 'aria-live': 'polite' });
    this.notice = h('div', { id: 'notice', class: 'notice', role: 'status', hidden: true });
    this.fadeEl = h('div', { id: 'fade', class: 'fade', 'aria-hidden': 'true' });
    this.floorPlan = new FloorPlan(content, (station) => dispatch({ type: 'go', station }));

    const motionButton = this.motionButton();
    const tools = h('div', { class: 'tools' },
      this.overlayButton,
      motionButton,
      button('btn-settings', ui.settings, () => {
        this.settings.dialog.showModal();
      }),
      button('btn-help', ui.help, () => help.showModal()),
    );
    this.menu = new Menu(tools, ui.menu);
    const quick = h('div', { class: 'quick' });
    const nowActions = h('div', { class: 'now-actions' }, this.closeButton);
    this.now = h('div', { class: 'now' }, this.where, this.crewBar, nowActions, this.reader);
    this.sheet = new Sheet(this.now, this.reader, { more: ui.sheetMore, less: ui.sheetLess });
    const aboveFooter = h('div', { class: 'above-footer' });
    this.tourBar = h('div', { class: 'tour-bar' }, this.prev, this.now, this.next);
    // In an AR session the tour bar is in the DOM overlay: a tap on it is not also a select on the model.
    this.tourBar.addEventListener('beforexrselect', (e) => e.preventDefault());
    this.footer = h('footer', { class: 'bottom' }, this.floorPlan.el, this.tourBar);
    this.slots = { tools, quick, nowActions, aboveFooter };
    this.root = h('div', { id: 'hud', class: 'hud' },
      h('header', { class: 'top' },
        h('div', { class: 'brand' }, h('h1', {}, h('span', { class: 'brand-full' }, ui.appTitle), h('span', { class: 'brand-short', 'aria-hidden': 'true' }, ui.appTitleShort)), this.progress),
        h('div', { class: 'top-actions' }, quick, this.menu.button, tools),
      ),
      this.notice,
      h('div', { class: 'lower' },
        aboveFooter,
        this.footer,
      ),
      this.focusAnnouncer,
      help,
      this.settings.dialog,
    );
    document.body.append(this.root, this.fadeEl);
    document.addEventListener('pointerdown', this.onPointer, true);
    this.phone?.addEventListener('change', this.onLayout);
  }

  /** Takes the HUD off the page (the app's teardown); its own listeners go with its elements. */
  dispose(): void {
    window.clearTimeout(this.noticeTimer);
    document.removeEventListener('pointerdown', this.onPointer, true);
    this.phone?.removeEventListener('change', this.onLayout);
    this.root.remove();
    this.fadeEl.remove();
  }

  /** The caption line: above the tour bar on a wide screen, in the sheet's peek on a phone. */
  setCaption(el: HTMLElement): void {
    this.caption = el;
    this.placeCaption();
  }

  private placeCaption(): void {
    const el = this.caption;
    if (!el) return;
    if (this.phone?.matches || this.inOverlay) this.crewBar.before(el);
    else this.slots.aboveFooter.append(el);
  }

  /**
   * Shows the station box (the sheet, with Previous and Next) in an AR session's DOM overlay, which
   * is all the browser draws over the camera picture; null puts it back in the HUD.
   */
  showIn(overlay: HTMLElement | null): void {
    this.inOverlay = overlay;
    if (overlay) {
      this.arHolder.append(this.tourBar);
      overlay.append(this.arHolder);
    } else {
      this.footer.append(this.tourBar);
      this.arHolder.remove();
    }
    this.placeCaption();
  }

  /** The AR session's DOM overlay while the HUD's bar is in it (null otherwise). */
  get overlay(): HTMLElement | null {
    return this.inOverlay;
  }

  /** Adds fields to the settings dialog (sound, language), above its Close button. */
  addSettings(...fields: Node[]): void {
    this.settings.add(...fields);
  }

  /** iOS asks before it shares the gyroscope; that question can only be asked from a tap. */
  private motionButton(): HTMLButtonElement | null {
    const DOE = (window as unknown as { DeviceOrientationEvent?: { requestPermission?: () => Promise<string> } }).DeviceOrientationEvent;
    // Only phones and tablets have a gyroscope worth asking for (desktop Chromium has the API too).
    if (!DOE?.requestPermission || navigator.maxTouchPoints === 0) return null;
    const { ui } = this.content.locale;
    const b = h('button', { type: 'button', id: 'btn-motion' }, ui.enableMotion);
    b.addEventListener('click', () => {
      DOE.requestPermission!()
        .then((answer) => {
          if (answer === 'granted') b.remove();
          else this.showNotice(ui.motionDenied);
        })
        .catch(() => this.showNotice(ui.motionDenied));
    });
    return b;
  }

  render(state: TourState, previous: TourState | null): void {
    const { set, locale } = this.content;
    const { ui } = locale;
    document.documentElement.style.setProperty('--text-scale', String(TEXT_SCALE[state.settings.textSize]));
    document.body.classList.toggle('high-contrast', state.settings.highContrast);
    document.body.classList.toggle('reduced-motion', state.settings.reducedMotion);
    this.settings.render(state.settings);
    this.progress.textContent = format(ui.tourProgress, { visited: state.visited.length, total: set.stations.length });

    const here = state.station === null ? -1 : state.order.indexOf(state.station);
    this.prev.disabled = here <= 0;
    this.next.disabled = here === state.order.length - 1;
    const all = state.overlay === 'all';
    this.overlayButton.textContent = format(ui.overlayButton, { label: all ? ui.overlayOff : ui.overlayOn, key: ui.overlayKey });
    this.overlayButton.setAttribute('aria-pressed', String(all));

    if (state.station) {
      const station = set.stations.find((s) => s.id === state.station)!;
      fill(this.where, h('span', { class: 'where-stage' }, locale.stages[station.stage]?.title ?? ''), h('strong', {}, locale.stations[station.id]!.title));
      if (state.station !== previous?.station || !this.crewBar.hasChildNodes()) {
        fill(this.crewBar, ...station.crew.map((c) => {
          const b = h('button', { type: 'button', class: 'crew-chip', 'data-role': c.role }, locale.roles[c.role]?.title ?? c.role);
          b.addEventListener('click', () => this.dispatch({ type: 'openRole', role: c.role, station: station.id }));
          return b;
        }));
      }
    } else {
      fill(this.where, h('span', { class: 'hint' }, ui.startHint));
      fill(this.crewBar);
    }
    for (const chip of this.crewBar.querySelectorAll<HTMLButtonElement>('.crew-chip')) {
      chip.setAttribute('aria-pressed', String(state.panel?.kind === 'role' && state.panel.id === chip.dataset.role));
    }
    this.closeButton.hidden = state.panel === null;
    this.renderSheet(state, previous);
    this.renderReader(state);
    this.floorPlan.render(state);

    if (state.focus !== null && state.focus !== previous?.focus) {
      const id = state.order[state.focus]!;
      this.focusAnnouncer.textContent = format(ui.focusHint, { title: locale.stations[id]!.title });
    }
  }

  /**
   * The sheet opens when the visitor asks for a role card (they want to read it) and closes to its
   * peek on a new station or when the panel closes, so the set is what they see first.
   */
  private renderSheet(state: TourState, previous: TourState | null): void {
    this.now.classList.toggle('has-text', state.panel !== null);
    this.sheet.handle.hidden = state.panel === null;
    if (state.panel?.kind === 'role' && previous?.panel !== state.panel) this.sheet.set(true);
    else if (!state.panel || state.station !== previous?.station) this.sheet.set(false);
  }

  private renderReader(state: TourState): void {
    const key = state.panel ? `${state.panel.kind}:${state.panel.id}` : '';
    if (key === this.lastPanelKey) return; // re-announcing unchanged text would make screen readers repeat it
    this.lastPanelKey = key;
    if (!state.panel) {
      fill(this.reader);
      return;
    }
    const text = panelText(this.content, state.panel);
    fill(this.reader,
      h('p', { class: 'kicker' }, text.kicker),
      h('h2', {}, text.title),
      ...text.sections.flatMap((s) => [s.heading ? h('h3', {}, s.heading) : null, h('p', {}, s.body)]),
      text.footer ? h('p', {}, text.footer) : null,
    );
  }

  showNotice(message: string, ms = 8000): void {
    this.notice.textContent = message;
    this.notice.hidden = false;
    window.clearTimeout(this.noticeTimer);
    this.noticeTimer = window.setTimeout(() => {
      this.notice.hidden = true;
    }, ms);
  }

  /**
   * Fades the black cover in or out, stepped per animation frame from JS rather than by a CSS
   * transition: it then always reaches full cover on a painted frame before the cut, even at the
   * low frame rates of old phones (and of software rendering).
   */
  /** Clears the view at once (a fade cut short, e.g. by entering a headset). */
  clearFade(): void {
    this.fadeEl.style.opacity = '0';
  }

  fade(on: boolean): Promise<void> {
    const el = this.fadeEl;
    const from = Number(el.style.opacity || 0);
    const to = on ? 1 : 0;
    const duration = on ? 200 : 250;
    const start = performance.now();
    return new Promise((resolve) => {
      const step = (now: number): void => {
        const t = Math.min(1, (now - start) / duration);
        el.style.opacity = String(from + (to - from) * t);
        if (t < 1) requestAnimationFrame(step);
        else requestAnimationFrame(() => resolve()); // one more frame, so full cover is painted
      };
      requestAnimationFrame(step);
    });
  }
}
