import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { claimEvidence, defaultPolicy, policyDocs } from '../../../functions/core/scoring';

describe('README', () => {
  it('documents every default weight, threshold, tolerance and tier as the code has them', async () => {
    const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
    const rows: [string, number][] = [
      ...Object.entries(defaultPolicy.weights),
      ...Object.entries(defaultPolicy.thresholds),
      ...Object.entries(defaultPolicy.tolerances),
      ...Object.entries(defaultPolicy.tiers),
    ];
    for (const [key, value] of rows) expect(readme, key).toContain(`| \`${key}\` | ${value} |`);
    for (const factor of policyDocs.factors)
      expect(readme, factor.id).toContain(`| \`${factor.id}\` |`);
    for (const [id, strengths] of Object.entries(claimEvidence))
      expect(readme, id).toContain(`| \`${id}\` | ${strengths.join(', ')} |`);
  });
});
