import fc from 'fast-check';

/** The subset of JSON Schema (OpenAPI 3.1) the API's document uses. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

type Components = Record<string, JsonSchema>;

/** Values that break naive code: wrong types, edge numbers, odd text, prototype keys, depth. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    0,
    -1,
    1e308,
    -0,
    '',
    ' ',
    'null',
    '\u0000',
    '\ud800',
    '../../etc/passwd',
    '..%2F..%2F',
    '<script>alert(1)</script>',
    '=HYPERLINK("http://x")',
    "'; DROP TABLE x; --",
    '\u0024{jndi:ldap://x}',
    '2027-02-31',
    'ORG#other',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀',
    [],
    {},
    { __proto__: { polluted: true } },
    JSON.parse('{"__proto__":{"x":1}}'),
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 5000, maxLength: 20_000 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 5 }),
  fc
    .integer({ min: 25, max: 3000 })
    .map((depth) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`)),
);

function resolve(schema: JsonSchema, components: Components): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return components[name] ?? {};
}

/** Values shaped by `schema` (bounded: short strings, few array items, depth ≤ 6). */
export function fromSchema(
  schema: JsonSchema,
  components: Components,
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = resolve(schema, components);
  if (depth > 6) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const variants = s.anyOf ?? s.oneOf;
  if (variants?.length)
    return fc.oneof(...variants.map((v) => fromSchema(v, components, depth + 1)));
  if (s.allOf?.length) return fromSchema(s.allOf[0] as JsonSchema, components, depth + 1);
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.length > 1)
    return fc.oneof(...types.map((type) => fromSchema({ ...s, type }, components, depth)));
  switch (types[0]) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6 });
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
    case 'string':
      if (s.format === 'email') return fc.emailAddress();
      if (s.pattern) return fc.stringMatching(new RegExp(s.pattern));
      return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 30, 60) });
    case 'array':
      return fc.array(fromSchema(s.items ?? {}, components, depth + 1), { maxLength: 3 });
    case 'object': {
      const props = s.properties ?? {};
      const required = new Set(s.required ?? []);
      const shape: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) shape[k] = fromSchema(v, components, depth + 1);
      const known = fc.record(shape, {
        requiredKeys: Object.keys(props).filter((k) => required.has(k)),
      });
      if (Object.keys(props).length === 0 && s.additionalProperties !== false)
        return fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), {
          maxKeys: 4,
        });
      return known;
    }
    default:
      return fc.jsonValue({ maxDepth: 3 });
  }
}

/** Every path (list of keys) to a value inside `value`, the root included. */
function paths(value: unknown, prefix: string[] = [], out: string[][] = []): string[][] {
  out.push(prefix);
  if (value && typeof value === 'object' && prefix.length < 6)
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

/**
 * `example` with one value (chosen by the run) replaced by a hostile one: valid but for one spot.
 * Often without its `version`, whose staleness would otherwise stop the body before validation.
 */
export function mutated(example: unknown): fc.Arbitrary<unknown> {
  const all = paths(example);
  return fc
    .tuple(fc.nat({ max: all.length - 1 }), hostileValue, fc.boolean())
    .map(([i, bad, keepVersion]) => {
      const path = all[i] ?? [];
      if (path.length === 0) return bad;
      const copy = structuredClone(example) as Record<string, unknown>;
      if (!keepVersion && path[0] !== 'version') delete copy.version;
      let node = copy;
      for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
      node[path.at(-1) as string] = bad;
      return copy;
    });
}
