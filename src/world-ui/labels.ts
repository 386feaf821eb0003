import * as THREE from 'three';
import type { AppContext } from '../app/context';
import { Disposables, type Disposer } from '../app/disposables';
import { FocusRing } from './focus-ring';
import { RoleTags } from './role-tags';
import { inSlices } from '../slices';
import { buildStationLabels, stationLabelSteps } from './station-labels';

/**
 * Station labels, role tags and the keyboard focus ring: the in-world words over the set. Labels
 * and tags are baked into atlases, so a change of high contrast draws them again; tags are laid out
 * in the overlays phase (not in AR, where DOM tags over the model take their place).
 */
export async function install(ctx: AppContext): Promise<Disposer> {
  const { content, scene, tour, xr, set: built } = ctx;
  const d = new Disposables();
  const roleTags = new RoleTags();
  const focusRing = new FocusRing();
  const tagLines = ctx.lines.allocate(built.crew.length);
  const highContrast = tour.state!.settings.highContrast;
  // At start-up the cards are drawn a few at a time, so the page stays responsive meanwhile.
  let labels = await inSlices(stationLabelSteps(content, built.stations, highContrast));
  const tags = await inSlices(roleTags.buildSteps(content, built.crew, highContrast, tagLines));
  scene.object3D.add(labels.mesh, tags, focusRing.mesh);
  const redraw = (contrast: boolean): void => {
    labels.dispose();
    scene.object3D.remove(labels.mesh);
    labels = buildStationLabels(content, built.stations, contrast);
    scene.object3D.add(labels.mesh, roleTags.build(content, built.crew, contrast, tagLines));
  };
  // High contrast may have been switched while the cards were being drawn.
  if (tour.state!.settings.highContrast !== highContrast) redraw(tour.state!.settings.highContrast);
  d.add(() => {
    labels.mesh.removeFromParent();
    labels.dispose();
    roleTags.dispose();
    focusRing.mesh.removeFromParent();
    focusRing.dispose();
  });

  const showFocus = (focus: number | null, order: readonly string[]): void => focusRing.showAt(focus === null ? null : tour.layout(order[focus]!).spot);
  d.add(tour.subscribe((s, previous) => {
    if (s.settings.highContrast !== previous.settings.highContrast) redraw(s.settings.highContrast);
    showFocus(s.focus, s.order);
    roleTags.invalidate();
  }));
  showFocus(tour.state!.focus, tour.state!.order);

  const renderer = scene.renderer as THREE.WebGLRenderer;
  const size = new THREE.Vector2();
  d.add(ctx.phases.add('overlays', 'role tags', () => {
    if (xr.mode === 'ar') return; // AR tags are DOM tags over the model (see XrUi)
    renderer.getSize(size);
    roleTags.update(tour.state!, scene.camera, { width: size.x, height: size.y });
  }));
  d.add(ctx.phases.add('overlays', 'focus ring', (dt) => focusRing.update(dt, tour.state!.settings.reducedMotion)));

  ctx.services.tags = { labels: () => labels.mesh, roleTags };
  d.add(() => delete ctx.services.tags);
  return () => d.dispose();
}
