import type { SinceLastDelivery } from '../../scoring';
import type { VersionedReport } from '../answers';
import { deliveredAt } from './chains';
import type {
  DeliveryAssessment,
  DeliveryPoint,
  DiversityComparison,
  SincePrevious,
} from './types';

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'info'];
const COMPARED: DiversityComparison['measure'][] = ['distinct2', 'mattr'];

/** The equal-budget diversity comparison, the findings (worst first) and the factor's points. */
function sincePrevious(c: SinceLastDelivery, report: VersionedReport): SincePrevious {
  const diversity: DiversityComparison[] = [];
  for (const measure of COMPARED) {
    const m = c.changes.find((x) => x.metric === `diversity.${measure}`);
    if (m && typeof m.previous === 'number' && typeof m.current === 'number')
      diversity.push({ measure, previous: m.previous, current: m.current, noise: m.noise ?? 0 });
  }
  const findings = [...c.findings]
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity))
    .map((f) => ({ severity: f.severity, message: f.message }));
  const riskPoints = report.risk.factors
    .filter((f) => f.id === 'delivery_degradation')
    .reduce((sum, f) => sum + f.points, 0);
  return {
    overlap: { exactRate: c.overlap.exactRate, nearRate: c.overlap.nearRate },
    degraded: c.degraded,
    findings,
    diversity,
    riskPoints,
  };
}

/**
 * One delivery's point of the series from its stored report alone (no sample file is read): the
 * training sample's diversity, machine-text share with its interval, near-duplicate rate, and the
 * report's comparison with the previous delivery. `report` is undefined when there is none yet;
 * `unreadable` says in words why a stored report could not be used.
 */
export function deliveryPoint(
  a: DeliveryAssessment,
  number: number,
  report: VersionedReport | undefined,
  unreadable?: string,
): DeliveryPoint {
  const base = {
    assessmentId: a.id,
    number,
    deliveredAt: deliveredAt(a),
    reportVersion: report?.version ?? a.report?.version ?? null,
  };
  const empty = {
    records: null,
    diversity: null,
    machineText: null,
    nearDuplicateRate: null,
    sincePrevious: null,
  };
  if (!report)
    return {
      ...base,
      ...empty,
      notMeasured: unreadable ?? 'No report yet: nothing delivered or scored.',
    };
  const training = report.samples.find((s) => s.role === 'training');
  const since = report.sinceLastDelivery ? sincePrevious(report.sinceLastDelivery, report) : null;
  const notCompared =
    number > 1 && !since
      ? 'Not compared: this delivery or the previous one has no analyzed training sample.'
      : undefined;
  if (!training)
    return {
      ...base,
      ...empty,
      sincePrevious: since,
      notMeasured: 'No analyzed training sample in this delivery.',
      ...(notCompared ? { notCompared } : {}),
    };
  if (training.images)
    // An archive of images: no text variety and no machine-text estimate to chart.
    return {
      ...base,
      ...empty,
      records: training.input.records,
      nearDuplicateRate: training.duplicates.nearRate,
      sincePrevious: since,
      notMeasured:
        'An archive of images: variety of text and machine text do not apply; its report shows the image measures.',
      ...(notCompared ? { notCompared } : {}),
    };
  const s = training.synthetic;
  return {
    ...base,
    records: training.input.records,
    diversity: { distinct2: training.diversity.distinct2, mattr: training.diversity.mattr },
    machineText: {
      share: s.estimatedShare,
      interval: [s.interval[0], s.interval[1]],
      evidence: s.reference?.selfTest.usable ? 'calibrated' : 'screening',
    },
    nearDuplicateRate: training.duplicates.nearRate,
    sincePrevious: since,
    ...(notCompared ? { notCompared } : {}),
  };
}
