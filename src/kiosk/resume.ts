/** Set when a kiosk reloads itself mid-visit (language switch, lost GPU): the next load carries on with the visit. */
export const RESUME_KEY = 'backlot:kiosk-resume';

export function markResume(): void {
  try {
    sessionStorage.setItem(RESUME_KEY, '1');
  } catch {
    /* without it the kiosk restarts in its attract loop */
  }
}

/** Reads and clears the mark. */
export function takeResume(): boolean {
  try {
    const on = sessionStorage.getItem(RESUME_KEY) === '1';
    sessionStorage.removeItem(RESUME_KEY);
    return on;
  } catch {
    return false;
  }
}
