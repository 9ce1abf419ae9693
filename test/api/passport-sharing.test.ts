import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../functions/cli/main';
import { verifyPassport } from '../../functions/core/report/passport-verify';
import type { KeySet } from '../../functions/core/signing';
import { crateRows } from '../fixtures/crate-rows';
import { invitedAssessment, json, startWithStaff, type TestPortal } from './harness';
import { deliverTrainingJsonl } from './upload-helpers';

let t: TestPortal;
let proc: string;
let gov: string;
let admin: string;
let vendor: string;
let id: string;
beforeAll(async () => {
  ({ t, proc, gov, admin } = await startWithStaff({ MAX_SAMPLE_BYTES: '1000000' }));
  const a = await invitedAssessment(t, proc);
  ({ id, token: vendor } = a);
  await deliverTrainingJsonl(t, a.token, `${crateRows(0, 120)}\n`);
  const decided = await t.call('POST', `/api/assessments/${id}/decision`, {
    token: gov,
    body: { decision: 'approve', comment: 'Measured as claimed.' },
  });
  expect(decided.status, await decided.clone().text()).toBe(200);
});
afterAll(async () => {
  await t.stop();
});

async function setPassportPolicy(passport: unknown) {
  const current = await json<{ version: number }>(t.call('GET', '/api/policy', { token: admin }));
  const res = await t.call('PUT', '/api/policy', {
    token: admin,
    body: { policy: { passport }, version: current.version, reason: 'Passport sharing.' },
  });
  expect(res.status, await res.clone().text()).toBe(200);
}
/** `npx diligence verify <passport> --keys <jwks>` on files, as someone without the portal runs it. */
async function cliVerify(passport: unknown, jwks: KeySet) {
  const dir = mkdtempSync(join(tmpdir(), 'passport-cli-'));
  writeFileSync(join(dir, 'passport.json'), JSON.stringify(passport));
  writeFileSync(join(dir, 'keys.json'), JSON.stringify(jwks));
  const out: string[] = [];
  const code = await main(
    ['verify', join(dir, 'passport.json'), '--keys', join(dir, 'keys.json')],
    {
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => out.push(s) },
      isTTY: false,
    },
  );
  return { code, text: out.join('') };
}
const keys = async () => json<KeySet>(t.call('GET', '/.well-known/diligence-keys.json'));
const share = async () => {
  const res = await t.call('POST', '/api/vendor/passport', { token: vendor });
  expect(res.status, await res.clone().text()).toBe(201);
  return json<{ token: string; url: string; pageUrl: string }>(res);
};

describe('passports a vendor shares', () => {
  it('are off by default: 403 saying the buyer has not allowed sharing', async () => {
    const state = await json<{ vendorMayShare: boolean; approved: boolean; live: boolean }>(
      t.call('GET', '/api/vendor/passport', { token: vendor }),
    );
    expect(state).toMatchObject({ vendorMayShare: false, approved: true, live: false });
    const res = await t.call('POST', '/api/vendor/passport', { token: vendor });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await json<{ detail: string }>(res)).detail).toMatch(/buyer has not allowed sharing/);
  });

  it('rejects a policy value that is not a boolean, saying where', async () => {
    const current = await json<{ version: number }>(t.call('GET', '/api/policy', { token: admin }));
    const res = await t.call('PUT', '/api/policy', {
      token: admin,
      body: {
        policy: { passport: { vendorMayShare: 'yes' } },
        version: current.version,
        reason: 'Try sharing.',
      },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('passport.vendorMayShare');
  });

  it('when allowed, makes a link whose signed summary verifies, without framework statuses', async () => {
    await setPassportPolicy({ vendorMayShare: true });
    const versions = await json<{ items: { passportChanged: boolean }[] }>(
      t.call('GET', '/api/policy/versions', { token: admin }),
    );
    expect(versions.items[0]?.passportChanged).toBe(true);
    const link = await share();
    expect(link.pageUrl).toContain(`/passport#token=${link.token}`);
    const open = await t.call('GET', `/api/passports/${link.token}`);
    expect(open.status).toBe(200);
    const passport = await json<Record<string, unknown>>(open);
    expect(passport.frameworks).toBeUndefined();
    expect(JSON.stringify(passport)).not.toContain('answers');
    expect(verifyPassport(passport, await keys())).toMatchObject({ ok: true });
    const events = await json<{ items: { type: string; role: string }[] }>(
      t.call('GET', `/api/assessments/${id}/events`, { token: proc }),
    );
    expect(events.items).toContainEqual(
      expect.objectContaining({ type: 'passport_created', role: 'vendor' }),
    );
  });

  it('carries signed framework statuses (no evidence) only when the buyer includes them', async () => {
    await setPassportPolicy({ vendorMayShare: true, includeFrameworks: true });
    const link = await share();
    const passport = await json<{ frameworks?: { id: string; items: object[] }[] }>(
      t.call('GET', `/api/passports/${link.token}`),
    );
    expect(passport.frameworks?.map((f) => f.id)).toContain('ca-ab2013');
    const item = passport.frameworks?.[0]?.items[0] as Record<string, unknown>;
    expect(Object.keys(item).sort()).toEqual(['id', 'ref', 'status', 'title']);
    expect(verifyPassport(passport, await keys())).toMatchObject({ ok: true });
    const tampered = structuredClone(passport) as { frameworks: { items: { status: string }[] }[] };
    const first = tampered.frameworks[0]?.items[0];
    if (first) first.status = first.status === 'contradicted' ? 'answered' : 'contradicted';
    expect(verifyPassport(tampered, await keys())).toMatchObject({ ok: false });
    expect((await cliVerify(passport, await keys())).code).toBe(0);
    const cliTampered = await cliVerify(tampered, await keys());
    expect(cliTampered.code).not.toBe(0);
    expect(cliTampered.text).toMatch(/signature/);
  });

  it('revoked by the vendor: the public link answers 404 and the trail says who', async () => {
    const link = await share();
    expect((await t.call('DELETE', '/api/vendor/passport', { token: vendor })).status).toBe(204);
    const gone = await t.call('GET', `/api/passports/${link.token}`);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain('revoked');
    expect((await t.call('DELETE', '/api/vendor/passport', { token: vendor })).status).toBe(404);
    const events = await json<{ items: { type: string }[] }>(
      t.call('GET', `/api/assessments/${id}/events`, { token: proc }),
    );
    expect(events.items.map((e) => e.type)).toContain('passport_revoked');
  });

  it("stops a vendor's live link when the buyer stops allowing sharing", async () => {
    const link = await share();
    await setPassportPolicy({ vendorMayShare: false });
    expect((await t.call('GET', `/api/passports/${link.token}`)).status).toBe(404);
    // a link the buyer's staff made is the buyer's own decision and keeps working
    const staffLink = await json<{ token: string }>(
      t.call('POST', `/api/assessments/${id}/passport`, { token: gov }),
    );
    expect((await t.call('GET', `/api/passports/${staffLink.token}`)).status).toBe(200);
    const state = await json<{ live: boolean }>(
      t.call('GET', `/api/assessments/${id}/passport`, { token: proc }),
    );
    expect(state.live).toBe(true);
  });

  it('is scoped to the organization: another organization cannot see or revoke it', async () => {
    const other = await t.staff('governance', 'other', 'olga@other.test');
    const res = await t.call('GET', `/api/assessments/${id}/passport`, { token: other });
    expect(res.status).toBe(404);
    expect(
      (await t.call('DELETE', `/api/assessments/${id}/passport`, { token: other })).status,
    ).toBe(404);
  });

  it('refuses a vendor whose assessment is not approved, even when sharing is allowed', async () => {
    await setPassportPolicy({ vendorMayShare: true });
    const pending = await invitedAssessment(t, proc);
    const res = await t.call('POST', '/api/vendor/passport', { token: pending.token });
    expect(res.status).toBe(409);
    expect((await json<{ detail: string }>(res)).detail).toMatch(/approved/);
  });
});
