import { beforeAll, describe, expect, it } from 'vitest';
import { type AnalysisPartial, finalize, foldSource } from '../../functions/core/analysis';
import {
  drawSpotCheck,
  estimateSpotCheck,
  SPOT_CHECK_DEFAULT_SIZE,
  type SpotStratum,
} from '../../functions/core/analysis/spot-check';
import {
  createPool,
  offerToPool,
  spotPriority,
} from '../../functions/core/analysis/spot-check/pool';
import { type Corpus, DATA_DIR, hasData, loadCorpora } from '../../scripts/style-model/corpora';

const present = hasData();
if (!present) console.warn(`Spot-check coverage tests SKIPPED: ${DATA_DIR} does not exist.`);

const DRAWS = 200;
const MACHINE_SHARE = 0.3;

interface Mixed {
  name: string;
  machine: boolean[];
  partial: AnalysisPartial;
  recordStrata: (number | null)[];
  strata: SpotStratum[];
}

/** Human records of a domain plus machine records of the same domain at 30 % of the file. */
async function mix(name: string, human: Corpus[], machine: Corpus[]): Promise<Mixed> {
  const h = human.flatMap((c) => c.texts);
  const pool = machine.flatMap((c) => c.texts);
  const m = Math.round((h.length * MACHINE_SHARE) / (1 - MACHINE_SHARE));
  // spread the machine records through the file, deterministically
  const rows: { text: string; machine: boolean }[] = h.map((text) => ({ text, machine: false }));
  for (let i = 0; i < m; i++) {
    const text = pool[Math.floor((i * pool.length) / m)] as string;
    rows.splice(Math.floor((i * rows.length) / m), 0, { text, machine: true });
  }
  const body = new TextEncoder().encode(rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
  const recordStrata: (number | null)[] = [];
  const partial = await foldSource(
    (async function* () {
      yield body;
    })(),
    {
      fileName: `${name}.jsonl`,
      fields: { text: 'text' },
      onStratum: (record, stratum) => {
        recordStrata[record] = stratum;
      },
    },
  );
  const strata = finalize(partial).spotCheck?.strata ?? [];
  return { name, machine: rows.map((r) => r.machine), partial, recordStrata, strata };
}

/**
 * One simulated spot-check: the pool the fold would keep under `key` (every record here is
 * distinct, so a keyed hash of the record index draws like the keyed hash of its content), the
 * real draw of 100 records, tags from the corpus labels, the real estimate.
 */
function simulate(m: Mixed, key: string) {
  const pool = createPool(key);
  m.recordStrata.forEach((stratum, index) => {
    if (stratum === null) return;
    offerToPool(pool, stratum, { index, priority: spotPriority(key, index, 0x5107) }, () => '');
  });
  const drawn = drawSpotCheck({ ...m.partial, spotPool: pool }, SPOT_CHECK_DEFAULT_SIZE);
  const tags = drawn.map((r) => ({
    stratum: r.stratum,
    tag: m.machine[r.index] ? ('machine' as const) : ('human' as const),
  }));
  return estimateSpotCheck(m.strata, tags);
}

describe.skipIf(!present)('the spot-check interval on ../shared/data mixed at 30 % machine', () => {
  let mixes: Mixed[];
  beforeAll(async () => {
    const corpora = loadCorpora();
    const of = (domain: string, machine: boolean) =>
      corpora.filter((c) => c.domain.startsWith(domain) && c.machine === machine);
    mixes = [
      await mix('gsm8k', of('gsm8k', false), of('gsm8k', true)),
      await mix('self-instruct', of('self-instruct', false), of('self-instruct', true)),
      await mix('m4', of('m4', false), of('m4', true)),
    ];
  }, 120_000);

  it(`covers the true share in at least 92 % of ${DRAWS} draws of 100 records`, () => {
    const rows: string[] = [];
    for (const m of mixes) {
      const text = m.recordStrata.map((s, i) => (s === null ? null : m.machine[i]));
      const truth = text.filter((x) => x === true).length / text.filter((x) => x !== null).length;
      let covered = 0;
      let width = 0;
      let error = 0;
      for (let d = 0; d < DRAWS; d++) {
        const e = simulate(m, `draw ${d}`);
        if (e.interval[0] <= truth && truth <= e.interval[1]) covered++;
        width += e.interval[1] - e.interval[0];
        error += Math.abs(e.share - truth);
        expect(e.reviewed).toBe(SPOT_CHECK_DEFAULT_SIZE);
      }
      const sizes = m.strata.map((s) => s.records).join('/');
      rows.push(
        `${m.name}: ${m.machine.length} records (strata ${sizes}), truth ${truth.toFixed(3)}, ` +
          `coverage ${(covered / DRAWS).toFixed(3)}, mean width ${(width / DRAWS).toFixed(3)}, ` +
          `mean |error| ${(error / DRAWS).toFixed(3)}`,
      );
      expect(covered / DRAWS, m.name).toBeGreaterThanOrEqual(0.92);
      // an interval that covers by being useless would pass the line above: bound its width
      expect(width / DRAWS, m.name).toBeLessThan(0.3);
    }
    console.log(`spot-check coverage at 100 records, ${DRAWS} draws:\n${rows.join('\n')}`);
  }, 120_000);
});
