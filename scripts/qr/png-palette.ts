/**
 * Lossless PNG shrinking for the docs screenshot (no image tools or extra packages needed): a
 * screenshot of the QR sheet has only a few hundred colours, so an 8-bit palette PNG holds exactly
 * the same pixels in about half the bytes. Reads Chromium's 8-bit RGB/RGBA, non-interlaced output;
 * returns null for anything else (other formats, transparency, more than 256 colours).
 */
import { crc32, deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

function chunks(png: Buffer): { type: string; body: Buffer }[] {
  const out: { type: string; body: Buffer }[] = [];
  for (let at = SIGNATURE.length; at + 8 <= png.length;) {
    const length = png.readUInt32BE(at);
    out.push({ type: png.toString('latin1', at + 4, at + 8), body: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return out;
}

const paeth = (a: number, b: number, c: number): number => {
  const p = a + b - c;
  const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

/** Undoes PNG's per-row filters in place; `bpp` bytes per pixel, `stride` bytes per row. */
function unfilter(raw: Buffer, height: number, stride: number, bpp: number): Buffer {
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[y * stride + x - bpp]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= bpp && y > 0 ? out[(y - 1) * stride + x - bpp]! : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter] ?? 0;
      out[y * stride + x] = (row[x]! + predictor) & 0xff;
    }
  }
  return out;
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed) >>> 0);
  return Buffer.concat([head, typed, crc]);
}

/** The same image as an 8-bit palette PNG, or null when that is not possible (see above). */
export function toPalettePng(png: Buffer): Buffer | null {
  if (!png.subarray(0, 8).equals(SIGNATURE)) return null;
  const all = chunks(png);
  const ihdr = all.find((c) => c.type === 'IHDR')?.body;
  if (!ihdr) return null;
  const width = ihdr.readUInt32BE(0), height = ihdr.readUInt32BE(4);
  const [depth, colorType, , , interlace] = [ihdr[8], ihdr[9], ihdr[10], ihdr[11], ihdr[12]];
  if (depth !== 8 || interlace !== 0 || (colorType !== 2 && colorType !== 6)) return null;
  const bpp = colorType === 6 ? 4 : 3;
  const pixels = unfilter(inflateSync(Buffer.concat(all.filter((c) => c.type === 'IDAT').map((c) => c.body))), height, width * bpp, bpp);
  const index = new Map<number, number>();
  const rows = Buffer.alloc((width + 1) * height); // filter byte 0 ("none") starts each row
  for (let p = 0; p < width * height; p++) {
    if (bpp === 4 && pixels[p * 4 + 3] !== 255) return null;
    const rgb = pixels.readUIntBE(p * bpp, 3);
    let i = index.get(rgb);
    if (i === undefined) {
      if (index.size === 256) return null;
      index.set(rgb, (i = index.size));
    }
    rows[Math.floor(p / width) * (width + 1) + 1 + (p % width)] = i;
  }
  const header = Buffer.from(ihdr);
  header[9] = 3; // indexed colour, 8 bits per index
  const palette = Buffer.alloc(index.size * 3);
  for (const [rgb, i] of index) palette.writeUIntBE(rgb, i * 3, 3);
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('PLTE', palette), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}
