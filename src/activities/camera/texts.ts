import type { ActivityWords, Feedback } from '../types';
import type { CameraState, Event, Miss } from './logic';
import { actorDistance, lensOf, setupFor, type ActorId, type CameraParams, type ShotId } from './params';

/**
 * Turns the camera activity's events into the visitor's words: every sentence is a template from
 * scenes/activities/camera/<lang>.json, filled with lens names, shot sizes, actors and distances
 * (numbers in the visitor's language: "2.7 m", "2,7 m").
 */

type Format = (text: string, values: Readonly<Record<string, string | number>>) => string;

export class CameraTexts {
  private readonly number: Intl.NumberFormat;

  constructor(private readonly p: CameraParams, private readonly words: ActivityWords, private readonly format: Format) {
    this.number = new Intl.NumberFormat(words.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  }

  word(key: string): string {
    return this.words.text[key] ?? key;
  }

  lens(id: string): string {
    return this.format(this.word('lens.option'), { mm: lensOf(this.p, id).focalMm });
  }

  shotLabel(id: ShotId): string {
    return this.word(`shot.${id}`);
  }

  shotName(id: ShotId): string {
    return this.word(`shotName.${id}`);
  }

  actorName(id: ActorId): string {
    return this.word(`actorName.${id}`);
  }

  metres(m: number): string {
    return this.format(this.word('distance'), { m: this.number.format(m) });
  }

  status(s: CameraState): string {
    return this.format(this.word('status'), { lens: this.lens(s.lens), shot: this.shotLabel(s.shot), actor: this.actorName(s.focus) });
  }

  /** The line under the monitor's picture: lens, stop and where focus is set. */
  overlay(s: CameraState): string {
    const setup = setupFor(this.p, s.lens, s.shot);
    return this.format(this.word('monitor.overlay'), { lens: this.lens(s.lens), stop: this.p.stop, distance: this.metres(actorDistance(this.p, setup, s.focus)) });
  }

  /** What a change or a comparison said, for the card's live region. */
  feedback(s: CameraState, event: Event): Feedback {
    const setup = setupFor(this.p, s.lens, s.shot);
    const fill = (key: string, extra: Readonly<Record<string, string | number>> = {}): string => this.format(this.word(key), {
      lens: this.lens(s.lens),
      kind: this.word(`kind.${lensOf(this.p, s.lens).kind}`),
      distance: this.metres(setup.distance),
      need: this.metres(setup.wanted),
      actual: this.shotName(setup.framed),
      ...extra,
    });
    switch (event.kind) {
      case 'lens':
        return { tone: 'info', text: fill(event.limited ? 'said.lensLimited' : 'said.lens', { shot: this.shotName(s.shot) }) };
      case 'shot':
        return { tone: 'info', text: fill(event.limited ? 'said.shotLimited' : 'said.shot', { shot: this.shotLabel(s.shot) }) };
      case 'focus': {
        const other: ActorId = s.focus === 'a' ? 'b' : 'a';
        return {
          tone: 'info',
          text: fill(event.deep ? 'said.focusDeep' : 'said.focus', {
            actor: this.actorName(s.focus),
            other: this.actorName(other),
            distance: this.metres(actorDistance(this.p, setup, s.focus)),
            shot: this.shotName(s.shot),
          }),
        };
      }
      case 'match':
        return { tone: 'good', text: this.words.done };
      case 'off':
        return { tone: 'bad', text: this.format(this.word('compare.off'), { problems: event.misses.map((m) => this.miss(s, m)).join(' ') }) };
      case 'ignored':
        return { tone: 'info', text: this.status(s) };
    }
  }

  private miss(s: CameraState, m: Miss): string {
    const t = this.p.target;
    switch (m.kind) {
      case 'lens':
        return this.format(this.word(m.longer ? 'compare.lensLonger' : 'compare.lensWider'), { target: this.lens(t.lens), lens: this.lens(s.lens) });
      case 'shot':
        return this.format(this.word('compare.shot'), { target: this.shotName(t.shot), actual: this.shotName(s.shot) });
      case 'focus':
        return this.format(this.word('compare.focus'), { target: this.actorName(t.focus), actual: this.actorName(s.focus) });
    }
  }
}
