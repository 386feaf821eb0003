import type { Content } from '../content/types';
import type { ArMode, ScreenPoint } from '../xr/ar-mode';
import { h } from './dom';
import type { TourState } from '../tour/state';

/** Room a DOM role tag takes on screen (CSS px, at normal text size) when stacking them. */
const TAG_W = 230;
const TAG_H = 62;
const NONE: ScreenPoint[] = [];
const byLowest = (a: ScreenPoint, b: ScreenPoint): number => b.y - a.y;

/**
 * The AR DOM overlay: hints for the placement phase, the model's controls, the station's text and
 * its crew's role tags over the model. Part of the XR controls' lazy chunk (src/xr/controls.ts).
 */
export class XrUi {
  readonly overlay: HTMLElement;
  private readonly hint: HTMLElement;
  private readonly tags: HTMLElement;
  private readonly lifeButton: HTMLButtonElement;
  private readonly tagEls = new Map<string, HTMLElement>();
  private readonly tagPos = new Map<string, string>();
  private readonly seen = new Set<string>();
  /** Overlay size, kept by a ResizeObserver so the per-frame tag pass never forces a layout. */
  private size = { width: 0, height: 0 };
  /** Time of the last multi-finger touch: a pinch must not end in a scene select. */
  private multiTouchAt = -Infinity;

  constructor(
    private readonly content: Content,
    private readonly ar: ArMode,
    private readonly actions: { exit(): void },
  ) {
    const { ui } = content.locale;
    const b = (id: string, label: string, onClick: () => void): HTMLButtonElement => {
      const el = h('button', { type: 'button', id, class: 'ar-button' }, label);
      el.addEventListener('click', (e) => {
        e.stopPropagation();
        onClick();
      });
      return el;
    };
    this.hint = h('p', { id: 'ar-hint', class: 'ar-hint', role: 'status' });
    this.tags = h('div', { id: 'ar-tags', class: 'ar-tags', 'aria-hidden': 'true' });
    this.lifeButton = b('ar-life-size', ui.arLifeSize, () => {
      const station = this.ar.lifeSize ? null : this.stationForLifeSize();
      this.ar.showLifeSize(station);
    });
    this.overlay = h('div', { id: 'ar-overlay', class: 'ar-overlay' },
      this.tags,
      h('div', { class: 'ar-top' }, this.hint, b('ar-exit', ui.exitAR, () => this.actions.exit())),
      this.controls(b),
    );
    this.pinchToResize();
    // A tap on an overlay control must not also reach the 3D scene as an XR select (DOM Overlays
    // spec: cancel 'beforexrselect' on the element); taps on empty overlay space still do.
    for (const el of this.overlay.querySelectorAll('.ar-top, .ar-controls')) {
      el.addEventListener('beforexrselect', (e) => e.preventDefault());
    }
    this.overlay.addEventListener('beforexrselect', (e) => {
      if (performance.now() - this.multiTouchAt < 400) e.preventDefault();
    });
    this.resizes = new ResizeObserver(([entry]) => {
      if (entry) this.size = { width: entry.contentRect.width, height: entry.contentRect.height };
    });
    this.resizes.observe(this.overlay);
    document.body.append(this.overlay);
  }

  private readonly resizes: ResizeObserver;

  /** Takes the overlay off the page (the app's teardown). */
  dispose(): void {
    this.resizes.disconnect();
    this.overlay.remove();
  }

  /**
   * The model's controls: Life size at hand, and the rest (turn, size, put down again) folded behind
   * one Adjust button (a disclosure), so the placed model is not hidden behind a row of six.
   */
  private controls(b: (id: string, label: string, onClick: () => void) => HTMLButtonElement): HTMLElement {
    const { ui } = this.content.locale;
    const group = h('div', { id: 'ar-adjust-group', class: 'ar-adjust-group', role: 'group', 'aria-label': ui.arAdjust, hidden: true },
      b('ar-rotate-left', ui.arRotateLeft, () => this.ar.rotate(Math.PI / 12)),
      b('ar-rotate-right', ui.arRotateRight, () => this.ar.rotate(-Math.PI / 12)),
      b('ar-smaller', ui.arSmaller, () => this.ar.resize(1 / 1.25)),
      b('ar-bigger', ui.arBigger, () => this.ar.resize(1.25)),
      b('ar-replace', ui.arReplace, () => this.ar.replace()),
    );
    const adjust = b('ar-adjust', ui.arAdjust, () => {
      group.hidden = !group.hidden;
      adjust.setAttribute('aria-expanded', String(!group.hidden));
    });
    adjust.setAttribute('aria-expanded', 'false');
    adjust.setAttribute('aria-controls', 'ar-adjust-group');
    return h('div', { class: 'ar-controls' }, group, h('div', { class: 'ar-controls-row' }, adjust, this.lifeButton));
  }

  private currentStation: string | null = null;
  private stationForLifeSize(): string | null {
    return this.currentStation ?? this.content.set.tour[0] ?? null;
  }

  /** Two fingers on the overlay: spread to resize the model, twist to turn it. */
  private pinchToResize(): void {
    let last: { d: number; a: number } | null = null;
    const measure = (e: TouchEvent): { d: number; a: number } | null => {
      if (e.touches.length > 1) this.multiTouchAt = performance.now();
      if (e.touches.length !== 2) return null;
      const [p, q] = [e.touches[0]!, e.touches[1]!];
      return { d: Math.hypot(q.clientX - p.clientX, q.clientY - p.clientY), a: Math.atan2(q.clientY - p.clientY, q.clientX - p.clientX) };
    };
    this.overlay.addEventListener('touchstart', (e) => {
      last = measure(e);
    }, { passive: true });
    this.overlay.addEventListener('touchmove', (e) => {
      const now = measure(e);
      if (!now || !last || this.ar.phase !== 'placed' || this.ar.lifeSize) return;
      if (last.d > 0) this.ar.resize(now.d / last.d);
      this.ar.rotate(-(now.a - last.a));
      last = now;
    }, { passive: true });
    this.overlay.addEventListener('touchend', (e) => {
      if (e.touches.length > 0 || last) this.multiTouchAt = performance.now();
      last = null;
    }, { passive: true });
  }

  /** Refreshes the overlay: hint for the placement phase, the station card, life-size label. */
  render(state: TourState): void {
    const { ui } = this.content.locale;
    this.currentStation = state.station;
    const hint = this.ar.lost ? ui.trackingLost : this.ar.phase === 'finding' ? ui.arFindSurface : this.ar.phase === 'ready' ? ui.arTapToPlace : this.ar.lifeSize ? ui.arLifeSizeHint : ui.arTapStation;
    if (this.hint.textContent !== hint) this.hint.textContent = hint;
    this.overlay.dataset.phase = this.ar.phase;
    this.lifeButton.textContent = this.ar.lifeSize ? ui.arMiniature : ui.arLifeSize;
    // The station's text is the HUD's sheet, brought into this overlay for the session (Hud.showIn).
  }

  /** Positions one DOM tag over each visible crew member of the current station. */
  updateTags(visible: boolean): void {
    // Runs every frame in AR: the list is the AR mode's reused one, sorted in place, lowest first.
    const placed = visible ? this.ar.crewOnScreen(this.size.width, this.size.height).sort(byLowest) : NONE;
    const seen = this.seen;
    seen.clear();
    // Crew stand close together on a small model: a tag that would overlap one placed before it is
    // lifted above it instead of piling on it.
    for (let i = 0; i < placed.length; i++) {
      const p = placed[i]!;
      for (let j = 0; j < i; j++) {
        const t = placed[j]!;
        if (Math.abs(t.x - p.x) < TAG_W && Math.abs(t.y - p.y) < TAG_H) {
          p.y = t.y - TAG_H;
          j = -1; // moved: check against every placed tag again
        }
      }
    }
    // Kept on the screen: a tag over a crew member near the edge slides in rather than off it.
    const half = Math.min(TAG_W, this.size.width) / 2;
    for (const p of placed) p.x = Math.min(Math.max(p.x, half), this.size.width - half);
    for (const p of placed) {
      seen.add(p.role);
      let el = this.tagEls.get(p.role);
      if (!el) {
        const role = this.content.locale.roles[p.role];
        el = h('div', { class: 'ar-tag', 'data-role': p.role }, h('strong', {}, role?.title ?? p.role), h('span', {}, role?.tag ?? ''));
        this.tagEls.set(p.role, el);
        this.tags.append(el);
      }
      const transform = `translate(${Math.round(p.x)}px, ${Math.round(p.y)}px) translate(-50%, -100%)`;
      if (this.tagPos.get(p.role) !== transform) {
        this.tagPos.set(p.role, transform);
        el.style.transform = transform;
      }
    }
    for (const [role, el] of this.tagEls) {
      if (!seen.has(role)) {
        el.remove();
        this.tagEls.delete(role);
        this.tagPos.delete(role);
      }
    }
  }

}
