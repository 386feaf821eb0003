
/**
 * What the camera activity paints on canvases, made in code: the scenic painting on the flat behind
 * the actors (a diner wall at night, with a window of city lights that turn into soft discs when
 * they are out of focus) and the camera's status line. The flat shares its canvas with the
 * storyboard's card (sketch.ts), so the two are one texture and one draw call.
 */

/** The shared canvas: the flat's painting on the left, the storyboard card on the right. */
export const ATLAS = { width: 1024, height: 576 } as const;
export const FLAT_REGION = { x: 0, y: 0, w: 512, h: 576 } as const;
export const BOARD_REGION = { x: 512, y: 0, w: 512, h: 456 } as const;

/** A region of the atlas as texture coordinates [u0, v0, u1, v1] (v up, as MeshBuilder.quad takes them). */
export function uvOf(r: { x: number; y: number; w: number; h: number }): [number, number, number, number] {
  return [r.x / ATLAS.width, 1 - (r.y + r.h) / ATLAS.height, (r.x + r.w) / ATLAS.width, 1 - r.y / ATLAS.height];
}

const INK = '#23252b';

/** A seeded random, so the city's windows are the same on every visit. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/**
 * The flat's painting: a diner's wall. Metres on the flat map to pixels by the region's size, so
 * what is painted at "1.5 m up" is at 1.5 m on the flat. `sign` is the neon in the window.
 */
export function paintFlat(g: CanvasRenderingContext2D, widthM: number, heightM: number, sign: string): void {
  const { x: ox, y: oy, w, h } = FLAT_REGION;
  const sx = w / widthM;
  const sy = h / heightM;
  // x from the flat's left edge and y up from the floor, in metres, to canvas pixels.
  const px = (x: number): number => ox + x * sx;
  const py = (y: number): number => oy + h - y * sy;
  g.save();
  g.beginPath();
  g.rect(ox, oy, w, h);
  g.clip();
  // wall: warm green paint above a dark wooden wainscot
  g.fillStyle = '#4d6b5c';
  g.fillRect(ox, oy, w, h);
  for (let x = 0.15; x < widthM; x += 0.3) {
    g.fillStyle = 'rgba(255,255,255,0.035)';
    g.fillRect(px(x), oy, 0.12 * sx, h);
  }
  g.fillStyle = '#4a2f1f';
  g.fillRect(ox, py(0.95), w, 0.95 * sy);
  g.fillStyle = '#6b4630';
  g.fillRect(ox, py(0.97), w, 0.05 * sy);
  for (let x = 0.1; x < widthM; x += 0.4) {
    g.strokeStyle = '#3a2418';
    g.lineWidth = 3;
    g.strokeRect(px(x), py(0.8), 0.3 * sx, 0.6 * sy);
  }
  paintWindow(g, px, py, sx, sy, widthM, sign);
  // a framed picture and a clock on the left of the wall, a sconce between them and the window
  g.fillStyle = '#2b1a10';
  g.fillRect(px(0.25), py(2.05), 0.55 * sx, 0.42 * sy);
  g.fillStyle = '#d9b36c';
  g.fillRect(px(0.29), py(2.01), 0.47 * sx, 0.34 * sy);
  g.fillStyle = '#a0572d';
  g.beginPath();
  g.moveTo(px(0.3), py(1.68));
  g.lineTo(px(0.5), py(1.92));
  g.lineTo(px(0.75), py(1.68));
  g.fill();
  g.fillStyle = '#f1ebd9';
  g.beginPath();
  g.arc(px(0.52), py(2.38), 0.13 * sx, 0, Math.PI * 2);
  g.fill();
  g.strokeStyle = INK;
  g.lineWidth = 3;
  g.stroke();
  g.beginPath();
  g.moveTo(px(0.52), py(2.38));
  g.lineTo(px(0.52), py(2.47));
  g.moveTo(px(0.52), py(2.38));
  g.lineTo(px(0.58), py(2.36));
  g.stroke();
  const lamp = g.createRadialGradient(px(1.02), py(1.75), 2, px(1.02), py(1.75), 0.42 * sx);
  lamp.addColorStop(0, 'rgba(255,236,180,0.95)');
  lamp.addColorStop(0.25, 'rgba(255,214,140,0.45)');
  lamp.addColorStop(1, 'rgba(255,214,140,0)');
  g.fillStyle = lamp;
  g.fillRect(px(0.55), py(2.25), 0.95 * sx, 1.0 * sy);
  g.fillStyle = '#fff4d6';
  g.fillRect(px(0.96), py(1.82), 0.12 * sx, 0.14 * sy);
  g.restore();
}

/** The window: a night street, lit windows and a neon sign, painted on the flat's right side. */
function paintWindow(g: CanvasRenderingContext2D, px: (x: number) => number, py: (y: number) => number, sx: number, sy: number, widthM: number, sign: string): void {
  const x0 = widthM - 1.35;
  const x1 = widthM - 0.2;
  const y0 = 1.05;
  const y1 = 2.3;
  const sky = g.createLinearGradient(0, py(y1), 0, py(y0));
  sky.addColorStop(0, '#0b1430');
  sky.addColorStop(1, '#2a2f5a');
  g.fillStyle = sky;
  g.fillRect(px(x0), py(y1), (x1 - x0) * sx, (y1 - y0) * sy);
  const rand = seeded(24);
  // three blocks of buildings, each with rows of lit windows: bright points that blur into discs
  for (let b = 0; b < 4; b++) {
    const bx = x0 + b * 0.3;
    const top = y0 + 0.45 + rand() * 0.6;
    g.fillStyle = b % 2 ? '#141a2e' : '#1b2238';
    g.fillRect(px(bx), py(top), 0.3 * sx, (top - y0) * sy);
    for (let wy = y0 + 0.08; wy < top - 0.06; wy += 0.11) {
      for (let wx = bx + 0.04; wx < bx + 0.27; wx += 0.08) {
        if (rand() < 0.45) continue;
        g.fillStyle = rand() < 0.7 ? '#ffd98a' : '#bfe3ff';
        g.fillRect(px(wx), py(wy + 0.04), 0.035 * sx, 0.04 * sy);
      }
    }
  }
  g.font = `bold ${Math.round(0.15 * sy)}px sans-serif`;
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  // The neon's glow: wide faint strokes under the letters (a canvas shadow blur costs far more).
  const sx0 = px((x0 + x1) / 2);
  const sy0 = py(y0 + 0.25);
  const fit = (x1 - x0 - 0.1) * sx;
  g.lineJoin = 'round';
  for (const [width, alpha] of [[14, 0.12], [8, 0.2], [4, 0.35]] as const) {
    g.strokeStyle = `rgba(255,61,90,${alpha})`;
    g.lineWidth = width;
    g.strokeText(sign, sx0, sy0, fit);
  }
  g.fillStyle = '#ff8fa0';
  g.fillText(sign, sx0, sy0, fit);
  // the frame and its cross bars, and the sill
  g.strokeStyle = '#e8e1cf';
  g.lineWidth = 0.06 * sx;
  g.strokeRect(px(x0), py(y1), (x1 - x0) * sx, (y1 - y0) * sy);
  g.lineWidth = 0.035 * sx;
  g.beginPath();
  g.moveTo(px((x0 + x1) / 2), py(y1));
  g.lineTo(px((x0 + x1) / 2), py(y0));
  g.moveTo(px(x0), py((y0 + y1) / 2 + 0.1));
  g.lineTo(px(x1), py((y0 + y1) / 2 + 0.1));
  g.stroke();
  g.fillStyle = '#d8d0bb';
  g.fillRect(px(x0 - 0.06), py(y0), (x1 - x0 + 0.12) * sx, 0.06 * sy);
}

/**
 * The camera's status along the foot of the monitor's picture: lens, stop and focus distance, as a
 * camera's display shows them. `g` is a clear canvas the size of the picture (other marks share it).
 */
export function paintStatus(g: CanvasRenderingContext2D, line: string): void {
  const { width: w, height: h } = g.canvas;
  const strip = Math.round(h / 9);
  g.fillStyle = 'rgba(0,0,0,0.55)';
  g.fillRect(0, h - strip, w, strip);
  g.fillStyle = '#f4f1ea';
  g.font = `bold ${Math.round(strip * 0.62)}px monospace`;
  g.textAlign = 'left';
  g.textBaseline = 'middle';
  g.fillText(line, 12, h - strip / 2, w - 24);
}
