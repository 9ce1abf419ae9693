import * as z from 'zod';
import { reassessmentPolicySchema } from '../assessment/reassessment';
import { deepFreeze } from '../questionnaire/build';
import { passportPolicySchema } from './passport-policy';

/** Default maximum points per weighted factor id (see `policyDocs` for the reason of each). */
export const defaultWeights = {
  synthetic_share: 30,
  synthetic_unverified: 5,
  real_data_replaced: 35,
  recursive_generation: 10,
  synthetic_untagged: 10,
  model_labels_unaudited: 10,
  no_dedup: 8,
  near_duplicates: 10,
  no_holdout: 15,
  stale_holdout: 8,
  synthetic_holdout: 10,
  no_provenance_fields: 8,
  stale_data: 4,
  low_diversity: 6,
  label_imbalance: 4,
  rare_classes_missing: 4,
  label_conflicts: 6,
  missing_provenance: 8,
  holdout_contamination: 12,
  personal_data: 6,
  tagging_contradicted: 15,
  dedup_contradicted: 10,
  freshness_contradicted: 5,
  holdout_synthetic_contradicted: 15,
  provenance_contradicted: 6,
  personal_data_contradicted: 6,
  languages_contradicted: 4,
  no_sample: 20,
  no_holdout_sample: 5,
  undisclosed_claim: 3,
  unanswered_question: 1,
  evasion_contradicted: 15,
  delivery_degradation: 12,
  echo_outputs_sold: 20,
  eval_contamination: 12,
  image_manifest_invalid: 8,
  image_training_prohibited: 12,
} as const;

/** A factor id that carries its own weight in the policy. */
export type WeightId = keyof typeof defaultWeights;

/** Default severity thresholds (where a factor starts and where it reaches full weight). */
export const defaultThresholds = {
  replaceFloor: 0.5,
  nearDuplicateFullPercent: 20,
  holdoutFreshMonths: 6,
  holdoutStaleMonths: 24,
  dataStaleMonths: 24,
  dataStaleFullMonths: 72,
  compressionRatioStart: 4,
  compressionRatioFull: 8,
  mattrStart: 0.6,
  mattrFull: 0.3,
  imbalanceFullRatio: 100,
  labelConflictFull: 0.05,
  contaminationFull: 0.05,
  personalDataFull: 0.05,
  diversityNoiseMultiple: 3,
  diversityMinRelativeDrop: 0.03,
  diversityDropFull: 0.2,
  syntheticRiseFull: 0.3,
  recycledShareStart: 0.2,
  recycledShareFull: 0.5,
  vanishingClassMinExpected: 5,
} as const;

/** Default tolerances: how far a measurement may differ from a claim before it is a discrepancy. */
export const defaultTolerances = {
  syntheticSharePoints: 10,
  nearDuplicatePoints: 2,
  exactDuplicatePoints: 1,
  dateDays: 90,
  provenanceShare: 0.05,
  personalDataShare: 0.01,
} as const;

/** Default tier cut-offs: the lowest score of each tier above "low". */
export const defaultTiers = { moderate: 25, high: 50, critical: 75 } as const;

function defaulted<T extends Readonly<Record<string, number>>>(defaults: T, item: z.ZodNumber) {
  const shape = Object.fromEntries(
    Object.entries(defaults).map(([key, value]) => [key, item.default(value)]),
  ) as { -readonly [K in keyof T]: z.ZodDefault<z.ZodNumber> };
  // Every field has a default, so {} is a valid input; TypeScript cannot see that through the generic.
  return z.strictObject(shape).prefault({} as never);
}

const share = z.number().min(0).max(1);
const nonNegative = z.number().min(0);

/**
 * A scoring policy. Omitted fields take the defaults, unknown fields are rejected, so an
 * organization can store only what it changes.
 */
export const policySchema = z.strictObject({
  version: z.number().int().min(0).default(0),
  name: z.string().trim().min(1).max(100).default('default'),
  weights: defaulted(defaultWeights, z.number().min(0).max(100)),
  thresholds: defaulted(defaultThresholds, nonNegative)
    .refine((t) => t.replaceFloor <= 1, {
      error: 'replaceFloor must be from 0 to 1',
      path: ['replaceFloor'],
    })
    .refine((t) => t.holdoutFreshMonths < t.holdoutStaleMonths, {
      error: 'holdoutFreshMonths must be below holdoutStaleMonths',
      path: ['holdoutFreshMonths'],
    })
    .refine((t) => t.dataStaleMonths < t.dataStaleFullMonths, {
      error: 'dataStaleMonths must be below dataStaleFullMonths',
      path: ['dataStaleMonths'],
    })
    .refine((t) => t.compressionRatioStart < t.compressionRatioFull, {
      error: 'compressionRatioStart must be below compressionRatioFull',
      path: ['compressionRatioStart'],
    })
    .refine((t) => t.mattrFull < t.mattrStart && t.mattrStart <= 1, {
      error: 'mattrFull must be below mattrStart, and mattrStart at most 1',
      path: ['mattrFull'],
    })
    .refine((t) => t.imbalanceFullRatio > 1, {
      error: 'imbalanceFullRatio must be above 1',
      path: ['imbalanceFullRatio'],
    })
    .refine(
      (t) =>
        [t.labelConflictFull, t.contaminationFull, t.personalDataFull].every(
          (v) => v > 0 && v <= 1,
        ),
      {
        error:
          'labelConflictFull, contaminationFull and personalDataFull must be shares above 0 and at most 1',
      },
    )
    .refine((t) => t.recycledShareStart < t.recycledShareFull && t.recycledShareFull <= 1, {
      error: 'recycledShareStart must be below recycledShareFull, and recycledShareFull at most 1',
      path: ['recycledShareStart'],
    })
    .refine((t) => t.diversityMinRelativeDrop < 1 && t.diversityDropFull > 0, {
      error: 'diversityMinRelativeDrop must be below 1 and diversityDropFull above 0',
      path: ['diversityMinRelativeDrop'],
    })
    .refine((t) => t.nearDuplicateFullPercent > 0 && t.nearDuplicateFullPercent <= 100, {
      error: 'nearDuplicateFullPercent must be above 0 and at most 100',
      path: ['nearDuplicateFullPercent'],
    }),
  tolerances: z
    .strictObject({
      syntheticSharePoints: nonNegative.max(100).default(defaultTolerances.syntheticSharePoints),
      nearDuplicatePoints: nonNegative.max(100).default(defaultTolerances.nearDuplicatePoints),
      exactDuplicatePoints: nonNegative.max(100).default(defaultTolerances.exactDuplicatePoints),
      dateDays: z.number().int().min(0).default(defaultTolerances.dateDays),
      provenanceShare: share.default(defaultTolerances.provenanceShare),
      personalDataShare: share.default(defaultTolerances.personalDataShare),
    })
    .prefault({}),
  /** Fingerprint packs (library ids) matched against every assessment's samples. */
  fingerprintPacks: z
    .array(
      z.string().regex(/^[a-z0-9-]{1,64}$/, 'a fingerprint pack id (see GET /api/fingerprints)'),
    )
    .max(50)
    .default([]),
  tiers: z
    .strictObject({
      moderate: z.number().min(0).max(100).default(defaultTiers.moderate),
      high: z.number().min(0).max(100).default(defaultTiers.high),
      critical: z.number().min(0).max(100).default(defaultTiers.critical),
    })
    .prefault({})
    .refine((t) => t.moderate < t.high && t.high < t.critical, {
      error: 'tier cut-offs must rise: moderate < high < critical',
    }),
  /** When approved datasets are assessed again, per risk tier (off until an admin sets it). */
  reassessment: reassessmentPolicySchema,
  /** Whether vendors may share a passport of an approval, and what it shows (off by default). */
  passport: passportPolicySchema,
});

/** A complete, validated policy. */
export type Policy = z.output<typeof policySchema>;

/** What an organization may submit: any subset of a policy. */
export type PolicyInput = z.input<typeof policySchema>;

/** The built-in policy (version 0, "default") the CLI and new organizations use. */
export const defaultPolicy: Policy = deepFreeze(policySchema.parse({}));
