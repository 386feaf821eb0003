import { createHash } from 'node:crypto';

/** sha256 (hex) of a narration script's text: what the manifest's textHash holds. */
export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
