import { beforeAll, describe, expect, it } from 'vitest';
import { SPOT_CHECK_DEFAULT_SIZE } from '../../functions/core/analysis/spot-check';
import { DATA_DIR, hasData, loadCorpora } from '../../scripts/style-model/corpora';
import {
  type FoldedSample,
  foldLabelled,
  mixTexts,
  simulateSpotCheck,
  spotCheckCoverage,
} from '../../scripts/style-model/spot-check-sim';

const present = hasData();
if (!present) console.warn(`Spot-check coverage tests SKIPPED: ${DATA_DIR} does not exist.`);

const DRAWS = 200;

describe.skipIf(!present)('the spot-check interval on ../shared/data mixed at 30 % machine', () => {
  let samples: [string, FoldedSample][];
  beforeAll(async () => {
    const corpora = loadCorpora();
    const texts = (domain: string, machine: boolean) =>
      corpora
        .filter((c) => c.domain.startsWith(domain) && c.machine === machine)
        .flatMap((c) => c.texts);
    samples = [];
    for (const domain of ['gsm8k', 'self-instruct', 'm4']) {
      const mixed = mixTexts(texts(domain, false), texts(domain, true), 0.3);
      samples.push([domain, await foldLabelled(mixed, domain)]);
    }
  }, 120_000);

  it(`covers the true share in at least 92 % of ${DRAWS} draws of 100 records`, () => {
    const rows: string[] = [];
    for (const [name, s] of samples) {
      expect(s.truth, name).toBeCloseTo(0.3, 2);
      expect(simulateSpotCheck(s, 'one', SPOT_CHECK_DEFAULT_SIZE).reviewed).toBe(100);
      const c = spotCheckCoverage(s, DRAWS, SPOT_CHECK_DEFAULT_SIZE);
      rows.push(
        `${name}: ${s.records.length} records (strata ${s.strata.map((x) => x.records).join('/')}), ` +
          `coverage ${c.coverage.toFixed(3)}, mean width ${c.width.toFixed(3)}, mean |error| ${c.error.toFixed(3)}`,
      );
      expect(c.coverage, name).toBeGreaterThanOrEqual(0.92);
      // an interval that covers by being useless would pass the line above: bound its width
      expect(c.width, name).toBeLessThan(0.3);
    }
    console.log(`spot-check at 100 records, ${DRAWS} draws:\n${rows.join('\n')}`);
  }, 120_000);
});

describe.skipIf(!present)('the simulated spot-check column of the validation', () => {
  it('publishes the table the script prints, no worse than its figures', async () => {
    const { readFileSync } = await import('node:fs');
    const { formatSpotCheckTable, spotCheckValidation } = await import(
      '../../scripts/style-model/spot-check-table'
    );
    const table = await spotCheckValidation(loadCorpora());
    const readme = readFileSync('docs/analyzer.md', 'utf8');
    const published =
      /<!-- spot-check-table:start -->\n([\s\S]*?)\n<!-- spot-check-table:end -->/.exec(readme);
    expect(published?.[1], 'docs/analyzer.md table').toBe(formatSpotCheckTable(table));
    // the published figures, restated so a change to both docs/analyzer.md and code still has to pass
    expect(table.mae).toBeLessThanOrEqual(0.02);
    expect(table.worst).toBeLessThanOrEqual(0.1);
    expect(table.covered).toBeGreaterThanOrEqual(table.rows.length - 1);
    expect(table.humanFlagged).toBe(0);
  }, 120_000);
});
