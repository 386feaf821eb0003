import type { AppContext } from '../app/context';
import { h } from '../ui/dom';

/**
 * "Eyes on your teacher": the teacher's Pause all. On a screen, a modal dialog dims the whole page
 * (the set and the HUD behind it go inert: no clicks, no Tab); in a headset, where no DOM is drawn,
 * the view fades and the words go on the caption bar. Narration that was playing pauses and plays
 * on again at resume. Walking is held by the caller's navigation lock.
 */
export class PauseScreen {
  private readonly dialog: HTMLDialogElement;
  private on = false;
  private resumeNarration = false;

  constructor(private readonly ctx: AppContext) {
    const { ui } = ctx.content.locale;
    this.dialog = h('dialog', { id: 'class-paused', class: 'class-paused', 'aria-labelledby': 'class-paused-title' },
      h('h2', { id: 'class-paused-title' }, ui.classPaused),
      h('p', {}, ui.classPausedBody),
    );
    // Escape must not dismiss the teacher's pause (a browser may close it anyway: open it again).
    this.dialog.addEventListener('cancel', (e) => e.preventDefault());
    this.dialog.addEventListener('close', () => {
      if (this.on) this.dialog.showModal();
    });
    ctx.hud.root.append(this.dialog);
  }

  get paused(): boolean {
    return this.on;
  }

  set(paused: boolean): void {
    if (paused === this.on) return;
    this.on = paused;
    const { ctx } = this;
    const narration = ctx.services.audio?.narration;
    const inHeadset = ctx.xr.mode !== 'inline';
    if (paused) {
      this.resumeNarration = narration?.view.status === 'playing';
      narration?.pause();
      this.dialog.showModal();
      if (inHeadset) {
        void ctx.vrFade.fade(true);
        ctx.services.audio?.caption(ctx.content.locale.ui.classPaused);
      }
      return;
    }
    this.dialog.close();
    if (inHeadset) {
      void ctx.vrFade.fade(false);
      ctx.services.audio?.caption(null);
    }
    if (this.resumeNarration) narration?.resume();
    this.resumeNarration = false;
  }

  dispose(): void {
    this.set(false);
    this.dialog.remove();
  }
}
