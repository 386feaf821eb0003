import type { TourState } from '../tour/state';
import { AnalyticsLog, newSessionId, type ActivityOutcome, type TakeOutcome } from './log';

/**
 * Feeds the local analytics from the tour: a session per visitor, each station visit with its
 * dwell time, completion (every station seen), quiz answers, XR modes used, and how it ended.
 */
export class VisitTracker {
  private session: string | null = null;
  private at: { station: string; since: number } | null = null;
  private completed = false;

  constructor(
    readonly log: AnalyticsLog,
    private readonly total: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get active(): boolean {
    return this.session !== null;
  }

  start(mode: string, lang: string): void {
    if (this.session) this.end('restart');
    this.session = newSessionId();
    this.completed = false;
    this.at = null;
    this.log.add({ t: this.now(), type: 'session', session: this.session, mode, lang });
  }

  /** Closes the open station visit and the session. */
  end(reason: string): void {
    if (!this.session) return;
    this.closeVisit();
    this.log.add({ t: this.now(), type: 'end', session: this.session, reason });
    this.session = null;
  }

  onState(state: TourState): void {
    if (!this.session) return;
    if (state.station !== (this.at?.station ?? null)) {
      this.closeVisit();
      if (state.station) this.at = { station: state.station, since: this.now() };
    }
    if (!this.completed && state.visited.length >= this.total) {
      this.completed = true;
      this.log.add({ t: this.now(), type: 'complete', session: this.session });
    }
  }

  /** The staff PIN locked (counted whether or not a visitor's session is open). */
  pinLockout(seconds: number): void {
    this.log.add({ t: this.now(), type: 'pin-lockout', session: this.session ?? 'kiosk', seconds });
  }

  xr(mode: string): void {
    if (this.session && mode !== 'inline') this.log.add({ t: this.now(), type: 'xr', session: this.session, xr: mode });
  }

  /** A take watched: started, stopped or finished, or a role followed (`follow`; '' is the whole crew). */
  take(follow: string, outcome: TakeOutcome): void {
    if (this.session) this.log.add({ t: this.now(), type: 'take', session: this.session, outcome, follow });
  }

  /** A hands-on activity opened, tried without reaching its goal, done, or started again. */
  activity(id: string, outcome: ActivityOutcome): void {
    if (this.session) this.log.add({ t: this.now(), type: 'activity', session: this.session, activity: id, outcome });
  }

  quiz(question: string, choice: number, correct: boolean): void {
    if (this.session) this.log.add({ t: this.now(), type: 'quiz', session: this.session, question, choice, correct });
  }

  private closeVisit(): void {
    if (!this.session || !this.at) return;
    this.log.add({ t: this.now(), type: 'visit', session: this.session, station: this.at.station, dwell: (this.now() - this.at.since) / 1000 });
    this.at = null;
  }
}
