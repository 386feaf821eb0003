import type { Toolkit } from '../activities/toolkit';
import { readFile } from '../content/load';
import { buildFigure } from '../set/figure';
import { MeshBuilder } from '../set/mesh-builder';
import { appleBox, cinemaCamera, foldingChair, gripHead } from '../set/props/gear';
import { C, frustum, pixelText, polyline, rbox, xcyl, xf, zcyl } from '../set/props/kit';
import { hashString, seededRandom } from '../set/random';
import { font, SOFTWARE_CANVAS, wrapText } from '../world-ui/text-canvas';
import { yieldToMain } from '../slices';
import { drawOnePixel } from './warm-up';

/*
 * What the activities' lazy chunks get from the main chunk. Both live here, in `main`, for one
 * reason: Rolldown keeps a module that `main` and a lazy chunk share in `main` only in some cases;
 * for the set's building kit it split them into five small chunks, and a normal visit's first load
 * grew by 4.4 KB gzip. So the activities never import these modules (only their types); the host
 * receives them from here (src/activities/toolkit.ts says more).
 */

/** The set's building kit, as the activities use it. */
export const TOOLKIT: Toolkit = {
  C, frustum, xf, zcyl, xcyl, rbox, pixelText, polyline,
  appleBox, gripHead, foldingChair, cinemaCamera,
  buildFigure, hashString, seededRandom,
  SOFTWARE_CANVAS, font, wrapText,
  readFile,
  yieldToMain, drawOnePixel,
  meshBuilder: (capacity) => new MeshBuilder(capacity),
};
