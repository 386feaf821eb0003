import type { AppContext } from './context';
import type { Disposer } from './disposables';
import { STORAGE_KEY, toPersisted } from '../tour/persist';
import type { TourState } from '../tour/state';
import { writeItem } from '../storage';

const write = (state: TourState): void => void writeItem(STORAGE_KEY, JSON.stringify(toPersisted(state)));

/** Keeps the visitor's station, visits and settings in the browser, so a reload carries on. */
export function install(ctx: AppContext): Disposer {
  write(ctx.tour.state!);
  return ctx.tour.subscribe((s) => write(s));
}
