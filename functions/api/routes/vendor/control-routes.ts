import { createRoute } from '@hono/zod-openapi';
import { errorResponses, jsonBody, jsonResponse } from '../../schemas/problem';
import * as z from '../../schemas/zod';
import { SampleIdParam, SaveAnswersBody } from './schemas';

/** Body of PATCH /api/vendor/answers: one answer set, one cleared, one out of range. */
const mergeAnswersExample = {
  answers: { dataset_name: 'Support dialogues', label_audit: null, synthetic_share_percent: 150 },
  version: 3,
};

/** What PATCH /api/vendor/answers answers for it: the valid two stored, the third refused. */
const mergedAnswersExample = {
  answers: { dataset_name: 'Support dialogues' },
  version: 4,
  saved: ['dataset_name', 'label_audit'],
  errors: [
    {
      path: 'answers.synthetic_share_percent',
      message: 'must be a number from 0 to 100, or "unknown" (got 150)',
    },
  ],
};

const vendor = [{ vendorToken: [] }];

/** What a merge save returns: the stored answers, what was kept, and each refused answer's error. */
export const MergedAnswersSchema = z
  .object({
    answers: z.record(z.string(), z.unknown()),
    version: z.number().int(),
    saved: z.array(z.string()).openapi({ description: 'question ids stored by this request' }),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .openapi({ description: 'refused answers: `answers.<questionId>` and what to fix' }),
  })
  .openapi('MergedAnswers', { example: mergedAnswersExample });

/** PATCH /api/vendor/answers */
export const mergeAnswers = createRoute({
  method: 'patch',
  path: '/vendor/answers',
  operationId: 'mergeVendorAnswers',
  tags: ['vendor'],
  summary: 'Save a draft, keeping every valid answer; invalid ones come back with their errors',
  description:
    'Unlike `PUT /vendor/answers` (all or nothing), this stores each valid answer and returns 200 with `errors` listing the refused ones, so one mistake never loses the rest. `null` clears an answer.',
  security: vendor,
  request: {
    body: jsonBody(
      SaveAnswersBody.openapi({ example: mergeAnswersExample }),
      'Answers to store (null clears one) and the version you loaded',
      mergeAnswersExample,
    ),
  },
  responses: {
    200: jsonResponse(
      MergedAnswersSchema,
      'Valid answers saved; refused ones listed',
      mergedAnswersExample,
    ),
    ...errorResponses(400, 401, 409, 413, 415, 429),
  },
});

/** DELETE /api/vendor/samples/{sampleId} */
export const deleteSample = createRoute({
  method: 'delete',
  path: '/vendor/samples/{sampleId}',
  operationId: 'deleteVendorSample',
  tags: ['vendor'],
  summary: 'Delete a sample (its record, file and analysis) while the questionnaire is open',
  security: vendor,
  request: { params: SampleIdParam },
  responses: {
    204: { description: 'Deleted; the assessment is scored again without it' },
    ...errorResponses(400, 401, 404, 409, 429),
  },
});
