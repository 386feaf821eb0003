import { FONT_STACK } from '../ui/fonts';

export const PANEL_BUTTONS = ['previous', 'activity', 'take', 'close', 'next'] as const;
export type PanelButton = (typeof PANEL_BUTTONS)[number];

/** Height of the button strip under the panel text, canvas pixels (the panel is 1000 px a metre). */
export const BUTTON_STRIP_PX = 150;

/**
 * The pointable Previous stop / (Try it) / (Shoot a take) / Close / Next stop buttons of the panel in a headset. They are
 * painted into the panel's own texture (a strip along its bottom), so they cost no draw call of
 * their own; this class keeps their labels, which are disabled, which is hovered, and maps a point
 * along the strip to a button.
 */
export class PanelButtons {
  private labels: Record<PanelButton, string> = { previous: '', activity: '', take: '', close: '', next: '' };
  private disabled = new Set<PanelButton>();
  /** The buttons on the strip, left to right ("Try it" only where there is an activity, "Shoot a take" only at the hot set's stations). */
  private shown: readonly PanelButton[] = ['previous', 'close', 'next'];
  private hovered: PanelButton | null = null;

  /** Returns true when something visible changed (the panel must be repainted). */
  setLabels(labels: Record<PanelButton, string>, disabled: readonly PanelButton[], shown: readonly PanelButton[] = ['previous', 'close', 'next']): boolean {
    const same = PANEL_BUTTONS.every((b) => labels[b] === this.labels[b]) && disabled.length === this.disabled.size && disabled.every((d) => this.disabled.has(d)) && shown.join() === this.shown.join();
    if (same) return false;
    this.labels = { ...labels };
    this.disabled = new Set(disabled);
    this.shown = [...shown];
    return true;
  }

  /** Returns true when the hover changed (the panel must be repainted). */
  setHover(button: PanelButton | null): boolean {
    if (button === this.hovered) return false;
    this.hovered = button;
    return true;
  }

  /** The enabled button at `u` (0…1 across the strip), or null. */
  buttonAt(u: number): PanelButton | null {
    const n = this.shown.length;
    const button = this.shown[Math.min(n - 1, Math.max(0, Math.floor(u * n)))]!;
    return this.disabled.has(button) ? null : button;
  }

  paint(ctx: CanvasRenderingContext2D, top: number, width: number): void {
    const H = BUTTON_STRIP_PX;
    const slot = width / this.shown.length;
    this.shown.forEach((b, i) => {
      const x = i * slot + 14;
      const w = slot - 28;
      const off = this.disabled.has(b);
      const hot = this.hovered === b && !off;
      ctx.fillStyle = hot ? '#ffd166' : off ? 'rgba(30,32,40,0.6)' : 'rgba(22,24,31,0.96)';
      ctx.strokeStyle = hot ? '#ffffff' : 'rgba(255,255,255,0.4)';
      ctx.lineWidth = 4;
      ctx.beginPath();
      ctx.roundRect(x, top + 18, w, H - 36, 38);
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = hot ? '#16181f' : off ? 'rgba(255,255,255,0.35)' : '#ffffff';
      ctx.font = `700 44px ${FONT_STACK}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(this.labels[b], x + w / 2, top + H / 2 + 2, w - 30);
    });
    ctx.textAlign = 'start';
    ctx.textBaseline = 'alphabetic';
  }
}
