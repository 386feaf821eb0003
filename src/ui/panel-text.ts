import type { Content } from '../content/types';
import type { Panel } from '../tour/state';
import type { PanelSection } from '../world-ui/text-canvas';
import { format } from './dom';

/** What a panel says, built once from content and shared by the 3D panel and the DOM reader. */
export interface PanelText {
  readonly kicker: string;
  readonly kickerColor: string;
  readonly title: string;
  readonly sections: readonly PanelSection[];
  readonly footer?: string;
}

export function panelText(content: Content, panel: Panel): PanelText {
  const { set, locale } = content;
  if (panel.kind === 'station') {
    const station = set.stations.find((s) => s.id === panel.id)!;
    const text = locale.stations[panel.id]!;
    const { ui } = locale;
    const crew = station.crew.map((c) => locale.roles[c.role]?.title).filter(Boolean).join(ui.listSeparator);
    return {
      kicker: format(ui.stageKicker, { label: ui.stage, stage: locale.stages[station.stage]?.title ?? station.stage }),
      kickerColor: set.stages.find((s) => s.id === station.stage)?.color ?? '#ffd166',
      title: text.title,
      sections: [
        { body: text.explanation },
        { heading: locale.ui.techChangeHeading, body: text.techChange },
        { heading: locale.ui.didYouKnowHeading, body: text.didYouKnow },
      ],
      ...(crew ? { footer: format(ui.crewFooter, { label: ui.crewHeading, names: crew }) } : {}),
    };
  }
  const role = set.roles.find((r) => r.id === panel.id)!;
  const text = locale.roles[panel.id]!;
  return {
    kicker: format(locale.ui.roleKicker, { label: locale.ui.roleCardHeading, department: locale.departments[role.department] ?? role.department }),
    kickerColor: set.departments.find((d) => d.id === role.department)?.color ?? '#ffd166',
    title: text.title,
    sections: [
      { body: text.tag },
      { heading: locale.ui.onShootingDay, body: text.shootingDay },
    ],
  };
}
