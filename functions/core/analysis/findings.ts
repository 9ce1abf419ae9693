import type { Contamination } from './metrics/contamination';
import type { Duplicates } from './metrics/dedup';
import type { Diversity } from './metrics/diversity';
import type { estimateSynthetic } from './metrics/synthetic';
import { candidateProbability, PARAMS } from './params';
import type { AnalysisPartial } from './partial/types';
import type { Analysis, Finding, Severity } from './types';

interface Context {
  dup: Duplicates;
  div: Diversity;
  synth: ReturnType<typeof estimateSynthetic>;
  contamination: Contamination | null;
  nowMs: number;
}

const pct = (x: number) => `${(x * 100).toFixed(x < 0.01 && x > 0 ? 2 : 1)}%`;

/** Picks the severity of the first threshold (descending) that `value` reaches. */
export function bySeverity(
  value: number,
  steps: [number, Severity][],
  otherwise: Severity = 'info',
): Severity {
  for (const [min, severity] of steps) if (value >= min) return severity;
  return otherwise;
}

/** The findings of an analysis: each with a stable id, a severity, a message and masked evidence. */
export function buildFindings(p: AnalysisPartial, a: Analysis, ctx: Context): Finding[] {
  const out: Finding[] = [];
  const add = (
    id: string,
    severity: Severity,
    message: string,
    evidence: Record<string, unknown> = {},
  ) => out.push({ id, severity, message, evidence });
  const n = p.records;
  const ix = p.index;

  if (p.malformed > 0) {
    const rate = p.malformed / (n + p.malformed);
    add(
      'input.malformed',
      bySeverity(rate, [[0.01, 'medium']], 'low'),
      `${p.malformed} malformed rows were skipped (${pct(rate)}).`,
      {
        count: p.malformed,
        first: p.malformedExamples,
      },
    );
  }
  if (p.emptyText > 0) {
    add(
      'input.empty-text',
      bySeverity(p.emptyText / n, [[0.05, 'medium']], 'low'),
      `${p.emptyText} records have no text.`,
      {
        count: p.emptyText,
      },
    );
  }
  if (ix.sampleBits > 0) {
    add(
      'input.sampled',
      'info',
      `Duplicates and contamination were measured on ${ix.n} of ${n} records: a hash sample (rate 1/${2 ** ix.sampleBits}) of the normalized texts, so copies are kept or dropped together; near-duplicate rates are estimates.`,
      {
        indexed: ix.n,
        rate: 2 ** -ix.sampleBits,
      },
    );
  }
  const j = 0.8;
  add(
    'duplicates.method',
    'info',
    `Near duplicates: MinHash (${PARAMS.permutations} seeded permutations) over word ${PARAMS.shingleWords}-gram shingles (character ${PARAMS.shortCharShingle}-grams for records under ${PARAMS.shingleWords} words), LSH ${PARAMS.bands} bands × ${PARAMS.rows} rows: a pair at Jaccard ${j} becomes a candidate with probability ${candidateProbability(j).toFixed(4)}; candidates count when their signatures estimate Jaccard ≥ ${p.limits.nearThreshold}.`,
    {
      permutations: PARAMS.permutations,
      bands: PARAMS.bands,
      rows: PARAMS.rows,
      candidateProbabilityAt08: candidateProbability(j),
      truncatedWalks: ctx.dup.truncatedWalks,
    },
  );
  const { exactRate, nearRate } = a.duplicates;
  if (exactRate > 0) {
    add(
      'duplicates.exact',
      bySeverity(exactRate, [
        [0.3, 'high'],
        [0.1, 'medium'],
        [0.01, 'low'],
      ]),
      `${pct(exactRate)} of records repeat an earlier record's text (after normalization).`,
      {
        exactRate,
        clusters: a.duplicates.clusters.slice(0, 5),
      },
    );
  }
  if (nearRate > exactRate) {
    add(
      'duplicates.near',
      bySeverity(nearRate, [
        [0.3, 'high'],
        [0.1, 'medium'],
        [0.02, 'low'],
      ]),
      `${pct(nearRate)} of records are near duplicates (exact ones included) in ${ctx.dup.clusterCount} clusters.`,
      {
        nearRate,
        clusters: a.duplicates.clusters.slice(0, 5),
      },
    );
  }
  diversityFindings(p, a, ctx, add);
  syntheticFindings(p, a, ctx, add);
  labelFindings(a, add);
  provenanceFindings(p, a, add);
  freshnessFindings(p, a, ctx, add);
  if (ctx.contamination && a.contamination) {
    const c = ctx.contamination;
    add(
      'contamination.overlap',
      bySeverity(c.overlapRate, [
        [0.5, 'critical'],
        [0.1, 'high'],
        [0.01, 'medium'],
        [1e-9, 'low'],
      ]),
      `${pct(c.overlapRate)} of holdout records overlap training (exact ${pct(c.exactRate)}, near ${pct(c.nearRate)}, shared 13-word n-gram ${pct(c.ngramRate)}); mean coverage ${pct(c.meanCoverage)}.`,
      {
        ...c,
      },
    );
  }
  if (p.pii.records > 0) {
    add(
      'pii.found',
      bySeverity(a.pii.recordShare, [[0.01, 'high']], 'medium'),
      `${p.pii.records} records (${pct(a.pii.recordShare)}) contain personal data: ${Object.entries(
        a.pii.kinds,
      )
        .filter(([, c]) => c > 0)
        .map(([k, c]) => `${c} ${k}`)
        .join(', ')}.`,
      {
        kinds: a.pii.kinds,
        examples: p.pii.examples,
      },
    );
  }
  return out;
}

type Add = (
  id: string,
  severity: Severity,
  message: string,
  evidence?: Record<string, unknown>,
) => void;

function diversityFindings(p: AnalysisPartial, a: Analysis, ctx: Context, add: Add): void {
  const d = a.diversity;
  if (ctx.div.tokens >= 1000 && (d.compressionRatio > 6 || d.distinct2 < 0.2)) {
    add(
      'diversity.low',
      d.compressionRatio > 10 ? 'high' : 'medium',
      `Low diversity: compression ratio ${d.compressionRatio.toFixed(2)}, distinct-2 ${d.distinct2.toFixed(3)} over ${ctx.div.tokens} tokens.`,
      {
        ...d,
        tokens: ctx.div.tokens,
      },
    );
  }
  if (p.repetition.looping > 0) {
    const share = p.repetition.looping / p.records;
    add(
      'diversity.self-repetition',
      bySeverity(share, [[0.05, 'medium']], 'low'),
      `${p.repetition.looping} records repeat their own word sequences (over 30% of 5-grams repeated): looping text.`,
      {
        records: p.repetition.looping,
        examples: p.repetition.examples,
      },
    );
  }
}

function syntheticFindings(p: AnalysisPartial, a: Analysis, ctx: Context, add: Add): void {
  const s = a.synthetic;
  const [lo, hi] = s.interval;
  add(
    'synthetic.estimate',
    bySeverity(s.estimatedShare, [
      [0.5, 'medium'],
      [0.2, 'low'],
    ]),
    `About ${pct(s.estimatedShare)} of records look machine-generated (95% interval ${pct(lo)}–${pct(hi)}).`,
    {
      estimatedShare: s.estimatedShare,
      interval: s.interval,
      markerRate: s.markerRate,
      statisticalShare: ctx.synth.statisticalShare,
      method: s.method,
    },
  );
  if (p.markers.records > 0) {
    add(
      'synthetic.markers',
      bySeverity(s.markerRate, [[0.05, 'medium']], 'low'),
      `${p.markers.records} records contain assistant boilerplate (self-reference, refusals, chat closings or knowledge-cutoff phrases).`,
      {
        kinds: p.markers.kinds,
        examples: p.markers.examples,
      },
    );
  }
  if (s.declaredShare !== null && (s.declaredShare < lo - 0.05 || s.declaredShare > hi + 0.05)) {
    add(
      'synthetic.declared-mismatch',
      'medium',
      `The records' own synthetic flag marks ${pct(s.declaredShare)}, outside the measured interval ${pct(lo)}–${pct(hi)}.`,
      {
        declaredShare: s.declaredShare,
        interval: s.interval,
      },
    );
  }
}

function labelFindings(a: Analysis, add: Add): void {
  const l = a.labels;
  if (!l) return;
  if (l.imbalanceRatio >= 3) {
    add(
      'labels.imbalance',
      l.imbalanceRatio >= 10 ? 'medium' : 'low',
      `The largest class is ${l.imbalanceRatio.toFixed(1)}× the smallest (normalized entropy ${l.normalizedEntropy.toFixed(2)}).`,
      {
        classes: l.classes,
      },
    );
  }
  if (l.rareClasses.length > 0) {
    add('labels.rare', 'low', `${l.rareClasses.length} classes hold under 1% of labels each.`, {
      rareClasses: l.rareClasses.slice(0, 20),
    });
  }
  if (l.conflictRate > 0) {
    add(
      'labels.conflicts',
      l.conflictRate >= 0.01 ? 'medium' : 'low',
      `${pct(l.conflictRate)} of records sit in duplicate clusters whose labels disagree.`,
      { conflictRate: l.conflictRate },
    );
  }
  if (l.lowAgreementShare !== null && l.lowAgreementShare > 0.05) {
    add(
      'labels.low-agreement',
      l.lowAgreementShare >= 0.2 ? 'medium' : 'low',
      `${pct(l.lowAgreementShare)} of labels have low annotator confidence.`,
      { lowAgreementShare: l.lowAgreementShare },
    );
  }
  if (l.missingInTraining.length > 0) {
    add(
      'labels.missing-in-training',
      'high',
      `${l.missingInTraining.length} holdout classes never occur in training.`,
      { classes: l.missingInTraining.slice(0, 20) },
    );
  }
}

function provenanceFindings(p: AnalysisPartial, a: Analysis, add: Add): void {
  const pr = a.provenance;
  if (pr.completeness < 1) {
    add(
      'provenance.incomplete',
      pr.completeness < 0.5 ? 'medium' : 'low',
      `Provenance is ${pct(pr.completeness)} complete (source, creation date, licence, synthetic flag).`,
      { perField: pr.perField },
    );
  }
  if (pr.syntheticWithoutGenerator > 0) {
    add(
      'provenance.synthetic-without-generator',
      'medium',
      `${pr.syntheticWithoutGenerator} records are flagged synthetic but name no generator.`,
      {
        count: pr.syntheticWithoutGenerator,
        examples: p.provenance.examples,
      },
    );
  }
}

function freshnessFindings(p: AnalysisPartial, a: Analysis, ctx: Context, add: Add): void {
  if (p.dates.unparseable > 0) {
    const share = p.dates.unparseable / Math.max(1, p.dates.present);
    add(
      'freshness.unparseable',
      bySeverity(share, [[0.1, 'medium']], 'low'),
      `${p.dates.unparseable} creation dates could not be read.`,
      {
        count: p.dates.unparseable,
        examples: p.dates.examples,
      },
    );
  }
  const f = a.freshness;
  if (!f) return;
  if (f.medianAgeDays > 3 * 365) {
    add(
      'freshness.stale',
      f.medianAgeDays > 5 * 365 ? 'medium' : 'low',
      `The median record is ${(f.medianAgeDays / 365).toFixed(1)} years old (${f.oldest} to ${f.newest}).`,
      {
        medianAgeDays: f.medianAgeDays,
      },
    );
  }
  if (Date.parse(`${f.newest}T00:00:00Z`) > ctx.nowMs + 86_400_000) {
    add(
      'freshness.future',
      'medium',
      `Some creation dates lie in the future (newest ${f.newest}).`,
      { newest: f.newest },
    );
  }
}
