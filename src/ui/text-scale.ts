import type { Settings } from '../tour/state';

/** How much larger text is drawn at each text-size setting, in the DOM and on the 3D panel alike. */
export const TEXT_SCALE: Readonly<Record<Settings['textSize'], number>> = { normal: 1, large: 1.25, 'x-large': 1.5 };
