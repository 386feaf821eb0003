import { dropLoading } from '../app/progress';
import type { ContentProblem } from '../content/types';
import { formatProblem, totalProblems } from '../content/problems';
import { h } from './dom';

/** What the error screen offers: a Try again button, and (a kiosk) that it keeps trying by itself. */
export interface ErrorScreenOptions {
  readonly onRetry?: () => void;
  /** An unattended kiosk tries again by itself: the screen says when. */
  readonly retrying?: boolean;
}

/**
 * Shown when content does not validate. It is for the museum's author, so it is in English and
 * lists every problem with its file, JSON path and reason (also logged to the console). Returns a
 * function that updates its "trying again" line.
 */
export function showErrorScreen(problems: readonly ContentProblem[], options: ErrorScreenOptions = {}): (status: string) => void {
  for (const problem of problems) console.error(`Backlot content error: ${formatProblem(problem)}`);
  // A long list is capped ("…and 40 more"): the count is of every problem, not of the lines shown.
  const total = totalProblems(problems);
  const list = h('ul', { class: 'problems' });
  for (const p of problems) {
    list.append(h('li', {}, h('code', { class: 'file' }, p.file), ' ', h('code', { class: 'path' }, p.path), ' ', h('span', { class: 'reason' }, p.message)));
  }
  dropLoading();
  document.getElementById('error-screen')?.remove();
  const status = h('p', { id: 'error-retry', role: 'status' });
  const retry = options.onRetry ? h('button', { type: 'button', id: 'btn-retry' }, 'Try again') : null;
  if (retry && options.onRetry) retry.addEventListener('click', options.onRetry);
  document.body.append(
    h('main', { id: 'error-screen', class: 'fullscreen-message', role: 'alert' },
      h('h1', {}, 'Backlot cannot open this film set'),
      h('p', {}, `The content in scenes/ has ${total} problem${total === 1 ? '' : 's'}. Fix ${total === 1 ? 'it' : 'them'} and reload; \`npm run check-content\` lists the same problems.`),
      list,
      options.retrying ? status : null,
      retry,
    ),
  );
  document.body.dataset.backlot = 'error';
  return (text) => {
    status.textContent = text;
  };
}

/** No WebGL: say so plainly in the visitor's language instead of leaving a blank page. */
export function showNoWebgl(title: string, body: string): void {
  dropLoading();
  document.body.append(h('main', { id: 'no-webgl', class: 'fullscreen-message', role: 'alert' }, h('h1', {}, title), h('p', {}, body)));
  document.body.dataset.backlot = 'no-webgl';
}

export function hasWebGL(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}
