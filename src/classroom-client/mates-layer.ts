import type { AppContext } from '../app/context';
import { fill, format, h } from '../ui/dom';

const SHOWN = 4; // dots per station; more become "+n" (a crowded station stays readable)

/**
 * Classmates on the HUD's floor plan: at each station with classmates, a little cluster of dots
 * carrying their initials, and the names in its label ("Classmates at Camera: Ana, Ben"). Only
 * pictures: the station buttons under them stay clickable. Names are text, never markup.
 */
export class MatesLayer {
  private readonly layer = h('div', { class: 'class-mates', 'data-class-mates': '' });
  private readonly detach: () => void;
  private lastKey = '';

  constructor(private readonly ctx: AppContext) {
    this.detach = ctx.hud.floorPlan.addLayer(this.layer);
  }

  render(byStation: ReadonlyMap<string, readonly string[]>): void {
    const key = JSON.stringify([...byStation]);
    if (key === this.lastKey) return;
    this.lastKey = key;
    const { locale } = this.ctx.content;
    const groups: HTMLElement[] = [];
    for (const [station, names] of byStation) {
      const at = this.ctx.hud.floorPlan.pointOf(station);
      if (!at) continue;
      const title = locale.stations[station]?.title ?? station;
      const label = format(locale.ui.classMatesAt, { station: title, names: names.join(locale.ui.listSeparator) });
      const dots = names.slice(0, SHOWN).map((n) => h('span', { class: 'class-mate' }, [...n][0]?.toUpperCase() ?? '?'));
      if (names.length > SHOWN) dots.push(h('span', { class: 'class-mate more' }, `+${names.length - SHOWN}`));
      groups.push(h('span', { class: 'class-mate-group', 'data-mates-at': station, 'data-count': names.length, role: 'img', 'aria-label': label, title: label, style: `left: ${at[0]}%; top: ${at[1]}%` }, ...dots));
    }
    fill(this.layer, ...groups);
  }

  dispose(): void {
    this.detach();
  }
}
