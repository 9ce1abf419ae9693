import * as z from '../../schemas/zod';
import { createPackExample, examplePackId, packExample, packUploadExample } from './examples';

/** Content types a pack or corpus may be uploaded with. */
export const packContentTypes = [
  'application/json',
  'application/octet-stream',
  'application/jsonl',
  'application/x-ndjson',
  'text/plain',
] as const;

/** Body of POST /api/fingerprints. */
export const CreatePackBody = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .openapi({ description: 'a short name for the library' }),
    kind: z.enum(['synthetic', 'eval', 'echo']).openapi({
      description:
        'synthetic: a public machine-written corpus; eval: your evaluation or holdout sets; echo: your own model outputs',
    }),
    source: z.enum(['pack', 'corpus']).openapi({
      description:
        'pack: a pack built offline (`diligence fingerprint build`); corpus: a text file the portal builds a pack from, then deletes (every version)',
    }),
    fileName: z.string().min(1).max(255).openapi({ example: 'holdout-q3.jsonl' }),
    sizeBytes: z.number().int().positive(),
    contentType: z.enum(packContentTypes, {
      error: `contentType must be one of ${packContentTypes.join(', ')}`,
    }),
    fields: z
      .strictObject({
        text: z
          .string()
          .min(1)
          .max(200)
          .openapi({ description: 'the JSON Lines field holding the text (default "text")' }),
      })
      .optional(),
    keyed: z.boolean().optional().openapi({
      description:
        "corpus only: build with the organization's HMAC key (kept in the portal, never returned) so the pack confirms no guessed text to anyone without the key; default true for eval and echo, false for synthetic",
    }),
  })
  .openapi('CreateFingerprintPack', { example: createPackExample });

/** The upload target for a new pack or corpus. */
export const PackUploadSchema = z
  .object({
    packId: z.string(),
    uploadUrl: z.string(),
    uploadHeaders: z.record(z.string(), z.string()),
    expiresAt: z.string(),
  })
  .openapi('FingerprintPackUpload', { example: packUploadExample });

/** A pack of the organization's library, or a built-in (shipped, read-only) pack. */
export const PackSchema = z
  .object({
    packId: z.string(),
    name: z.string(),
    kind: z.enum(['synthetic', 'eval', 'echo']),
    source: z.enum(['pack', 'corpus']),
    keyed: z.boolean(),
    builtin: z.boolean(),
    fileName: z.string().nullable(),
    sizeBytes: z.number().nullable(),
    status: z.enum(['awaiting_upload', 'building', 'ready', 'failed']),
    error: z.string().nullable(),
    records: z.number().nullable(),
    origin: z
      .string()
      .nullable()
      .openapi({ description: 'built-in packs: where the corpus comes from' }),
    licence: z.string().nullable().openapi({ description: "built-in packs: the corpus's licence" }),
    createdBy: z.string(),
    attachedTo: z.array(z.object({ assessmentId: z.string(), attachedAt: z.string() })),
    createdAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .openapi('FingerprintPack', { example: packExample });

const packIdPattern = /^([a-z0-9]{26}|builtin-[a-z0-9-]{1,56})$/;
const packIdMessage = 'a pack id is 26 lowercase letters and digits, or builtin-<name>';

/** Path parameter `{packId}`. */
export const PackIdParam = z.object({
  packId: z
    .string()
    .regex(packIdPattern, packIdMessage)
    .openapi({ param: { name: 'packId', in: 'path' }, example: examplePackId }),
});

/** Path parameters `{id}` and `{packId}`. */
export const AssessmentPackParams = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9]{26}$/, 'an assessment id is 26 lowercase letters and digits')
    .openapi({ param: { name: 'id', in: 'path' }, example: '01jbz0a1b2c3d4e5f6g7h8j9k0' }),
  packId: PackIdParam.shape.packId,
});

/** The assessment's pack after an attach. */
export const PackAttachmentSchema = z
  .object({ assessmentId: z.string(), pack: PackSchema })
  .openapi('FingerprintPackAttachment');
