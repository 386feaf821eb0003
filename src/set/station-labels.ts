import type { Content } from '../content/types';
import type { StationLayout } from './build-set';
import { BillboardBatch, drawCard } from './billboards';
import { font } from './text-canvas';

/** One floating label per station, in one draw call, visible from the start of the tour. */
export function buildStationLabels(content: Content, stations: ReadonlyMap<string, StationLayout>, highContrast: boolean): BillboardBatch {
  const stageColor = new Map(content.set.stages.map((s) => [s.id, s.color]));
  const entries = [...stations.values()].map((layout) => {
    const text = content.locale.stations[layout.id]!;
    return {
      key: layout.id,
      width: 2.6,
      height: 0.62,
      draw: (ctx: CanvasRenderingContext2D, w: number, h: number) =>
        drawCard(ctx, w, h, {
          title: text.label ?? text.title,
          subtitle: content.locale.stages[layout.def.stage]?.title ?? '',
          color: stageColor.get(layout.def.stage) ?? '#ffffff',
          titleFont: font(h * 0.36, true),
          subtitleFont: font(h * 0.22),
          background: highContrast ? '#000000' : 'rgba(12, 14, 20, 0.88)',
          foreground: '#ffffff',
          muted: highContrast ? '#ffffff' : '#d6d2c8',
        }),
    };
  });
  const batch = new BillboardBatch(entries, 200, { depthTest: true, renderOrder: 10 });
  for (const layout of stations.values()) {
    batch.setAnchor(layout.id, layout.labelAnchor.x, layout.labelAnchor.y, layout.labelAnchor.z);
    batch.setShown(layout.id, true);
  }
  return batch;
}
