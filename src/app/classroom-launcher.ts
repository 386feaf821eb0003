import type { AppContext } from './context';
import { Disposables, type Disposer } from './disposables';

/** The classroom as tests read it (window.backlot.classroom): who this page is and what it knows. */
export interface ClassroomService {
  readonly role: 'teacher' | 'student';
  /** A plain-data picture of the session as this page sees it (code, class, rows or mates, connection). */
  debug(): unknown;
  /** Tests: closes the socket's transport under the page, as a Wi-Fi drop would (it reconnects by itself). */
  dropLink(): void;
}

/**
 * Loads the classroom's lazy chunk (src/classroom-client/: the Socket.IO client, the teacher's
 * dashboard, the student's join screen) only for a `?mode=teacher` or `?session=` visit, so an
 * ordinary visit downloads none of it.
 */
export function install(ctx: AppContext): Disposer {
  const { mode, session } = ctx.params;
  if (mode !== 'teacher' && session === null) return () => undefined;
  const d = new Disposables();
  void import('../classroom-client/install')
    .then((m) => m.install(ctx))
    .then((dispose) => d.add(dispose)) // added after the end (app gone meanwhile): undone at once
    .catch((err: unknown) => {
      // The tour carries on alone: the chunk did not arrive (a dropped connection mid-load).
      console.error('Backlot: the classroom could not be loaded', err);
      if (!d.isDisposed) ctx.hud.showNotice(ctx.content.locale.ui.classErrUnreachable);
    });
  return () => d.dispose();
}
