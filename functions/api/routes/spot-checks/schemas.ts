import { IdParam } from '../../schemas/assessment';
import * as z from '../../schemas/zod';
import { SPOT_CHECK_DEFAULT_SIZE, SPOT_CHECK_MAX_SIZE } from '../../services/evidence-core';
import {
  createSpotCheckExample,
  exampleSpotCheckId,
  finishedSpotCheckExample,
  spotRecordExample,
  taggedExample,
  tagRecordExample,
} from './examples';

const tags = ['machine', 'human', 'unsure'] as const;
/** Optional flags beside the tag; they do not enter the estimate. */
export const spotFlags = ['label_wrong', 'personal_data', 'off_domain'] as const;

/** Body of POST /api/assessments/{id}/spot-checks. */
export const CreateSpotCheckBody = z
  .strictObject({
    size: z
      .number()
      .int()
      .min(1)
      .max(SPOT_CHECK_MAX_SIZE, `at most ${SPOT_CHECK_MAX_SIZE} records per spot-check`)
      .default(SPOT_CHECK_DEFAULT_SIZE)
      .openapi({ description: 'records to draw (default 100)' }),
  })
  .openapi('CreateSpotCheck', { example: createSpotCheckExample });

/** The stratified estimate of a finished spot-check. */
export const SpotEstimateSchema = z
  .object({
    share: z.number(),
    interval: z.tuple([z.number(), z.number()]),
    reviewed: z.number(),
    unsure: z.number(),
    method: z.string(),
  })
  .openapi('SpotEstimate');

/** A reviewer spot-check of the assessment's training sample. */
export const SpotCheckSchema = z
  .object({
    spotCheckId: z.string(),
    assessmentId: z.string(),
    sampleId: z.string(),
    status: z.enum(['open', 'finished']),
    size: z.number(),
    tagged: z.number(),
    createdAt: z.string(),
    createdBy: z.string(),
    finishedAt: z.string().nullable(),
    result: SpotEstimateSchema.nullable(),
  })
  .openapi('SpotCheck', { example: finishedSpotCheckExample });

/** One drawn record as the reviewer reads it (no stratum, no score). */
export const SpotRecordSchema = z
  .object({
    position: z.number(),
    total: z.number(),
    text: z.string(),
    truncated: z.boolean(),
    tag: z.enum(tags).nullable(),
    flags: z.array(z.string()),
  })
  .openapi('SpotCheckRecord', { example: spotRecordExample });

/** Body of PUT …/records/{position}. */
export const TagRecordBody = z
  .strictObject({
    tag: z.enum(tags).openapi({ description: 'machine-made, human, or unsure (cannot tell)' }),
    flags: z.array(z.enum(spotFlags)).max(spotFlags.length).default([]),
  })
  .openapi('TagSpotCheckRecord', { example: tagRecordExample });

/** What tagging a record answers: the tag kept and the next untagged position (null: none). */
export const TaggedSchema = z
  .object({
    position: z.number(),
    tag: z.enum(tags),
    flags: z.array(z.string()),
    next: z.number().nullable(),
  })
  .openapi('SpotCheckTagged', { example: taggedExample });

const spotCheckId = z
  .string()
  .regex(/^[a-z0-9]{26}$/, 'a spot-check id is 26 lowercase letters and digits')
  .openapi({ param: { name: 'spotCheckId', in: 'path' }, example: exampleSpotCheckId });

/** Path parameters `{id}` and `{spotCheckId}`. */
export const SpotCheckParams = IdParam.extend({ spotCheckId });

/** Path parameters `{id}`, `{spotCheckId}` and `{position}`. */
export const SpotRecordParams = SpotCheckParams.extend({
  position: z.coerce
    .number()
    .int('a position is a whole number')
    .min(0, 'positions start at 0')
    .openapi({ param: { name: 'position', in: 'path' }, example: 37 }),
});
