import type { ContentProblem } from './types';

/**
 * The subset of JSON Schema (draft 2020-12) that scenes/schema/*.json use. Authors' editors read the
 * same files, so the app and the editor agree on what a valid file is. Unsupported keywords are a
 * programming error here, not an author's, and throw.
 */
export interface Schema {
  readonly $ref?: string;
  readonly type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly additionalProperties?: boolean | Schema;
  readonly items?: Schema;
  readonly minItems?: number;
  readonly maxItems?: number;
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
  'properties', 'additionalProperties', 'items', 'minItems', 'maxItems', 'minLength', 'maxLength',
  'minimum', 'maximum', 'pattern',
]);

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;

export function propertyPath(base: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;
}

/** Checks `value` against `schema`, appending one problem per violation (it does not stop at the first). */
export function checkSchema(value: unknown, schema: Schema, file: string, root: Schema = schema, path = '$', out: ContentProblem[] = []): ContentProblem[] {
  for (const key of Object.keys(schema)) {
    if (!KNOWN.has(key)) throw new Error(`schema keyword "${key}" is not supported by src/content/schema-check.ts`);
  }
  const problem = (message: string): void => {
    out.push({ file, path, message });
  };
  if (schema.$ref) {
    const name = schema.$ref.replace(/^#\/\$defs\//, '');
    const target = root.$defs?.[name];
    if (!target) throw new Error(`schema $ref ${schema.$ref} not found`);
    return checkSchema(value, target, file, root, path, out);
  }
  if ('const' in schema && value !== schema.const) {
    problem(`must be ${JSON.stringify(schema.const)}, found ${describe(value)}`);
    return out;
  }
  if (schema.enum && !schema.enum.includes(value)) {
    problem(`must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}; found ${describe(value)}`);
    return out;
  }
  switch (schema.type) {
    case undefined:
      break;
    case 'object':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problem(`must be an object, found ${describe(value)}`);
        return out;
      }
      break;
    case 'array':
      if (!Array.isArray(value)) {
        problem(`must be an array, found ${describe(value)}`);
        return out;
      }
      break;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        problem(`must be a whole number, found ${describe(value)}`);
        return out;
      }
      break;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        problem(`must be a number, found ${describe(value)}`);
        return out;
      }
      break;
    default:
      if (typeof value !== schema.type) {
        problem(`must be a ${schema.type}, found ${describe(value)}`);
        return out;
      }
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) problem(`must be at least ${schema.minimum}, found ${value}`);
    if (schema.maximum !== undefined && value > schema.maximum) problem(`must be at most ${schema.maximum}, found ${value}`);
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength) {
      problem(schema.minLength === 1 ? 'must not be empty' : `must be at least ${schema.minLength} characters, found ${length}`);
    }
    if (schema.maxLength !== undefined && length > schema.maxLength) problem(`must be at most ${schema.maxLength} characters, found ${length}`);
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) {
      const hint = typeof schema.description === 'string' ? ` (${schema.description})` : '';
      problem(`${JSON.stringify(value)} does not match ${schema.pattern}${hint}`);
    }
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) problem(`must have at least ${schema.minItems} item(s), found ${value.length}`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) problem(`must have at most ${schema.maxItems} item(s), found ${value.length}`);
    if (schema.items) value.forEach((item, i) => checkSchema(item, schema.items!, file, root, `${path}[${i}]`, out));
  }
  if (schema.type === 'object' && typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) {
      if (!(key in record)) out.push({ file, path: propertyPath(path, key), message: 'is required but missing' });
    }
    for (const [key, child] of Object.entries(record)) {
      const sub = schema.properties?.[key];
      const childPath = propertyPath(path, key);
      if (sub) checkSchema(child, sub, file, root, childPath, out);
      else if (schema.additionalProperties === false) out.push({ file, path: childPath, message: 'is not a known property (check the spelling)' });
      else if (typeof schema.additionalProperties === 'object') checkSchema(child, schema.additionalProperties, file, root, childPath, out);
    }
  }
  return out;
}
