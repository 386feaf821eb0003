import { ARC_SAMPLES } from './teleport';

// Segments each VR pointer draws into the shared line batch: ray, arc, a landing ring of three
// circles (lines are one pixel wide, so three read as a band), a three-axis cursor. Kept apart
// from the VR controls (a lazy chunk) because the line batch is sized before they load.
export const RING_SEGMENTS = 24;
export const RING_RADII = [0.22, 0.26, 0.3] as const;
export const SEG_RAY = 0;
export const SEG_ARC = 1;
export const SEG_RING = SEG_ARC + ARC_SAMPLES;
export const SEG_CURSOR = SEG_RING + RING_SEGMENTS * RING_RADII.length;
export const POINTER_SEGMENTS = SEG_CURSOR + 3;
export const HOVER_SEGMENTS = 2 * 32;
export const POINTERS = 2;
/** How many segments of the overlay line batch the VR controls take. */
export const VR_LINE_SEGMENTS = POINTERS * POINTER_SEGMENTS + HOVER_SEGMENTS;
