import { describe, expect, it } from 'vitest';
import {
  defaultPolicy,
  defaultWeights,
  factorCatalog,
  policyDocs,
  policySchema,
} from '../../../functions/core/scoring';

describe('policy', () => {
  it('ships a frozen default policy, version 0, named "default"', () => {
    expect(defaultPolicy.version).toBe(0);
    expect(defaultPolicy.name).toBe('default');
    expect(Object.isFrozen(defaultPolicy.weights)).toBe(true);
    expect(defaultPolicy.weights.real_data_replaced).toBe(35);
  });

  it('makes replacement of real data the largest single weight', () => {
    const largest = Math.max(...Object.values(defaultPolicy.weights));
    expect(defaultPolicy.weights.real_data_replaced).toBe(largest);
  });

  it('fills what an organization leaves out with the defaults', () => {
    const policy = policySchema.parse({
      version: 4,
      weights: { synthetic_share: 25 },
      tiers: { critical: 80 },
    });
    expect(policy.weights.synthetic_share).toBe(25);
    expect(policy.weights.no_sample).toBe(defaultPolicy.weights.no_sample);
    expect(policy.tiers).toEqual({ moderate: 25, high: 50, critical: 80 });
    expect(policy.tolerances).toEqual(defaultPolicy.tolerances);
  });

  it('rejects unknown keys, negative weights and tiers that do not rise', () => {
    expect(policySchema.safeParse({ weights: { synthetic_shares: 5 } }).success).toBe(false);
    expect(policySchema.safeParse({ weights: { no_sample: -1 } }).success).toBe(false);
    expect(policySchema.safeParse({ tiers: { moderate: 60 } }).success).toBe(false);
    expect(policySchema.safeParse({ thresholds: { holdoutFreshMonths: 30 } }).success).toBe(false);
    expect(policySchema.safeParse({ extra: true }).success).toBe(false);
  });
});

describe('policyDocs', () => {
  it('documents every factor with a default weight, formula, reason and remediation', () => {
    expect(policyDocs.factors).toHaveLength(factorCatalog.length);
    for (const f of policyDocs.factors) {
      expect(f.defaultPoints, f.id).toBe(defaultWeights[f.weight]);
      expect(f.formula.length, f.id).toBeGreaterThan(10);
      expect(f.reason.length, f.id).toBeGreaterThan(10);
      expect(f.remediation.length, f.id).toBeGreaterThan(10);
    }
  });

  it('uses every weight of the policy for at least one factor', () => {
    const used = new Set(policyDocs.factors.map((f) => f.weight));
    for (const key of Object.keys(defaultWeights))
      expect(used.has(key as keyof typeof defaultWeights), key).toBe(true);
  });

  it('gives a reason for every weight, threshold, tolerance and tier', () => {
    expect(policyDocs.weights.map((t) => t.key).sort()).toEqual(
      Object.keys(defaultPolicy.weights).sort(),
    );
    expect(policyDocs.thresholds.map((t) => t.key).sort()).toEqual(
      Object.keys(defaultPolicy.thresholds).sort(),
    );
    expect(policyDocs.tolerances.map((t) => t.key).sort()).toEqual(
      Object.keys(defaultPolicy.tolerances).sort(),
    );
    expect(policyDocs.tiers.map((t) => t.key)).toEqual(['moderate', 'high', 'critical']);
    for (const row of [
      ...policyDocs.weights,
      ...policyDocs.thresholds,
      ...policyDocs.tolerances,
      ...policyDocs.tiers,
    ]) {
      expect(row.reason.length, row.key).toBeGreaterThan(10);
    }
  });
});
