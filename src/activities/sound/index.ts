import type { Activity, ActivityEnv } from '../types';
import { inSlices } from '../../slices';
import { BoomAudio } from './audio';
import type { SoundParams } from './logic';
import { SoundActivity } from './activity';
import { SoundView } from './view';

/**
 * The sound station's activity: keep the boom out of shot. The visitor raises or lowers the boom
 * operator's mic over two stand-ins and plays their line: in the picture it ruins the take, too far
 * above it the voice thins out under the room. The best place is just above the frame line, and
 * room tone (the room's own silence, everyone frozen) is recorded for the editor.
 */
export async function create(env: ActivityEnv): Promise<Activity> {
  // The content was checked against scenes/schema/activity-sound.schema.json and spec.ts's rules.
  const p = env.params as SoundParams;
  // Built a piece at a time: opening the activity must not freeze the page (src/slices.ts).
  const view = await inSlices(SoundView.steps(env, p));
  // The monitor's shader programs, compiled in tasks of their own before its first picture.
  void view.prewarm();
  return new SoundActivity(env, p, view, new BoomAudio(env.sound, env.content.locale.locale, p));
}
