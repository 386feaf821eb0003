import { loadContent, type LanguageWish } from '../content/load';
import { showErrorScreen } from '../ui/error-screen';
import type { ContentProblem } from '../content/types';
import { fetchText } from './fetch';

/** Pauses between a kiosk's attempts to load good content again: soon at first, then each minute. */
const HEAL_DELAYS_S = [10, 20, 40, 60];

/**
 * Content did not load or did not validate. A visitor gets the error screen with a Try again
 * button; an unattended kiosk also keeps trying by itself, and reloads into its tour as soon as the
 * content is good again (a deploy finished, the network came back): nobody has to come and restart it.
 */
export function showContentError(problems: readonly ContentProblem[], wish: LanguageWish, kiosk: boolean): void {
  const say = showErrorScreen(problems, { onRetry: () => window.location.reload(), retrying: kiosk });
  if (!kiosk) return;
  let attempt = 0;
  const next = (): void => {
    const delay = HEAL_DELAYS_S[Math.min(attempt, HEAL_DELAYS_S.length - 1)]!;
    attempt++;
    say(`Trying again in ${delay} s (attempt ${attempt}).`);
    window.setTimeout(() => {
      say('Trying again now…');
      void loadContent(fetchText, wish).then((result) => {
        if (result.ok) window.location.reload();
        else next();
      }, next);
    }, delay * 1000);
  };
  next();
}
