import type { ContentProblem } from './types';

/**
 * The subset of JSON Schema (draft 2020-12) that scenes/schema/*.json use. Authors' editors read the
 * same files, so the app and the editor agree on what a valid file is; a unit test
 * (tests/unit/schema-oracle.test.ts) runs Ajv over the same schemas and documents and fails if the
 * two ever disagree. Unsupported keywords are a programming error here, not an author's, and throw.
 *
 * Every lookup by a key that came from a content file is an own-property lookup (Object.hasOwn):
 * `"constructor"`, `"__proto__"` or `"toString"` in a file must never find Object.prototype's members.
 */
export interface Schema {
  readonly $ref?: string;
  readonly type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly additionalProperties?: boolean | Schema;
  readonly propertyNames?: Schema;
  readonly maxProperties?: number;
  readonly items?: Schema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly pattern?: string;
  readonly $defs?: Readonly<Record<string, Schema>>;
  readonly [annotation: string]: unknown;
}

const KNOWN = new Set([
  '$schema', '$id', '$ref', '$defs', 'title', 'description', 'type', 'const', 'enum', 'required',
  'properties', 'additionalProperties', 'propertyNames', 'maxProperties', 'items', 'minItems', 'maxItems',
  'uniqueItems', 'minLength', 'maxLength', 'minimum', 'maximum', 'pattern',
]);

/** Schemas whose keywords were already checked: the same sub-schema is met once per array item. */
const vetted = new WeakSet<Schema>();
const patterns = new Map<string, RegExp>();

/** Quotes a value for a message, shortened: a problem line must stay readable for any input. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${quote(value)}`;
}

function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 60)}…" (${text.length} characters)` : text;
}

export function propertyPath(base: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A stable text form for deep equality (uniqueItems): object keys sorted. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  return JSON.stringify(value) ?? 'undefined';
}

interface Walk {
  readonly file: string;
  readonly root: Schema;
  readonly out: ContentProblem[];
}

function vet(schema: Schema): void {
  if (vetted.has(schema)) return;
  for (const key of Object.keys(schema)) {
    if (!KNOWN.has(key)) throw new Error(`schema keyword "${key}" is not supported by src/content/schema-check.ts`);
  }
  vetted.add(schema);
}

function resolve(ref: string, root: Schema): Schema {
  const name = ref.startsWith('#/$defs/') ? ref.slice('#/$defs/'.length) : null;
  const target = name !== null && root.$defs && Object.hasOwn(root.$defs, name) ? root.$defs[name] : undefined;
  if (!target) throw new Error(`schema $ref ${ref} not found`);
  return target;
}

/** Checks `value` against `schema`, appending one problem per violation (it does not stop at the first). */
export function checkSchema(value: unknown, schema: Schema, file: string, root: Schema = schema, path = '$', out: ContentProblem[] = []): ContentProblem[] {
  walk(value, schema, { file, root, out }, path);
  return out;
}

function walk(value: unknown, schema: Schema, w: Walk, path: string): void {
  vet(schema);
  if (schema.$ref === undefined) return walkHere(value, schema, w, path);
  // Draft 2020-12: keywords beside a $ref apply too (a shared text type with its own lengths). When
  // those already fault this value ("must not be empty", "must be a string"), the shared type's
  // verdict on the same value would only repeat it; its findings deeper down still count.
  const beside: ContentProblem[] = [];
  walkHere(value, schema, { ...w, out: beside }, path);
  const shared: ContentProblem[] = [];
  walk(value, resolve(schema.$ref, w.root), { ...w, out: shared }, path);
  const faulted = beside.some((p) => p.path === path);
  w.out.push(...beside, ...shared.filter((p) => !faulted || p.path !== path));
}

function walkHere(value: unknown, schema: Schema, w: Walk, path: string): void {
  const problem = (message: string, at = path): void => {
    w.out.push({ file: w.file, path: at, message });
  };
  if (Object.hasOwn(schema, 'const') && value !== schema.const) return problem(`must be ${JSON.stringify(schema.const)}, found ${describeValue(value)}`);
  if (schema.enum && !schema.enum.includes(value)) return problem(`must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}; found ${describeValue(value)}`);
  const wrongType = typeProblem(value, schema.type);
  if (wrongType) return problem(wrongType);
  if (typeof value === 'number') checkNumber(value, schema, problem);
  else if (typeof value === 'string') checkString(value, schema, problem);
  else if (Array.isArray(value)) checkArray(value, schema, w, path, problem);
  else if (isRecord(value)) checkObject(value, schema, w, path, problem);
}

type Report = (message: string, at?: string) => void;

function typeProblem(value: unknown, type: Schema['type']): string | null {
  switch (type) {
    case undefined:
      return null;
    case 'object':
      return isRecord(value) ? null : `must be an object, found ${describeValue(value)}`;
    case 'array':
      return Array.isArray(value) ? null : `must be an array, found ${describeValue(value)}`;
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? null : `must be a whole number, found ${describeValue(value)}`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : `must be a number, found ${describeValue(value)}`;
    default:
      return typeof value === type ? null : `must be a ${type}, found ${describeValue(value)}`;
  }
}

function checkNumber(value: number, schema: Schema, problem: Report): void {
  if (schema.minimum !== undefined && value < schema.minimum) problem(`must be at least ${schema.minimum}, found ${value}`);
  if (schema.maximum !== undefined && value > schema.maximum) problem(`must be at most ${schema.maximum}, found ${value}`);
}

function checkString(value: string, schema: Schema, problem: Report): void {
  // Characters, not UTF-16 units (as JSON Schema and Ajv count them): "🎬" is one.
  const length = [...value].length;
  if (schema.minLength !== undefined && length < schema.minLength) {
    problem(schema.minLength === 1 ? 'must not be empty' : `must be at least ${schema.minLength} characters, found ${length}`);
  }
  if (schema.maxLength !== undefined && length > schema.maxLength) problem(`must be at most ${schema.maxLength} characters, found ${length}`);
  if (schema.pattern !== undefined && !regex(schema.pattern).test(value)) {
    const description = typeof schema.description === 'string' ? schema.description : null;
    // A long pattern (the visible-text rule) says more through its description than its source.
    if (description && schema.pattern.length > 40) problem(`${quote(value)} is refused: ${description}`);
    else problem(`${quote(value)} does not match ${schema.pattern}${description ? ` (${description})` : ''}`);
  }
}

function regex(pattern: string): RegExp {
  let re = patterns.get(pattern);
  if (!re) patterns.set(pattern, (re = new RegExp(pattern, 'u')));
  return re;
}

function checkArray(value: readonly unknown[], schema: Schema, w: Walk, path: string, problem: Report): void {
  if (schema.minItems !== undefined && value.length < schema.minItems) problem(`must have at least ${schema.minItems} item(s), found ${value.length}`);
  if (schema.maxItems !== undefined && value.length > schema.maxItems) problem(`must have at most ${schema.maxItems} item(s), found ${value.length}`);
  if (schema.uniqueItems === true) {
    const seen = new Map<string, number>();
    value.forEach((item, i) => {
      const key = canonical(item);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else problem(`${describeValue(item)} is listed twice (first at index ${first})`, `${path}[${i}]`);
    });
  }
  if (schema.items) value.forEach((item, i) => walk(item, schema.items!, w, `${path}[${i}]`));
}

function checkObject(record: Record<string, unknown>, schema: Schema, w: Walk, path: string, problem: Report): void {
  const keys = Object.keys(record);
  if (schema.maxProperties !== undefined && keys.length > schema.maxProperties) problem(`must have at most ${schema.maxProperties} entries, found ${keys.length}`);
  for (const key of schema.required ?? []) {
    if (!Object.hasOwn(record, key)) problem('is required but missing', propertyPath(path, key));
  }
  const properties = schema.properties ?? {};
  for (const key of keys) {
    const childPath = propertyPath(path, key);
    if (schema.propertyNames) checkKey(key, schema.propertyNames, w, childPath);
    if (Object.hasOwn(properties, key)) walk(record[key], properties[key]!, w, childPath);
    else if (schema.additionalProperties === false) problem('is not a known property (check the spelling)', childPath);
    else if (typeof schema.additionalProperties === 'object') walk(record[key], schema.additionalProperties, w, childPath);
  }
}

/** propertyNames: the key itself must match; a problem names the entry, quoting the key. */
function checkKey(key: string, schema: Schema, w: Walk, childPath: string): void {
  const found: ContentProblem[] = [];
  walk(key, schema, { ...w, out: found }, childPath);
  if (found.length > 0) w.out.push({ file: w.file, path: childPath, message: `the name ${found[0]!.message}` });
}
