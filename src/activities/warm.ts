import * as THREE from 'three';
import { toolkit } from './toolkit';

/**
 * Readies the GPU for an activity's things before the visitor sees them, as src/app/warm-up.ts does
 * for the set at start-up. Drawn for the first time in a frame, an activity's materials compiled
 * their shader programs and uploaded their buffers and textures all in that one frame: 0.4–1.8 s
 * on a software GPU, the page frozen just as the visitor pressed "Try it". Here each material is
 * drawn once into one pixel, in a task of its own, with the group hidden from the frames between
 * (so no frame meets a half-ready activity), and with every part forced visible for that draw:
 * parts an activity shows only later (a flag, a sign, the mats) are ready too. In a headset the
 * programs are compiled the same way, a material a task, without the draw.
 */
export async function warmGroup(renderer: THREE.WebGLRenderer | null, scene: THREE.Scene, camera: THREE.Camera | undefined, root: THREE.Object3D): Promise<void> {
  if (!renderer || !camera) return;
  const { yieldToMain } = toolkit();
  const inRoot: THREE.Object3D[] = [];
  root.traverse((o) => inRoot.push(o));
  const byMaterial = new Map<THREE.Material, THREE.Object3D[]>();
  for (const o of inRoot) {
    const m = firstMaterial(o);
    if (m) byMaterial.set(m, [...(byMaterial.get(m) ?? []), o]);
  }
  if (byMaterial.size === 0) return;
  const others: THREE.Object3D[] = [];
  const mine = new Set(inRoot);
  scene.traverseVisible((o) => {
    if (!mine.has(o) && firstMaterial(o)) others.push(o);
  });
  const rootVisible = root.visible;
  root.visible = false;
  try {
    // Where the browser compiles in parallel (phones, headsets), the programs link off the main thread first.
    if (renderer.extensions.has('KHR_parallel_shader_compile')) await compileAllAsync(renderer, scene, camera, root, inRoot);
    for (const objects of byMaterial.values()) {
      await yieldToMain();
      drawOnly(renderer, scene, camera, root, inRoot, others, new Set(objects));
    }
  } catch (err) {
    // Only a head start: the first frame compiles whatever is left.
    console.warn('Backlot: could not prepare an activity for the GPU ahead of its first frame.', err);
  } finally {
    root.visible = rootVisible;
  }
}

/** compileAsync over every part (forced visible for the synchronous start of the call). */
async function compileAllAsync(renderer: THREE.WebGLRenderer, scene: THREE.Scene, camera: THREE.Camera, root: THREE.Object3D, inRoot: readonly THREE.Object3D[]): Promise<void> {
  const saved = inRoot.map((o) => [o, o.visible] as const);
  let done: Promise<unknown>;
  try {
    for (const o of inRoot) o.visible = true;
    done = renderer.compileAsync(root, camera, scene);
  } finally {
    for (const [o, visible] of saved) o.visible = visible;
    root.visible = false;
  }
  await done;
}

function firstMaterial(o: THREE.Object3D): THREE.Material | null {
  const m = (o as THREE.Mesh).material as THREE.Material | THREE.Material[] | undefined;
  const first = Array.isArray(m) ? m[0] : m;
  return first && (o as THREE.Mesh).geometry ? first : null;
}

/** One draw of `drawn` alone (every other drawable hidden, every group under `root` shown), then everything as it was. */
function drawOnly(renderer: THREE.WebGLRenderer, scene: THREE.Scene, camera: THREE.Camera, root: THREE.Object3D, inRoot: readonly THREE.Object3D[], others: readonly THREE.Object3D[], drawn: ReadonlySet<THREE.Object3D>): void {
  const saved = [...inRoot, ...others].map((o) => [o, o.visible, o.frustumCulled] as const);
  try {
    for (const o of others) o.visible = false;
    for (const o of inRoot) {
      o.visible = drawn.has(o) || !firstMaterial(o);
      o.frustumCulled = false; // drawn wherever the camera looks now
    }
    root.visible = true;
    // In a headset, drawing outside the session's own frame is not ours to do: compile only there.
    if (renderer.xr.isPresenting) renderer.compile(root, camera, scene);
    else toolkit().drawOnePixel(renderer, scene, camera);
  } finally {
    for (const [o, visible, culled] of saved) {
      o.visible = visible;
      o.frustumCulled = culled;
    }
  }
}
