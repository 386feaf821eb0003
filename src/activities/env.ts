import * as THREE from 'three';
import type { AppContext } from '../app/context';
import type { ActivityDef } from '../content/activity-types';
import type { SetSound } from '../audio/manifest';
import { format } from '../ui/dom';
import type { ActivityEnv, ActivitySound, ActivityWords } from './types';

/** Howler's context and master gain (volume and mute applied), once Howler has been loaded. */
interface HowlerLike {
  readonly ctx?: AudioContext;
  readonly masterGain?: GainNode;
}

let howler: HowlerLike | null = null;
/**
 * Howler is the app's audio: its context is unlocked by the visitor's first gesture and its master
 * gain carries their volume and mute, so an activity's sounds go through it. Loaded with the first
 * activity (the narration's chunk may not have loaded it yet).
 */
export async function loadHowler(): Promise<void> {
  howler ??= (await import('./howler')).Howler as unknown as HowlerLike;
}

function sound(ctx: AppContext): ActivitySound {
  return {
    context: () => (howler?.ctx && howler.ctx.state !== 'closed' ? howler.ctx : null),
    output: () => howler?.masterGain ?? null,
    play: (id) => void ctx.services.audio?.narration.playSetSound(id as SetSound),
  };
}

/**
 * What an activity is made with: its station's frame (a group under the set's root, so it scales
 * with the AR model), its content and the app's audio. The group is the host's to remove.
 */
export function makeEnv(ctx: AppContext, def: ActivityDef, params: unknown, words: ActivityWords): ActivityEnv {
  const station = ctx.set.stations.get(def.station)!;
  const group = new THREE.Group();
  group.name = `activity:${def.id}`;
  group.position.copy(station.origin);
  group.rotation.y = THREE.MathUtils.degToRad(station.def.facing);
  ctx.set.root.add(group);
  group.updateMatrixWorld(true);
  return {
    id: def.id,
    station,
    group,
    set: ctx.set,
    content: ctx.content,
    params,
    words,
    renderer: ctx.scene.renderer ?? null,
    sound: sound(ctx),
    reducedMotion: () => ctx.tour.state?.settings.reducedMotion ?? false,
    format,
  };
}
