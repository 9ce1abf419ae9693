import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { claimEvidence, defaultPolicy, policyDocs } from '../../../functions/core/scoring';

describe('docs/scoring.md', () => {
  it('documents every default weight, threshold, tolerance and tier as the code has them', async () => {
    const doc = await readFile(new URL('../../../docs/scoring.md', import.meta.url), 'utf8');
    const rows: [string, number][] = [
      ...Object.entries(defaultPolicy.weights),
      ...Object.entries(defaultPolicy.thresholds),
      ...Object.entries(defaultPolicy.tolerances),
      ...Object.entries(defaultPolicy.tiers),
    ];
    for (const [key, value] of rows) expect(doc, key).toContain(`| \`${key}\` | ${value} |`);
    for (const factor of policyDocs.factors)
      expect(doc, factor.id).toContain(`| \`${factor.id}\` |`);
    for (const [id, strengths] of Object.entries(claimEvidence))
      expect(doc, id).toContain(`| \`${id}\` | ${strengths.join(', ')} |`);
  });
});
