import { type Ctx, fmt, none, num, type Outcome, str } from '../context';
import { syntheticLowPercent, syntheticLowStrength, syntheticReading } from '../evidence';
import { unitsOf } from '../sample-units';
import { type ClaimRule, factor } from './rule';
import { checkShare } from './synthetic-share';

const SHARE = 'synthetic_share_percent';
const clampPct = (x: number) => Math.min(100, Math.max(0, x));

/** The claimed synthetic share in percent; an undisclosed claim counts as 100 (the worst). */
export const claimedShare = (ctx: Ctx): number => clampPct(num(ctx.answers, SHARE) ?? 100);

/** The synthetic share risk is charged on: the larger of the claim and what the evidence holds up to. */
export const effectiveShare = (ctx: Ctx): number =>
  Math.max(claimedShare(ctx), ctx.training ? syntheticLowPercent(ctx.training) : 0);

/** True when synthetic data is claimed, or measured above the tolerance. */
const anySynthetic = (ctx: Ctx): boolean =>
  claimedShare(ctx) > 0 ||
  (ctx.training !== undefined &&
    syntheticLowPercent(ctx.training) > ctx.policy.tolerances.syntheticSharePoints);

/** Claimed synthetic share, checked against facts first, then the (calibrated or screening) estimate. */
export const syntheticShareRule: ClaimRule = {
  questionIds: [SHARE],
  candidates: () => [{ value: 100 }],
  evaluate(ctx) {
    const out: Outcome = none();
    const weight = ctx.policy.weights.synthetic_share;
    const tol = ctx.policy.tolerances.syntheticSharePoints;
    const c = claimedShare(ctx);
    if (c > 0) {
      out.factors.push(
        factor(
          'synthetic_share',
          (weight * c) / 100,
          ctx.training?.images
            ? `Claimed synthetic share: ${fmt(c)} % of images AI-made.`
            : `Claimed synthetic share: ${fmt(c)} % of records machine-generated.`,
          'answer',
          [SHARE],
        ),
      );
    }
    if (ctx.training) checkShare(out, ctx, syntheticReading(ctx.training), c, tol);
    return out;
  },
  evasion: (_id, ctx) =>
    ctx.training
      ? {
          severity: syntheticLowPercent(ctx.training) / 100,
          measured: ctx.training.images
            ? `at least ${fmt(syntheticLowPercent(ctx.training))} % of images declaring AI origin in their own files`
            : `at least ${fmt(syntheticLowPercent(ctx.training))} % machine-generated records`,
        }
      : undefined,
};

/** Replacing real data between releases, scaled by the effective synthetic share above a floor. */
export const realDataRule: ClaimRule = {
  questionIds: ['real_data_policy'],
  candidates: () => [{ value: 'accumulate' }, { value: 'replace' }],
  evaluate(ctx) {
    if (str(ctx.answers, 'real_data_policy') !== 'replace') return none();
    const floor = ctx.policy.thresholds.replaceFloor;
    const s = effectiveShare(ctx);
    const raw = ctx.policy.weights.real_data_replaced * (floor + ((1 - floor) * s) / 100);
    const reason = `Each release replaces earlier real data instead of accumulating it; synthetic share ${fmt(s)} % (the larger of the claim and the sample's lower bound).`;
    return {
      factors: [factor('real_data_replaced', raw, reason, 'answer', ['real_data_policy', SHARE])],
      discrepancies: [],
    };
  },
};

/** Generators trained on synthetic output (recursive generation). */
export const generationDepthRule: ClaimRule = {
  questionIds: ['synthetic_generation_depth'],
  candidates: () => [
    { value: 'no_synthetic' },
    { value: 'human_trained' },
    { value: 'synthetic_trained' },
  ],
  evaluate(ctx) {
    if (str(ctx.answers, 'synthetic_generation_depth') !== 'synthetic_trained') return none();
    const reason =
      'The generating models were themselves trained at least partly on synthetic output.';
    return {
      factors: [
        factor('recursive_generation', ctx.policy.weights.recursive_generation, reason, 'answer', [
          'synthetic_generation_depth',
        ]),
      ],
      discrepancies: [],
    };
  },
};

const UNTAGGED: Record<string, number> = { all: 0, partial: 0.5, none: 1 };

/** Untagged synthetic records, and tagging claims the sample's flags do not bear out. */
export const taggingRule: ClaimRule = {
  questionIds: ['synthetic_records_tagged'],
  candidates: () => [{ value: 'all' }, { value: 'partial' }, { value: 'none' }],
  evaluate(ctx) {
    const out = none();
    const id = 'synthetic_records_tagged';
    const tagged = str(ctx.answers, id) ?? 'none';
    const frac = UNTAGGED[tagged] ?? 1;
    if (frac > 0 && anySynthetic(ctx)) {
      const reason = `Synthetic ${unitsOf(ctx.training).many} are ${tagged === 'none' ? 'not tagged' : 'only partly tagged'}.`;
      out.factors.push(
        factor(
          'synthetic_untagged',
          ctx.policy.weights.synthetic_untagged * frac,
          reason,
          'answer',
          [id],
        ),
      );
    }
    const t = ctx.training;
    const tol = ctx.policy.tolerances.syntheticSharePoints;
    if (!t || tagged === 'none' || syntheticLowPercent(t) <= tol) return out;
    const low = syntheticLowPercent(t);
    const declared = t.synthetic.declaredShare;
    // an archive of images: its flags come from a listing, its evidence from the files' own bytes
    const [items, seen, where] = t.images
      ? ['images', 'declare AI origin in their own bytes', 'no listing with a synthetic flag']
      : ['records', 'look machine-generated', 'no synthetic flag field'];
    let message: string | undefined;
    if (declared === null) {
      message = `Synthetic ${items} are claimed tagged (${tagged}), but the sample has ${where} while at least ${fmt(low)} % of ${items} ${seen}.`;
    } else if (tagged === 'all' && low - declared * 100 > tol) {
      message = `Every synthetic ${items === 'images' ? 'image' : 'record'} is claimed tagged, but flags mark ${fmt(declared * 100)} % of the sample while at least ${fmt(low)} % ${seen}; tolerance ${fmt(tol)} points.`;
    }
    if (message === undefined) return out;
    out.factors.push(
      factor(
        'tagging_contradicted',
        ctx.policy.weights.tagging_contradicted,
        message,
        'discrepancy',
        [id],
      ),
    );
    out.discrepancies.push({
      questionId: id,
      claimed: tagged,
      measured: declared === null ? where : Math.round(declared * 1000) / 10,
      tolerance: tol,
      unit: 'percentage points',
      message,
      evidence: syntheticLowStrength(t),
    });
    return out;
  },
  evasion(_id, ctx) {
    if (!ctx.training) return undefined;
    const untagged =
      syntheticLowPercent(ctx.training) - 100 * (ctx.training.synthetic.declaredShare ?? 0);
    return {
      severity: Math.max(0, untagged) / 100,
      measured: ctx.training.images
        ? `at least ${fmt(Math.max(0, untagged))} % of images declaring AI origin in their own files without a synthetic flag`
        : `at least ${fmt(Math.max(0, untagged))} % machine-generated records without a synthetic flag`,
    };
  },
};
