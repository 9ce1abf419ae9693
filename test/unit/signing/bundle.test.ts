import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  matchSample,
  type SignedBundle,
  signedBundle,
  verifyReport,
  verifySignedBundle,
} from '../../../functions/core/report';
import { reportHash } from '../../../functions/core/scoring';
import type { ReportKeys } from '../../../functions/core/signing';
import { localReportKeys, rotateLocalKey } from '../../../functions/signing/local-keys';
import { approvedAssessment, reportWithSample } from './fixtures';

const SAMPLE = 'ab'.repeat(32);
let dir: string;
let keys: ReportKeys;
let now = new Date('2026-11-25T09:00:00.000Z');
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'diligence-keys-'));
  keys = localReportKeys(dir, () => now);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function decidedBundle(issuedAt = now): Promise<SignedBundle> {
  const report = reportWithSample(SAMPLE);
  return signedBundle(
    {
      report,
      assessment: approvedAssessment(),
      decision: {
        record: { decision: 'approve', by: 'g', at: '2026-11-20T10:00:00.000Z', comments: [] },
        version: 2,
      },
      issuedAt,
    },
    await keys.signer(),
  );
}

describe('signed report bundles', () => {
  it("verifies a decided report's bundle against the JWKS", async () => {
    const bundle = await decidedBundle();
    expect(bundle.assessment.decision).toEqual({
      decision: 'approve',
      at: '2026-11-20T10:00:00.000Z',
    });
    expect(bundle.samples).toEqual([
      expect.objectContaining({ sampleId: 'smp-1', sha256: SAMPLE, role: 'training' }),
    ]);
    const verdict = verifySignedBundle(JSON.parse(JSON.stringify(bundle)), await keys.published());
    expect(verdict).toMatchObject({ ok: true, version: 2, organizationId: 'org-buyer' });
    // The report inside still passes its own integrity check.
    expect(verifyReport(bundle)).toMatchObject({ ok: true, version: 2 });
  });

  it('keeps the private key file to its owner and makes one key for two first signers', async () => {
    const [a, b] = await Promise.all([keys.signer(), localReportKeys(dir).signer()]);
    expect(a.kid).toBe(b.kid);
    expect((await keys.published()).keys).toHaveLength(1);
    expect((await stat(join(dir, '0001.json'))).mode & 0o777).toBe(0o600);
  });

  it('fails, saying why, when the score, version, organization or a sample hash changed', async () => {
    const jwks = await keys.published();
    const bundle = await decidedBundle();
    const tampered = (change: (b: SignedBundle) => void) => {
      const copy = structuredClone(bundle);
      change(copy);
      const verdict = verifySignedBundle(copy, jwks);
      expect(verdict.ok).toBe(false);
      return verdict.ok ? '' : verdict.problem;
    };
    expect(tampered((b) => (b.report.risk.score = 3))).toMatch(/^report: the report was changed/);
    // An attacker who recomputes the report's SHA-256 still breaks the signature.
    expect(
      tampered((b) => {
        b.report.risk.score = 3;
        const { version: _v, ...body } = b.report;
        b.report.sha256 = reportHash(body);
      }),
    ).toMatch(/^signature does not match: the bundle was changed after signing/);
    expect(tampered((b) => (b.version = 3))).toMatch(/^version: the bundle says 3/);
    expect(
      tampered((b) => {
        b.version = 3;
        b.report.version = 3;
      }),
    ).toMatch(/^signature does not match/);
    expect(tampered((b) => (b.organization.id = 'org-other'))).toMatch(/^signature does not match/);
    expect(
      tampered((b) => ((b.samples[0] as { sha256: string }).sha256 = 'cd'.repeat(32))),
    ).toMatch(/^sample hash differs/);
    expect(tampered((b) => (b.issuedAt = '2026-11-26T00:00:00.000Z'))).toMatch(/^signature/);
    expect(tampered((b) => (b.signature.kid = 'someone-else'))).toMatch(
      /key someone-else is not in the JWKS/,
    );
  });

  it('verifies old bundles after a rotation, and signs new ones with the new key', async () => {
    const old = await decidedBundle();
    now = new Date('2026-11-26T09:00:00.000Z');
    const rotated = await rotateLocalKey(dir, now);
    const fresh = await decidedBundle();
    expect(fresh.signature.kid).toBe(rotated.kid);
    expect(fresh.signature.kid).not.toBe(old.signature.kid);
    const jwks = await keys.published();
    expect(jwks.keys.map((k) => k.kid)).toEqual([old.signature.kid, rotated.kid]);
    expect(jwks.keys[0]?.notAfter).toBe(now.toISOString());
    expect(jwks.keys.every((k) => !('d' in k))).toBe(true);
    expect(verifySignedBundle(old, jwks)).toMatchObject({ ok: true, kid: old.signature.kid });
    expect(verifySignedBundle(fresh, jwks)).toMatchObject({ ok: true, kid: rotated.kid });
    // The retired key cannot vouch for a bundle issued after it was retired.
    const late = await signedBundle(
      {
        report: old.report,
        assessment: approvedAssessment(),
        issuedAt: new Date('2026-11-27T00:00:00.000Z'),
      },
      await localReportKeys(join(dir, 'none')).signer(),
    );
    expect(verifySignedBundle(late, jwks)).toMatchObject({ ok: false });
    const retired = jwks.keys[0];
    if (!retired) throw new Error('no key');
    const misdated = { ...old, issuedAt: '2026-11-27T00:00:00.000Z' };
    expect(verifySignedBundle(misdated, jwks)).toMatchObject({
      ok: false,
      problem: expect.stringContaining(`key ${retired.kid} was retired`),
    });
  });

  it('matches a sample file by its hash, or says the hash differs', () => {
    const samples = [
      { sampleId: 's', role: 'training' as const, fileName: 'a.jsonl', records: 1, sha256: SAMPLE },
      {
        sampleId: 't',
        role: 'holdout' as const,
        fileName: 'b.jsonl',
        records: 1,
        treeHash: 'ef'.repeat(32),
        hashMethod: 'sha256-tree; range-bytes=100',
      },
    ];
    expect(matchSample(samples, { sha256: SAMPLE, tree: {} })).toMatchObject({ ok: true });
    expect(
      matchSample(samples, {
        sha256: '00',
        tree: { 'sha256-tree; range-bytes=100': 'ef'.repeat(32) },
      }),
    ).toMatchObject({ ok: true, sample: { sampleId: 't' } });
    expect(matchSample(samples, { sha256: '00', tree: {} })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^sample hash differs/),
    });
  });
});
