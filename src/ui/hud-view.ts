import * as THREE from 'three';
import type { AppContext } from '../app/context';
import { Disposables, type Disposer } from '../app/disposables';
import { format } from './dom';

/**
 * The HUD as the tour moves: the tour bar, crew buttons, reader and settings follow the state;
 * the floor plan's "you are here" follows the visitor every frame; start-up notices are shown.
 */
export function install(ctx: AppContext, notices: { unknownStation: string | null; content: readonly string[] }): Disposer {
  const { hud, tour, content } = ctx;
  const d = new Disposables();
  d.add(tour.subscribe((s, previous) => hud.render(s, previous)));
  hud.render(tour.state!, null);
  if (notices.unknownStation) hud.showNotice(format(content.locale.ui.unknownStation, { id: notices.unknownStation }));
  for (const notice of notices.content) console.warn(`Backlot: ${notice}`);
  const pos = new THREE.Vector3();
  d.add(ctx.phases.add('hud', 'floor plan', () => {
    tour.visitorPosition(pos);
    hud.floorPlan.updateVisitor(pos.x, pos.z, tour.visitorYaw());
  }));
  return () => d.dispose();
}
