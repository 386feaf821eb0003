import type { MeshBuilder } from '../set/mesh-builder';
import type * as Kit from '../set/props/kit';
import type * as Gear from '../set/props/gear';
import type * as Figure from '../set/figure';
import type * as Random from '../set/random';
import type * as TextCanvas from '../world-ui/text-canvas';
import type * as Load from '../content/load';
import type * as Slices from '../slices';
import type * as WarmUp from '../app/warm-up';

/**
 * The set's own building kit (mesh builder, prop parts, figures, canvas text, content reading),
 * handed to the activities by the host instead of imported by them.
 *
 * Why: these modules are in the main chunk, which every visit loads. When a lazy activity chunk
 * imports one of them, Rolldown moves the module out of `main` into a small shared chunk (it does
 * not see that `main` has always loaded it first), and a normal visit's first load grows by ~4 KB
 * gzip in five extra files. Through this toolkit the activity chunks reference them by value, so
 * they stay in `main`. The value is made in src/app/activity-kinds.ts (main chunk) and provided by
 * the host's install() before any activity's chunk loads.
 *
 * Only `import type` of those modules may appear under src/activities/; a module here may read the
 * toolkit at its top level only if it is in an activity kind's chunk (loaded after install()),
 * never in the host's (card, env, load, specs, vr-panel: read it inside functions there).
 */
export type Toolkit = Pick<typeof Kit, 'C' | 'frustum' | 'xf' | 'zcyl' | 'xcyl' | 'rbox' | 'pixelText' | 'polyline'> &
  Pick<typeof Gear, 'appleBox' | 'gripHead' | 'foldingChair' | 'cinemaCamera'> &
  Pick<typeof Figure, 'buildFigure'> &
  Pick<typeof Random, 'hashString' | 'seededRandom'> &
  Pick<typeof TextCanvas, 'SOFTWARE_CANVAS' | 'font' | 'wrapText'> &
  Pick<typeof Load, 'readFile'> &
  Pick<typeof Slices, 'yieldToMain'> &
  Pick<typeof WarmUp, 'drawOnePixel'> & {
    readonly meshBuilder: (capacity?: number) => MeshBuilder;
  };

let provided: Toolkit | null = null;

/** The host's install() calls this first; tests call it from their setup file. */
export function provideToolkit(kit: Toolkit): void {
  provided = kit;
}

export function toolkit(): Toolkit {
  if (provided === null) throw new Error('Backlot: an activity used the toolkit before the activities host provided it (see src/activities/toolkit.ts)');
  return provided;
}
