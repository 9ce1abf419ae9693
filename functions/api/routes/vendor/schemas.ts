import { assessmentStatuses } from '../../../core/assessment/types';
import * as z from '../../schemas/zod';

/** Accepted sample content types. */
export const sampleContentTypes = [
  'text/csv',
  'application/json',
  'application/jsonl',
  'application/x-ndjson',
  'application/gzip',
  'application/x-gzip',
  'text/plain',
  'application/zip',
  'application/x-zip-compressed',
  'application/x-tar',
] as const;

const caseless = (word: string) =>
  [...word].map((ch) => (/[a-z]/.test(ch) ? `[${ch}${ch.toUpperCase()}]` : `\\${ch}`)).join('');

/**
 * Sample file names by extension, in any letter case (`DATA.JSONL.GZ` too). Spelled without regex
 * flags: a flag cannot travel in an OpenAPI `pattern`, so clients validate exactly what we do.
 */
export const sampleFileNamePattern = new RegExp(
  `\\.((${['csv', 'jsonl', 'ndjson', 'json', 'txt', 'tar'].map(caseless).join('|')})(${caseless('.gz')})?|${caseless('zip')}|${caseless('tgz')})$`,
);

/** What a person reads when the file is of a kind the analyzer cannot read. */
export const unsupportedType =
  'This file type is not supported. Upload CSV (.csv), JSON Lines (.jsonl, .ndjson), a JSON array (.json) or plain text (.txt), optionally gzip-compressed (.gz), or an archive of images (.zip, .tar, .tar.gz).';

/** Per-upload field overrides (which record field holds the text, the label, …). */
export const FieldOverrides = z
  .strictObject({
    text: z.string().min(1).max(200).optional(),
    label: z.string().min(1).max(200).optional(),
    source: z.string().min(1).max(200).optional(),
    createdAt: z.string().min(1).max(200).optional(),
    synthetic: z.string().min(1).max(200).optional(),
  })
  .openapi('FieldOverrides');

/** Body of POST /api/vendor/samples. */
export const CreateSampleBody = z
  .strictObject({
    fileName: z
      .string()
      .min(1)
      .max(255)
      .regex(sampleFileNamePattern, unsupportedType)
      .openapi({ example: 'support-tickets-2025.jsonl.gz' }),
    role: z.enum(['training', 'holdout']),
    sizeBytes: z.number().int().positive(),
    contentType: z.enum(sampleContentTypes, { error: unsupportedType }),
    fields: FieldOverrides.optional(),
    sha256: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'a SHA-256 is 64 hexadecimal characters')
      .optional()
      .openapi({
        description:
          'the SHA-256 of the file (hex): the uploaded bytes are checked against it and a different file is refused (the sample fails, nothing is replaced); with `replaces` naming a file of this SHA-256, `sizeBytes` must be that file’s size (400 otherwise)',
      }),
    replaces: z
      .string()
      .regex(/^[a-z0-9]{26}$/, 'a sample id is 26 lowercase letters and digits')
      .optional()
      .openapi({
        description:
          'the uploaded sample this one corrects (same file, new field mapping): `fields` is checked against that file, and a field it lacks is refused with 400',
      }),
  })
  .openapi('CreateSample', {
    example: {
      fileName: 'tickets.jsonl',
      role: 'training',
      sizeBytes: 48213,
      contentType: 'application/x-ndjson',
      fields: { text: 'body' },
    },
  });

/** How the file goes up: one presigned PUT, or a multipart upload for files over the threshold. */
export const UploadModeSchema = z
  .discriminatedUnion('mode', [
    z.object({ mode: z.literal('single') }),
    z.object({
      mode: z.literal('multipart'),
      uploadId: z.string(),
      partSize: z.number().int().openapi({ description: 'bytes in every part but the last' }),
      partCount: z.number().int().openapi({ description: 'parts numbered 1 to partCount' }),
    }),
  ])
  .openapi('UploadMode', {
    description:
      '`single`: PUT the whole file to `uploadUrl` with `uploadHeaders`. `multipart`: request part URLs (`POST …/parts`), PUT each part, then `POST …/complete` with the ETags.',
  });

/** The upload target for a new sample. */
export const UploadSchema = z
  .object({
    sampleId: z.string(),
    upload: UploadModeSchema,
    uploadUrl: z.string().optional().openapi({ description: 'single mode: PUT the file here' }),
    uploadHeaders: z
      .record(z.string(), z.string())
      .optional()
      .openapi({ description: 'single mode: send exactly these headers' }),
    expiresAt: z.string().optional().openapi({ description: 'single mode: when the URL expires' }),
    replaced: z.array(z.string()).optional().openapi({
      description:
        'earlier samples of the same role that were never uploaded, retired now (deleted)',
    }),
    retiresOnUpload: z.array(z.string()).optional().openapi({
      description:
        'earlier samples of the same role that keep counting until this file arrives, then are retired',
    }),
  })
  .openapi('SampleUpload');

/** A sample's state as the vendor and staff see it. */
export const SampleSchema = z
  .object({
    sampleId: z.string(),
    fileName: z.string(),
    role: z.enum(['training', 'holdout']),
    sizeBytes: z.number(),
    status: z.enum(['awaiting_upload', 'analyzing', 'analyzed', 'failed', 'unusable']).openapi({
      description:
        '`unusable`: the file was read but is not evidence (most records without text, too many malformed rows); `error` says what to fix',
    }),
    error: z.string().nullable(),
    sha256: z.string().nullable(),
    progress: z
      .object({
        stage: z.enum(['reading', 'examples', 'saving']),
        bytesRead: z.number(),
        totalBytes: z.number(),
        linesRead: z.number(),
        at: z.string(),
      })
      .nullable()
      .optional()
      .openapi({ description: 'while analyzing: stage, bytes and lines read so far' }),
    upload: z
      .object({ mode: z.literal('multipart'), partSize: z.number(), partCount: z.number() })
      .nullable()
      .optional()
      .openapi({
        description:
          'while a multipart upload is awaited: its part size and count (`GET …/parts` lists the parts already uploaded)',
      }),
    counts: z
      .boolean()
      .optional()
      .openapi({ description: 'true when this sample is the one the report uses for its role' }),
    summary: z
      .object({
        records: z.number(),
        exactRate: z.number(),
        nearRate: z.number(),
        estimatedShare: z.number(),
        fields: z.record(z.string(), z.unknown()),
        malformed: z
          .number()
          .int()
          .optional()
          .openapi({ description: 'rows that could not be read and were skipped' }),
        malformedLines: z
          .array(z.object({ line: z.number().int(), message: z.string() }))
          .optional()
          .openapi({ description: 'the first skipped rows, with what was wrong' }),
        images: z
          .object({
            decoded: z.number().int(),
            undecodable: z.number().int(),
            exactRate: z.number(),
            nearRate: z.number(),
            evidenced: z.number().int(),
            evidencedShare: z.number(),
            c2paPresent: z.number().int(),
            c2paInvalid: z.number().int(),
          })
          .optional()
          .openapi({
            description:
              'an archive of images: images decoded and not, exact and near copy rates, images whose own bytes declare AI origin (`evidencedShare` is a lower bound), C2PA manifests present and failing validation',
          }),
      })
      .nullable(),
    purgedAt: z.string().nullable().optional().openapi({
      description:
        'when the file, its analysis and partial were deleted under the retention policy (the summary stays); null while held',
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Sample');

/** Body of PUT /api/vendor/answers: a partial map; `null` clears an answer. */
export const SaveAnswersBody = z
  .strictObject({
    answers: z.record(z.string().max(100), z.unknown()),
    version: z
      .number()
      .int()
      .positive()
      .optional()
      .openapi({ description: 'the version you loaded; stale → 409' }),
  })
  .openapi('SaveAnswers');

/** What the vendor sees of their assessment. */
export const VendorViewSchema = z
  .object({
    assessment: z.object({
      id: z.string(),
      status: z.enum(assessmentStatuses),
      vendor: z.object({ name: z.string(), contactEmail: z.string() }),
      dataset: z.object({
        name: z.string(),
        description: z.string().optional(),
        intendedUse: z.string(),
      }),
      dueAt: z.string(),
      submittedAt: z.string().nullable(),
      decidedAt: z
        .string()
        .nullable()
        .optional()
        .openapi({ description: 'when the latest decision was recorded' }),
    }),
    buyer: z
      .object({ name: z.string(), contactEmail: z.string() })
      .optional()
      .openapi({ description: 'the organization that invited you and the person who created it' }),
    template: z
      .record(z.string(), z.unknown())
      .openapi({ description: 'the pinned questionnaire template' }),
    answers: z.record(z.string(), z.unknown()),
    version: z.number().int(),
    samples: z.array(SampleSchema),
    comments: z.array(z.object({ questionId: z.string().nullable(), comment: z.string() })),
    you: z
      .object({ name: z.string(), email: z.string(), sections: z.array(z.string()) })
      .nullable()
      .optional()
      .openapi({
        description:
          "the named contact whose own link opened the questionnaire, with the section ids assigned to them (null on the vendor contact's link)",
      }),
  })
  .openapi('VendorView');

/** Path parameter `{sampleId}`. */
export const SampleIdParam = z.object({
  sampleId: z
    .string()
    .regex(/^[a-z0-9]{26}$/, 'a sample id is 26 lowercase letters and digits')
    .openapi({ param: { name: 'sampleId', in: 'path' } }),
});
