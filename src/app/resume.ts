import { readItem, removeItems, writeItem } from '../storage';

/** Set when a kiosk reloads itself mid-visit (language switch, lost GPU): the next load carries on with the visit. */
export const RESUME_KEY = 'backlot:kiosk-resume';

/** Without the mark (storage blocked) the kiosk restarts in its attract loop. */
export const markResume = (): void => void writeItem(RESUME_KEY, '1', 'session');

/** True when this load is the kiosk's own reload mid-visit (the mark is left for `takeResume`). */
export const resumePending = (): boolean => readItem(RESUME_KEY, 'session') === '1';

/** Reads and clears the mark. */
export function takeResume(): boolean {
  const on = readItem(RESUME_KEY, 'session') === '1';
  // A mark that cannot be cleared would resume every later load of this tab: ignore it.
  return removeItems([RESUME_KEY], 'session') && on;
}
