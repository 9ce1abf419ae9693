import { fmt, none, num, ramp, str } from '../context';
import { syntheticLowPercent, syntheticLowStrength, syntheticPercent } from '../evidence';
import { unitsOf } from '../sample-units';
import { type ClaimRule, factor } from './rule';

const EXISTS = 'holdout_exists';
const REFRESH = 'holdout_refresh_months';
const FREE = 'holdout_synthetic_free';

/** Holdout sets: kept at all, refreshed, synthetic-free (checked against the holdout sample). */
export const holdoutRule: ClaimRule = {
  questionIds: [EXISTS, REFRESH, FREE],
  candidates: (id, ctx) => {
    if (id === REFRESH) return [{ value: ctx.policy.thresholds.holdoutStaleMonths }];
    return [{ value: 'yes' }, { value: 'no' }];
  },
  notApplicable: (id, ctx) => id !== EXISTS && str(ctx.answers, EXISTS) === 'no',
  evaluate(ctx) {
    const { weights, thresholds, tolerances } = ctx.policy;
    const out = none();
    if (str(ctx.answers, EXISTS) === 'no') {
      out.factors.push(
        factor(
          'no_holdout',
          weights.no_holdout,
          'No holdout set is kept apart from training.',
          'answer',
          [EXISTS],
        ),
      );
      return out;
    }
    const months = num(ctx.answers, REFRESH) ?? thresholds.holdoutStaleMonths;
    const stale = ramp(months, thresholds.holdoutFreshMonths, thresholds.holdoutStaleMonths);
    if (stale > 0) {
      out.factors.push(
        factor(
          'stale_holdout',
          weights.stale_holdout * stale,
          `Holdouts are refreshed every ${fmt(months)} months.`,
          'answer',
          [REFRESH],
        ),
      );
    }
    const free = str(ctx.answers, FREE);
    if (free === 'no') {
      out.factors.push(
        factor(
          'synthetic_holdout',
          weights.synthetic_holdout,
          `Holdout sets contain synthetic ${unitsOf(ctx.holdout ?? ctx.training).many}.`,
          'answer',
          [FREE],
        ),
      );
    } else if (free === 'yes' && ctx.holdout) {
      const low = syntheticLowPercent(ctx.holdout);
      const tol = tolerances.syntheticSharePoints;
      if (low > tol) {
        const message = ctx.holdout.images
          ? `Holdouts are claimed synthetic-free, but at least ${fmt(low)} % of the holdout sample's images declare AI origin in their own files; tolerance ${fmt(tol)} points.`
          : `Holdouts are claimed synthetic-free, but the holdout sample shows about ${fmt(syntheticPercent(ctx.holdout))} % machine-generated records (at least ${fmt(low)} %); tolerance ${fmt(tol)} points.`;
        out.factors.push(
          factor(
            'holdout_synthetic_contradicted',
            weights.holdout_synthetic_contradicted,
            message,
            'discrepancy',
            [FREE],
          ),
        );
        out.discrepancies.push({
          questionId: FREE,
          claimed: 'yes',
          measured: Math.round(syntheticPercent(ctx.holdout) * 10) / 10,
          tolerance: tol,
          unit: 'percentage points',
          message,
          evidence: syntheticLowStrength(ctx.holdout),
        });
      }
    }
    if (!ctx.holdout) {
      out.factors.push(
        factor(
          'no_holdout_sample',
          weights.no_holdout_sample,
          'Holdouts are claimed, but no holdout sample was analyzed.',
          'missing',
          [EXISTS],
        ),
      );
    }
    return out;
  },
  evasion: (id, ctx) =>
    id === FREE && ctx.holdout
      ? {
          severity: syntheticLowPercent(ctx.holdout) / 100,
          measured: ctx.holdout.images
            ? `at least ${fmt(syntheticLowPercent(ctx.holdout))} % of holdout images declaring AI origin in their own files`
            : `at least ${fmt(syntheticLowPercent(ctx.holdout))} % machine-generated holdout records`,
        }
      : undefined,
};
