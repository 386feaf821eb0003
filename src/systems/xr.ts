import type * as THREE from 'three';
import { defineSystem, type TypedSystem } from '../aframe-typed';
import type { XrMode } from '../xr/rig';

export const XR_SYSTEM = 'xr';

export interface XrSupport {
  readonly vr: boolean;
  readonly ar: boolean;
}

export interface XrHandlers {
  /** A session started (after A-Frame's enter-vr). */
  onStart(mode: Exclude<XrMode, 'inline'>, session: XRSession): void;
  /** The session ended, however it ended. */
  onEnd(mode: Exclude<XrMode, 'inline'>): void;
}

interface XrMethods {
  /** The one owner of the XR mode: the tour and every feature read it here. */
  mode: XrMode;
  support: XrSupport;
  handlers: XrHandlers | null;
  onEnter: () => void;
  onExit: () => void;
  detect(this: XrSystem): Promise<XrSupport>;
  /** The app's start/end handlers (null: nobody to tell, after a teardown). */
  connect(this: XrSystem, handlers: XrHandlers | null): void;
  enter(this: XrSystem, mode: 'vr' | 'ar'): Promise<void>;
  exit(this: XrSystem): Promise<void>;
  session(this: XrSystem): XRSession | null;
  remove(this: XrSystem): void;
}

export type XrSystem = TypedSystem<XrMethods>;

/**
 * Knows the current mode (inline, vr, ar), what this browser supports, and turns A-Frame's
 * enter-vr / exit-vr into start/end calls for the VR and AR controllers. Requests the session
 * features the tour uses: a floor-level space, hands, and for AR hit-test and a DOM overlay.
 */
defineSystem<XrMethods>(XR_SYSTEM, {
  mode: 'inline',
  support: { vr: false, ar: false },
  handlers: null,
  onEnter: () => undefined,
  onExit: () => undefined,

  init() {
    const scene = this.el;
    this.onEnter = () => {
      const session = this.session();
      if (!session) return; // fullscreen "VR" on a device without a headset: not ours
      this.mode = scene.is('ar-mode') ? 'ar' : 'vr';
      this.handlers?.onStart(this.mode, session);
    };
    this.onExit = () => {
      const was = this.mode;
      if (was === 'inline') return;
      this.mode = 'inline';
      this.handlers?.onEnd(was);
    };
    scene.addEventListener('enter-vr', this.onEnter);
    scene.addEventListener('exit-vr', this.onExit);
  },

  async detect() {
    const xr = navigator.xr;
    const ask = async (mode: XRSessionMode): Promise<boolean> => {
      try {
        return Boolean(await xr?.isSessionSupported(mode));
      } catch {
        return false; // blocked by a permissions policy, or no runtime
      }
    };
    this.support = { vr: await ask('immersive-vr'), ar: await ask('immersive-ar') };
    return this.support;
  },

  connect(handlers) {
    this.handlers = handlers;
  },

  async enter(mode) {
    const scene = this.el as unknown as { enterVR(): Promise<unknown>; enterAR(): Promise<unknown> };
    // Set per entry: the overlay root only means something in AR.
    this.el.setAttribute('webxr', {
      requiredFeatures: ['local-floor'],
      optionalFeatures: mode === 'ar' ? ['hit-test', 'dom-overlay', 'anchors'] : ['hand-tracking', 'bounded-floor'],
      overlayElement: mode === 'ar' ? '#ar-overlay' : null,
    });
    await (mode === 'ar' ? scene.enterAR() : scene.enterVR());
  },

  async exit() {
    await (this.el as unknown as { exitVR(): Promise<unknown> }).exitVR();
  },

  session() {
    const renderer = this.el.renderer as THREE.WebGLRenderer | undefined;
    return (renderer?.xr.getSession() as XRSession | null) ?? null;
  },

  remove() {
    this.el.removeEventListener('enter-vr', this.onEnter);
    this.el.removeEventListener('exit-vr', this.onExit);
  },
});
