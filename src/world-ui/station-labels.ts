import type { Content } from '../content/types';
import type { StationLayout } from '../set/layout';
import { BillboardBatch, drawCard } from './billboards';
import { finish, type Steps } from '../slices';
import { font } from './text-canvas';

/** One floating label per station, in one draw call, visible from the start of the tour. */
export function buildStationLabels(content: Content, stations: ReadonlyMap<string, StationLayout>, highContrast: boolean): BillboardBatch {
  return finish(stationLabelSteps(content, stations, highContrast));
}

/** The same, a label drawn a step (start-up runs them in slices). */
export function* stationLabelSteps(content: Content, stations: ReadonlyMap<string, StationLayout>, highContrast: boolean): Steps<BillboardBatch> {
  const stageColor = new Map(content.set.stages.map((s) => [s.id, s.color]));
  // Size each label to its text, so long titles are not cut off and short ones stay compact.
  const measure = document.createElement('canvas').getContext('2d')!;
  const PX = 200;
  const H = 0.62;
  const entries = [...stations.values()].map((layout) => {
    const text = content.locale.stations[layout.id]!;
    measure.font = font(H * PX * 0.36, true);
    const titleW = measure.measureText(text.label ?? text.title).width;
    measure.font = font(H * PX * 0.22);
    const stageW = measure.measureText(content.locale.stages[layout.def.stage]?.title ?? '').width;
    const width = Math.min(4.2, (Math.max(titleW, stageW) + H * PX * 0.6) / PX + 0.1);
    return {
      key: layout.id,
      width,
      height: H,
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
          dir: content.locale.dir,
          lang: content.locale.locale,
        }),
    };
  });
  const batch = new BillboardBatch(entries, PX, { depthTest: true, renderOrder: 10 });
  yield* batch.paint();
  for (const layout of stations.values()) {
    batch.setAnchor(layout.id, layout.labelAnchor.x, layout.labelAnchor.y, layout.labelAnchor.z);
    batch.setShown(layout.id, true);
  }
  return batch;
}
