import type { AppContext } from '../app/context';
import { Disposables, type Disposer } from '../app/disposables';
import { invitations } from './invitations';
import { Kiosk } from './kiosk';

/** The kiosk feature (?mode=kiosk; a lazy chunk an ordinary visit never loads). Needs audio. */
export function install(ctx: AppContext): Disposer {
  const d = new Disposables();
  const kiosk = new Kiosk(ctx, d, invitations(ctx.content, ctx.read));
  ctx.services.kiosk = kiosk;
  d.add(() => delete ctx.services.kiosk);
  return () => d.dispose();
}
