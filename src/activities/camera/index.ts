import type { Activity, ActivityEnv, ControlSpec, ControlValue, Feedback } from '../types';
import { compare, initialState, matches, reset, setFocus, setLens, setShot, type CameraState, type Step } from './logic';
import { ACTOR_IDS, setupFor, type CameraParams } from './params';
import { CameraTexts } from './texts';
import { buildCameraView } from './view';

/**
 * The camera station's activity: choose a lens and a shot size and pull focus between two
 * stand-ins, watching the camera's own picture on its monitor, until the frame matches the
 * storyboard beside it. "Compare with the storyboard" says what is still off.
 */
export async function create(env: ActivityEnv): Promise<Activity> {
  const p = env.params as CameraParams;
  const texts = new CameraTexts(p, env.words, env.format);
  const word = (k: string): string => texts.word(k);
  let state: CameraState = initialState(p);
  const marks = { a: word('mark.a'), b: word('mark.b') };
  const view = await buildCameraView(env as ActivityEnv<CameraParams>, p, {
    marks,
    board: {
      heading: word('board.heading'),
      caption: env.format(word('board.caption'), { shot: texts.shotLabel(p.target.shot), lens: texts.lens(p.target.lens), actor: texts.actorName(p.target.focus) }),
      marks,
    },
    sign: word('backdrop.sign'),
  }, state);
  await view.prepare(state, texts.overlay(state));
  let open = false;

  const controls: readonly ControlSpec[] = [
    { kind: 'choice', id: 'lens', label: word('control.lens'), options: p.lenses.map((l) => ({ id: l.id, label: texts.lens(l.id) })) },
    { kind: 'choice', id: 'shot', label: word('control.shot'), options: p.shots.map((s) => ({ id: s.id, label: texts.shotLabel(s.id) })) },
    { kind: 'choice', id: 'focus', label: word('control.focus'), options: ACTOR_IDS.map((a) => ({ id: a, label: word(`actor.${a}`) })) },
    { kind: 'action', id: 'compare', label: word('control.compare') },
  ];

  const apply = (step: Step, animate: boolean, compared = false): Feedback => {
    const wasDone = state.done;
    state = step.state;
    view.show(state, texts.overlay(state), animate, compared);
    // The clapper on the first match: "Marker!" The frame is ready to shoot.
    if (state.done && !wasDone) env.sound.play('slate');
    return texts.feedback(state, step.event);
  };

  return {
    controls: () => controls,
    value(id: string): ControlValue {
      if (id === 'lens') return state.lens;
      if (id === 'shot') return state.shot;
      if (id === 'focus') return state.focus;
      return false;
    },
    valueText: () => '',
    disabled: () => false,
    change(id: string, value: ControlValue): Feedback {
      const v = String(value);
      if (id === 'lens') return apply(setLens(p, state, v), open);
      if (id === 'shot') return apply(setShot(p, state, v), open);
      if (id === 'focus') return apply(setFocus(p, state, v), open);
      // Comparing lays the storyboard's sketch over the monitor's picture, until the next change.
      if (id === 'compare') return apply(compare(p, state), open, true);
      return { tone: 'info', text: texts.status(state) };
    },
    get done() {
      return state.done;
    },
    status: () => texts.status(state),
    frame: (dt: number) => view.frame(dt),
    reset() {
      state = reset(p);
      view.show(state, texts.overlay(state), false);
    },
    setOpen(isOpen: boolean) {
      open = isOpen;
      view.setVisible(isOpen);
      // One picture on opening: the monitor shows the camera as the visitor finds it.
      if (isOpen) view.show(state, texts.overlay(state), false);
    },
    debug() {
      const setup = setupFor(p, state.lens, state.shot);
      return {
        lens: state.lens,
        shot: state.shot,
        focus: state.focus,
        compares: state.compares,
        matches: matches(p, state),
        distance: Number(setup.distance.toFixed(3)),
        framed: setup.framed,
        limited: setup.limited,
        ...view.debug(),
      };
    },
    dispose: () => view.dispose(),
  };
}
