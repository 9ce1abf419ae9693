import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitedAssessment, startTestPortal, type TestPortal } from '../api/harness';
import { MiB, multipartEnv, partUrls, registerBig } from '../api/multipart-helpers';
import { raw, register, sampleJsonl } from '../security/upload';
import { foreignHost, unsignedAmzHeader } from './header-arbitrary';

/**
 * Fuzzes the presigned upload URLs (single PUT and UploadPart) with header and Host variants
 * (seeded: the same requests every run): unsigned `x-amz-*` headers, signed headers dropped or
 * changed, foreign hosts. None may store a byte or answer with an engine message; afterwards the
 * same URL, sent as issued, still works once.
 */

const seed = 20_261_205;
const runsPerTarget = 150;
let t: TestPortal;
let proc: string;
beforeAll(async () => {
  t = await startTestPortal(multipartEnv);
  proc = await t.staff('procurement', 'demo', 'pat@demo.test');
}, 60_000);
afterAll(async () => {
  await t?.stop();
});

/** How one fuzzed request differs from the request as issued. */
type Variant =
  | { kind: 'amz'; headers: [string, string][] }
  | { kind: 'host'; host: string }
  | { kind: 'drop'; name: string }
  | { kind: 'change'; name: string; value: string };

function variants(signed: string[]): fc.Arbitrary<Variant> {
  const amz = fc
    .array(unsignedAmzHeader, { minLength: 1, maxLength: 3 })
    .map((headers) => ({ kind: 'amz' as const, headers }));
  const host = foreignHost(t.portal.port).map((h) => ({ kind: 'host' as const, host: h }));
  // UploadPart signs only its length: nothing else to drop or change.
  const names = signed.filter((h) => h !== 'host' && h !== 'content-length');
  if (names.length === 0)
    return fc.oneof({ weight: 4, arbitrary: amz }, { weight: 3, arbitrary: host });
  const drop = fc.constantFrom(...names).map((name) => ({ kind: 'drop' as const, name }));
  const change = fc
    .tuple(
      fc.constantFrom(...names),
      fc.constantFrom('', '"*"', 'W/"x"', 'text/html', 'application/json', 'x'),
    )
    .map(([name, value]) => ({ kind: 'change' as const, name, value }));
  return fc.oneof(
    { weight: 4, arbitrary: amz },
    { weight: 3, arbitrary: host },
    { weight: 1, arbitrary: drop },
    { weight: 2, arbitrary: change },
  );
}

function apply(base: Record<string, string>, v: Variant): Record<string, string> {
  const headers = { ...base };
  if (v.kind === 'amz') for (const [k, value] of v.headers) headers[k] = value;
  if (v.kind === 'host') headers.host = v.host;
  if (v.kind === 'drop') delete headers[v.name];
  if (v.kind === 'change' && headers[v.name] !== v.value) headers[v.name] = v.value;
  return headers;
}

/** Sends `runs` variants of the PUT to `path`; returns the status counts and any failures. */
async function fuzz(path: string, headers: Record<string, string>, body: Uint8Array, s: number) {
  const signed = (new URL(path, 'http://x').searchParams.get('X-Amz-SignedHeaders') ?? '').split(
    ';',
  );
  const counts: Record<string, number> = {};
  const failures: string[] = [];
  for (const v of fc.sample(variants(signed), { seed: s, numRuns: runsPerTarget })) {
    const sent = apply(headers, v);
    if (v.kind === 'change' && sent[v.name] === headers[v.name]) continue;
    const res = await raw(t.portal.url, { method: 'PUT', path, headers: sent, body });
    counts[res.status] = (counts[res.status] ?? 0) + 1;
    const expected = v.kind === 'host' ? [421] : [403];
    if (!expected.includes(res.status)) failures.push(`${res.status} ${JSON.stringify(v)}`);
    if (/xml|NoSuch|Bucket|Key|Size|s3rver/i.test(res.body)) failures.push(`leak ${res.body}`);
  }
  return { counts, failures };
}

describe('upload URL fuzzer (headers and Host)', () => {
  it('stores nothing for any variant of a single PUT; the URL as issued works once', async () => {
    const { token } = await invitedAssessment(t, proc);
    const body = sampleJsonl(20);
    const upload = await register(t, token, body);
    const url = new URL(upload.uploadUrl);
    const path = `${url.pathname}${url.search}`;
    const key = url.pathname.split('/').slice(3).join('/');
    const { counts, failures } = await fuzz(path, upload.uploadHeaders, Buffer.from(body), seed);
    const bucket = t.portal.deps.config.SAMPLES_BUCKET;
    expect(await t.portal.deps.blobs.head(bucket, key)).toBeUndefined();
    const ok = await raw(t.portal.url, {
      method: 'PUT',
      path,
      headers: upload.uploadHeaders,
      body,
    });
    expect(ok.status).toBe(200);
    const again = await raw(t.portal.url, {
      method: 'PUT',
      path,
      headers: upload.uploadHeaders,
      body,
    });
    expect([403, 412]).toContain(again.status);
    await t.portal.idle();
    console.log(`upload fuzzer (single PUT): ${JSON.stringify({ seed, requests: counts })}`);
    expect(failures).toEqual([]);
  }, 120_000);

  it('stores no part for any variant of an UploadPart; the part URL as issued works', async () => {
    const { token } = await invitedAssessment(t, proc);
    const file = Buffer.alloc(12 * MiB, 0x61);
    const reg = await registerBig(t, token, file);
    const [part] = (await partUrls(t, token, reg.sampleId, [3])).parts;
    if (!part) throw new Error('no part URL');
    const url = new URL(part.url);
    const path = `${url.pathname}${url.search}`;
    const bytes = file.subarray(0, part.sizeBytes);
    const { counts, failures } = await fuzz(path, {}, bytes, seed + 1);
    const target = {
      bucket: t.portal.deps.config.SAMPLES_BUCKET,
      key: url.pathname.split('/').slice(3).join('/'),
      uploadId: reg.upload.uploadId,
    };
    expect(await t.portal.deps.multipart.listParts(target)).toEqual([]);
    expect((await raw(t.portal.url, { method: 'PUT', path, body: bytes })).status).toBe(200);
    console.log(
      `upload fuzzer (UploadPart): ${JSON.stringify({ seed: seed + 1, requests: counts })}`,
    );
    expect(failures).toEqual([]);
  }, 120_000);
});
