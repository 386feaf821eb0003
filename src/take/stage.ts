import * as THREE from 'three';
import type { TakeFile } from '../content/take-types';
import type { Content } from '../content/types';
import type { BuiltSet, CrewLayout, HotSetLayout } from '../set/layout';
import { dollyLens } from '../set/props/camera';
import { inSlices } from '../slices';
import { hotSetMatrix } from '../set/hot-set';
import { Animator } from './motions';
import { Monitor, SET_LAYER } from './monitor';
import { buildRigSteps, type CrewRig } from './rig';
import { compileTracks } from './tracks';

/** The video-village prop's "A" monitor, in the prop's frame (src/set/props/camera.ts videoVillage). */
const VILLAGE_A = { y: 1.21, z: -0.446, width: 0.6, height: 0.34 } as const;
/** The dolly's fluid head turned to look into the set (its local -z), as src/set/hot-set.ts draws it. */
const INTO_SET = Math.PI;

/**
 * The working hot set: the moving crew (one skinned mesh), posed every frame for the take's time,
 * and the monitor at video village showing the dolly camera's view. Replaces the static copy of
 * the performers while it exists.
 */
export class Stage {
  readonly monitor: Monitor | null;
  private readonly animator: Animator;
  private readonly lens = new THREE.Object3D();

  private constructor(private readonly built: BuiltSet, private readonly hot: HotSetLayout, readonly rig: CrewRig, take: TakeFile) {
    const layouts = new Map<string, CrewLayout>(hot.performers.map((c) => [c.key.replace(/^hot:/, ''), c]));
    this.animator = new Animator(rig, compileTracks(take, hot.def), layouts);
    built.root.add(rig.group);
    // The monitor camera sees the set's layer only: the set and the crew, not the visitor's interface.
    for (const child of built.root.children) child.layers.enable(SET_LAYER);
    rig.mesh.layers.enable(SET_LAYER);
    hot.showStatic(false);
    this.monitor = this.makeMonitor(take);
  }

  /** Builds the rig in slices (a figure a step) and puts it on the set. */
  static async build(content: Content, built: BuiltSet, take: TakeFile, view?: { renderer: THREE.WebGLRenderer; camera: THREE.Camera }): Promise<Stage | null> {
    const hot = built.hotSet;
    if (!hot) return null;
    const rig = await inSlices(buildRigSteps(content.set, content.locale.setDressing, hot));
    const stage = new Stage(built, hot, rig, take);
    if (view) {
      // The skinned crew's shader is new: link it off the main thread where the GPU can (not SwiftShader).
      if (view.renderer.extensions.has('KHR_parallel_shader_compile')) await view.renderer.compileAsync(rig.group, view.camera).catch(() => undefined);
      // One picture now, in its own task: the render target's shaders compile here, not on "Last looks".
      await new Promise((done) => setTimeout(done, 0));
      stage.monitor?.draw(view.renderer, built.root);
    }
    return stage;
  }

  private makeMonitor(take: TakeFile): Monitor | null {
    const def = this.hot.def;
    const village = def.props.find((p) => p.type === 'video-village');
    const dolly = this.rig.gear.get(take.camera);
    if (!village || !dolly?.bones.gear) return null;
    const matrix = hotSetMatrix(def, village.at, village.rotation ?? 0).multiply(new THREE.Matrix4().makeTranslation(0, VILLAGE_A.y, VILLAGE_A.z + 0.004));
    const monitor = new Monitor({ matrix, width: VILLAGE_A.width, height: VILLAGE_A.height });
    this.built.root.add(monitor.screen);
    // The virtual camera rides the dolly at its lens, looking where the real one looks.
    const { position } = dollyLens(INTO_SET);
    this.lens.position.set(...position);
    this.lens.add(monitor.camera);
    dolly.bones.gear.add(this.lens);
    return monitor;
  }

  /** Everyone at take time `t` (0: first positions, the idle between takes). */
  pose(t: number, clock: number): void {
    this.animator.pose(t, clock);
  }

  /** The monitor's picture, if live and due; `viewer` is the visitor's camera. */
  drawMonitor(renderer: THREE.WebGLRenderer, scene: THREE.Object3D, viewer: THREE.Camera, dt: number): void {
    this.monitor?.update(renderer, scene, viewer, dt);
  }

  dispose(): void {
    this.monitor?.dispose();
    this.lens.removeFromParent();
    this.rig.dispose();
    for (const child of this.built.root.children) child.layers.disable(SET_LAYER);
    this.hot.showStatic(true);
  }
}
