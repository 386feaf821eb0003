import schema from '../../../scenes/schema/activity-camera.schema.json';
import type { Schema } from '../../content/schema-check';
import { placeInStation, viewSpot } from '../../content/geometry';
import type { ActivitySpec, ReportAt } from '../types';
import { ACTOR_IDS, SHOT_IDS, actorOf, along, axis, EYE_HEIGHT, inFrame, otherBlurShare, setupFor, SOFT_SHARE, type CameraParams, type Frame, type Vec2 } from './params';

/**
 * The camera activity's content rules beyond its schema: lenses and shot sizes in order and unique,
 * two actors (A nearer the lens than B), a start and a storyboard frame that use what is offered,
 * a storyboard frame the track can reach, that holds both actors and shows the focus, and a rig
 * that stands inside the soundstage, clear of the station's own props and crew.
 */

/** How close the rig may come to one of the station's props or crew, metres, beyond their own size. */
const CLEARANCE = 0.1;
/**
 * The props' rough footprint on the floor: a radius about a line `half` metres either side of the
 * prop's middle along its own x (a dolly's track runs 1.4 m either way), or about its middle.
 */
const PROP_SHAPE: Readonly<Record<string, { readonly radius: number; readonly half: number }>> = {
  'camera-dolly': { radius: 0.5, half: 1.4 },
  'monitor-stand': { radius: 0.45, half: 0 },
  'apple-box': { radius: 0.35, half: 0 },
  clapperboard: { radius: 0.3, half: 0 },
};
const DEFAULT_SHAPE = { radius: 0.6, half: 0 };
const CREW_RADIUS = 0.3;
/** Half the width of the track's ties, and how far the car reaches behind the lens, metres. */
const TRACK_HALF_WIDTH = 0.45;
const CAR_BEHIND_LENS = 1.1;
/** Kept free between the rig and the soundstage's walls, metres. */
const WALL_MARGIN = 0.3;
/** How far the storyboard may hang from the monitor's edge, metres. */
const MAX_BOARD_GAP = 0.2;
/** B must stand at least this much further along the axis than A, or focusing on one is focusing on both. */
const MIN_DEPTH = 0.6;
const DEG = Math.PI / 180;

const words = [
  'control.lens', 'control.shot', 'control.focus', 'control.compare', 'lens.option',
  ...SHOT_IDS.flatMap((s) => [`shot.${s}`, `shotName.${s}`]),
  ...ACTOR_IDS.flatMap((a) => [`actor.${a}`, `actorName.${a}`, `mark.${a}`]),
  'kind.wide', 'kind.normal', 'kind.long',
  'said.lens', 'said.lensLimited', 'said.shot', 'said.shotLimited', 'said.focus', 'said.focusDeep',
  'compare.off', 'compare.lensWider', 'compare.lensLonger', 'compare.shot', 'compare.focus',
  'status', 'distance', 'board.heading', 'board.caption', 'monitor.overlay', 'backdrop.sign',
];

function checkOptions(p: CameraParams, report: ReportAt): void {
  p.lenses.forEach((l, i) => {
    const first = p.lenses.findIndex((o) => o.id === l.id);
    if (first !== i) report(`$.lenses[${i}].id`, `"${l.id}" is already $.lenses[${first}]`);
    const before = p.lenses[i - 1];
    if (before && l.focalMm <= before.focalMm) report(`$.lenses[${i}].focalMm`, `${l.focalMm} mm must be longer than the lens before it (${before.focalMm} mm): the buttons go shortest first`);
  });
  p.shots.forEach((s, i) => {
    const first = p.shots.findIndex((o) => o.id === s.id);
    if (first !== i) report(`$.shots[${i}].id`, `"${s.id}" is already $.shots[${first}]`);
    const before = p.shots[i - 1];
    if (before && s.frameHeight >= before.frameHeight) report(`$.shots[${i}].frameHeight`, `${s.frameHeight} m must be tighter than the shot before it (${before.frameHeight} m): widest first`);
  });
  ACTOR_IDS.forEach((id) => {
    const n = p.actors.filter((a) => a.id === id).length;
    if (n !== 1) report('$.actors', `needs exactly one actor "${id}" (has ${n})`);
  });
  if (p.camera.nearest >= p.camera.farthest) report('$.camera.farthest', `${p.camera.farthest} m must be more than nearest (${p.camera.nearest} m)`);
}

function checkFrame(p: CameraParams, f: Frame, path: string, report: ReportAt): boolean {
  let ok = true;
  if (!p.lenses.some((l) => l.id === f.lens)) {
    report(`${path}.lens`, `"${f.lens}" is not one of the lenses (${p.lenses.map((l) => l.id).join(', ')})`);
    ok = false;
  }
  if (!p.shots.some((s) => s.id === f.shot)) {
    report(`${path}.shot`, `"${f.shot}" is not one of the shot sizes (${p.shots.map((s) => s.id).join(', ')})`);
    ok = false;
  }
  return ok;
}

/** The storyboard's frame must be one the camera can make, with both actors in it and the focus visible. */
function checkTarget(p: CameraParams, report: ReportAt): void {
  const t = p.target;
  const setup = setupFor(p, t.lens, t.shot);
  if (setup.limited) report('$.target', `a ${t.shot} on the ${t.lens} needs the camera ${setup.wanted.toFixed(2)} m from actor A, beyond the track's ${p.camera.farthest} m`);
  for (const id of ACTOR_IDS) {
    const at = inFrame(p, t, actorOf(p, id).at, EYE_HEIGHT);
    if (!at || Math.abs(at.x) > 0.92 || Math.abs(at.y) > 0.92) report('$.target', `actor ${id.toUpperCase()}'s face is outside the storyboard's frame: the visitor could not see whom to focus on`);
  }
  if (otherBlurShare(p, t) < SOFT_SHARE) report('$.target.focus', 'in this frame the other actor is nearly as sharp: the focus would not show on the monitor (a longer lens, a closer shot or a lower stop would)');
  if (t.lens === p.start.lens && t.shot === p.start.shot && t.focus === p.start.focus) report('$.start', 'is already the storyboard frame: there would be nothing to do');
}

/** The floor points the rig covers, with the path each one's problem is reported at and how big it is. */
function rigPoints(p: CameraParams): { at: Vec2; radius: number; path: string }[] {
  const [ux, uz] = axis(p);
  const a = actorOf(p, 'a');
  const points: { at: Vec2; radius: number; path: string }[] = [];
  // The track: from behind the farthest camera position to the nearest one, a point every half metre.
  const from = along(p, a.at) - p.camera.farthest - CAR_BEHIND_LENS;
  const to = along(p, a.at) - p.camera.nearest;
  for (let s = from; s <= to + 1e-6; s += 0.5) {
    points.push({ at: [p.camera.aim[0] + ux * s, p.camera.aim[1] + uz * s], radius: TRACK_HALF_WIDTH, path: '$.camera' });
  }
  p.actors.forEach((actor, i) => points.push({ at: actor.at, radius: 0.25, path: `$.actors[${i}].at` }));
  const { at, width, facing } = p.backdrop;
  const c = Math.cos(facing * DEG);
  const s = Math.sin(facing * DEG);
  for (const k of [-0.5, 0, 0.5]) points.push({ at: [at[0] + k * width * c, at[1] - k * width * s], radius: 0.15, path: '$.backdrop.at' });
  // The monitor's stand stands on three feet 0.38 m out; the storyboard hangs from the monitor.
  points.push({ at: p.monitor.at, radius: 0.38, path: '$.monitor.at' });
  return points;
}

/** Distance from a floor point to a prop's line: `half` metres either side of `at` along its own x, turned by `turn` degrees. */
function distanceToLine(pt: Vec2, at: Vec2, turn: number, half: number): number {
  // The prop's x axis in the station's frame: rotateY(turn) takes (1, 0) to (cos, -sin).
  const dx = Math.cos(turn * DEG);
  const dz = -Math.sin(turn * DEG);
  const t = Math.max(-half, Math.min(half, (pt[0] - at[0]) * dx + (pt[1] - at[1]) * dz));
  return Math.hypot(pt[0] - (at[0] + dx * t), pt[1] - (at[1] + dz * t));
}

/** The storyboard is clamped beside the monitor: level with it, a hand's width from its edge. */
function checkBoards(p: CameraParams, report: ReportAt): void {
  const m = p.monitor;
  const s = p.storyboard;
  const gap = Math.hypot(m.at[0] - s.at[0], m.at[1] - s.at[1]) - m.width / 2 - s.width / 2;
  if (gap < 0.02 || gap > MAX_BOARD_GAP) report('$.storyboard.at', `stands ${gap.toFixed(2)} m from the monitor's edge: it hangs beside the monitor, 0.02 to ${MAX_BOARD_GAP} m from it`);
  if (Math.abs(m.height - s.height) > 0.3) report('$.storyboard.height', `is ${Math.abs(m.height - s.height).toFixed(2)} m above or below the monitor's middle: keep it level with the monitor (within 0.3 m)`);
}

function checkPlacement(p: CameraParams, report: ReportAt, scope: Parameters<ActivitySpec['check']>[2]): void {
  const station = scope.set.stations.find((s) => s.id === scope.station);
  if (!station) return;
  const others = [
    ...station.props.map((q, i) => ({ at: q.at, turn: q.rotation ?? 0, ...(PROP_SHAPE[q.type] ?? DEFAULT_SHAPE), what: `the ${q.type} (stations.${station.id}.props[${i}])` })),
    ...station.crew.map((m, i) => ({ at: m.at, turn: 0, radius: CREW_RADIUS, half: 0, what: `the ${m.role} (stations.${station.id}.crew[${i}])` })),
  ];
  const spot = viewSpot({ position: [0, 0], facing: 0, viewDistance: station.viewDistance });
  const halfW = scope.set.soundstage.width / 2 - WALL_MARGIN;
  const halfD = scope.set.soundstage.depth / 2 - WALL_MARGIN;
  const said = new Set<string>();
  const once = (path: string, message: string): void => {
    if (said.has(path)) return;
    said.add(path);
    report(path, message);
  };
  for (const pt of rigPoints(p)) {
    const [wx, wz] = placeInStation(station, pt.at);
    if (Math.abs(wx) + pt.radius > halfW || Math.abs(wz) + pt.radius > halfD) once(pt.path, `reaches (${pt.at.map((v) => v.toFixed(2)).join(', ')}), outside the soundstage's walls (keep ${WALL_MARGIN} m from them)`);
    for (const o of others) {
      const gap = distanceToLine(pt.at, o.at, o.turn, o.half) - pt.radius - o.radius;
      if (gap < CLEARANCE) once(pt.path, `comes within ${Math.max(0, gap).toFixed(2)} m of ${o.what}: keep ${CLEARANCE} m clear`);
    }
    if (Math.hypot(pt.at[0] - spot[0], pt.at[1] - spot[1]) - pt.radius < 0.8) once(pt.path, 'stands where the visitor stands');
  }
}

function check(json: unknown, report: ReportAt, scope: Parameters<ActivitySpec['check']>[2]): void {
  const p = json as CameraParams;
  checkOptions(p, report);
  const startOk = checkFrame(p, p.start, '$.start', report);
  const targetOk = checkFrame(p, p.target, '$.target', report);
  if (p.actors.length === 2 && new Set(p.actors.map((a) => a.id)).size === 2) {
    const depth = along(p, actorOf(p, 'b').at) - along(p, actorOf(p, 'a').at);
    if (depth < MIN_DEPTH) report('$.actors', `actor B stands ${depth.toFixed(2)} m behind actor A along the camera's axis: at least ${MIN_DEPTH} m, or there is no focus to pull`);
    else if (startOk && targetOk && p.camera.nearest < p.camera.farthest) checkTarget(p, report);
  }
  checkBoards(p, report);
  checkPlacement(p, report, scope);
}

export const spec: ActivitySpec = {
  kind: 'camera',
  schema: schema as Schema,
  words,
  placeholders: {
    'lens.option': ['{mm}'],
    'said.lens': ['{lens}', '{kind}', '{shot}', '{distance}'],
    'said.lensLimited': ['{lens}', '{kind}', '{shot}', '{need}', '{distance}', '{actual}'],
    'said.shot': ['{shot}', '{distance}'],
    'said.shotLimited': ['{shot}', '{lens}', '{need}', '{distance}', '{actual}'],
    'said.focus': ['{actor}', '{distance}', '{other}'],
    'said.focusDeep': ['{actor}', '{distance}', '{other}'],
    'compare.off': ['{problems}'],
    'compare.lensWider': ['{target}', '{lens}'],
    'compare.lensLonger': ['{target}', '{lens}'],
    'compare.shot': ['{target}', '{actual}'],
    'compare.focus': ['{target}', '{actual}'],
    status: ['{lens}', '{shot}', '{actor}'],
    distance: ['{m}'],
    'board.caption': ['{shot}', '{lens}', '{actor}'],
    'monitor.overlay': ['{lens}', '{distance}'],
  },
  check,
  onModel: false,
};
