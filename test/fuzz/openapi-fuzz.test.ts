import { writeFile } from 'node:fs/promises';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitedAssessment, json, startTestPortal, type TestPortal } from '../api/harness';
import { raw } from '../security/upload';
import { foreignHost } from './header-arbitrary';
import { fromSchema, hostileValue, type JsonSchema, mutated } from './schema-arbitrary';

/**
 * Walks every operation of the published OpenAPI document with schema-shaped and hostile inputs
 * (bounded, seeded: the same requests every run) under every kind of caller, and checks that no
 * response is a 5xx and no body names an internal: the table, a bucket, a storage key, a stack
 * frame or an SDK exception.
 */

const seed = 20_261_128;
/** Requests per operation: more where a body gives more to vary. */
const runs = (op: Operation) => (op.requestBody ? 100 : 30);
/** Requests per operation under a Host the portal does not serve (DNS rebinding). */
const hostRuns = 8;
const internals = {
  table: 'fuzz-table-q7x',
  samples: 'fuzz-samples-q7x',
  reports: 'fuzz-reports-q7x',
};
const leaks = [
  internals.table,
  internals.samples,
  internals.reports,
  'ORG#',
  'ASMT#',
  'SAMPLE#',
  'GSI1',
  'node_modules',
  'dynalite',
  's3rver',
  /\bat (?:\S+ \()?(?:file:\/\/|node:|\/)[^\s)]*:\d+:\d+/, // a stack frame
  /\b[A-Z][A-Za-z]+(Exception|Fault)\b/, // SDK exceptions
  /\b(TypeError|RangeError|ReferenceError|SyntaxError)\b/,
];

type Parameter = { name: string; in: 'path' | 'query'; schema: JsonSchema };
type Operation = {
  operationId: string;
  security?: Record<string, unknown>[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema; example?: unknown }> };
};
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
};

let t: TestPortal;
let doc: Doc;
let callers: Record<string, string | undefined>;
let ids: { id: string; sampleId: string };

beforeAll(async () => {
  t = await startTestPortal({
    TABLE_NAME: internals.table,
    SAMPLES_BUCKET: internals.samples,
    REPORTS_BUCKET: internals.reports,
    VENDOR_AUTH_FAILURE_LIMIT: '1000000',
  });
  doc = await json<Doc>(t.call('GET', '/api/openapi.json'));
  const proc = await t.staff('procurement', 'demo', 'pat@demo.test');
  const vendor = await invitedAssessment(t, proc);
  const upload = await json<{ sampleId: string }>(
    t.call('POST', '/api/vendor/samples', {
      token: vendor.token,
      body: {
        fileName: 'a.jsonl',
        role: 'training',
        sizeBytes: 10,
        contentType: 'application/jsonl',
      },
    }),
  );
  ids = { id: vendor.id, sampleId: upload.sampleId };
  callers = {
    none: undefined,
    garbage: 'not-a-token',
    forged: `demo.${vendor.id}.${'A'.repeat(43)}`,
    procurement: proc,
    governance: await t.staff('governance', 'demo', 'gail@demo.test'),
    admin: await t.staff('admin', 'demo', 'ada@demo.test'),
    otherAdmin: await t.staff('admin', 'other-org', 'root@other.test'),
    vendor: vendor.token,
  };
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

interface Call {
  caller: string;
  path: string;
  query: string;
  body: string | undefined;
  contentType: string;
}

/** Percent-encodes a path segment; a lone surrogate becomes the invalid UTF-8 bytes it would be. */
function encodeSegment(value: string): string {
  return [...value]
    .map((ch) => (/[\uD800-\uDFFF]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch)))
    .join('');
}

function callArbitrary(path: string, op: Operation): fc.Arbitrary<Call> {
  const schemas = doc.components.schemas;
  const params = op.parameters ?? [];
  const pathValue = (p: Parameter) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constant(p.name === 'sampleId' ? ids.sampleId : ids.id) },
      { weight: 2, arbitrary: fromSchema(p.schema, schemas).map(String) },
      {
        weight: 1,
        arbitrary: hostileValue.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
      },
    );
  const pathArb = fc
    .tuple(...params.filter((p) => p.in === 'path').map(pathValue))
    .map((values) => {
      let i = 0;
      return path.replace(/\{[^}]+\}/g, () => encodeSegment(values[i++] ?? ''));
    });
  const queryArb = fc
    .tuple(
      ...params
        .filter((p) => p.in === 'query')
        .map((p) =>
          fc.option(
            fc
              .oneof(fromSchema(p.schema, schemas), hostileValue)
              .map((v) => [p.name, typeof v === 'string' ? v : JSON.stringify(v)] as const),
          ),
        ),
      fc.option(
        fc.constantFrom(['unknown', '1'] as const, ['cursor', 'eyJQSyI6Ik9SRyNvdGhlciJ9'] as const),
      ),
    )
    .map((pairs) => {
      const q = new URLSearchParams();
      for (const pair of pairs) if (pair) q.append(pair[0], pair[1]);
      const text = q.toString();
      return text ? `?${text}` : '';
    });
  const media = op.requestBody?.content['application/json'];
  const schema = media?.schema;
  const example = media?.example;
  const bodyArb: fc.Arbitrary<string | undefined> = fc.oneof(
    {
      weight: 4,
      arbitrary:
        example === undefined
          ? fc.constant(undefined)
          : mutated(example).map((v) => JSON.stringify(v)),
    },
    {
      weight: 4,
      arbitrary: schema
        ? fromSchema(schema, schemas).map((v) => JSON.stringify(v))
        : fc.constant(undefined),
    },
    { weight: 2, arbitrary: hostileValue.map((v) => JSON.stringify(v)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '{',
        '{"a":',
        '[1,]',
        'nul',
        '\u0000',
        '{"answers":{"__proto__":{"x":1}}}',
      ),
    },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  // Mostly the callers the operation is for, so inputs reach the handlers; the rest test refusal.
  const schemes = (op.security ?? []).flatMap((r) => Object.keys(r));
  const meant = schemes.includes('vendorToken')
    ? ['vendor']
    : schemes.includes('staffJwt')
      ? ['procurement', 'governance', 'admin']
      : Object.keys(callers);
  return fc.record({
    caller: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...meant) },
      { weight: 1, arbitrary: fc.constantFrom(...Object.keys(callers)) },
    ),
    path: pathArb,
    query: queryArb,
    body: bodyArb,
    contentType: fc.oneof(
      { weight: 6, arbitrary: fc.constant('application/json') },
      { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/merge-patch+json') },
    ),
  });
}

function leaked(text: string): string | undefined {
  // The presigned upload URL names the bucket by design (it is where the file goes).
  const scrubbed = text.replace(/"uploadUrl":"[^"]*"/g, '"uploadUrl":""');
  for (const leak of leaks) {
    const hit = typeof leak === 'string' ? scrubbed.includes(leak) : leak.test(scrubbed);
    if (hit) return String(leak);
  }
  return undefined;
}

describe('OpenAPI-driven fuzzer', () => {
  it('answers every operation without a 5xx or an internal name, for every caller', async () => {
    const counts: Record<string, number> = {};
    const byOperation: Record<string, Record<string, number>> = {};
    const failures: string[] = [];
    let requests = 0;
    const ops = Object.entries(doc.paths)
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => ({ path, method, op })),
      )
      // Vendor operations first, while the link is live; staff writes may revoke or decide later.
      .sort((a, b) => Number(!a.path.includes('/vendor/')) - Number(!b.path.includes('/vendor/')));
    expect(ops.length).toBeGreaterThanOrEqual(30);
    for (const [index, { path, method, op }] of ops.entries()) {
      const calls = fc.sample(callArbitrary(path, op), {
        seed: seed + index,
        numRuns: runs(op),
      });
      for (const call of calls) {
        const token = callers[call.caller];
        const headers: Record<string, string> = { 'content-type': call.contentType };
        const res = await t.call(method.toUpperCase(), `${call.path}${call.query}`, {
          token,
          headers,
          ...(call.body === undefined || method === 'get' || method === 'delete'
            ? {}
            : { body: call.body }),
        });
        const text = await res.text();
        requests++;
        counts[res.status] = (counts[res.status] ?? 0) + 1;
        const mine = byOperation[op.operationId] ?? {};
        byOperation[op.operationId] = mine;
        mine[res.status] = (mine[res.status] ?? 0) + 1;
        const where = `${op.operationId} ${method.toUpperCase()} ${call.path}${call.query} as ${call.caller}`;
        if (res.status >= 500) failures.push(`${res.status} ${where}: ${text.slice(0, 200)}`);
        const leak = leaked(text);
        if (leak) failures.push(`leaks ${leak}: ${where}: ${text.slice(0, 200)}`);
        // Keep the clock real for the next request.
        if (op.operationId === 'setDevClock')
          await t.call('PUT', '/api/dev/clock', { token: callers.admin, body: { offsetDays: 0 } });
      }
    }
    const summary = { seed, operations: ops.length, requests, byStatus: counts };
    const detail = { ...summary, byOperation };
    await writeFile('test-results/fuzz-counts.json', `${JSON.stringify(detail, null, 2)}\n`).catch(
      () => undefined,
    );
    console.log(`fuzzer: ${JSON.stringify(summary)}`);
    expect(failures).toEqual([]);
    expect(requests).toBe(ops.reduce((n, { op }) => n + runs(op), 0));
    // The inputs reach the handlers, not only the validators: successes and refusals both occur.
    expect(Object.keys(counts).some((s) => s.startsWith('2'))).toBe(true);
    expect(counts[400]).toBeGreaterThan(0);
  }, 240_000);

  it('answers every operation under a host it does not serve with 421, for every caller', async () => {
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method, op })),
    );
    const failures: string[] = [];
    const byStatus: Record<string, number> = {};
    let requests = 0;
    for (const [index, { path, method, op }] of ops.entries()) {
      const calls = fc.sample(fc.tuple(callArbitrary(path, op), foreignHost(t.portal.port)), {
        seed: seed + 1000 + index,
        numRuns: hostRuns,
      });
      for (const [call, host] of calls) {
        const token = callers[call.caller];
        const res = await raw(t.portal.url, {
          method: method.toUpperCase(),
          path: `${call.path}${call.query}`,
          headers: {
            host,
            'content-type': call.contentType,
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: method === 'get' || method === 'delete' ? undefined : call.body,
        });
        requests++;
        byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
        // 431: Node's parser refuses an oversized request line or headers before any handler.
        if (res.status !== 421 && res.status !== 431) {
          failures.push(`${res.status} ${op.operationId} ${method} Host: ${host}`.slice(0, 300));
        }
      }
    }
    console.log(
      `fuzzer (foreign hosts): ${JSON.stringify({ operations: ops.length, requests, byStatus })}`,
    );
    expect(failures).toEqual([]);
    expect(requests).toBe(ops.length * hostRuns);
  }, 120_000);
});
