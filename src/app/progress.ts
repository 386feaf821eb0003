/**
 * The loading screen of index.html (#boot): a still of the stage, a progress bar and, once the
 * locale has loaded, a few words. Boot moves the bar as the content, A-Frame, the set and the
 * features arrive, and takes the screen away once a frame with the set in it has been drawn.
 */
const screen = (): HTMLElement | null => document.getElementById('boot');

/** Moves the bar to `fraction` (0–1); it never goes back. */
export function loadingProgress(fraction: number): void {
  const bar = screen()?.querySelector<HTMLElement>('[role="progressbar"]');
  if (!bar) return;
  const percent = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  if (percent <= Number(bar.getAttribute('aria-valuenow') ?? 0)) return;
  bar.setAttribute('aria-valuenow', String(percent));
  bar.querySelector<HTMLElement>('.boot-bar')?.style.setProperty('transform', `scaleX(${percent / 100})`);
}

/** The screen's words in the visitor's language (textContent: content is never HTML). */
export function loadingLabel(text: string): void {
  const el = screen();
  if (!el) return;
  const label = el.querySelector('.boot-label');
  if (label) label.textContent = text;
  el.querySelector('[role="progressbar"]')?.setAttribute('aria-label', text);
}

/** Fades the screen out over what is now drawn beneath it, then removes it. */
export function endLoading(): void {
  const el = screen();
  if (!el) return;
  el.removeAttribute('aria-busy');
  loadingProgress(1);
  el.classList.add('done');
  const remove = (): void => el.remove();
  el.addEventListener('transitionend', remove, { once: true });
  // No transition (reduced motion) means no transitionend.
  setTimeout(remove, 400);
}
