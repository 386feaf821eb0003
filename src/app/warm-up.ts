import * as THREE from 'three';
import { yieldToMain } from '../slices';
import type { World } from './scene';

interface RenderLoop {
  render: XRFrameRequestCallback;
  renderStarted: boolean;
}

/**
 * Stops A-Frame drawing frames while the loading screen covers the view. A-Frame starts its render
 * loop as soon as the scene has loaded, before there is anything to show; every frame drawn between
 * the slices of the set's build (start-up work given back to the browser in small pieces) then cost
 * time for a picture nobody could see, which on a software GPU doubled the build. Returns the
 * function that starts the loop again.
 */
export function holdFrames(world: World): () => void {
  const renderer = world.scene.renderer as THREE.WebGLRenderer | undefined;
  const loop = world.scene as unknown as RenderLoop;
  if (!renderer || !loop.renderStarted) return () => undefined;
  renderer.setAnimationLoop(null);
  let resumed = false;
  return () => {
    if (resumed) return;
    resumed = true;
    renderer.setAnimationLoop(loop.render);
  };
}

/**
 * Readies the GPU for everything in the scene before its first frame. That frame used to compile
 * every shader program and upload every buffer and texture in one task of 0.5–1.5 s (the page
 * frozen, taps lost). Here, where the browser compiles in parallel (KHR_parallel_shader_compile),
 * `compileAsync` links the programs off the main thread first; then each material is drawn once, in
 * a task of its own, into one pixel of the (still covered) canvas, so that whatever blocking is left
 * (linking where there is no parallel compile, uploads) comes in separate pieces the browser can
 * paint and take input between.
 */
export async function warmUp(world: World): Promise<void> {
  const renderer = world.scene.renderer as THREE.WebGLRenderer | undefined;
  const camera = (world.scene as unknown as { camera?: THREE.Camera }).camera;
  if (!renderer || !camera) return;
  const scene = world.scene.object3D;
  const groups = byMaterial(scene);
  const shown = new Map([...groups.values()].flat().map((o) => [o, o.visible]));
  try {
    if (renderer.extensions.has('KHR_parallel_shader_compile')) await renderer.compileAsync(scene, camera);
    for (const objects of groups.values()) {
      await yieldToMain();
      for (const [o, visible] of shown) o.visible = objects.includes(o) ? visible : false;
      drawOnePixel(renderer, scene, camera);
    }
  } catch (err) {
    // Only a head start: the first frame compiles whatever is left, as it always did.
    console.warn('Backlot: could not prepare the scene for the GPU ahead of its first frame.', err);
  } finally {
    for (const [o, visible] of shown) o.visible = visible;
  }
}

/** The scene's visible drawables, grouped by the (first) material they are drawn with. */
function byMaterial(scene: THREE.Object3D): Map<THREE.Material, THREE.Object3D[]> {
  const groups = new Map<THREE.Material, THREE.Object3D[]>();
  scene.traverseVisible((o) => {
    const material = (o as THREE.Mesh).material as THREE.Material | THREE.Material[] | undefined;
    const first = Array.isArray(material) ? material[0] : material;
    if (!first || !first.visible) return;
    const list = groups.get(first) ?? [];
    list.push(o);
    groups.set(first, list);
  });
  return groups;
}

export function drawOnePixel(renderer: THREE.WebGLRenderer, scene: THREE.Object3D, camera: THREE.Camera): void {
  const autoClear = renderer.autoClear;
  const scissorTest = renderer.getScissorTest();
  const scissor = renderer.getScissor(new THREE.Vector4());
  renderer.setScissorTest(true);
  renderer.setScissor(0, 0, 1, 1);
  renderer.autoClear = false;
  try {
    renderer.render(scene, camera);
  } finally {
    renderer.autoClear = autoClear;
    renderer.setScissor(scissor);
    renderer.setScissorTest(scissorTest);
  }
}
