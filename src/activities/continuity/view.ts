import { toolkit } from '../toolkit';
import * as THREE from 'three';
import type { MeshBuilder } from '../../set/mesh-builder';
import { bakeLight, setLights, type LightRig } from '../../set/light';
import { SET_LAYER } from '../../take/monitor';
import { DEG } from '../../content/geometry';
import type { ContinuityParams, Hand, ItemKind, TakeId } from './params';
import { drawActor } from './stand-in';
import { drawBench, drawBoard, drawBoardMark, drawItem, drawMark, drawTable, markOf, seatZ } from './tableau';

// The set's building kit, from the host (see toolkit.ts for why it is not imported).
const { meshBuilder } = toolkit();

/**
 * The two takes at the floor station: the diner corner drawn as the take on the monitor has it,
 * with a ring round each change already in the notes. Everything is ONE mesh in the set's own
 * program (vertex colours, light baked in), put together again only when the take, the notes or
 * a wrong pick's mark change (each take's picture is drawn once and kept; the rings are a few
 * hundred triangles), never per frame.
 */

/** A noted change's ring (a highlighter's yellow) and a wrong pick's. */
const FOUND = '#ffd21f';
const MISS = '#ff5a4a';
/** The take card on the bench's back: across from the table's centre (× width) and behind the seat. */
const BOARD_X = 0.32;
const BOARD_Z = -0.3;

export interface ViewState {
  readonly take: TakeId;
  readonly found: readonly ItemKind[];
}

export class ContinuityView {
  private readonly root = new THREE.Group();
  private readonly material = new THREE.MeshBasicMaterial({ vertexColors: true });
  private readonly mesh: THREE.Mesh;
  private readonly rig: LightRig;
  private state: ViewState = { take: 'take1', found: [] };
  private miss: ItemKind | 'board' | null = null;
  /** Each take's picture without marks, drawn once (see takeParts). */
  private readonly parts = new Map<TakeId, readonly THREE.BufferGeometry[]>();
  /** For debug(): how many times it was drawn, and its size. */
  readonly stats = { builds: 0, triangles: 0, buildMs: 0 };

  constructor(parent: THREE.Group, private readonly params: ContinuityParams, private readonly boardWord: string, stationYaw: number) {
    const { at, facing } = params.tableau;
    this.root.position.set(at[0], 0, at[1]);
    this.root.rotation.y = facing * DEG;
    this.root.name = 'continuity-tableau';
    // The set's light comes from fixed world directions; the normals here are in the tableau's
    // frame, so turn the light into it (the inverse of the station's and the tableau's yaw).
    this.rig = setLights();
    const turn = -(stationYaw + facing * DEG);
    for (const d of this.rig.directional) d.towards.applyAxisAngle(THREE.Object3D.DEFAULT_UP, turn);
    this.mesh = new THREE.Mesh(new THREE.BufferGeometry(), this.material);
    this.mesh.layers.enable(SET_LAYER);
    this.root.add(this.mesh);
    parent.add(this.root);
    this.rebuild();
  }

  /** Shows a take and the notes so far; rebuilds only if something a visitor sees changed. */
  show(state: ViewState): void {
    const same = state.take === this.state.take && state.found.length === this.state.found.length && state.found.every((id, i) => this.state.found[i] === id);
    this.state = { take: state.take, found: [...state.found] };
    if (same) return;
    this.miss = null;
    this.rebuild();
  }

  /** Back to take 1 with no notes and no red mark (a new visitor). */
  reset(state: ViewState): void {
    this.miss = null;
    this.state = { take: state.take, found: [...state.found] };
    this.rebuild();
  }

  /** The tableau is shown while the card is open (its rings and take card mean nothing otherwise). */
  setVisible(visible: boolean): void {
    this.root.visible = visible;
  }

  /**
   * A red ring round a picked item that matches, or round the take card ('board') when the visitor
   * picks before looking at take 2. It stays until the next change (a take, a note, Start again),
   * so it is seen however slow the frames are, and never while comparing a new take.
   */
  markMiss(id: ItemKind | 'board'): void {
    this.miss = id;
    this.rebuild();
  }

  get missing(): ItemKind | 'board' | null {
    return this.miss;
  }

  private cupHand(take: TakeId): Hand {
    return this.params.items.find((i) => i.id === 'cup')?.[take].hand ?? 'right';
  }

  /**
   * A take's picture without its marks: the lit parts (light baked in) and the glowing ones. It
   * does not change with the notes, so each take is drawn once and kept; a note or a wrong pick
   * then only redraws the rings.
   */
  private takeParts(take: TakeId): readonly THREE.BufferGeometry[] {
    const kept = this.parts.get(take);
    if (kept) return kept;
    const [width, depth] = this.params.tableau.table;
    const solid = meshBuilder(8192);
    const glow = meshBuilder(1024);
    drawTable(solid, width, depth);
    const zs = seatZ(depth);
    drawBench(solid, width, zs);
    drawBoard(solid, glow, this.boardWord, take === 'take1' ? 1 : 2, width * BOARD_X, zs + BOARD_Z);
    const jacket = this.params.items.find((i) => i.id === 'jacket')?.[take].open ?? false;
    solid.push().translate(0, 0, zs);
    drawActor(solid, { open: jacket, hand: this.cupHand(take) });
    solid.pop();
    for (const item of this.params.items) drawItem(solid, glow, item.id, item[take]);
    const lit = solid.build({ uv: false });
    bakeLight(lit, this.rig);
    const parts = [lit, glow.build({ uv: false })];
    solid.dispose();
    glow.dispose();
    this.parts.set(take, parts);
    return parts;
  }

  /** The rings round the noted changes and round a wrong pick, for the take on show. */
  private marks(take: TakeId): THREE.BufferGeometry {
    const [width, depth] = this.params.tableau.table;
    const b = meshBuilder(1024);
    if (this.miss === 'board') drawBoardMark(b, width * BOARD_X, seatZ(depth) + BOARD_Z, MISS);
    for (const item of this.params.items) {
      const found = this.state.found.includes(item.id);
      if (!found && item.id !== this.miss) continue;
      const mark = markOf(item.id, item[take], depth, this.cupHand(take));
      if (mark) drawMark(b, mark, found ? FOUND : MISS);
    }
    const geometry = b.build({ uv: false });
    b.dispose();
    return geometry;
  }

  private rebuild(): void {
    const started = performance.now();
    const take = this.state.take;
    const marks = this.marks(take);
    const geometry = merge([...this.takeParts(take), marks]);
    marks.dispose();
    this.mesh.geometry.dispose();
    this.mesh.geometry = geometry;
    this.stats.builds++;
    this.stats.triangles = geometry.getAttribute('position').count / 3;
    this.stats.buildMs = Math.round((performance.now() - started) * 10) / 10;
  }

  dispose(): void {
    this.root.removeFromParent();
    this.mesh.geometry.dispose();
    for (const parts of this.parts.values()) for (const g of parts) g.dispose();
    this.parts.clear();
    this.material.dispose();
  }
}

/** One geometry from several with the same attributes (position, normal, colour): one draw call. */
function merge(parts: readonly THREE.BufferGeometry[]): THREE.BufferGeometry {
  const out = new THREE.BufferGeometry();
  for (const name of ['position', 'normal', 'color']) {
    const arrays = parts.map((g) => g.getAttribute(name).array as Float32Array);
    const joined = new Float32Array(arrays.reduce((n, a) => n + a.length, 0));
    let at = 0;
    for (const a of arrays) {
      joined.set(a, at);
      at += a.length;
    }
    out.setAttribute(name, new THREE.BufferAttribute(joined, 3));
  }
  out.computeBoundingBox();
  out.computeBoundingSphere();
  return out;
}
