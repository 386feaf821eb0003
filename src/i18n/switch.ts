import { markResume } from '../app/resume';
import { storeLanguage } from './language';

/** Reloads the tour in another language; the station and settings come back from storage. */
export function switchLanguage(code: string): void {
  storeLanguage(code);
  // A kiosk visitor changing language carries on with the same visit after the reload.
  if (document.body.classList.contains('kiosk')) markResume();
  const url = new URL(window.location.href);
  url.searchParams.set('lang', code);
  url.searchParams.delete('station');
  window.location.assign(url.href);
}
