import type { AppContext } from './context';
import { Disposables, type Disposer } from './disposables';
import { h } from '../ui/dom';

/** An ordinary visit (no kiosk, no lesson): its analytics session and a Lesson button in the tools. */
export function install(ctx: AppContext): Disposer {
  const { content, analytics, hud, tour } = ctx;
  const d = new Disposables();
  analytics.start('tour', content.locale.locale);
  analytics.onState(tour.state!);
  d.add(() => analytics.end('closed'));
  const lessonLink = h('button', { type: 'button', id: 'btn-lesson' }, content.locale.ui.lessonButton);
  lessonLink.addEventListener('click', () => {
    const url = new URL(window.location.href);
    url.searchParams.set('mode', 'lesson');
    url.searchParams.delete('station');
    window.location.assign(url.href);
  });
  hud.slots.tools.insertBefore(lessonLink, hud.slots.tools.querySelector('#btn-settings'));
  d.add(() => lessonLink.remove());
  return () => d.dispose();
}
