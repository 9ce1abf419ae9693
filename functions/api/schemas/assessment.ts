import { assessmentStatuses } from '../../core/assessment/types';
import * as z from './zod';

const text = (max: number) => z.string().trim().min(1).max(max);

const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2})))?$/;

/** True for a real calendar date (2027-02-31 is not) with an in-range time and offset. */
export function isRealDateTime(s: string): boolean {
  const m = isoPattern.exec(s);
  if (!m) return false;
  const [y, mo, d, h = 0, mi = 0, sec = 0, oh = 0, om = 0] = m.slice(1).map((x) => Number(x ?? 0));
  const day = new Date(Date.UTC(y as number, (mo as number) - 1, d as number));
  const sameDay =
    day.getUTCFullYear() === y &&
    day.getUTCMonth() === (mo as number) - 1 &&
    day.getUTCDate() === d;
  return sameDay && h < 24 && mi < 60 && sec < 60 && oh < 24 && om < 60 && (y as number) >= 1970;
}

/** A date-time or date in ISO 8601 that exists on the calendar, normalized to a full timestamp. */
export const isoDateTime = z
  .string()
  .max(40)
  .refine(isRealDateTime, {
    message:
      'use a real ISO 8601 date such as 2026-12-31 or 2026-12-31T17:00:00Z (the day must exist in that month)',
  })
  .openapi({
    description: 'ISO 8601 date or date-time (a day that exists)',
    example: '2026-12-31T17:00:00Z',
  });

/** Body of POST /api/assessments. Strict: unknown fields are refused. */
export const CreateAssessmentBody = z
  .strictObject({
    vendor: z.strictObject({ name: text(200), contactEmail: z.email().max(254) }),
    dataset: z.strictObject({
      name: text(200),
      description: z.string().trim().max(2000).optional(),
      intendedUse: text(200),
    }),
    templateId: text(100),
    dueAt: isoDateTime,
  })
  .openapi('CreateAssessment');

const ReportSummarySchema = z
  .object({
    version: z.number().int(),
    score: z.number(),
    tier: z.enum(['low', 'moderate', 'high', 'critical']),
    maturity: z.number().int(),
    reportKey: z.string(),
    sha256: z.string(),
    generatedAt: z.string(),
  })
  .openapi('ReportSummary');

const ContactRefSchema = z
  .object({ contactId: z.string().nullable(), name: z.string(), email: z.string() })
  .openapi('ContactRef');

const CommentSchema = z
  .object({ questionId: z.string().nullable(), comment: z.string() })
  .openapi('ReviewComment');

/** An assessment as staff see it. */
export const AssessmentSchema = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    status: z.enum(assessmentStatuses),
    vendor: z.object({ name: z.string(), contactEmail: z.string() }),
    dataset: z.object({
      name: z.string(),
      description: z.string().optional(),
      intendedUse: z.string(),
    }),
    templateId: z.string(),
    templateVersion: z.number().int(),
    dueAt: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
    answers: z.record(z.string(), z.unknown()),
    previousAssessmentId: z.string().nullable(),
    invitation: z
      .object({
        issuedAt: z.string(),
        expiresAt: z.string(),
        revokedAt: z.string().nullable(),
        sentTo: z.string().optional(),
        lastReminderAt: z.string().nullable().optional(),
      })
      .nullable(),
    submittedAt: z.string().nullable(),
    decision: z
      .object({
        decision: z.enum(['approve', 'reject', 'request_changes']),
        by: z.string(),
        at: z.string(),
        comments: z.array(CommentSchema),
        conditions: z
          .array(z.record(z.string(), z.unknown()))
          .optional()
          .openapi({ description: 'the delivery contract of an approval (ContractCondition)' }),
      })
      .nullable(),
    report: ReportSummarySchema.nullable(),
    reportUpdating: z.boolean().optional().openapi({
      description:
        'GET of one assessment only: true while a requested re-score has not finished, so `report` is about to change (poll until false)',
    }),
    cancellation: z
      .object({ by: z.string(), at: z.string(), reason: z.string() })
      .nullable()
      .optional(),
    archivedAt: z.string().nullable().optional(),
    samplesPurgedAt: z.string().nullable().optional().openapi({
      description:
        'when the retention policy deleted the sample files, analyses and partials (reports stay)',
    }),
    contractCheck: z.record(z.string(), z.unknown()).nullable().optional().openapi({
      description:
        "the approved predecessor's contract checked on this delivery (see GET /assessments/{id}/contract)",
    }),
    conditionsBroken: z.boolean().optional().openapi({
      description:
        'true while a condition of the delivery contract is broken (a flag, not a status)',
    }),
    answeredBy: z
      .record(z.string(), ContactRefSchema.extend({ at: z.string() }))
      .optional()
      .openapi({
        description:
          'who last answered each question, by question id: a named vendor contact, or (contactId null) the vendor contact of the assessment',
      }),
    submittedBy: ContactRefSchema.nullable().optional(),
  })
  .openapi('Assessment');

/** Path parameter `{id}` of an assessment. */
export const IdParam = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9]{26}$/, 'an assessment id is 26 lowercase letters and digits')
    .openapi({ param: { name: 'id', in: 'path' } }),
});

/** Query of GET /api/assessments. */
export const ListQuery = z.strictObject({
  status: z.enum(assessmentStatuses).optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .openapi({ description: 'page size; clamped to 1–100' }),
  cursor: z.string().max(2000).optional(),
});

/** A page of assessments. */
export const AssessmentPage = z
  .object({ items: z.array(AssessmentSchema), nextCursor: z.string().nullable() })
  .openapi('AssessmentPage');

/** One audit event. */
export const EventSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.string(),
    role: z.string(),
    type: z.string(),
    detail: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEvent');
