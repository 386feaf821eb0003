// Maps a position in a built chunk back to the source file it came from, with the build's own
// (hidden) source maps: enough to tell Backlot's code (src/) from A-Frame's, three.js' or Howler's
// (node_modules/) in a stack trace, which the teardown test needs. Source map v3, base64 VLQ.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const B64 = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

/** Decodes one segment's VLQ fields. */
function vlq(text) {
  const out = [];
  let value = 0;
  let shift = 0;
  for (const ch of text) {
    const digit = B64.get(ch);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** Per generated line: sorted [column, sourceIndex] pairs. */
function decode(mappings) {
  const lines = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    let column = 0;
    const segs = [];
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const f = vlq(seg);
      column += f[0];
      if (f.length >= 4) {
        source += f[1];
        segs.push([column, source]);
      }
    }
    lines.push(segs);
  }
  return lines;
}

/** Source maps of a built site, read on demand: `sourceOf(url, line, column)` → source path or null. */
export function sourceMaps(distDir) {
  const cache = new Map();
  const load = (file) => {
    if (cache.has(file)) return cache.get(file);
    const path = join(distDir, `${file}.map`);
    let map = null;
    if (existsSync(path)) {
      const json = JSON.parse(readFileSync(path, 'utf8'));
      map = { sources: json.sources, lines: decode(json.mappings) };
    }
    cache.set(file, map);
    return map;
  };
  return {
    /** `file` relative to the site root (e.g. assets/main-abc.js); line and column 1-based as in stacks. */
    sourceOf(file, line, column) {
      const map = load(file);
      const segs = map?.lines[line - 1];
      if (!segs || segs.length === 0) return null;
      let found = null;
      for (const [col, src] of segs) {
        if (col > column - 1) break;
        found = src;
      }
      return found === null ? null : map.sources[found];
    },
  };
}

/** The first stack frame from the site itself (the caller of a wrapped API): { file, line, column } or null. */
export function callerOf(stack, origin) {
  for (const l of stack.split('\n').slice(1)) {
    const m = /\((.*):(\d+):(\d+)\)$|at (.*):(\d+):(\d+)$/.exec(l.trim());
    if (!m) continue;
    const url = m[1] ?? m[4];
    if (!url.startsWith(`${origin}/`)) continue;
    return { file: new URL(url).pathname.replace(/^\//, ''), line: Number(m[2] ?? m[5]), column: Number(m[3] ?? m[6]) };
  }
  return null;
}
