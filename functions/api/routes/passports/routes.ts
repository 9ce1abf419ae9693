import { createRoute } from '@hono/zod-openapi';
import { requireStaff } from '../../middleware/staff-auth';
import { IdParam } from '../../schemas/assessment';
import { errorResponses, jsonResponse } from '../../schemas/problem';
import * as z from '../../schemas/zod';

const staff = [{ staffJwt: [] }];

/** The passport link, shown once to whoever made it. */
export const PassportLinkSchema = z
  .object({
    token: z.string(),
    url: z.string().openapi({ description: 'the signed JSON (GET /api/passports/{token})' }),
    pageUrl: z.string().openapi({ description: 'the public page showing it in plain words' }),
    createdAt: z.string(),
  })
  .openapi('PassportLink');

/** Whether an assessment has a live link (the token itself is never kept) and may have one. */
export const PassportStateSchema = z
  .object({
    live: z.boolean(),
    createdAt: z.string().nullable(),
    approved: z.boolean().openapi({ description: 'only an approved assessment has a passport' }),
    vendorMayShare: z
      .boolean()
      .openapi({ description: "the buyer's policy `passport.vendorMayShare`" }),
    includeFrameworks: z.boolean(),
  })
  .openapi('PassportState');

/** The link example both sides return. */
export const passportLinkExample = {
  token: 'q3J9x0Vb8mZt2LrKc5Yw1PnHs7DfGe4AuT6iOkNjQlE',
  url: 'http://localhost:3000/api/passports/q3J9x0Vb8mZt2LrKc5Yw1PnHs7DfGe4AuT6iOkNjQlE',
  pageUrl: 'http://localhost:3000/passport#token=q3J9x0Vb8mZt2LrKc5Yw1PnHs7DfGe4AuT6iOkNjQlE',
  createdAt: '2026-12-01T10:00:00.000Z',
};

/** The state example both sides return. */
export const passportStateExample = {
  live: true,
  createdAt: '2026-12-01T10:00:00.000Z',
  approved: true,
  vendorMayShare: true,
  includeFrameworks: false,
};

const status = z.enum(['answered', 'measured', 'contradicted', 'missing']);

/** A signed passport (docs/signed-reports.md, "Passports"). */
export const PassportSchema = z
  .object({
    format: z.literal('diligence-passport/1'),
    assessment: z.object({
      id: z.string(),
      vendor: z.object({ name: z.string() }),
      dataset: z.object({ name: z.string() }),
      decision: z.object({ decision: z.literal('approve'), at: z.string() }),
    }),
    organization: z.object({ id: z.string(), name: z.string() }),
    report: z.object({
      version: z.number().int(),
      sha256: z.string(),
      generatedAt: z.string(),
      score: z.number(),
      tier: z.string(),
      maturity: z.number(),
    }),
    samples: z.array(z.record(z.string(), z.unknown())),
    analyzer: z.object({ parametersVersion: z.number().int() }),
    frameworks: z
      .array(
        z.object({
          id: z.string(),
          title: z.string(),
          counts: z.record(z.string(), z.number().int()),
          items: z.array(z.object({ id: z.string(), title: z.string(), ref: z.string(), status })),
        }),
      )
      .optional()
      .openapi({
        description:
          "framework item statuses, only when the buyer's policy sets `passport.includeFrameworks`",
      }),
    issuedAt: z.string(),
    signature: z.object({ alg: z.literal('ES256'), kid: z.string(), value: z.string() }),
  })
  .openapi('Passport');

const passportExample: z.output<typeof PassportSchema> = {
  format: 'diligence-passport/1',
  assessment: {
    id: '01kb2x7q9m3n4p5r6s7t8v9w0x',
    vendor: { name: 'Acme Data' },
    dataset: { name: 'Acme Instructions v3' },
    decision: { decision: 'approve', at: '2026-11-29T09:00:00.000Z' },
  },
  organization: { id: 'demo', name: 'Demo Bank' },
  report: {
    version: 2,
    sha256: 'b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c',
    generatedAt: '2026-11-28T14:05:00.000Z',
    score: 41.5,
    tier: 'moderate',
    maturity: 2,
  },
  samples: [
    {
      sampleId: '01kb2x8a1b2c3d4e5f6g7h8j9k',
      role: 'training',
      fileName: 'support-tickets-2025.jsonl.gz',
      records: 120000,
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    },
  ],
  analyzer: { parametersVersion: 2 },
  issuedAt: '2026-12-01T10:00:00.000Z',
  signature: {
    alg: 'ES256',
    kid: 'local-3kZr8c1mQv0aT5Yx',
    value:
      'x3fJ0l5n2cJ8Zb6qkq1gP1v4QmM0sQ9c7t2X3y4Z5AAW1e2r3t4y5u6i7o8p9a0s1d2f3g4h5j6k7l8z9x0c1v2b3n4',
  },
};

const TokenParam = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{22,128}$/, 'a passport token is the last part of its link')
    .openapi({ param: { name: 'token', in: 'path' } }),
});

/** POST /api/assessments/{id}/passport */
export const createPassport = createRoute({
  method: 'post',
  path: '/assessments/{id}/passport',
  operationId: 'createPassport',
  tags: ['passports'],
  summary:
    "Make a public, revocable link to the approved assessment's signed summary (for the vendor to share); revokes any earlier link",
  security: staff,
  middleware: [requireStaff('procurement', 'governance')] as const,
  request: { params: IdParam },
  responses: {
    201: jsonResponse(
      PassportLinkSchema,
      'The new link (the token is shown once)',
      passportLinkExample,
    ),
    ...errorResponses(400, 401, 403, 404, 409, 429),
  },
});

/** GET /api/assessments/{id}/passport */
export const getPassportState = createRoute({
  method: 'get',
  path: '/assessments/{id}/passport',
  operationId: 'getPassportState',
  tags: ['passports'],
  summary: 'Whether the assessment has a live passport link, and what the policy allows',
  security: staff,
  middleware: [requireStaff()] as const,
  request: { params: IdParam },
  responses: {
    200: jsonResponse(PassportStateSchema, 'The link state', passportStateExample),
    ...errorResponses(400, 401, 403, 404, 429),
  },
});

/** DELETE /api/assessments/{id}/passport */
export const revokePassport = createRoute({
  method: 'delete',
  path: '/assessments/{id}/passport',
  operationId: 'revokePassport',
  tags: ['passports'],
  summary: "Revoke the assessment's passport link (it stops answering at once)",
  security: staff,
  middleware: [requireStaff('procurement', 'governance')] as const,
  request: { params: IdParam },
  responses: { 204: { description: 'Revoked' }, ...errorResponses(400, 401, 403, 404, 429) },
});

/** GET /api/passports/{token} */
export const getPassport = createRoute({
  method: 'get',
  path: '/passports/{token}',
  operationId: 'getPassport',
  tags: ['passports'],
  summary:
    'The signed summary behind a passport link (no sign-in): verify it with `npx diligence verify <file> --keys <JWKS>`',
  security: [],
  request: { params: TokenParam },
  responses: {
    200: jsonResponse(PassportSchema, 'The signed passport', passportExample),
    ...errorResponses(400, 404, 429),
  },
});
