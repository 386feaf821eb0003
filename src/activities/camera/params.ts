/**
 * The camera activity's settings (scenes/activities/camera.json) as types, and the optics both the
 * state machine and the view use: how far the dolly must stand from the near actor for a shot size
 * on a lens, what the frame then holds, and how soft the other actor is. Pure: no three.js.
 *
 * The model. The lens sits on a dolly whose track runs along the camera's axis (`camera.aim`,
 * `camera.heading`); actor A stands nearer the lens, actor B further. A shot size is a frame
 * height measured at actor A (a close-up holds about half a metre: head and shoulders), so for a
 * lens of focal length f on a sensor h mm tall the camera must stand d = height × f / h from A.
 * The dolly can only go as far back as its track (`camera.farthest`): a long lens that would need
 * more room gets a tighter frame than asked for, as it would on a real stage.
 */

export const SHOT_IDS = ['wide', 'medium', 'close-up'] as const;
export type ShotId = (typeof SHOT_IDS)[number];
export const ACTOR_IDS = ['a', 'b'] as const;
export type ActorId = (typeof ACTOR_IDS)[number];
export const LENS_KINDS = ['wide', 'normal', 'long'] as const;
export type LensKind = (typeof LENS_KINDS)[number];

export type Vec2 = readonly [number, number];

export interface LensDef {
  readonly id: string;
  readonly focalMm: number;
  /** What the words say of its look (a wide, normal or long lens). */
  readonly kind: LensKind;
}

export interface ShotDef {
  readonly id: ShotId;
  /** The frame's height at actor A, metres. */
  readonly frameHeight: number;
  /** The height the frame is centred on at actor A (the operator tilts to it), metres. */
  readonly frameCentre: number;
}

export interface ActorDef {
  readonly id: ActorId;
  /** Where the stand-in stands, in the station's frame (x, z), and which way they face (degrees, 0 = +z). */
  readonly at: Vec2;
  readonly facing: number;
  /** Their jacket (a stand-in wears the actor's colours so the camera and light read true). */
  readonly color: string;
}

/** A flat thing the visitor reads: the monitor, the storyboard. Centre at `at` and `height`, turned by `facing`. */
export interface BoardDef {
  readonly at: Vec2;
  readonly height: number;
  readonly width: number;
  readonly facing: number;
}

/** The painted flat behind the actors: `at` is the middle of its foot, `facing` the way its painted side looks. */
export interface FlatDef {
  readonly at: Vec2;
  readonly width: number;
  readonly height: number;
  readonly facing: number;
}

export interface Frame {
  readonly lens: string;
  readonly shot: ShotId;
  readonly focus: ActorId;
}

export interface CameraParams {
  readonly version: 1;
  readonly sensor: { readonly widthMm: number; readonly aspect: readonly [number, number] };
  /** The lens's T-stop (its aperture): with the focal length and distances, how soft out-of-focus things are. */
  readonly stop: number;
  readonly lenses: readonly LensDef[];
  readonly shots: readonly ShotDef[];
  readonly camera: {
    /** A point on the camera's axis (x, z) and the axis's direction (degrees, 0 = +z, 90 = +x). */
    readonly aim: Vec2;
    readonly heading: number;
    /** The lens's height above the floor, metres. */
    readonly lensHeight: number;
    /** How close to and how far from actor A the dolly's track lets the lens go, metres. */
    readonly nearest: number;
    readonly farthest: number;
  };
  readonly actors: readonly ActorDef[];
  readonly backdrop: FlatDef;
  readonly monitor: BoardDef;
  readonly storyboard: BoardDef;
  readonly start: Frame;
  readonly target: Frame;
}

const DEG = Math.PI / 180;

/** The sensor's picture height, mm (a Super 35 sensor 24.9 mm wide, cropped to the picture's aspect). */
export const sensorHeight = (p: CameraParams): number => (p.sensor.widthMm * p.sensor.aspect[1]) / p.sensor.aspect[0];

/** Vertical and horizontal angle of view of a lens on the sensor, degrees. */
export function angleOfView(p: CameraParams, focalMm: number): { readonly vertical: number; readonly horizontal: number } {
  return {
    vertical: (2 * Math.atan(sensorHeight(p) / (2 * focalMm))) / DEG,
    horizontal: (2 * Math.atan(p.sensor.widthMm / (2 * focalMm))) / DEG,
  };
}

/** The axis's unit direction (x, z). */
export function axis(p: CameraParams): Vec2 {
  const h = p.camera.heading * DEG;
  return [Math.sin(h), Math.cos(h)];
}

/** How far along the axis a floor point is, from `camera.aim` (metres, positive ahead). */
export function along(p: CameraParams, at: Vec2): number {
  const [ux, uz] = axis(p);
  return (at[0] - p.camera.aim[0]) * ux + (at[1] - p.camera.aim[1]) * uz;
}

/** How far to the camera's right of the axis a floor point is, metres. */
export function across(p: CameraParams, at: Vec2): number {
  const [ux, uz] = axis(p);
  // The camera's right, looking along (ux, uz) with y up, is (-uz, ux).
  return (at[0] - p.camera.aim[0]) * -uz + (at[1] - p.camera.aim[1]) * ux;
}

export function lensOf(p: CameraParams, id: string): LensDef {
  return p.lenses.find((l) => l.id === id) ?? p.lenses[0]!;
}

export function shotOf(p: CameraParams, id: ShotId): ShotDef {
  return p.shots.find((s) => s.id === id) ?? p.shots[0]!;
}

export function actorOf(p: CameraParams, id: ActorId): ActorDef {
  return p.actors.find((a) => a.id === id) ?? p.actors[0]!;
}

/** Where the dolly stands for a shot on a lens, and what the frame then is. */
export interface Setup {
  /** The lens's distance from actor A along the axis, metres (within the track). */
  readonly distance: number;
  /** The distance the shot asked for; more than `distance` when the track ran out. */
  readonly wanted: number;
  readonly limited: boolean;
  /** The frame's height at actor A, metres, and the shot size it reads as. */
  readonly frameHeight: number;
  readonly framed: ShotId;
  /** The lens on the floor (x, z in the station's frame). */
  readonly position: Vec2;
  /** Tilt of the camera, radians (positive up), to centre the frame where the shot wants it. */
  readonly tilt: number;
}

/** The shot size a frame of this height at actor A reads as: the nearest, on a log scale. */
export function framedShot(p: CameraParams, frameHeight: number): ShotId {
  let best = p.shots[0]!;
  for (const s of p.shots) {
    if (Math.abs(Math.log(frameHeight / s.frameHeight)) < Math.abs(Math.log(frameHeight / best.frameHeight))) best = s;
  }
  return best.id;
}

export function setupFor(p: CameraParams, lensId: string, shotId: ShotId): Setup {
  const f = lensOf(p, lensId).focalMm;
  const h = sensorHeight(p);
  const wanted = (shotOf(p, shotId).frameHeight * f) / h;
  const distance = Math.min(p.camera.farthest, Math.max(p.camera.nearest, wanted));
  const frameHeight = (distance * h) / f;
  const framed = Math.abs(distance - wanted) < 1e-6 ? shotId : framedShot(p, frameHeight);
  const a = actorOf(p, 'a');
  const s = along(p, a.at) - distance;
  const [ux, uz] = axis(p);
  const position: Vec2 = [p.camera.aim[0] + ux * s, p.camera.aim[1] + uz * s];
  const tilt = Math.atan2(shotOf(p, framed).frameCentre - p.camera.lensHeight, distance);
  return { distance, wanted, limited: wanted > distance + 1e-6, frameHeight, framed, position, tilt };
}

/** An actor's distance from the lens along the axis for a setup, metres. */
export function actorDistance(p: CameraParams, setup: Setup, actor: ActorId): number {
  return setup.distance + along(p, actorOf(p, actor).at) - along(p, actorOf(p, 'a').at);
}

/**
 * The blur circle on the sensor (mm) of something `subject` metres away when the lens of focal
 * length `focalMm` at T-stop `stop` is focused at `focus` metres: the thin-lens circle of confusion,
 * f² / (N (S − f)) × |D − S| / D. (A T-stop is an f-number measured for light; close enough here.)
 */
export function blurMm(focalMm: number, stop: number, focus: number, subject: number): number {
  const S = focus * 1000;
  const D = subject * 1000;
  if (S <= focalMm || D <= 0) return 0;
  return ((focalMm * focalMm) / (stop * (S - focalMm))) * (Math.abs(D - S) / D);
}

/**
 * On a monitor, blur smaller than this share of the picture's width still reads as sharp (about a
 * pixel of a 1920-wide picture seen at monitor size); the other actor is "nearly sharp" below
 * SOFT_SHARE and clearly soft above it.
 */
export const SOFT_SHARE = 0.004;

/** How soft the actor not in focus is, as a share of the picture's width. */
export function otherBlurShare(p: CameraParams, frame: Frame): number {
  const setup = setupFor(p, frame.lens, frame.shot);
  const other: ActorId = frame.focus === 'a' ? 'b' : 'a';
  const mm = blurMm(lensOf(p, frame.lens).focalMm, p.stop, actorDistance(p, setup, frame.focus), actorDistance(p, setup, other));
  return mm / p.sensor.widthMm;
}

/**
 * Where a point appears in the picture for a setup: x and y from -1 to 1 across the frame (x to the
 * right, y up), or null behind the lens. The storyboard's sketch and the content check use it.
 */
export function inFrame(p: CameraParams, frame: Frame, point: Vec2, height: number): { readonly x: number; readonly y: number } | null {
  const setup = setupFor(p, frame.lens, frame.shot);
  const ahead = along(p, point) - along(p, setup.position);
  if (ahead <= 0.05) return null;
  const side = across(p, point);
  const f = lensOf(p, frame.lens).focalMm;
  // Turn the point into the tilted camera's frame: forward is `ahead` along the axis, up is y.
  const dy = height - p.camera.lensHeight;
  const c = Math.cos(setup.tilt);
  const s = Math.sin(setup.tilt);
  const forward = ahead * c + dy * s;
  const up = -ahead * s + dy * c;
  if (forward <= 0.05) return null;
  return {
    x: (side / forward) * ((2 * f) / p.sensor.widthMm),
    y: (up / forward) * ((2 * f) / sensorHeight(p)),
  };
}

/** An actor's eyes' height, metres: what the storyboard and the frame checks aim at. */
export const EYE_HEIGHT = 1.62;
