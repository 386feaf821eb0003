import * as THREE from 'three';
import type { AppContext } from '../app/context';
import { Disposables, type Disposer } from '../app/disposables';
import { EYE_HEIGHT, arrivalYaw } from '../set/layout';
import type { TourState } from '../tour/state';
import { format } from '../ui/dom';
import { panelText } from '../ui/panel-text';
import { TEXT_SCALE } from '../ui/text-scale';
import { phoneLayout } from '../ui/layout';
import { InfoPanel } from './info-panel';
import { PanelButtons, type PanelButton } from './panel-buttons';

/**
 * The station panel feature: the 3D explanation panel beside the station on a screen, or in front
 * of the visitor (with pointable Previous / Close / Next) in a headset; hidden in AR, where the DOM
 * overlay carries the text. Redrawn when the panel, the settings or the view's size change.
 */
export function install(ctx: AppContext): Disposer {
  const { content, tour, xr, scene, camera } = ctx;
  const { ui } = content.locale;
  const d = new Disposables();
  const panel = new InfoPanel();
  const buttons = new PanelButtons();
  scene.object3D.add(panel.mesh);
  d.add(() => {
    panel.mesh.removeFromParent();
    panel.dispose();
  });
  const eye = new THREE.Vector3();

  // On a phone the sheet carries the station's text: a panel over the set would hide it (src/ui/sheet.ts).
  const phone = phoneLayout();
  const render = (s: TourState): void => {
    if (!s.panel || xr.mode === 'ar' || (xr.mode === 'inline' && phone?.matches)) {
      panel.hide();
      return;
    }
    const inVr = xr.mode === 'vr';
    if (inVr) {
      // In a headset the panel carries its own Previous / Close / Next (the HUD is not visible).
      const here = s.station === null ? -1 : s.order.indexOf(s.station);
      const disabled: PanelButton[] = [...(here <= 0 ? (['previous'] as const) : []), ...(here === s.order.length - 1 ? (['next'] as const) : [])];
      // At the hot set's stations the panel also starts a take (src/app/take-launcher.ts).
      const take = ctx.services.take?.offeredAt(s.station) ?? false;
      const takeLabel = ctx.services.take?.running ? ui.stopTake : ui.shootTake;
      // And a hands-on activity's "Try it" where there is one (src/app/activity-launcher.ts).
      const activity = ctx.services.activities?.offeredAt(s.station) ?? false;
      const shown: PanelButton[] = ['previous', ...(activity ? (['activity'] as const) : []), ...(take ? (['take'] as const) : []), 'close', 'next'];
      const labels = { previous: format(ui.previousButton, { label: ui.previous }), activity: ctx.services.activities?.shortLabel ?? '', take: takeLabel, close: ui.close, next: format(ui.nextButton, { label: ui.next }) };
      buttons.setLabels(labels, disabled, shown);
    }
    panel.setButtons(inVr ? buttons : null);
    panel.show({ ...panelText(content, s.panel), scale: TEXT_SCALE[s.settings.textSize], highContrast: s.settings.highContrast, dir: content.locale.dir, lang: content.locale.locale });
    if (inVr) {
      camera.object3D.getWorldPosition(eye);
      panel.placeFacing(eye, tour.visitorYaw());
      return;
    }
    panel.depthTested();
    const layout = tour.layout(s.panel.kind === 'station' ? s.panel.id : s.panel.station);
    eye.set(layout.spot.x, EYE_HEIGHT, layout.spot.z);
    panel.place(eye, arrivalYaw(layout), scene.camera as THREE.PerspectiveCamera);
  };

  d.add(tour.subscribe((s, previous) => {
    if (s.panel !== previous.panel || s.settings !== previous.settings) render(s);
  }));
  render(tour.state!);
  d.listen(window, 'resize', () => render(tour.state!));
  if (phone) d.listen(phone, 'change', () => render(tour.state!));
  ctx.services.panel = {
    render: () => render(tour.state!),
    hitPanel: (r) => panel.hitPanel(r),
    hoverButton: (b) => {
      if (buttons.setHover(b)) panel.repaintButtons();
    },
  };
  d.add(() => delete ctx.services.panel);
  return () => d.dispose();
}
