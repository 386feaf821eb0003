import type { Content } from '../content/types';
import { fill, format, h } from '../ui/dom';

export interface BarState {
  readonly code: string;
  readonly nickname: string;
  readonly connected: boolean;
  readonly locked: boolean;
  readonly following: boolean;
}

/**
 * The student's class line, in the HUD's row above the footer (above the sheet on a phone): which class and nickname, whether the link is up
 * ("Reconnecting…" while the Wi-Fi is away), and whether navigation is locked or follows the
 * teacher. A polite status region: changes are read out once.
 */
export class ClassBar {
  readonly el = h('div', { id: 'class-bar', class: 'class-bar', role: 'status', hidden: true });
  private lastKey = '';

  constructor(private readonly content: Content) {}

  render(s: BarState | null): void {
    const key = JSON.stringify(s);
    if (key === this.lastKey) return;
    this.lastKey = key;
    this.el.hidden = s === null;
    if (!s) return fill(this.el);
    const { ui } = this.content.locale;
    fill(this.el,
      h('span', { class: 'class-bar-name' }, format(ui.classBadge, { code: s.code, nickname: s.nickname })),
      h('span', { class: `class-bar-link ${s.connected ? 'up' : 'down'}`, 'data-connected': String(s.connected) }, s.connected ? ui.classOnline : ui.classOffline),
      s.locked ? h('span', { class: 'class-bar-flag', 'data-flag': 'locked' }, ui.classLockedBadge) : null,
      s.following ? h('span', { class: 'class-bar-flag', 'data-flag': 'following' }, ui.classFollowingBadge) : null,
    );
  }
}
