import { z } from '@hono/zod-openapi';
import {
  FieldOverrides,
  SampleSchema,
  sampleContentTypes,
  sampleFileNamePattern,
  unsupportedType,
} from '../vendor/schemas';

const exampleId = '01jbz3k6q9v8r2m4t7w5x0y1za';

/** Body of POST /api/references. */
export const CreateReferenceBody = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .openapi({ description: 'a short name for the library' }),
    description: z
      .string()
      .trim()
      .max(2000)
      .default('')
      .openapi({ description: 'where the records come from and why they are known to be human' }),
    fileName: z
      .string()
      .min(1)
      .max(255)
      .regex(sampleFileNamePattern, unsupportedType)
      .openapi({ example: 'support-tickets-2024.jsonl' }),
    sizeBytes: z.number().int().positive(),
    contentType: z.enum(sampleContentTypes),
    fields: FieldOverrides.optional(),
  })
  .openapi('CreateReference', {
    example: {
      name: 'Support tickets 2024 (human)',
      description:
        'Our own 2024 support tickets, written by customers and agents before any AI tooling.',
      fileName: 'tickets-2024.jsonl',
      sizeBytes: 182_044,
      contentType: 'application/x-ndjson',
    },
  });

/** The upload target for a new reference sample. */
export const ReferenceUploadSchema = z
  .object({
    referenceId: z.string(),
    uploadUrl: z.string(),
    uploadHeaders: z.record(z.string(), z.string()),
    expiresAt: z.string(),
  })
  .openapi('ReferenceUpload', {
    example: {
      referenceId: exampleId,
      uploadUrl:
        'https://samples.example/samples/acme/references/01jbz3k6q9v8r2m4t7w5x0y1za?X-Amz-Signature=…',
      uploadHeaders: { 'content-type': 'application/x-ndjson', 'content-length': '182044' },
      expiresAt: '2026-11-28T15:15:00.000Z',
    },
  });

const status = SampleSchema.shape.status;
const summary = SampleSchema.shape.summary;

/** A reference sample of the organization's library. */
export const ReferenceSchema = z
  .object({
    referenceId: z.string(),
    name: z.string(),
    description: z.string(),
    fileName: z.string(),
    role: z.literal('reference'),
    sizeBytes: z.number(),
    status,
    error: z.string().nullable(),
    sha256: z.string().nullable(),
    summary,
    createdBy: z.string(),
    attachedTo: z.array(z.object({ assessmentId: z.string(), attachedAt: z.string() })),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ReferenceSample', {
    example: {
      referenceId: exampleId,
      name: 'Support tickets 2024 (human)',
      description: 'Our own 2024 support tickets, written before any AI tooling.',
      fileName: 'tickets-2024.jsonl',
      role: 'reference',
      sizeBytes: 182_044,
      status: 'analyzed',
      error: null,
      sha256: '9f2c…',
      summary: {
        records: 1200,
        exactRate: 0.01,
        nearRate: 0.02,
        estimatedShare: 0.04,
        fields: { text: 'body' },
        malformed: 0,
        malformedLines: [],
      },
      createdBy: 'pat@acme.example',
      attachedTo: [
        { assessmentId: '01jbz3m0a1b2c3d4e5f6g7h8j9', attachedAt: '2026-11-28T15:20:00.000Z' },
      ],
      createdAt: '2026-11-28T15:00:00.000Z',
      updatedAt: '2026-11-28T15:01:10.000Z',
    },
  });

/** Path parameter `{referenceId}`. */
export const ReferenceIdParam = z.object({
  referenceId: z
    .string()
    .regex(/^[a-z0-9]{26}$/, 'a reference id is 26 lowercase letters and digits')
    .openapi({ param: { name: 'referenceId', in: 'path' }, example: exampleId }),
});

/** Body of PUT /api/assessments/{id}/reference. */
export const AttachReferenceBody = z
  .strictObject({
    referenceId: z
      .string()
      .regex(/^[a-z0-9]{26}$/, 'a reference id is 26 lowercase letters and digits'),
  })
  .openapi('AttachReference', { example: { referenceId: exampleId } });

/** The assessment's reference after an attach. */
export const AttachmentSchema = z
  .object({ assessmentId: z.string(), reference: ReferenceSchema })
  .openapi('ReferenceAttachment');
