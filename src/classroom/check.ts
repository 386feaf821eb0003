/**
 * Small shape checks for untrusted messages. Each helper returns the typed value or throws
 * `Invalid`, so a validator reads like the shape it expects; protocol.ts catches at one place and
 * turns the throw into a `{ ok: false }` result. Pure: shared by the server and the browser.
 */

export class Invalid extends Error {
  constructor(
    readonly path: string,
    readonly why: string,
    /** A machine-readable code when the client should show something precise (see ERROR_CODES). */
    readonly code: string = 'invalid',
  ) {
    super(`${path}: ${why}`);
  }
}

export type Obj = Readonly<Record<string, unknown>>;

/** A plain object with only the listed keys (anything else is a malformed message). */
export function record(v: unknown, path: string, keys: readonly string[]): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Invalid(path, 'must be an object');
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) throw new Invalid(path, 'must be a plain object');
  for (const k of Object.keys(v)) if (!keys.includes(k)) throw new Invalid(path, `unknown field "${k.slice(0, 40)}"`);
  return v as Obj;
}

export function text(v: unknown, path: string, max: number): string {
  if (typeof v !== 'string') throw new Invalid(path, 'must be a string');
  if (v.length > max) throw new Invalid(path, `longer than ${max}`);
  return v;
}

/** Content ids (stations, roles, questions, steps, activities): lower-case words joined by dashes. */
export const SLUG = /^[a-z0-9][a-z0-9-]{0,47}$/;

export function slug(v: unknown, path: string): string {
  const s = text(v, path, 48);
  if (!SLUG.test(s)) throw new Invalid(path, 'is not an id (a-z, 0-9, -)');
  return s;
}

/** An id that must be one of `known` (when the set is given); `code` names the error. */
export function knownId(v: unknown, path: string, known: ReadonlySet<string> | undefined, code: string): string {
  const s = slug(v, path);
  if (known && !known.has(s)) throw new Invalid(path, `"${s}" is not known`, code);
  return s;
}

export function oneOf<T extends string>(v: unknown, path: string, values: readonly T[]): T {
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) throw new Invalid(path, `must be one of ${values.join(', ')}`);
  return v as T;
}

export function int(v: unknown, path: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new Invalid(path, `must be a whole number ${min}–${max}`);
  return v;
}

export function num(v: unknown, path: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw new Invalid(path, `must be a number ${min}–${max}`);
  return v;
}

export function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') throw new Invalid(path, 'must be true or false');
  return v;
}

export function list<T>(v: unknown, path: string, max: number, item: (x: unknown, p: string) => T): T[] {
  if (!Array.isArray(v)) throw new Invalid(path, 'must be a list');
  if (v.length > max) throw new Invalid(path, `has more than ${max} items`);
  return v.map((x, i) => item(x, `${path}[${i}]`));
}

/** `undefined` stays undefined (optional field); anything else must pass `check`. */
export function optional<T>(v: unknown, check: (x: unknown) => T): T | undefined {
  return v === undefined ? undefined : check(v);
}
