import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignedBundle, verifySignedBundle } from '../../functions/core/report';
import type { KeySet } from '../../functions/core/signing';
import { rotateLocalKey } from '../../functions/signing/local-keys';
import { localKeyDir } from '../../functions/signing/report-keys';
import { crateRows } from '../fixtures/crate-rows';
import { invitedAssessment, json, startWithStaff, type TestPortal } from './harness';
import { deliverTrainingJsonl } from './upload-helpers';

let t: TestPortal;
let gov: string;
let id: string;
let latest: number;
beforeAll(async () => {
  let proc: string;
  ({ t, proc, gov } = await startWithStaff({ MAX_SAMPLE_BYTES: '1000000' }));
  const a = await invitedAssessment(t, proc);
  id = a.id;
  await deliverTrainingJsonl(t, a.token, `${crateRows(0, 120)}\n`);
  const decided = await t.call('POST', `/api/assessments/${id}/decision`, {
    token: gov,
    body: { decision: 'approve', comment: 'Measured as claimed.' },
  });
  expect(decided.status, await decided.clone().text()).toBe(200);
  const versions = await json<{ items: { version: number }[] }>(
    t.call('GET', `/api/assessments/${id}/reports`, { token: gov }),
  );
  latest = Math.max(...versions.items.map((v) => v.version));
});
afterAll(async () => {
  await t.stop();
});

const bundle = async (version: number) => {
  const res = await t.call('GET', `/api/assessments/${id}/reports/${version}/bundle`, {
    token: gov,
  });
  expect(res.status).toBe(200);
  return json<SignedBundle>(res);
};
const jwks = async () => {
  const res = await t.call('GET', '/.well-known/diligence-keys.json');
  expect(res.status).toBe(200);
  return { res, keys: await json<KeySet>(res) };
};

describe('signed report bundles through the portal', () => {
  it('serves the JWKS without sign-in, cacheable, public keys only', async () => {
    const { res, keys } = await jwks();
    expect(res.headers.get('cache-control')).toContain('max-age=300');
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(keys.keys).toHaveLength(1);
    expect(keys.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(JSON.stringify(keys)).not.toContain('"d"');
  });

  it("signs the decided version's bundle with the decision, the organization and the sample hash", async () => {
    const b = await bundle(latest);
    expect(b.assessment.decision?.decision).toBe('approve');
    expect(b.organization.id).toBe('demo');
    expect(b.samples[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(verifySignedBundle(b, (await jwks()).keys)).toMatchObject({ ok: true, version: latest });
    // An undecided version has a signed bundle too.
    const first = await bundle(1);
    expect(first.assessment.decision).toBeUndefined();
    expect(verifySignedBundle(first, (await jwks()).keys)).toMatchObject({ ok: true, version: 1 });
  });

  it('keeps old bundles verifiable after a key rotation; new bundles name the new key', async () => {
    const old = await bundle(latest);
    const rotated = await rotateLocalKey(localKeyDir(t.dataDir));
    const { keys } = await jwks();
    expect(keys.keys.map((k) => k.kid)).toEqual([old.signature.kid, rotated.kid]);
    const fresh = await bundle(latest);
    expect(fresh.signature.kid).toBe(rotated.kid);
    expect(verifySignedBundle(old, keys)).toMatchObject({ ok: true });
    expect(verifySignedBundle(fresh, keys)).toMatchObject({ ok: true });
    const changed = { ...fresh, organization: { id: 'other-org' } };
    expect(verifySignedBundle(changed, keys)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^signature does not match/),
    });
  });
});
