import { describe, expect, it } from 'vitest';
import { canonicalJson, verifyReportHash, withHash } from '../../../functions/core/scoring';
import { loadAnswers, run } from './inputs';
import { makeAnalysis } from './make-analysis';

const report = run(loadAnswers('honest-vendor'), { training: makeAnalysis() });

describe('report hash', () => {
  it('serializes objects the same way whatever their key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
  });

  it('fills sha256 with the SHA-256 of the report and verifies it', () => {
    const hashed = withHash(report);
    expect(hashed.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyReportHash(hashed)).toBe(true);
    expect(withHash(hashed).sha256).toBe(hashed.sha256);
  });

  it('detects a report changed after hashing', () => {
    const hashed = withHash(report);
    const tampered = { ...hashed, risk: { ...hashed.risk, score: hashed.risk.score + 1 } };
    expect(verifyReportHash(tampered)).toBe(false);
    expect(verifyReportHash(report)).toBe(false);
  });
});
