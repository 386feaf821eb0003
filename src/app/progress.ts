/**
 * The loading screen of index.html (#boot): a still of the stage, a progress bar and, once the
 * locale has loaded, a few words. Boot moves the bar as the content, A-Frame, the set and the
 * features arrive, and takes the screen away once a frame with the set in it has been drawn.
 */
const screen = (): HTMLElement | null => document.getElementById('boot');

const held = new Set<HTMLElement>();
let watcher: MutationObserver | null = null;

/**
 * While the screen is up, the page under it is inert: the HUD, the scene and the XR buttons are
 * built before the screen goes, and Tab, a click or a screen reader must not reach them (nor enter
 * a headset while nothing is being drawn). Whatever is added meanwhile is held too.
 */
export function holdPage(): void {
  const boot = screen();
  if (!boot || watcher) return;
  const hold = (node: Node): void => {
    if (!(node instanceof HTMLElement) || node === boot || node.inert) return;
    node.inert = true;
    held.add(node);
  };
  for (const child of document.body.children) hold(child);
  watcher = new MutationObserver((records) => {
    for (const r of records) r.addedNodes.forEach(hold);
  });
  watcher.observe(document.body, { childList: true });
}

function releasePage(): void {
  watcher?.disconnect();
  watcher = null;
  for (const el of held) el.inert = false;
  held.clear();
}

/** Removes the screen at once (an error screen takes its place). */
export function dropLoading(): void {
  releasePage();
  screen()?.remove();
}

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
  releasePage();
  const el = screen();
  if (!el) return;
  loadingProgress(1);
  el.classList.add('done');
  const remove = (): void => el.remove();
  el.addEventListener('transitionend', remove, { once: true });
  // No transition (reduced motion) means no transitionend.
  setTimeout(remove, 400);
}
