import { addHistograms, withMarkers } from '../metrics/synthetic';
import type { Analysis, ReferenceSummary } from '../types';
import { TWO_SIDED_BOOTSTRAP } from './bootstrap';
import { calibrateWithReference } from './calibrate';
import { twoSidedShare } from './departure';
import { type SyntheticEvidence, scoreCounts, syntheticOf } from './evidence';
import { checkMachineReference, MIN_SEPARATION, separationOf } from './machine-check';
import { type MixtureFit, pooled } from './mixture';

/** One known-machine reference: text the buyer generated with a model it suspects. */
export interface MachineReferenceInput {
  /** Stored Analysis, its synthetic part, or a partial. */
  evidence: SyntheticEvidence;
  name?: string;
  /** The model that wrote it, as the buyer names it (e.g. "gpt-4o"). */
  generator: string;
}

/**
 * The fit the two-sided estimate uses. Maximum likelihood (EM over the fixed, smoothed reference
 * components) beat least squares leave-one-domain-out on ../shared/data (mean error 0.06 against
 * 0.14, worst 0.18 against 0.49 on the domains whose references separate; docs/analyzer.md table): least
 * squares weighs every bin alike, so the many near-empty bins of a 40-record reference add noise,
 * while the likelihood weighs bins by where the sample's records actually fall.
 */
export const TWO_SIDED_FIT: MixtureFit = 'maximum-likelihood';

/**
 * How the two-sided estimate is made (shown with it). Several machine references enter as separate
 * components, so the fit finds their best-fitting mix and the share is the sum of their weights:
 * pooling them would misfit a vendor that used only one of the suspected models, and a mix of
 * components can still describe a vendor that used several.
 */
export const TWO_SIDED_METHOD =
  "two-component mixture fit of the sample's style-score histogram: (1 − share) × the human " +
  "reference's distribution + share × the machine reference's (several machine references are " +
  'separate components and the share is the sum of their weights, i.e. their best-fitting mix), ' +
  'maximum likelihood by EM over smoothed reference histograms. The interval is the 5th and 95th ' +
  `percentile of ${TWO_SIDED_BOOTSTRAP} bootstrap refits that resample the sample and every reference, ` +
  'so small references widen it: each bound is one-sided 95 %. Records with machine-text markers ' +
  "count as generated, as in the screening estimate. It assumes the sample's machine text resembles " +
  "the machine reference's; where the fit reads below what the sample's departure from the human " +
  'reference alone proves (the human-only lower bound), the estimate is that lower bound instead. A ' +
  'machine reference must differ from the human one (total variation at least ' +
  `${Math.round(MIN_SEPARATION * 100)} %) and score above it more often than below.`;

const sum = (h: readonly number[]) => h.reduce((s, c) => s + c, 0);

/**
 * Human reference + machine references: two-component mixture fit over the style-score histogram.
 * estimatedShare = point estimate; interval = [one-sided 95 % lower, one-sided 95 % upper].
 * With no usable machine reference (too few records, or too close to the human reference: "these
 * references cannot tell the two apart in this domain") or an unusable human reference it falls
 * back to `calibrateWithReference` (human only) and says why in `reference.machine.message`.
 */
export function calibrateTwoSided(
  sample: SyntheticEvidence,
  human: SyntheticEvidence,
  machines: MachineReferenceInput[],
  options: { name?: string } = {},
): Analysis['synthetic'] & { reference: ReferenceSummary } {
  const humanOnly = calibrateWithReference(sample, human, options);
  const checks = machines.map((m) => ({
    input: m,
    check: checkMachineReference(m.evidence, human),
  }));
  const references = checks.map(({ input, check }) => ({
    ...(input.name ? { name: input.name } : {}),
    generator: input.generator,
    records: check.records,
    usable: check.usable,
    message: check.message,
  }));
  const usable = checks.filter((c) => c.check.usable);
  const humanHist = (() => {
    const h = scoreCounts(human, 'reference');
    return addHistograms(...h.halves);
  })();
  const machineHists = usable.map((c) =>
    addHistograms(...scoreCounts(c.input.evidence, 'machine reference').halves),
  );
  const separation = machineHists.length ? separationOf(pooled(machineHists), humanHist) : null;
  const fallback = (message: string) => ({
    ...humanOnly,
    reference: {
      ...humanOnly.reference,
      mode: 'human' as const,
      machine: { references, separation, usable: false, method: TWO_SIDED_METHOD, message },
    },
  });
  if (!humanOnly.reference.selfTest.usable) {
    return fallback(
      `The human reference is not usable (${humanOnly.reference.selfTest.message}), so the machine references were not used either.`,
    );
  }
  if (usable.length === 0) {
    const why = checks.length
      ? checks.map((c) => `${c.input.name ?? c.input.generator}: ${c.check.message}`).join(' ')
      : 'No machine reference was given.';
    return fallback(`${why} The estimate is calibrated against the human reference alone.`);
  }
  const base = syntheticOf(sample) as Analysis['synthetic'];
  const s = scoreCounts(sample, 'sample');
  const e = twoSidedShare(addHistograms(...s.halves), humanHist, machineHists, TWO_SIDED_FIT);
  const m = base.markerRate;
  const records = sum(machineHists.map(sum));
  const skipped = checks.length - usable.length;
  return {
    ...base,
    estimatedShare: withMarkers(m, e.share),
    interval: [withMarkers(m, e.interval[0]), withMarkers(m, e.interval[1])],
    reference: {
      ...humanOnly.reference,
      mode: 'two-sided',
      machine: {
        references,
        separation,
        usable: true,
        method: TWO_SIDED_METHOD,
        message:
          `Two-sided: fitted against the human reference and ${usable.length} machine reference${usable.length > 1 ? 's' : ''} ` +
          `(${records} records, separation ${Math.round((separation ?? 0) * 100)}%, at least ${Math.round(MIN_SEPARATION * 100)}% needed)` +
          (skipped
            ? `; ${skipped} machine reference${skipped > 1 ? 's' : ''} not usable (see each).`
            : '.') +
          (e.floored
            ? ` The fit read less than the sample's departure from the human reference alone proves, so its machine text is unlike the machine reference's (another generator or kind of text): the estimate is that departure, at least ${Math.round(e.departure * 100)}%.`
            : ''),
        departure: { lowerBound: e.departure, applied: e.floored },
      },
    },
  };
}
