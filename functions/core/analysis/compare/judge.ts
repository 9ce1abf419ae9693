import type { Analysis, Finding } from '../types';
import type { DiversityDelta } from './diversity-noise';
import type { DegradationThresholds } from './types';

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;
const num = (x: number) => String(Math.round(x * 1000) / 1000);

/** Human names of the compared diversity metrics. */
const DIVERSITY_NAMES: Record<DiversityDelta['key'], string> = {
  distinct1: 'distinct words (distinct-1)',
  distinct2: 'distinct word pairs (distinct-2)',
  distinct3: 'distinct word triples (distinct-3)',
  compressionRatio: 'gzip compression ratio',
  mattr: 'moving-average type-token ratio (MATTR)',
};

/** Diversity that fell by more than the noise multiple and the minimum relative drop. */
export function diversityFindings(deltas: DiversityDelta[], t: DegradationThresholds): Finding[] {
  const out: Finding[] = [];
  for (const d of deltas) {
    const worsening = (d.current - d.previous) * d.worse;
    const relative = d.previous ? worsening / Math.abs(d.previous) : 0;
    const needed = Math.max(
      t.diversityNoiseMultiple * d.noise,
      t.diversityMinRelativeDrop * Math.abs(d.previous),
    );
    if (worsening <= needed) continue;
    const verb = d.worse < 0 ? 'fell' : 'rose';
    out.push({
      id: 'delivery.diversity_fell',
      severity: relative >= 0.1 ? 'high' : 'medium',
      message: `The ${DIVERSITY_NAMES[d.key]} ${verb} from ${num(d.previous)} to ${num(d.current)} (${pct(relative)} worse), beyond the ${num(d.noise)} spread between random halves of each delivery.`,
      evidence: {
        metric: `diversity.${d.key}`,
        previous: d.previous,
        current: d.current,
        noise: d.noise,
        relativeChange: relative,
      },
    });
  }
  return out;
}

/** Machine-text share above the previous delivery's interval. */
export function syntheticFinding(prev: Analysis, cur: Analysis): Finding | undefined {
  const high = prev.synthetic.interval[1];
  const now = cur.synthetic.estimatedShare;
  if (now <= high) return undefined;
  return {
    id: 'delivery.machine_text_rose',
    severity: now - prev.synthetic.estimatedShare >= 0.3 ? 'high' : 'medium',
    message: `The estimated machine-text share rose from ${pct(prev.synthetic.estimatedShare)} to ${pct(now)}, above the previous delivery's interval (${pct(prev.synthetic.interval[0])}–${pct(high)}).`,
    evidence: {
      previous: prev.synthetic.estimatedShare,
      current: now,
      previousInterval: prev.synthetic.interval,
      currentInterval: cur.synthetic.interval,
    },
  };
}

/** Current records that repeat records of the previous delivery, above the threshold. */
export function recycledFinding(
  overlap: { exactRate: number; nearRate: number },
  t: DegradationThresholds,
): Finding | undefined {
  if (overlap.nearRate < t.recycledShareStart) return undefined;
  return {
    id: 'delivery.recycled',
    severity: overlap.nearRate >= 0.5 ? 'high' : 'medium',
    message: `${pct(overlap.nearRate)} of the new delivery's records repeat records of the previous one (${pct(overlap.exactRate)} exactly); the limit is ${pct(t.recycledShareStart)}.`,
    evidence: { ...overlap, threshold: t.recycledShareStart },
  };
}

/** Classes of the previous delivery that the current one should hold but does not. */
export function vanishedClasses(
  prev: Map<string, number> | null,
  cur: Map<string, number> | null,
  t: DegradationThresholds,
): Finding | undefined {
  if (!prev || !cur) return undefined;
  const prevTotal = [...prev.values()].reduce((s, c) => s + c, 0);
  const curTotal = [...cur.values()].reduce((s, c) => s + c, 0);
  const gone = [...prev.entries()]
    .filter(
      ([name, c]) => !cur.has(name) && (c / prevTotal) * curTotal >= t.vanishingClassMinExpected,
    )
    .sort((a, b) => a[1] - b[1]);
  if (gone.length === 0) return undefined;
  const names = gone.map(([name]) => name);
  return {
    id: 'delivery.classes_vanished',
    severity: 'high',
    message: `${names.length === 1 ? 'A class' : `${names.length} classes`} of the previous delivery vanished: ${names.slice(0, 10).join(', ')} (each expected at least ${t.vanishingClassMinExpected} times at its previous share).`,
    evidence: {
      classes: names,
      previousCounts: Object.fromEntries(gone),
      currentRecords: curTotal,
    },
  };
}

export { pct as formatShare };
