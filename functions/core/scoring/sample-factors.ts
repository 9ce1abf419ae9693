import type { Analysis } from '../analysis/types';
import { factor } from './claims/rule';
import { type Ctx, fmt, pct, type RawFactor, ramp } from './context';
import { overlapRate } from './evidence';
import { matchFactors } from './matches';
import { imageProvenanceReason, provenanceCompleteness, unitsOf } from './sample-units';

function diversity(a: Analysis, ctx: Ctx): RawFactor | undefined {
  // lexical diversity does not apply to image archives
  if (a.images) return undefined;
  const t = ctx.policy.thresholds;
  const { compressionRatio, mattr } = a.diversity;
  const severity = Math.max(
    ramp(compressionRatio, t.compressionRatioStart, t.compressionRatioFull),
    ramp(mattr, t.mattrStart, t.mattrFull),
  );
  if (severity <= 0) return undefined;
  const reason = `Low diversity in the sample: gzip compression ratio ${fmt(compressionRatio)}, MATTR ${mattr.toFixed(2)}.`;
  return factor('low_diversity', ctx.policy.weights.low_diversity * severity, reason, 'sample', []);
}

function labelFactors(ctx: Ctx): RawFactor[] {
  const { weights, thresholds } = ctx.policy;
  const out: RawFactor[] = [];
  const labels = ctx.training?.labels;
  if (labels && labels.imbalanceRatio > 1) {
    const severity = ramp(
      Math.log(labels.imbalanceRatio),
      0,
      Math.log(thresholds.imbalanceFullRatio),
    );
    out.push(
      factor(
        'label_imbalance',
        weights.label_imbalance * severity,
        `The largest class is ${fmt(labels.imbalanceRatio)} times the smallest.`,
        'sample',
        [],
      ),
    );
  }
  const missing = [
    ...new Set([
      ...(labels?.missingInTraining ?? []),
      ...(ctx.holdout?.labels?.missingInTraining ?? []),
    ]),
  ];
  if (missing.length > 0) {
    out.push(
      factor(
        'rare_classes_missing',
        weights.rare_classes_missing,
        `Holdout labels missing from training: ${missing.slice(0, 10).join(', ')}.`,
        'sample',
        [],
      ),
    );
  } else if (labels && labels.rareClasses.length > 0) {
    out.push(
      factor(
        'rare_classes_missing',
        weights.rare_classes_missing / 2,
        `Rare classes at risk of disappearing: ${labels.rareClasses.slice(0, 10).join(', ')}.`,
        'sample',
        [],
      ),
    );
  }
  if (labels && labels.conflictRate > 0) {
    const severity = ramp(labels.conflictRate, 0, thresholds.labelConflictFull);
    out.push(
      factor(
        'label_conflicts',
        weights.label_conflicts * severity,
        `${pct(labels.conflictRate)} of duplicate ${unitsOf(ctx.training).many} carry conflicting labels.`,
        'sample',
        [],
      ),
    );
  }
  return out;
}

/** Risk the samples show on their own, whatever was claimed. */
export function sampleFactors(ctx: Ctx): RawFactor[] {
  const { weights, thresholds } = ctx.policy;
  const t = ctx.training;
  const out: RawFactor[] = [];
  if (t) {
    const low = diversity(t, ctx);
    if (low) out.push(low);
    out.push(...labelFactors(ctx));
    const completeness = provenanceCompleteness(t);
    if (completeness < 1) {
      const reason = t.images
        ? imageProvenanceReason(t)
        : `Sample records carry ${pct(completeness)} of the provenance fields.`;
      out.push(
        factor(
          'missing_provenance',
          weights.missing_provenance * (1 - completeness),
          reason,
          'sample',
          [],
        ),
      );
    }
  }
  const overlap = overlapRate(t, ctx.holdout);
  if (overlap !== undefined && overlap > 0) {
    // an archive of images: the share of training images that copy a holdout image
    const reason = t?.images
      ? `${pct(overlap)} of training images are exact or near copies of holdout images.`
      : `${pct(overlap)} of holdout records overlap training records.`;
    out.push(
      factor(
        'holdout_contamination',
        weights.holdout_contamination * ramp(overlap, 0, thresholds.contaminationFull),
        reason,
        'sample',
        [],
      ),
    );
  }
  out.push(...matchFactors(ctx));
  const pii = Math.max(t?.pii.recordShare ?? 0, ctx.holdout?.pii.recordShare ?? 0);
  if (pii > 0) {
    // personal data is measured in text only: an archive of images always reads 0
    const reason = `${pct(pii)} of sample records contain personal data.`;
    out.push(
      factor(
        'personal_data',
        weights.personal_data * ramp(pii, 0, thresholds.personalDataFull),
        reason,
        'sample',
        [],
      ),
    );
  }
  return out;
}
