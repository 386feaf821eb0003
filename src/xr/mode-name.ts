import type { LocaleFile } from '../content/types';

/** The short name of VR or AR in this language, as said in notices ("VR did not start…"). */
export const modeName = (mode: 'vr' | 'ar', ui: LocaleFile['ui']): string => (mode === 'vr' ? ui.vrName : ui.arName);
