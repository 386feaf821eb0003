import type { Activity, ActivityEnv, ControlValue, Feedback } from '../types';
import { initialState, matches, roll, setTime, setWeather, wanted, type LedState } from './logic';
import { TIME_IDS, WEATHER_IDS, type LedParams, type TimeId, type WeatherId } from './params';
import { wallAt } from './spec';
import { LedView } from './view';
import { StormSound } from './sound';
import { Say } from './say';

/**
 * The LED volume activity: the visitor sets the wall's time of day and weather to the look the
 * director asks for, and rolls camera to show it. The wall's picture, the rain or snow on it, and
 * the light it throws on the stand-in, the car door, the chair and the floor all follow each change.
 */

const isTime = (v: ControlValue): v is TimeId => typeof v === 'string' && (TIME_IDS as readonly string[]).includes(v);
const isWeather = (v: ControlValue): v is WeatherId => typeof v === 'string' && (WEATHER_IDS as readonly string[]).includes(v);

export function create(env: ActivityEnv): Activity {
  const params = env.params as LedParams;
  const say = new Say(env, params);
  const wall = wallAt(env.content.set, env.station.id);
  if (!wall) throw new Error(`led-volume: the station "${env.station.id}" has no led-wall prop`);
  const sound = new StormSound(env.sound);
  const view = new LedView({
    group: env.group,
    params,
    wall,
    monitor: env.station.def.props.find((p) => p.type === 'monitor-stand') ?? null,
    reducedMotion: env.reducedMotion,
    maxAnisotropy: env.renderer?.capabilities.getMaxAnisotropy() ?? 1,
    onStrike: () => sound.thunder(),
  });
  let state: LedState = initialState(params.start);
  /** The camera rolled on this look (its view is framed on the wall until the look changes). */
  let rolling = false;
  const show = (): void => {
    view.show(state, rolling);
    sound.setRain(params.weathers.find((w) => w.id === state.weather)?.fall === 'rain');
  };
  show();
  const controls = say.controls();
  /** A new time of day or weather: a new picture, and no take rolled on it yet. */
  const changeLook = (next: LedState, option: string): Feedback => {
    state = next;
    rolling = false;
    show();
    return say.changed(option, matches(state, params.requests));
  };

  return {
    controls: () => controls,
    value(id) {
      if (id === 'time') return state.time;
      if (id === 'weather') return state.weather;
      return false;
    },
    valueText(id) {
      if (id === 'time') return say.word(`time.${state.time}`);
      if (id === 'weather') return say.word(`weather.${state.weather}`);
      return '';
    },
    disabled: (id) => id === 'roll' && state.done,
    change(id, value) {
      if (id === 'time' && isTime(value)) return changeLook(setTime(state, value), value);
      if (id === 'weather' && isWeather(value)) return changeLook(setWeather(state, value), value);
      if (id === 'roll') {
        const r = roll(state, params.requests);
        state = r.state;
        if (!rolling) {
          rolling = true;
          show();
        }
        return say.rolled(r.result, state);
      }
      throw new Error(`led-volume: no control "${id}" taking ${JSON.stringify(value)}`);
    },
    get done() {
      return state.done;
    },
    status: () => say.status(state, wanted(state, params.requests)),
    frame: (dt) => view.frame(dt),
    reset() {
      state = initialState(params.start);
      rolling = false;
      show();
    },
    setOpen(open) {
      view.setOpen(open);
      sound.setOpen(open);
    },
    debug: () => ({ ...state, rolling, wanted: wanted(state, params.requests), matches: matches(state, params.requests), ...view.debug(), sound: sound.debug() }),
    dispose() {
      sound.dispose();
      view.dispose();
    },
  };
}
