import { describe, expect, it } from 'vitest';
// The schemas declare draft 2020-12 ("$schema": "https://json-schema.org/draft/2020-12/schema"),
// so the oracle is Ajv's 2020 class; Ajv stays a dev dependency, the app ships its own checker.
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import setSchema from '../../scenes/schema/set.schema.json';
import localeSchema from '../../scenes/schema/locale.schema.json';
import lessonSchema from '../../scenes/schema/lesson.schema.json';
import takeSchema from '../../scenes/schema/take.schema.json';
import takeLocaleSchema from '../../scenes/schema/take-locale.schema.json';
import activitiesSchema from '../../scenes/schema/activities.schema.json';
import activityWordsSchema from '../../scenes/schema/activity-words.schema.json';
import { SPECS } from '../../src/activities/specs';
import { checkSchema, propertyPath, type Schema } from '../../src/content/schema-check';
import { buildCorpus, type SchemaName } from './fixtures/schema-corpus';

/**
 * Ajv as a test oracle: Backlot's hand-written checkSchema and Ajv must give the same verdict on
 * every document of the corpus, and for an invalid one point at the same JSON paths. So the checker
 * can never drift from the schemas editors use (a keyword it misreads shows up here first).
 */
const SCHEMAS: Record<SchemaName, Schema> = {
  set: setSchema as Schema,
  locale: localeSchema as Schema,
  lesson: lessonSchema as Schema,
  take: takeSchema as Schema,
  takeLocale: takeLocaleSchema as Schema,
  activities: activitiesSchema as Schema,
  activityWords: activityWordsSchema as Schema,
  ...Object.fromEntries(Object.values(SPECS).map((spec) => [`activity:${spec.kind}`, spec.schema])),
};

// strict: an unknown keyword or a keyword on the wrong type is an error in the schema itself.
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validators = Object.fromEntries(Object.entries(SCHEMAS).map(([name, schema]) => [name, ajv.compile(schema)])) as Record<SchemaName, ValidateFunction>;

/** A JSON Pointer into `doc` as a Backlot path: array steps `[i]`, object steps as propertyPath writes them. */
function pointerToPath(doc: unknown, pointer: string): string {
  let path = '$';
  let node = doc;
  for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
    const step = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      path += `[${step}]`;
      node = node[Number(step)];
    } else {
      path = propertyPath(path, step);
      node = typeof node === 'object' && node !== null && Object.hasOwn(node, step) ? (node as Record<string, unknown>)[step] : undefined;
    }
  }
  return path;
}

/**
 * Where an Ajv error points, as the checker reports it: the checker names the missing, unknown or
 * badly named property itself, and the repeated item of a uniqueItems pair (the later one; with
 * three copies Ajv stops at one pair while the checker lists each repeat, so the corpus uses pairs).
 */
function ajvPath(doc: unknown, e: ErrorObject): string {
  const base = pointerToPath(doc, e.instancePath);
  const named = (e as ErrorObject & { propertyName?: string }).propertyName;
  if (named !== undefined) return propertyPath(base, named);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return propertyPath(base, String(params.missingProperty));
    case 'additionalProperties':
      return propertyPath(base, String(params.additionalProperty));
    case 'propertyNames':
      return propertyPath(base, String(params.propertyName));
    case 'uniqueItems':
      return `${base}[${Math.max(Number(params.i), Number(params.j))}]`;
    default:
      return base;
  }
}

const corpus = buildCorpus();
const sorted = (paths: Iterable<string>): string[] => [...new Set(paths)].sort();

describe('Ajv and checkSchema agree on every document', () => {
  it('the corpus is large and covers valid and invalid documents of each schema', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    for (const name of Object.keys(SCHEMAS) as SchemaName[]) {
      const verdicts = corpus.filter((c) => c.schema === name).map((c) => validators[name]!(c.doc));
      expect(verdicts, name).toContain(true);
      expect(verdicts, name).toContain(false);
    }
  });

  it.each(corpus.map((c) => [c.name, c] as const))('%s', (_name, { schema, doc }) => {
    const validate = validators[schema]!;
    const ajvValid = validate(doc);
    const ajvPaths = sorted((validate.errors ?? []).map((e) => ajvPath(doc, e)));
    const ours = checkSchema(doc, SCHEMAS[schema]!, `${schema}.json`);
    expect(ours.length === 0, `Ajv says ${ajvValid ? 'valid' : `invalid at ${ajvPaths.join(', ')}`}; checkSchema says ${JSON.stringify(ours)}`).toBe(ajvValid);
    expect(sorted(ours.map((p) => p.path))).toEqual(ajvPaths);
  });

  it('every validation keyword the schemas use is broken by at least one document (so each is compared)', () => {
    const used = new Set<string>();
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (typeof node === 'object' && node !== null) {
        for (const [key, value] of Object.entries(node)) {
          used.add(key);
          collect(value);
        }
      }
    };
    Object.values(SCHEMAS).forEach(collect);
    const failed = new Set<string>();
    for (const { schema, doc } of corpus) {
      const validate = validators[schema]!;
      if (!validate(doc)) for (const e of validate.errors ?? []) failed.add(e.keyword);
    }
    const validation = ['type', 'const', 'enum', 'required', 'additionalProperties', 'propertyNames', 'maxProperties', 'minItems', 'maxItems', 'uniqueItems', 'minLength', 'maxLength', 'minimum', 'maximum', 'pattern'];
    for (const keyword of validation.filter((k) => used.has(k))) expect(failed, keyword).toContain(keyword);
  });
});
