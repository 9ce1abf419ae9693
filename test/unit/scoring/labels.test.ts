import { describe, expect, it } from 'vitest';
import { factorCatalog, policyDocs } from '../../../functions/core/scoring';
import {
  factorNames,
  thresholdLabels,
  tierLabels,
  toleranceLabels,
} from '../../../functions/core/scoring/labels';

const internal = /[a-z][A-Z]|_/;

describe('scoring labels', () => {
  it('names every factor of the catalogue and every weight, in plain words', () => {
    const ids = [...factorCatalog.map((f) => f.id), ...policyDocs.weights.map((w) => w.key)];
    for (const id of ids) {
      expect(factorNames[id], id).toBeTruthy();
      expect(factorNames[id], id).not.toMatch(internal);
    }
  });

  it('labels every threshold, tolerance and tier of the policy', () => {
    const sets: [readonly { key: string }[], Record<string, string>][] = [
      [policyDocs.thresholds, thresholdLabels],
      [policyDocs.tolerances, toleranceLabels],
      [policyDocs.tiers, tierLabels],
    ];
    for (const [docs, labels] of sets) {
      for (const { key } of docs) {
        expect(labels[key], key).toBeTruthy();
        expect(labels[key], key).not.toMatch(internal);
      }
    }
  });
});
