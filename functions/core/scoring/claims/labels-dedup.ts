import { fmt, none, num, pct, ramp, str } from '../context';
import { exactDuplicatePercent, nearDuplicatePercent } from '../evidence';
import { unitsOf } from '../sample-units';
import { type ClaimRule, chargeExcess, factor } from './rule';

const AUDIT_FACTOR: Record<string, number> = { none: 1, sampled: 0.4, full: 0 };

/** Model-assigned labels, discounted by how thoroughly people audit them. */
export const modelLabelsRule: ClaimRule = {
  questionIds: ['model_labeled_share_percent', 'label_audit'],
  candidates: (id) =>
    id === 'label_audit'
      ? [{ value: 'none' }, { value: 'sampled' }, { value: 'full' }]
      : [{ value: 100 }],
  evaluate(ctx) {
    const share = Math.min(
      100,
      Math.max(0, num(ctx.answers, 'model_labeled_share_percent') ?? 100),
    );
    const audit = str(ctx.answers, 'label_audit') ?? 'none';
    const raw =
      (ctx.policy.weights.model_labels_unaudited * share * (AUDIT_FACTOR[audit] ?? 1)) / 100;
    if (raw <= 0) return none();
    const reason = `${fmt(share)} % of labels come from a model; label audit: ${audit}.`;
    return {
      factors: [
        factor('model_labels_unaudited', raw, reason, 'answer', [
          'model_labeled_share_percent',
          'label_audit',
        ]),
      ],
      discrepancies: [],
    };
  },
  evasion: (_id, ctx) => {
    const labels = ctx.training?.labels;
    if (!labels) return undefined;
    return {
      severity: ramp(labels.conflictRate, 0, ctx.policy.thresholds.labelConflictFull),
      measured: `${pct(labels.conflictRate)} of duplicate ${unitsOf(ctx.training).many} with conflicting labels`,
    };
  },
};

const DEDUP_FACTOR: Record<string, number> = { none: 1, exact: 0.5, near: 0 };

/** Missing or partial deduplication, and deduplication claims the sample's exact duplicates contradict. */
export const dedupMethodRule: ClaimRule = {
  questionIds: ['dedup_method'],
  candidates: () => [{ value: 'none' }, { value: 'exact' }, { value: 'near' }],
  evaluate(ctx) {
    const out = none();
    const method = str(ctx.answers, 'dedup_method') ?? 'none';
    const frac = DEDUP_FACTOR[method] ?? 1;
    if (frac > 0) {
      const reason =
        method === 'none' ? 'Duplicates are not removed.' : 'Only exact duplicates are removed.';
      out.factors.push(
        factor('no_dedup', ctx.policy.weights.no_dedup * frac, reason, 'answer', ['dedup_method']),
      );
    }
    const tol = ctx.policy.tolerances.exactDuplicatePoints;
    if (!ctx.training || method === 'none') return out;
    const exact = exactDuplicatePercent(ctx.training);
    if (exact <= tol) return out;
    const message = ctx.training.images
      ? `Deduplication is claimed (${method}), but ${fmt(exact)} % of sample images are exact copies (the same bytes or the same pixels); tolerance ${fmt(tol)} points.`
      : `Deduplication is claimed (${method}), but ${fmt(exact)} % of sample records are exact duplicates; tolerance ${fmt(tol)} points.`;
    out.factors.push(
      factor('dedup_contradicted', ctx.policy.weights.dedup_contradicted, message, 'discrepancy', [
        'dedup_method',
      ]),
    );
    out.discrepancies.push({
      questionId: 'dedup_method',
      claimed: method,
      measured: Math.round(exact * 10) / 10,
      tolerance: tol,
      unit: 'percentage points',
      message,
      evidence: 'measured',
    });
    return out;
  },
  evasion: (_id, ctx) =>
    ctx.training
      ? {
          severity: ramp(
            exactDuplicatePercent(ctx.training),
            0,
            ctx.policy.thresholds.nearDuplicateFullPercent,
          ),
          measured: `${fmt(exactDuplicatePercent(ctx.training))} % exact duplicates`,
        }
      : undefined,
};

const RATE = 'near_duplicate_rate_percent';

/** Claimed near-duplicate rate, and the sample's excess over it (a discrepancy beyond tolerance). */
export const nearDuplicateRule: ClaimRule = {
  questionIds: [RATE],
  candidates: () => [{ value: 100 }],
  evaluate(ctx) {
    const out = none();
    const weight = ctx.policy.weights.near_duplicates;
    const full = ctx.policy.thresholds.nearDuplicateFullPercent;
    const tol = ctx.policy.tolerances.nearDuplicatePoints;
    const c = Math.min(100, Math.max(0, num(ctx.answers, RATE) ?? 100));
    const claimed = weight * Math.min(1, c / full);
    if (claimed > 0)
      out.factors.push(
        factor(
          'near_duplicates',
          claimed,
          `Claimed ${fmt(c)} % near-duplicates after deduplication.`,
          'answer',
          [RATE],
        ),
      );
    if (!ctx.training) return out;
    const m = nearDuplicatePercent(ctx.training);
    const excess = weight * Math.min(1, Math.max(c, m) / full) - claimed;
    if (excess <= 0) return out;
    chargeExcess(out, {
      questionId: RATE,
      points: excess,
      claimed: c,
      measured: m,
      tolerance: tol,
      contradicted: m - c > tol,
      discrepancy: {
        id: 'near_duplicates_understated',
        message: `The sample has ${fmt(m)} % near-duplicates, against ${fmt(c)} % claimed; tolerance ${fmt(tol)} points.`,
      },
      withinTolerance: {
        id: 'near_duplicates_measured',
        message: `The sample has ${fmt(m)} % near-duplicates, slightly above the ${fmt(c)} % claimed.`,
      },
    });
    return out;
  },
  evasion: (_id, ctx) =>
    ctx.training
      ? {
          severity: ramp(
            nearDuplicatePercent(ctx.training),
            0,
            ctx.policy.thresholds.nearDuplicateFullPercent,
          ),
          measured: `${fmt(nearDuplicatePercent(ctx.training))} % near-duplicates`,
        }
      : undefined,
};
