import type { AppContext } from '../app/context';
import type { Disposer } from '../app/disposables';
import { installStudent } from './student';
import { installTeacher } from './teacher';
import './classroom.css';

/**
 * The classroom's lazy chunk (loaded by src/app/classroom-launcher.ts): the teacher's dashboard
 * for `?mode=teacher`, the student's join and class for `?session=`. The socket client lives here
 * only, so an ordinary visit never downloads it.
 */
export function install(ctx: AppContext): Disposer {
  return ctx.params.mode === 'teacher' ? installTeacher(ctx) : installStudent(ctx);
}
