import * as THREE from 'three';
import { BillboardBatch, drawCard } from './billboards';
import { finish, type Steps } from '../slices';
import { font } from './text-canvas';
import type { CrewLayout } from '../set/layout';
import type { LineRange } from './overlay-lines';
import type { Content } from '../content/types';
import type { TourState } from '../tour/state';

const TAG_H = 0.36;
const TAG_PX = 300;
const TAG_MIN_W = 1.2;
const TAG_MAX_W = 2.6;
const GAP_ABOVE_HEAD = 0.3;
/** Extra heights a tag may be lifted to, metres, before it is hidden rather than overlap another. */
const LIFTS = [0, 0.42, 0.84, 1.26] as const;
const MAX_DISTANCE = 16;
/** Re-layout every N frames: tags follow the view closely enough, at a tenth of the cost. */
const LAYOUT_EVERY = 3;
/** The speaking person's tag: larger, with a gold leader line. */
const SPEAKING_SCALE = 1.45;
const SPEAKING = new THREE.Color('#ffd166');

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

// Module-level scratch reused by the layout pass (runs every few frames).
const v = new THREE.Vector3();
const camPos = new THREE.Vector3();

/**
 * Floating role tags over crew figures (the AR layer): title and one-line job on a card in the
 * department colour, joined to the person by a leader line, always facing the viewer. Tags that
 * would overlap are lifted, then dropped (farthest first), so the view never becomes a pile.
 */
export class RoleTags {
  private batch: BillboardBatch | null = null;
  /** This layer's leader lines: a range of the shared overlay line batch. */
  private lines: LineRange | null = null;
  private leaderColor = new THREE.Color('#f4e3b5');
  private crew: readonly CrewLayout[] = [];
  private shownRoles = new Set<string>();
  private frame = 0;
  private dirty = true;
  private group: THREE.Group | null = null;
  private featured: ReadonlySet<string> = new Set();
  private among: ReadonlySet<string> = new Set();
  private highlighted: string | null = null;

  build(content: Content, crew: readonly CrewLayout[], highContrast: boolean, lines: LineRange): THREE.Group {
    return finish(this.buildSteps(content, crew, highContrast, lines));
  }

  /** The same, a tag drawn a step (start-up runs them in slices). */
  *buildSteps(content: Content, crew: readonly CrewLayout[], highContrast: boolean, lines: LineRange): Steps<THREE.Group> {
    this.dispose();
    this.crew = crew;
    this.shownRoles = new Set();
    const colors = new Map(content.set.departments.map((d) => [d.id, d.color]));
    // Each tag is as wide as its text (within limits), so the one-line job is not cut short.
    const measure = document.createElement('canvas').getContext('2d')!;
    const px = TAG_H * TAG_PX;
    this.batch = new BillboardBatch(
      crew.map((c) => {
        const text = content.locale.roles[c.role]!;
        measure.font = font(px * 0.34, true);
        const titleW = measure.measureText(text.title).width;
        measure.font = font(px * 0.235);
        const tagW = measure.measureText(text.tag).width;
        const width = THREE.MathUtils.clamp((Math.max(titleW, tagW) + px * 0.5) / TAG_PX, TAG_MIN_W, TAG_MAX_W);
        return {
          key: c.key,
          width,
          height: TAG_H,
          draw: (ctx, w, h) =>
            drawCard(ctx, w, h, {
              title: text.title,
              subtitle: text.tag,
              color: colors.get(c.department) ?? '#ffffff',
              titleFont: font(h * 0.34, true),
              subtitleFont: font(h * 0.235),
              background: highContrast ? '#000000' : 'rgba(14, 16, 22, 0.9)',
              foreground: '#ffffff',
              muted: highContrast ? '#ffffff' : '#d8d4ca',
              dir: content.locale.dir,
              lang: content.locale.locale,
            }),
        };
      }),
      TAG_PX,
      { depthTest: true, renderOrder: 20 },
    );
    yield* this.batch.paint();
    if (lines.count < crew.length) throw new Error(`role tags need ${crew.length} leader lines, got ${lines.count}`);
    this.lines = lines;
    this.leaderColor = new THREE.Color(highContrast ? '#ffffff' : '#f4e3b5');
    this.group = new THREE.Group();
    this.group.name = 'role-tags';
    this.group.add(this.batch.mesh);
    // Hidden until a tag is shown: the tag atlas is then uploaded to the GPU on first use, not as
    // part of the first frame (where nobody stands at a station yet).
    this.group.visible = false;
    this.dirty = true;
    return this.group;
  }

  invalidate(): void {
    this.dirty = true;
  }

  /**
   * Tags shown wherever the visitor is (a take's performers while it plays), and the one tag that
   * is lit up, larger with a gold leader, while its person speaks or acts. Of the crew in `among`
   * (the take's whole cast) only those in `keys` show, so a take shows who is busy, not everyone.
   * Empty and null: none.
   */
  feature(keys: ReadonlySet<string>, highlighted: string | null, among: ReadonlySet<string> = new Set()): void {
    this.featured = keys;
    this.highlighted = highlighted;
    this.among = among;
    this.dirty = true;
  }

  /** The lit-up tag's key (tests read it). */
  highlightedKey(): string | null {
    return this.highlighted;
  }

  /** Hides every tag and leader line until the next layout pass (AR uses DOM tags instead). */
  hideAll(): void {
    this.lines?.clearAll();
    if (this.group) this.group.visible = false;
    for (const c of this.crew) this.batch?.setShown(c.key, false);
    this.shownRoles = new Set();
    this.dirty = true;
  }

  update(state: TourState, camera: THREE.Camera, size: { width: number; height: number }): void {
    const batch = this.batch;
    const lines = this.lines;
    if (!batch || !lines) return;
    this.frame++;
    if (!this.dirty && this.frame % LAYOUT_EVERY !== 0) return;
    this.dirty = false;

    camera.getWorldPosition(camPos);
    const candidates: { c: CrewLayout; index: number; distance: number }[] = [];
    this.crew.forEach((c, index) => {
      const atStation = state.overlay !== 'off' && state.station !== null && c.shownAt.includes(state.station);
      const featured = state.overlay !== 'off' && this.featured.has(c.key);
      const benched = this.among.has(c.key) && !featured;
      const wanted = state.overlay === 'all' || featured || (atStation && !benched);
      const distance = camPos.distanceTo(c.head);
      if (wanted && distance < MAX_DISTANCE) candidates.push({ c, index, distance });
    });
    // The one speaking wins, then the visited station's crew; then nearest first.
    const rank = (c: CrewLayout): number => (c.key === this.highlighted ? 2 : 0) + (state.station !== null && c.shownAt.includes(state.station) ? 1 : 0);
    candidates.sort((a, b) => rank(b.c) - rank(a.c) || a.distance - b.distance);

    const placed: Rect[] = [];
    const shown = new Set<string>();
    const project = (x: number, y: number, z: number): THREE.Vector3 => v.set(x, y, z).project(camera);
    for (const { c, index } of candidates) {
      let accepted: Rect | null = null;
      let anchorY = 0;
      for (const lift of LIFTS) {
        const y = c.head.y + GAP_ABOVE_HEAD + lift;
        const base = project(c.head.x, y, c.head.z);
        if (base.z > 1 || base.z < -1) break; // behind the viewer
        const bx = base.x;
        const by = base.y;
        const top = project(c.head.x, y + TAG_H, c.head.z);
        const halfH = (top.y - by) / 2;
        // Width in NDC follows height by the card's aspect and the screen's.
        const halfW = Math.abs(halfH) * (batch.size(c.key).width / TAG_H) * (size.height / size.width);
        const rect = { x0: bx - halfW, x1: bx + halfW, y0: by, y1: top.y };
        if (rect.x1 < -1 || rect.x0 > 1 || rect.y1 < -1 || rect.y0 > 1) break; // out of view
        if (!placed.some((r) => rect.x0 < r.x1 && rect.x1 > r.x0 && rect.y0 < r.y1 && rect.y1 > r.y0)) {
          accepted = rect;
          anchorY = y;
          break;
        }
      }
      if (accepted) {
        placed.push(accepted);
        shown.add(c.key);
        batch.setAnchor(c.key, c.head.x, anchorY, c.head.z);
        lines.set(index, c.head.x, c.head.y + 0.05, c.head.z, c.head.x, anchorY, c.head.z, c.key === this.highlighted ? SPEAKING : this.leaderColor);
      } else {
        lines.clear(index);
      }
    }
    this.crew.forEach((c, index) => {
      const visible = shown.has(c.key);
      batch.setShown(c.key, visible, c.key === this.highlighted ? SPEAKING_SCALE : 1);
      if (!visible) lines.clear(index);
    });
    this.shownRoles = shown;
    if (this.group) this.group.visible = shown.size > 0;
  }

  /** The keys (roles; `hot:<id>` on the hot set) whose tags the last layout pass showed (tests read it). */
  visibleRoles(): string[] {
    return [...this.shownRoles];
  }

  dispose(): void {
    this.batch?.dispose();
    this.lines?.clearAll();
    this.group?.removeFromParent();
    this.batch = null;
    this.lines = null;
    this.group = null;
  }
}
