import type { SetWords } from '../content/types';
import type { MeshBuilder } from './mesh-builder';

/**
 * The three merged meshes a prop may draw into. Each becomes one draw call for the whole set.
 * - solid: vertex-coloured surfaces under the set's light (baked in, light.ts): stands, carts, walls, furniture.
 * - glow: unlit vertex colours: lamp faces, bulbs, LEDs, tally lights, screens showing a flat colour.
 * - screen: unlit, textured with the LED-wall scene picture (src/set/led-scene.ts); use quad(..., uv)
 *   for the LED wall and for monitors that show what the camera sees.
 */
export interface PropTargets {
  readonly solid: MeshBuilder;
  readonly glow: MeshBuilder;
  readonly screen: MeshBuilder;
}

/**
 * Draws one prop in its own frame: origin on the floor at the prop's centre, y up, +z toward the
 * visitor. `rand` is a seeded random in [0, 1) so the set looks the same on every load; `words`
 * are the signs' and labels' text in the visitor's language (the locale's setDressing).
 */
export type PropBuilder = (targets: PropTargets, rand: () => number, words: SetWords) => void;
