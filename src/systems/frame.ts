import { defineSystem, type TypedSystem } from '../aframe-typed';
import type { FramePhases } from '../app/phases';

export const FRAME_SYSTEM = 'frame';

interface FrameMethods {
  /** The app's frame phases, while an app is installed. */
  phases: FramePhases | null;
}

export type FrameSystem = TypedSystem<FrameMethods>;

/**
 * Drives the app's frame phases (src/app/phases.ts) once per A-Frame tick: the single place where
 * Backlot's per-frame work starts, so its order is the phases' order and nothing else.
 */
defineSystem<FrameMethods>(FRAME_SYSTEM, {
  phases: null,

  tick(_time, delta) {
    // Clamp: a background tab resumes with a huge delta that would teleport the walker.
    this.phases?.run(Math.min(delta, 100) / 1000);
  },
});
