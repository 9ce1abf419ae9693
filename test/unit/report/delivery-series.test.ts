import { beforeAll, describe, expect, it } from 'vitest';
import { type AnalysisPartial, finalize } from '../../../functions/core/analysis';
import {
  compareDeliveries,
  type DeliveryComparison,
} from '../../../functions/core/analysis/compare';
import { aiTrainingDataV1 } from '../../../functions/core/questionnaire';
import {
  buildDeliverySeries,
  type DeliveryAssessment,
  deliveryChains,
  type StoredReport,
  type VersionedReport,
} from '../../../functions/core/report';
import { defaultPolicy, score, withHash } from '../../../functions/core/scoring';
import { foldRecords, uniform } from '../../fixtures/delivery-series';
import { loadAnswers, NOW } from '../scoring/inputs';

const answers = loadAnswers('honest-vendor');
const VOCAB = Array.from({ length: 400 }, (_, i) => `w${i.toString(36)}x${(i * 7) % 13}`);

/** `n` records of 20 seeded random words each (no two alike). */
function records(n: number, seed: number) {
  const next = uniform(seed);
  return Array.from({ length: n }, (_, i) => ({
    text: `${Array.from({ length: 20 }, () => VOCAB[Math.floor(next() * VOCAB.length)]).join(' ')} ${seed}-${i}.`,
  }));
}

const assessment = (
  id: string,
  day: number,
  previous: string | null,
  reportVersion: number | null,
  vendor = 'Acme Data',
): DeliveryAssessment => ({
  id,
  previousAssessmentId: previous,
  vendor: { name: vendor },
  dataset: { name: `${vendor} corpus` },
  createdAt: `2026-0${day}-01T00:00:00.000Z`,
  submittedAt: `2026-0${day}-02T00:00:00.000Z`,
  report: reportVersion === null ? null : { version: reportVersion },
});

let first: AnalysisPartial;
let recycled: AnalysisPartial;
let fresh: AnalysisPartial;
let comparison: DeliveryComparison;
let reports: Map<string, StoredReport>;

function report(
  id: string,
  partial: AnalysisPartial,
  since?: DeliveryComparison,
  previous = '',
): VersionedReport {
  const training = finalize(partial, { now: NOW });
  const scored = score({
    assessmentId: id,
    answers,
    template: aiTrainingDataV1,
    analyses: { training },
    ...(since ? { sinceLastDelivery: { ...since, previousAssessmentId: previous } } : {}),
    policy: defaultPolicy,
    now: NOW,
  });
  return { ...withHash(scored), version: 1 };
}

beforeAll(async () => {
  const a = records(300, 1);
  first = await foldRecords(a);
  // The second delivery recycles half of the first and adds 150 new records.
  recycled = await foldRecords([...a.slice(0, 150), ...records(150, 2)]);
  fresh = await foldRecords(records(300, 3));
  comparison = compareDeliveries(
    { partial: first },
    { partial: recycled },
    {
      thresholds: defaultPolicy.thresholds,
      now: NOW,
    },
  );
  const third = compareDeliveries(
    { partial: recycled },
    { partial: fresh },
    {
      thresholds: defaultPolicy.thresholds,
      now: NOW,
    },
  );
  reports = new Map<string, StoredReport>([
    ['a1', report('a1', first)],
    ['a2', report('a2', recycled, comparison, 'a1')],
    ['a3', report('a3', fresh, third, 'a2')],
    ['b1', { unreadable: 'Its report failed the integrity check, so no measurement is shown.' }],
  ]);
});

const chains = () =>
  deliveryChains([
    assessment('a3', 5, 'a2', 1),
    assessment('b1', 2, null, 1, 'Beta Labs'),
    assessment('a1', 1, null, 1),
    assessment('c1', 3, null, null, 'Cobalt'),
    assessment('a2', 3, 'a1', 1),
  ]);

describe('delivery series builder', () => {
  it('orders each dataset’s deliveries and takes every number from the stored reports', () => {
    const series = buildDeliverySeries(chains(), reports, { maxDeliveries: 12 });
    expect(series.map((s) => s.vendor)).toEqual(['Acme Data', 'Cobalt', 'Beta Labs']);
    const acme = series[0];
    expect(acme?.deliveries.map((d) => [d.number, d.assessmentId])).toEqual([
      [1, 'a1'],
      [2, 'a2'],
      [3, 'a3'],
    ]);
    const [one, two, three] = acme?.deliveries ?? [];
    const analysis = finalize(recycled, { now: NOW });
    expect(one?.sincePrevious).toBeNull();
    expect(two?.records).toBe(300);
    expect(two?.diversity).toEqual({
      distinct2: analysis.diversity.distinct2,
      mattr: analysis.diversity.mattr,
    });
    expect(two?.nearDuplicateRate).toBe(analysis.duplicates.nearRate);
    expect(two?.machineText).toEqual({
      share: analysis.synthetic.estimatedShare,
      interval: analysis.synthetic.interval,
      evidence: 'screening',
    });
    // Half of the second delivery repeats the first: measured overlap ≈ 0.5, flagged degraded.
    expect(two?.sincePrevious?.overlap.nearRate).toBeCloseTo(0.5, 1);
    expect(two?.sincePrevious?.overlap).toEqual(comparison.overlap);
    expect(two?.sincePrevious?.degraded).toBe(true);
    expect(two?.sincePrevious?.findings.map((f) => f.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/repeat records of the previous one/)]),
    );
    const d2 = comparison.changes.find((c) => c.metric === 'diversity.distinct2');
    expect(two?.sincePrevious?.diversity[0]).toEqual({
      measure: 'distinct2',
      previous: d2?.previous,
      current: d2?.current,
      noise: d2?.noise,
    });
    expect(two?.sincePrevious?.riskPoints).toBeGreaterThan(0);
    // A fresh third delivery from the same source is not flagged.
    expect(three?.sincePrevious?.degraded).toBe(false);
    expect(three?.sincePrevious?.riskPoints).toBe(0);
    expect(acme?.degradedCount).toBe(1);
  });

  it('says in words why a delivery has no measurements', () => {
    const series = buildDeliverySeries(chains(), reports, { maxDeliveries: 12 });
    const cobalt = series.find((s) => s.vendor === 'Cobalt')?.deliveries[0];
    expect(cobalt?.notMeasured).toMatch(/No report yet/);
    expect(cobalt?.machineText).toBeNull();
    const beta = series.find((s) => s.vendor === 'Beta Labs')?.deliveries[0];
    expect(beta?.notMeasured).toMatch(/integrity check/);
  });

  it('keeps only the newest deliveries and counts the ones left out', () => {
    const series = buildDeliverySeries(chains(), reports, { maxDeliveries: 2 });
    expect(series[0]?.deliveries.map((d) => d.number)).toEqual([2, 3]);
    expect(series[0]?.omitted).toBe(1);
    expect(series[0]?.degradedCount).toBe(1);
  });

  it('marks a re-assessment whose report has no comparison as not compared', () => {
    const noSince = report('a2', recycled);
    const series = buildDeliverySeries(
      deliveryChains([assessment('a1', 1, null, 1), assessment('a2', 3, 'a1', 1)]),
      new Map([
        ['a1', reports.get('a1') as StoredReport],
        ['a2', noSince],
      ]),
      { maxDeliveries: 12 },
    );
    expect(series[0]?.deliveries[1]?.sincePrevious).toBeNull();
    expect(series[0]?.deliveries[1]?.notCompared).toMatch(/Not compared/);
  });
});
