import type { Context } from './findings';
import { bySeverity, pct } from './findings-util';
import type { AnalysisPartial } from './partial/types';
import { estimateFinding } from './synthetic/finding';
import type { Analysis, Severity } from './types';

/** Adds one finding. */
export type Add = (
  id: string,
  severity: Severity,
  message: string,
  evidence?: Record<string, unknown>,
) => void;

/** Low diversity and looping records. */
export function diversityFindings(p: AnalysisPartial, a: Analysis, ctx: Context, add: Add): void {
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

/** The machine-text estimate, markers, and a declared share that contradicts the measurement. */
export function syntheticFindings(p: AnalysisPartial, a: Analysis, ctx: Context, add: Add): void {
  const s = a.synthetic;
  const [lo, hi] = s.interval;
  const estimate = estimateFinding(s, ctx.synth.statisticalShare);
  add(estimate.id, estimate.severity, estimate.message, estimate.evidence);
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

/** Imbalance, rare classes, conflicts, low agreement and classes missing from training. */
export function labelFindings(a: Analysis, add: Add): void {
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

/** Incomplete provenance and synthetic records without a generator. */
export function provenanceFindings(p: AnalysisPartial, a: Analysis, add: Add): void {
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

/** Unparseable, stale and future creation dates. */
export function freshnessFindings(p: AnalysisPartial, a: Analysis, ctx: Context, add: Add): void {
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
