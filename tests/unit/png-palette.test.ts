import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { toPalettePng } from '../../scripts/qr/png-palette';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
const chunk = (type: string, body: Buffer): Buffer => {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), body])) >>> 0);
  return Buffer.concat([head, Buffer.from(type), body, crc]);
};
const paeth = (a: number, b: number, c: number): number => {
  const p = a + b - c;
  const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

/** An RGB(A) PNG of `pixels` (rows of [r,g,b(,a)]), row y filtered with filter type y % 5. */
function png(pixels: number[][][], alpha = false): Buffer {
  const bpp = alpha ? 4 : 3;
  const w = pixels[0]!.length;
  const raw = pixels.map((row) => row.flat());
  const rows = raw.map((row, y) => {
    const f = y % 5;
    const out = row.map((v, x) => {
      const a = x >= bpp ? row[x - bpp]! : 0;
      const b = y > 0 ? raw[y - 1]![x]! : 0;
      const c = x >= bpp && y > 0 ? raw[y - 1]![x - bpp]! : 0;
      return (v - [0, a, b, (a + b) >> 1, paeth(a, b, c)][f]! + 256) & 0xff;
    });
    return Buffer.from([f, ...out]);
  });
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(pixels.length, 4);
  ihdr[8] = 8;
  ihdr[9] = alpha ? 6 : 2;
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** Pixels of an 8-bit palette PNG as written by toPalettePng (filter 0 rows). */
function readPalette(file: Buffer): number[][][] {
  const parts = new Map<string, Buffer>();
  for (let at = 8; at < file.length;) {
    const n = file.readUInt32BE(at);
    parts.set(file.toString('latin1', at + 4, at + 8), file.subarray(at + 8, at + 8 + n));
    at += 12 + n;
  }
  const ihdr = parts.get('IHDR')!;
  expect(ihdr[9]).toBe(3);
  const w = ihdr.readUInt32BE(0), h = ihdr.readUInt32BE(4);
  const plte = parts.get('PLTE')!;
  const data = inflateSync(parts.get('IDAT')!);
  return Array.from({ length: h }, (_, y) => Array.from({ length: w }, (_, x) => {
    const i = data[y * (w + 1) + 1 + x]!;
    return [plte[i * 3]!, plte[i * 3 + 1]!, plte[i * 3 + 2]!];
  }));
}

describe('toPalettePng', () => {
  // Six rows, so every filter type (none, sub, up, average, Paeth) is undone at least once.
  const image = Array.from({ length: 6 }, (_, y) => Array.from({ length: 5 }, (_, x) => [(x * 60 + y * 7) % 256, (y * 40) % 256, x === y ? 255 : 10]));

  it('keeps every pixel, with a palette of the colours used', () => {
    const out = toPalettePng(png(image))!;
    expect(readPalette(out)).toEqual(image);
  });

  it('reads opaque RGBA too', () => {
    expect(readPalette(toPalettePng(png(image.map((row) => row.map((p) => [...p, 255])), true))!)).toEqual(image);
  });

  it('declines transparency, more than 256 colours, and what is not a PNG', () => {
    expect(toPalettePng(png([[[1, 2, 3, 128]]], true))).toBeNull();
    const many = Array.from({ length: 17 }, (_, y) => Array.from({ length: 17 }, (_, x) => [x, y, 0]));
    expect(toPalettePng(png(many))).toBeNull();
    expect(toPalettePng(Buffer.from('not a png'))).toBeNull();
  });
});
