import { ACTOR_IDS, actorOf, EYE_HEIGHT, inFrame, type ActorId, type CameraParams, type Frame, type Vec2 } from './params';
import { BOARD_REGION } from './paint';

/**
 * The storyboard's frame, sketched from the storyboard frame itself: each actor where that lens,
 * on that dolly mark, puts them (a longer lens draws actor B bigger, a close-up draws actor A's
 * head large), the sharp one in a bold line with the focus puller's brackets, the soft one faint
 * and doubled. Drawn twice: in pencil on the storyboard's card, and as yellow lines laid over the
 * monitor's picture when the visitor compares the two.
 */

export interface BoardText {
  readonly heading: string;
  readonly caption: string;
  readonly marks: Readonly<Record<ActorId, string>>;
}

interface Style {
  readonly line: string;
  readonly soft: string;
  readonly focus: string;
  /** Paper behind each head (the card) or nothing (the overlay on the picture). */
  readonly paper: string | null;
  readonly hair: string | null;
  readonly width: number;
}

const INK = '#23252b';
const PENCIL = '#8b8f98';
const CARD: Style = { line: INK, soft: 'rgba(110,116,128,0.55)', focus: '#c0272d', paper: '#fffdf7', hair: '#4a4d55', width: 1 };
const GHOST: Style = { line: '#ffd400', soft: 'rgba(255,212,0,0.8)', focus: '#ffd400', paper: 'rgba(255,212,0,0.22)', hair: null, width: 2.4 };
/** The focus aid's marks round the face in focus on the monitor (as a focus puller's range finder draws them). */
const AID: Style = { line: '#6dff7a', soft: '#6dff7a', focus: '#6dff7a', paper: null, hair: null, width: 2.2 };

type ToPx = (q: { x: number; y: number }) => [number, number];

/** The storyboard card on the shared canvas: heading, the sketched frame, the caption in big type. */
export function paintBoard(g: CanvasRenderingContext2D, p: CameraParams, target: Frame, text: BoardText): void {
  const { x: ox, y: oy, w, h } = BOARD_REGION;
  g.save();
  g.fillStyle = '#f4f0e4';
  g.fillRect(ox, oy, w, h);
  g.fillStyle = INK;
  g.font = 'bold 24px sans-serif';
  g.textAlign = 'left';
  g.textBaseline = 'top';
  g.fillText(text.heading, ox + 18, oy + 12, w - 36);
  // the frame: the monitor's shape
  const fw = w - 36;
  const fh = (fw * p.sensor.aspect[1]) / p.sensor.aspect[0];
  const fx = ox + 18;
  const fy = oy + 44;
  g.fillStyle = '#fffdf7';
  g.fillRect(fx, fy, fw, fh);
  g.save();
  g.beginPath();
  g.rect(fx, fy, fw, fh);
  g.clip();
  sketchFrame(g, p, target, (q) => [fx + ((q.x + 1) / 2) * fw, fy + ((1 - q.y) / 2) * fh], CARD, text.marks);
  g.restore();
  g.strokeStyle = INK;
  g.lineWidth = 4;
  g.strokeRect(fx, fy, fw, fh);
  // The caption in big type: what to match, readable on a phone from where the visitor stands.
  g.fillStyle = INK;
  g.font = 'bold 46px sans-serif';
  g.textAlign = 'center';
  g.textBaseline = 'top';
  wrap(g, text.caption, w - 24).slice(0, 2).forEach((line, i) => g.fillText(line, ox + w / 2, fy + fh + 10 + i * 52, w - 16));
  g.restore();
}

/** The same sketch as yellow lines on a clear canvas the size of the picture: "Compare" lays it over the monitor. */
export function paintGhost(g: CanvasRenderingContext2D, p: CameraParams, target: Frame, marks: Readonly<Record<ActorId, string>>): void {
  const { width: w, height: h } = g.canvas;
  g.clearRect(0, 0, w, h);
  sketchFrame(g, p, target, (q) => [((q.x + 1) / 2) * w, ((1 - q.y) / 2) * h], GHOST, marks);
}

/** Brackets round the face in focus, on the monitor's picture (a clear canvas the picture's size). */
export function paintFocusAid(g: CanvasRenderingContext2D, p: CameraParams, frame: Frame): void {
  const { width: w, height: h } = g.canvas;
  const toPx: ToPx = (q) => [((q.x + 1) / 2) * w, ((1 - q.y) / 2) * h];
  const at = actorOf(p, frame.focus).at;
  const eye = inFrame(p, frame, at, EYE_HEIGHT);
  const chin = inFrame(p, frame, at, EYE_HEIGHT - 0.12);
  if (!eye || !chin) return;
  const [ex, ey] = toPx(eye);
  brackets(g, ex, ey, Math.max(9, (toPx(chin)[1] - ey) * 1.4), AID);
}

function sketchFrame(g: CanvasRenderingContext2D, p: CameraParams, t: Frame, toPx: ToPx, style: Style, marks: Readonly<Record<ActorId, string>>): void {
  sketchSet(g, p, t, toPx, style === CARD ? PENCIL : 'rgba(255,212,0,0.55)');
  // the far actor first, so the near one overlaps them as on the monitor
  for (const id of [...ACTOR_IDS].reverse()) sketchActor(g, p, t, id, id === t.focus, marks[id], toPx, style);
}

/**
 * Splits a caption into lines no wider than `width` at the canvas's current font: between its
 * " · " parts where it can (so "85 mm" stays whole), between words where a part is too long.
 */
function wrap(g: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  const fits = (t: string): boolean => g.measureText(t).width <= width;
  for (const part of text.split(' · ')) {
    const next = line ? `${line} · ${part}` : part;
    if (fits(next)) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (const word of part.split(' ')) {
      const n = line ? `${line} ${word}` : word;
      if (line && !fits(n)) {
        lines.push(line);
        line = word;
      } else line = n;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The flat's outline and its window, and the floor line, in light lines. */
function sketchSet(g: CanvasRenderingContext2D, p: CameraParams, t: Frame, toPx: ToPx, colour: string): void {
  const { at, width, height, facing } = p.backdrop;
  const c = Math.cos((facing * Math.PI) / 180);
  const s = Math.sin((facing * Math.PI) / 180);
  // along the flat, from its left edge as the camera sees it (the painting's left)
  const onFlat = (x: number): Vec2 => [at[0] + (x - width / 2) * c, at[1] - (x - width / 2) * s];
  const pt = (x: number, y: number): [number, number] | null => {
    const q = inFrame(p, t, onFlat(x), y);
    return q ? toPx(q) : null;
  };
  const line = (a: [number, number] | null, b: [number, number] | null): void => {
    if (!a || !b) return;
    g.beginPath();
    g.moveTo(a[0], a[1]);
    g.lineTo(b[0], b[1]);
    g.stroke();
  };
  g.strokeStyle = colour;
  g.lineWidth = 2;
  line(pt(0, 0), pt(width, 0));
  line(pt(0, 0.95), pt(width, 0.95));
  line(pt(0, 0), pt(0, height));
  line(pt(width, 0), pt(width, height));
  // the window on the painting (paint.ts puts it 0.2 m in from the flat's right edge)
  const x0 = width - 1.35;
  const x1 = width - 0.2;
  g.lineWidth = 3;
  for (const [a, b] of [[[x0, 1.05], [x1, 1.05]], [[x1, 1.05], [x1, 2.3]], [[x1, 2.3], [x0, 2.3]], [[x0, 2.3], [x0, 1.05]]] as const) line(pt(a[0], a[1]), pt(b[0], b[1]));
}

/** One actor: head, neck and shoulders where the lens puts them; bold if sharp, a soft double line if not. */
function sketchActor(g: CanvasRenderingContext2D, p: CameraParams, t: Frame, id: ActorId, sharp: boolean, mark: string, toPx: ToPx, style: Style): void {
  const at = actorOf(p, id).at;
  const eye = inFrame(p, t, at, EYE_HEIGHT);
  const chin = inFrame(p, t, at, EYE_HEIGHT - 0.12);
  if (!eye || !chin) return;
  const [ex, ey] = toPx(eye);
  const [, cy] = toPx(chin);
  const r = Math.max(4, (cy - ey) * 1.05);
  const shoulder = inFrame(p, t, at, EYE_HEIGHT - 0.22);
  const sy = shoulder ? toPx(shoulder)[1] : cy + r * 2;
  const draw = (dx: number): void => {
    g.beginPath();
    g.ellipse(ex + dx, ey + r * 0.05, r * 0.82, r, 0, 0, Math.PI * 2);
    g.moveTo(ex + dx - r * 2.2, sy + r * 3);
    g.quadraticCurveTo(ex + dx - r * 2.1, sy, ex + dx - r * 0.6, sy - r * 0.25);
    g.lineTo(ex + dx - r * 0.35, ey + r);
    g.moveTo(ex + dx + r * 0.35, ey + r);
    g.lineTo(ex + dx + r * 0.6, sy - r * 0.25);
    g.quadraticCurveTo(ex + dx + r * 2.1, sy, ex + dx + r * 2.2, sy + r * 3);
    g.stroke();
  };
  if (style.paper) {
    g.fillStyle = style.paper;
    g.beginPath();
    g.ellipse(ex, ey, r * 0.82, r, 0, 0, Math.PI * 2);
    g.fill();
  }
  if (sharp) {
    if (style.hair) {
      g.fillStyle = style.hair;
      g.beginPath();
      g.ellipse(ex, ey - r * 0.35, r * 0.86, r * 0.7, 0, Math.PI, Math.PI * 2);
      g.fill();
    }
    g.strokeStyle = style.line;
    g.lineWidth = Math.max(3, r * 0.12) * style.width;
    draw(0);
    brackets(g, ex, ey, r, style);
  } else {
    // out of focus: faint and doubled, as a storyboard artist shows a soft figure
    g.strokeStyle = style.soft;
    g.lineWidth = Math.max(2, r * 0.1) * style.width;
    draw(-r * 0.08);
    draw(r * 0.08);
  }
  g.fillStyle = sharp ? style.focus : style.soft;
  g.font = `bold ${Math.round(Math.max(18, r * 0.7))}px sans-serif`;
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillText(mark, ex, sy + r * 1.4);
}

/** The focus puller's target: corner brackets round the sharp face. */
function brackets(g: CanvasRenderingContext2D, ex: number, ey: number, r: number, style: Style): void {
  g.strokeStyle = style.focus;
  g.lineWidth = Math.max(3, r * 0.09) * style.width;
  const b = r * 1.35;
  for (const [sx, sy] of [[-1, -1], [1, -1], [-1, 1], [1, 1]] as const) {
    g.beginPath();
    g.moveTo(ex + sx * b, ey + sy * b * 0.6);
    g.lineTo(ex + sx * b, ey + sy * b);
    g.lineTo(ex + sx * b * 0.6, ey + sy * b);
    g.stroke();
  }
}
