import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLazyApp } from '../../functions/api/lazy-app';
import { type SignedBundle, verifySignedBundle } from '../../functions/core/report';
import { verifyPassport } from '../../functions/core/report/passport-verify';
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
    // Other sites' verifiers may fetch it from a browser.
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
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

describe('the JWKS on the Lambda', () => {
  it('is served without loading the data side', async () => {
    const lazy = createLazyApp(t.portal.deps, async () => {
      throw new Error('the JWKS must not need the data side');
    });
    const res = await lazy.request('/.well-known/diligence-keys.json');
    expect(res.status).toBe(200);
    expect((await json<KeySet>(res)).keys.length).toBeGreaterThan(0);
  });
});

describe('passports', () => {
  it('gives an approved assessment a public, revocable link to its signed summary', async () => {
    const made = await t.call('POST', `/api/assessments/${id}/passport`, { token: gov });
    expect(made.status).toBe(201);
    const { token, url } = await json<{ token: string; url: string }>(made);
    expect(url).toContain(`/api/passports/${token}`);
    const open = await t.call('GET', `/api/passports/${token}`);
    expect(open.status).toBe(200);
    expect(open.headers.get('cache-control')).toBe('no-store');
    const passport = await json<Record<string, unknown>>(open);
    expect(JSON.stringify(passport)).not.toContain('answers');
    const { keys } = await jwks();
    expect(verifyPassport(passport, keys)).toMatchObject({
      ok: true,
      content: {
        assessment: { id, decision: { decision: 'approve' } },
        report: { version: latest },
      },
    });
    const raised = { ...passport, report: { ...(passport.report as object), score: 0 } };
    expect(verifyPassport(raised, keys)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^signature does not match/),
    });
    // A second link revokes the first; revoking stops the second at once.
    const second = await json<{ token: string }>(
      t.call('POST', `/api/assessments/${id}/passport`, { token: gov }),
    );
    expect((await t.call('GET', `/api/passports/${token}`)).status).toBe(404);
    expect((await t.call('GET', `/api/passports/${second.token}`)).status).toBe(200);
    expect((await t.call('DELETE', `/api/assessments/${id}/passport`, { token: gov })).status).toBe(
      204,
    );
    const gone = await t.call('GET', `/api/passports/${second.token}`);
    expect(gone.status).toBe(404);
    expect((await json<{ detail: string }>(gone)).detail).toMatch(/revoked/);
    expect((await t.call('DELETE', `/api/assessments/${id}/passport`, { token: gov })).status).toBe(
      404,
    );
  });

  it('refuses a passport for an assessment that is not approved', async () => {
    const proc = await t.staff('procurement', 'demo', 'pat@demo.test');
    const other = await invitedAssessment(t, proc);
    const res = await t.call('POST', `/api/assessments/${other.id}/passport`, { token: proc });
    expect(res.status).toBe(409);
    expect((await json<{ detail: string }>(res)).detail).toMatch(/approved/);
  });
});
