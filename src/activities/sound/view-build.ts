import { toolkit } from '../toolkit';
import * as THREE from 'three';
import type { MeshBuilder } from '../../set/mesh-builder';
import { bakeLight, setLights } from '../../set/light';
import type { Steps } from '../../slices';
import type { ActivityEnv } from '../types';
import type { SoundParams } from './logic';
import {
  METER, MIC_PITCH, drawActor, drawMeterHousing, drawMonitorHousing, frameGeometry, meterGeometry, micParts, poleParts, signGeometry, type MeterParts, type SignParts,
} from './view-parts';

// The set's building kit, from the host (see toolkit.ts for why it is not imported).
const { meshBuilder } = toolkit();

/**
 * Builds the sound activity's parts a piece at a time (a stand-in, the boom, the signs…), so
 * opening the activity never holds the main thread for long (see src/slices.ts). Where things go
 * comes from the content and from the station in scenes/set.json: the sound cart's place for the
 * meter and the monitor, the boom operator's hands for the pole.
 */

const DEG = Math.PI / 180;
const UP = new THREE.Vector3(0, 1, 0);
/** The boom operator's hands in the "hold" pose (src/set/figure.ts), in their own frame. */
const HANDS = { y: 1.12, forward: 0.27 } as const;
export const MONITOR = { width: 0.5, height: 0.5 * (9 / 16) } as const;
/**
 * Where the meter stands on the sound cart, in the cart's frame (src/set/props/sound-grip.ts):
 * behind the mixing desk, clear of the aerials, with the video monitor on top of it, high enough
 * that the mixer (and the visitor) see it over the actors.
 */
const ON_CART = [0.1, 1.16, -0.2] as const;
const MONITOR_ABOVE_METER = METER.height + 0.12 + MONITOR.height / 2;

export interface SoundParts {
  /** The stand-ins and the meter's and monitor's housings, lit. */
  readonly statics: THREE.BufferGeometry;
  readonly pole: THREE.BufferGeometry;
  readonly mic: THREE.BufferGeometry;
  readonly frame: THREE.BufferGeometry;
  readonly signs: SignParts;
  readonly meter: MeterParts;
  /** The top of the taller actor's head (station frame, metres). */
  readonly headTop: number;
  readonly frameHeight: number;
  readonly meterAt: THREE.Matrix4;
  readonly monitorAt: THREE.Matrix4;
  /** Where the pole pivots (the boom operator's hands) and where the mic's nose points. */
  readonly pivot: THREE.Vector3;
  readonly nose: THREE.Vector3;
}

export function* buildParts(env: ActivityEnv, p: SoundParams): Steps<SoundParts> {
  const yaw = env.station.def.facing * DEG;
  const solid = meshBuilder(1 << 14);
  let headTop = 0;
  for (const [i, actor] of p.actors.entries()) {
    headTop = Math.max(headTop, drawActor(solid, actor, `${env.id}:actor:${i}`));
    yield;
  }
  const meterAt = onCart(env, ON_CART);
  const monitorAt = meterAt.clone().multiply(new THREE.Matrix4().makeTranslation(0, MONITOR_ABOVE_METER, 0));
  solid.push().matrix.multiply(meterAt);
  drawMeterHousing(solid);
  solid.pop().push().matrix.multiply(monitorAt);
  drawMonitorHousing(solid, MONITOR.width, MONITOR.height);
  solid.pop();
  const statics = lit(solid, yaw);
  yield;

  // The boom pivots in the boom operator's hands, the mic hanging over the actors.
  const op = env.station.def.crew.find((c) => c.role === 'boom-operator');
  const opYaw = (op?.facing ?? 0) * DEG;
  const pivot = new THREE.Vector3((op?.at[0] ?? 1) + Math.sin(opYaw) * HANDS.forward, HANDS.y, (op?.at[1] ?? 0) + Math.cos(opYaw) * HANDS.forward);
  const toward = new THREE.Vector2(p.mic.at[0] - pivot.x, p.mic.at[1] - pivot.z).normalize();
  const nose = new THREE.Vector3(toward.x * Math.cos(MIC_PITCH), -Math.sin(MIC_PITCH), toward.y * Math.cos(MIC_PITCH));
  const pole = lit(poleParts(), yaw);
  const mic = lit(micParts(), yaw);
  yield;

  const text = env.words.text;
  const frameHeight = p.frame.width * (9 / 16);
  const frame = frameGeometry(p.frame.width, frameHeight, text.frameLabel ?? '');
  const signs = signGeometry(p.frame.width, frameHeight, { inShot: text.inShotSign ?? '', rec: text.rec ?? '', tone: text.toneSign ?? '' });
  yield;
  const meter = meterGeometry(p.meter.segments, { voice: text.meterVoice ?? '', room: text.meterRoom ?? '', rec: text.rec ?? '' });
  return { statics, pole, mic, frame, signs, meter, headTop, frameHeight, meterAt, monitorAt, pivot, nose };
}

/** A point on the sound cart's frame, turned to face the visitor: a matrix in the station's frame. */
function onCart(env: ActivityEnv, local: readonly [number, number, number]): THREE.Matrix4 {
  const cart = env.station.def.props.find((pr) => pr.type === 'sound-cart');
  const rot = (cart?.rotation ?? 0) * DEG;
  const [cx, cz] = cart?.at ?? [-1.4, -1.1];
  const x = cx + local[0] * Math.cos(rot) + local[2] * Math.sin(rot);
  const z = cz - local[0] * Math.sin(rot) + local[2] * Math.cos(rot);
  const spot = env.group.worldToLocal(env.station.spot.clone());
  const face = Math.atan2(spot.x - x, spot.z - z);
  return new THREE.Matrix4().makeRotationY(face).setPosition(x, local[1], z);
}

/** A solid part's geometry with the set's light baked in, the light turned into the station's frame. */
function lit(b: MeshBuilder, yaw: number): THREE.BufferGeometry {
  const geo = b.build({ uv: false });
  b.dispose();
  const rig = setLights();
  for (const d of rig.directional) d.towards.applyAxisAngle(UP, -yaw);
  bakeLight(geo, rig);
  return geo;
}
