import { describe, expect, it } from 'vitest';
import setSchemaJson from '../../scenes/schema/set.schema.json';
import localeSchemaJson from '../../scenes/schema/locale.schema.json';
import lessonSchemaJson from '../../scenes/schema/lesson.schema.json';
import { checkSchema, propertyPath, type Schema } from '../../src/content/schema-check';
import { POSES, PROP_TYPES, UI_KEYS } from '../../src/content/types';

const setSchema = setSchemaJson as Schema;
const localeSchema = localeSchemaJson as Schema;
const lessonSchema = lessonSchemaJson as Schema;

/** Follows `keys` down a schema, failing loudly if a step is missing. */
function at(schema: Schema, ...keys: string[]): Schema {
  let node: unknown = schema;
  for (const key of keys) {
    if (typeof node !== 'object' || node === null || !(key in node)) throw new Error(`schema has no ${keys.join('.')}`);
    node = (node as Record<string, unknown>)[key];
  }
  return node as Schema;
}

/** Every sub-schema reachable from `schema` (properties, items, additionalProperties, propertyNames, $defs). */
function subSchemas(schema: Schema, path = '#'): [string, Schema][] {
  const out: [string, Schema][] = [[path, schema]];
  for (const [name, sub] of Object.entries(schema.properties ?? {})) out.push(...subSchemas(sub, `${path}/properties/${name}`));
  for (const [name, sub] of Object.entries(schema.$defs ?? {})) out.push(...subSchemas(sub, `${path}/$defs/${name}`));
  if (schema.items) out.push(...subSchemas(schema.items, `${path}/items`));
  if (typeof schema.additionalProperties === 'object') out.push(...subSchemas(schema.additionalProperties, `${path}/additionalProperties`));
  if (schema.propertyNames) out.push(...subSchemas(schema.propertyNames, `${path}/propertyNames`));
  return out;
}

describe('set.schema.json agrees with src/content/types.ts', () => {
  it('stage ids are content: a lower-case id in $.stages and in each station, not a fixed list', () => {
    for (const stage of [at(setSchema, 'properties', 'stages', 'items', 'properties', 'id'), at(setSchema, '$defs', 'station', 'properties', 'stage')]) {
      expect(stage.enum).toBeUndefined();
      expect(stage.$ref).toBe('#/$defs/id');
    }
    expect(at(setSchema, '$defs', 'id').pattern).toBe('^[a-z0-9]+(-[a-z0-9]+)*$');
    expect(at(setSchema, '$defs', 'id').enum).toBeUndefined();
  });

  it('prop types equal PROP_TYPES', () => {
    expect(at(setSchema, '$defs', 'station', 'properties', 'props', 'items', 'properties', 'type').enum).toEqual([...PROP_TYPES]);
  });

  it('crew poses equal POSES', () => {
    expect(at(setSchema, '$defs', 'station', 'properties', 'crew', 'items', 'properties', 'pose').enum).toEqual([...POSES]);
  });

  it('stations are checked through the $defs/station reference', () => {
    expect(at(setSchema, 'properties', 'stations', 'items').$ref).toBe('#/$defs/station');
  });

  it('top-level required fields are the non-optional SetFile fields', () => {
    expect([...(setSchema.required ?? [])].sort()).toEqual(
      ['version', 'defaultLocale', 'locales', 'soundstage', 'start', 'stages', 'departments', 'roles', 'stations', 'tour'].sort(),
    );
  });
});

describe('locale.schema.json agrees with src/content/types.ts', () => {
  it('ui.required equals UI_KEYS, in order', () => {
    expect(at(localeSchema, 'properties', 'ui').required).toEqual([...UI_KEYS]);
  });

  it('ui.properties are exactly UI_KEYS, and unknown ui keys are refused', () => {
    const ui = at(localeSchema, 'properties', 'ui');
    expect(Object.keys(ui.properties ?? {})).toEqual([...UI_KEYS]);
    expect(ui.additionalProperties).toBe(false);
  });
});

describe('the schemas use only what schema-check.ts supports', () => {
  it.each([
    ['set.schema.json', setSchema],
    ['locale.schema.json', localeSchema],
    ['lesson.schema.json', lessonSchema],
  ])('%s: every sub-schema is accepted by checkSchema', (_name, root) => {
    const subs = subSchemas(root);
    expect(subs.length).toBeGreaterThan(8);
    for (const [path, sub] of subs) {
      // checkSchema validates its keywords (and resolves $ref) before looking at the value.
      expect(() => checkSchema(null, sub, 'x.json', root), path).not.toThrow();
    }
  });
});

describe('checkSchema', () => {
  it('throws on an unsupported keyword, naming it', () => {
    expect(() => checkSchema({}, { type: 'object', oneOf: [] } as Schema, 'x.json')).toThrow('schema keyword "oneOf" is not supported');
  });

  it('throws on an unsupported keyword in a nested schema it reaches', () => {
    const schema = { type: 'object', properties: { a: { type: 'string', format: 'email' } } } as Schema;
    expect(() => checkSchema({ a: 'x' }, schema, 'x.json')).toThrow('schema keyword "format" is not supported');
  });

  it('throws on a $ref it cannot resolve', () => {
    expect(() => checkSchema(1, { $ref: '#/$defs/nowhere' }, 'x.json')).toThrow('schema $ref #/$defs/nowhere not found');
  });

  it('checks booleans and integers', () => {
    const schema: Schema = { type: 'object', properties: { on: { type: 'boolean' }, n: { type: 'integer' } } };
    expect(checkSchema({ on: 'yes', n: 1.5 }, schema, 'x.json')).toEqual([
      { file: 'x.json', path: '$.on', message: 'must be a boolean, found string "yes"' },
      { file: 'x.json', path: '$.n', message: 'must be a whole number, found number 1.5' },
    ]);
    expect(checkSchema({ on: true, n: 2 }, schema, 'x.json')).toEqual([]);
  });

  it('counts string length in characters, not UTF-16 units', () => {
    // "🎬" is one character but two UTF-16 code units.
    expect(checkSchema('🎬', { type: 'string', maxLength: 1 }, 'x.json')).toEqual([]);
    expect(checkSchema('🎬🎬', { type: 'string', maxLength: 1 }, 'x.json')).toEqual([{ file: 'x.json', path: '$', message: 'must be at most 1 characters, found 2' }]);
  });

  it('builds JSON paths: dotted for identifiers, bracketed and quoted otherwise', () => {
    expect(propertyPath('$', 'stations')).toBe('$.stations');
    expect(propertyPath('$.stations', 'edit-suite')).toBe('$.stations["edit-suite"]');
    expect(propertyPath('$', '2nd')).toBe('$["2nd"]');
  });
});
