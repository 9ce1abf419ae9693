import { IdParam } from '../../schemas/assessment';
import * as z from '../../schemas/zod';
import {
  FieldOverrides,
  SampleSchema,
  sampleContentTypes,
  sampleFileNamePattern,
  unsupportedType,
} from '../vendor/schemas';
import {
  attachReferenceExample,
  createReferenceExample,
  exampleId,
  machineAttachmentExample,
  referenceExample,
  referenceUploadExample,
} from './examples';

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
    kind: z.enum(['human', 'machine']).default('human').openapi({
      description:
        'human: known human-written records (the default); machine: text the buyer generated with a model it suspects',
    }),
    generator: z.string().trim().min(1).max(200).optional().openapi({
      description:
        'the model that wrote a machine reference (required for machine, refused for human)',
      example: 'gpt-4o',
    }),
  })
  .superRefine((body, ctx) => {
    if (body.kind === 'machine' && !body.generator)
      ctx.addIssue({
        code: 'custom',
        path: ['generator'],
        message: 'name the model that wrote a machine reference, e.g. "gpt-4o"',
      });
    if (body.kind === 'human' && body.generator !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['generator'],
        message: 'a human reference has no generator: leave it out, or set kind to "machine"',
      });
  })
  .openapi('CreateReference', {
    example: createReferenceExample,
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
    example: referenceUploadExample,
  });

const status = SampleSchema.shape.status;
const summary = SampleSchema.shape.summary;

/** A reference sample of the organization's library. */
export const ReferenceSchema = z
  .object({
    referenceId: z.string(),
    name: z.string(),
    kind: z.enum(['human', 'machine']),
    generator: z.string().nullable(),
    description: z.string(),
    fileName: z.string(),
    role: z.literal('reference'),
    sizeBytes: z.number(),
    status,
    error: z.string().nullable(),
    sha256: z.string().nullable(),
    summary,
    readField: z.string().nullable().openapi({
      description:
        'the field the text was read from (several joined by " + "); null until analyzed',
    }),
    createdBy: z.string(),
    attachedTo: z.array(z.object({ assessmentId: z.string(), attachedAt: z.string() })),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ReferenceSample', {
    example: referenceExample,
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
  .openapi('AttachReference', { example: attachReferenceExample });

/** The assessment's reference after an attach. */
export const AttachmentSchema = z
  .object({ assessmentId: z.string(), reference: ReferenceSchema })
  .openapi('ReferenceAttachment');

/** Path parameters `{id}` and `{referenceId}` of the machine-reference routes. */
export const MachineReferenceParams = IdParam.extend(ReferenceIdParam.shape);

/** The assessment's machine references after an attach. */
export const MachineAttachmentSchema = z
  .object({ assessmentId: z.string(), machineReferences: z.array(ReferenceSchema) })
  .openapi('MachineReferenceAttachment', { example: machineAttachmentExample });
