import type { Content } from '../content/types';
import type { TourState } from '../tour/state';
import { h } from './dom';

/**
 * A 2D floor plan of the soundstage: a button per station (in its stage colour, ringed once
 * visited) and an arrow for the visitor. Clicking a station goes there.
 */
export class FloorPlan {
  readonly el: HTMLElement;
  private readonly you: HTMLElement;
  private readonly buttons = new Map<string, HTMLButtonElement>();
  private readonly halfW: number;
  private readonly halfD: number;
  private readonly room: HTMLElement;
  private readonly points = new Map<string, readonly [number, number]>();
  private lastKey = '';

  constructor(content: Content, onGo: (station: string) => void) {
    const { set, locale } = content;
    this.halfW = set.soundstage.width / 2;
    this.halfD = set.soundstage.depth / 2;
    const stageColor = new Map(set.stages.map((s) => [s.id, s.color]));
    const room = h('div', { class: 'floorplan-room', style: `aspect-ratio: ${set.soundstage.width} / ${set.soundstage.depth}` });
    for (const id of set.tour) {
      const station = set.stations.find((s) => s.id === id)!;
      const title = locale.stations[id]!.title;
      const button = h('button', {
        type: 'button',
        class: 'floorplan-station',
        'data-station': id,
        'aria-label': title,
        title,
        style: `left: ${this.x(station.position[0])}%; top: ${this.y(station.position[1])}%; --stage: ${stageColor.get(station.stage) ?? '#fff'}`,
      });
      button.addEventListener('click', () => onGo(id));
      this.points.set(id, [this.x(station.position[0]), this.y(station.position[1])]);
      this.buttons.set(id, button);
      room.append(button);
    }
    if (set.hotSet) room.append(this.hotSet(set.hotSet));
    this.you = h('div', { id: 'floorplan-you', class: 'floorplan-you', role: 'img', 'aria-label': locale.ui.youAreHere });
    room.append(this.you);
    this.room = room;
    this.el = h('nav', { id: 'floorplan', class: 'floorplan', 'aria-label': locale.ui.floorPlan }, h('h2', { class: 'floorplan-title' }, locale.ui.floorPlan), room);
  }

  render(state: TourState): void {
    for (const [id, button] of this.buttons) {
      button.classList.toggle('visited', state.visited.includes(id));
      button.classList.toggle('current', state.station === id);
      if (state.station === id) button.setAttribute('aria-current', 'location');
      else button.removeAttribute('aria-current');
    }
  }

  /** Moves the visitor arrow; cheap enough per frame, but skips DOM writes when nothing moved. */
  updateVisitor(x: number, z: number, yaw: number): void {
    const key = `${x.toFixed(2)}:${z.toFixed(2)}:${yaw.toFixed(2)}`;
    if (key === this.lastKey) return;
    this.lastKey = key;
    this.you.style.left = `${this.x(x)}%`;
    this.you.style.top = `${this.y(z)}%`;
    // Plan is seen from above with -z up; yaw 0 looks toward -z, i.e. up the plan.
    this.you.style.transform = `translate(-50%, -50%) rotate(${(-yaw * 180) / Math.PI}deg)`;
  }

  /**
   * Another feature's marks over the plan (a class's classmates): `layer` is laid over the room,
   * under the visitor's arrow; the returned function takes it off again.
   */
  addLayer(layer: HTMLElement): () => void {
    this.room.insertBefore(layer, this.you);
    return () => layer.remove();
  }

  /** Where a station is on the plan, in percent of the room's width and depth (null: not on it). */
  pointOf(station: string): readonly [number, number] | null {
    return this.points.get(station) ?? null;
  }

  /** The set being shot, as a dashed outline round its props and people (a picture only: it is not a place to go). */
  private hotSet(hot: NonNullable<Content['set']['hotSet']>): HTMLElement {
    const points = [...hot.props, ...hot.performers, ...hot.gear].map((p) => p.at);
    const xs = points.map((p) => p[0]);
    const zs = points.map((p) => p[1]);
    const [x0, x1, z0, z1] = [Math.min(...xs) - 0.5, Math.max(...xs) + 0.5, Math.min(...zs) - 0.5, Math.max(...zs) + 0.5];
    const yaw = (hot.facing * Math.PI) / 180;
    const cx = hot.position[0] + ((x0 + x1) / 2) * Math.cos(yaw) + ((z0 + z1) / 2) * Math.sin(yaw);
    const cz = hot.position[1] - ((x0 + x1) / 2) * Math.sin(yaw) + ((z0 + z1) / 2) * Math.cos(yaw);
    return h('div', {
      class: 'floorplan-hotset',
      'aria-hidden': 'true',
      style: `left: ${this.x(cx)}%; top: ${this.y(cz)}%; width: ${((x1 - x0) / (this.halfW * 2)) * 100}%; height: ${((z1 - z0) / (this.halfD * 2)) * 100}%; transform: translate(-50%, -50%) rotate(${-hot.facing}deg)`,
    });
  }

  private x(worldX: number): number {
    return ((worldX + this.halfW) / (this.halfW * 2)) * 100;
  }

  private y(worldZ: number): number {
    return ((worldZ + this.halfD) / (this.halfD * 2)) * 100;
  }
}
