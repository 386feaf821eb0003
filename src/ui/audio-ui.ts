import type { Content } from '../content/types';
import type { NarrationView } from '../audio/narration';
import type { AudioPrefs } from '../audio/prefs';
import { h } from './dom';
import type { Hud } from './hud';

export interface AudioUiActions {
  pause(): void;
  resume(): void;
  replay(): void;
  skip(): void;
  unlock(): void;
  prefs(change: Partial<AudioPrefs>): void;
  language(code: string): void;
}

/** A language's name in that language ("English", "Español"), from the browser's own data. */
export function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
    if (name) return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    // an old browser without Intl.DisplayNames: the code will do
  }
  return code;
}

/**
 * The sound and caption controls in the HUD: captions over the tour bar (and mirrored to a polite
 * live region), pause / replay / skip, mute, a "tap for sound" prompt while the browser holds sound
 * back, and volume, captions and language in Settings. Caption text is only ever set as text.
 */
export class AudioUi {
  private readonly captions: HTMLElement;
  private readonly live: HTMLElement;
  /** Pause/play, replay, skip, in the station box (which an AR session shows in its overlay). */
  private readonly controls: { readonly group: HTMLElement; readonly playPause: HTMLButtonElement }[];
  private readonly mute: HTMLButtonElement;
  private readonly tap: HTMLButtonElement;
  private readonly status: HTMLElement;
  private readonly volume: HTMLInputElement;
  private readonly showCaptions: HTMLInputElement;
  private view: NarrationView | null = null;
  private readonly ui: Content['locale']['ui'];

  constructor(content: Content, hud: Hud, private prefs: AudioPrefs, private readonly actions: AudioUiActions) {
    const { ui } = content.locale;
    this.ui = ui;
    const button = (id: string, label: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLButtonElement => {
      const b = h('button', { type: 'button', id, ...attrs }, label);
      b.addEventListener('click', onClick);
      return b;
    };
    this.captions = h('div', { id: 'captions', class: 'captions', 'aria-hidden': 'true', hidden: true });
    // Read out by screen readers only when the narration cannot be heard (blocked, unavailable,
    // muted): otherwise it would repeat, phrase by phrase, what the voice and the panel reader say.
    // Outside the HUD, so it is still announced in AR, where the HUD is hidden.
    // A log (a live region of its own kind, polite), so it may carry a name: "Captions".
    this.live = h('div', { id: 'caption-live', class: 'visually-hidden', role: 'log', 'aria-live': 'polite', 'aria-label': ui.captions });
    const controls = (prefix: string, extra: string): { group: HTMLElement; playPause: HTMLButtonElement } => {
      const playPause = button(`${prefix}narration`, ui.narrationPause, () => (this.view?.status === 'playing' ? actions.pause() : this.view?.status === 'ended' ? actions.replay() : actions.resume()), { class: extra });
      const group = h('div', { class: 'narration-controls', role: 'group', 'aria-label': ui.narration, hidden: true },
        playPause,
        button(`${prefix}replay`, ui.narrationReplay, () => actions.replay(), { class: extra }),
        button(`${prefix}skip`, ui.narrationSkip, () => actions.skip(), { class: extra }),
      );
      return { group, playPause };
    };
    this.controls = [controls('btn-', '')];
    this.mute = button('btn-mute', ui.mute, () => actions.prefs({ muted: !this.prefs.muted }));
    this.tap = button('btn-sound', ui.tapForSound, () => actions.unlock(), { class: 'tap-for-sound', title: ui.soundBlocked, 'aria-describedby': 'sound-status', hidden: '' });
    this.status = h('p', { id: 'sound-status', class: 'sound-status', hidden: true });

    this.volume = h('input', { id: 'set-volume', type: 'range', min: '0', max: '100', step: '5' });
    this.volume.addEventListener('input', () => actions.prefs({ volume: Number(this.volume.value) / 100 }));
    this.showCaptions = h('input', { id: 'set-captions', type: 'checkbox' });
    this.showCaptions.addEventListener('change', () => actions.prefs({ captions: this.showCaptions.checked }));
    const { locales } = content.set;
    // Switching reloads the tour in the other language, so it waits for the button (a keyboard
    // user moving through the list must not be sent away on the first arrow key).
    const language = h('select', { id: 'set-language' }, ...locales.map((code) => h('option', { value: code, lang: code }, languageName(code))));
    language.value = content.locale.locale;
    const applyLanguage = button('btn-language', ui.languageReload, () => actions.language(language.value), { disabled: '' });
    language.addEventListener('change', () => {
      applyLanguage.disabled = language.value === content.locale.locale;
    });

    hud.slots.quick.append(this.mute);
    hud.slots.nowActions.prepend(this.controls[0]!.group);
    hud.slots.aboveFooter.append(this.tap, this.status);
    hud.setCaption(this.captions);
    document.body.append(this.live);
    hud.addSettings(
      h('fieldset', { class: 'sound-settings' },
        h('legend', {}, ui.narration),
        h('div', { class: 'field' }, h('label', { for: 'set-volume' }, ui.volume), this.volume),
        h('div', { class: 'field check' }, this.showCaptions, h('label', { for: 'set-captions' }, ui.showCaptions)),
      ),
      ...(locales.length > 1 ? [h('div', { class: 'field language' }, h('label', { for: 'set-language' }, ui.language), language, applyLanguage)] : []),
    );
    this.renderPrefs(prefs);
  }

  renderPrefs(prefs: AudioPrefs): void {
    this.prefs = prefs;
    // The label says what a press does ("Mute" / "Sound on"); no aria-pressed on top of that.
    this.mute.textContent = prefs.muted ? this.ui.unmute : this.ui.mute;
    this.mute.dataset.muted = String(prefs.muted);
    this.volume.value = String(Math.round(prefs.volume * 100));
    this.showCaptions.checked = prefs.captions;
    if (this.view) this.render(this.view);
  }

  render(view: NarrationView): void {
    this.view = view;
    const ui = this.ui;
    const active = view.status !== 'idle';
    for (const c of this.controls) {
      c.group.hidden = !active;
      c.playPause.textContent = view.status === 'playing' ? ui.narrationPause : ui.narrationPlay;
    }
    const caption = this.prefs.captions ? view.caption : null;
    this.captions.hidden = !caption;
    if (this.captions.textContent !== (caption ?? '')) this.captions.textContent = caption ?? '';
    const unheard = view.sound !== 'ok' || this.prefs.muted;
    if (view.caption && unheard && this.live.textContent !== view.caption) this.live.textContent = view.caption;
    const tapHidden = !(active && view.sound === 'blocked');
    if (tapHidden && !this.tap.hidden && document.activeElement === this.tap) this.controls[0]!.playPause.focus(); // keep focus in the HUD
    this.tap.hidden = tapHidden;
    const status = view.sound === 'blocked' ? ui.soundBlocked : view.sound === 'unavailable' ? ui.audioUnavailable : '';
    this.status.hidden = !(active && status);
    this.status.textContent = status;
  }
}
