import { CROISSANT_CONTEXT } from '../../../../core/report/croissant';
import { exampleIds } from '../../../schemas/examples';
import * as z from '../../../schemas/zod';

/** Example bodies of the report downloads, shaped as the handlers really send them. */

const sha256 = 'b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c';
const generatedAt = '2026-11-28T14:05:00.000Z';

const BundleSampleSchema = z.object({
  sampleId: z.string(),
  role: z.enum(['training', 'holdout']),
  fileName: z.string(),
  records: z.number().int(),
  sha256: z.string().optional().openapi({ description: "the file's SHA-256" }),
  treeHash: z
    .string()
    .optional()
    .openapi({ description: 'the tree hash of a sample analyzed in ranges (see hashMethod)' }),
  hashMethod: z.string().optional(),
});

/** The signed report bundle (docs/signed-reports.md): verify with `npx diligence verify`. */
export const ReportBundleSchema = z
  .object({
    format: z.literal('diligence-report-bundle/2'),
    report: z
      .record(z.string(), z.unknown())
      .openapi({ description: 'the stored report exactly as kept (see Report)' }),
    version: z.number().int(),
    assessment: z.object({
      id: z.string(),
      templateId: z.string(),
      templateVersion: z.number().int(),
      vendor: z.object({ name: z.string() }),
      dataset: z.object({ name: z.string() }),
      status: z.string(),
      decision: z.object({ decision: z.string(), at: z.string() }).optional(),
    }),
    organization: z.object({ id: z.string() }),
    samples: z.array(BundleSampleSchema),
    analyzer: z.object({ parametersVersion: z.number().int() }),
    issuedAt: z.string(),
    signature: z.object({ alg: z.literal('ES256'), kid: z.string(), value: z.string() }).openapi({
      description:
        'ES256 over the RFC 8785 canonical JSON of every other field; value is base64url raw r‖s; kid names a key of /.well-known/diligence-keys.json',
    }),
  })
  .openapi('ReportBundle');

/** A bundle of version 2 of a report (the report abridged to its first factor and dimension). */
export const reportBundleExample = {
  format: 'diligence-report-bundle/2' as const,
  report: {
    assessmentId: exampleIds.id,
    generatedAt,
    sha256,
    templateId: 'ai-training-data',
    templateVersion: 1,
    policyVersion: 0,
    maturity: { level: 2, dimensions: [{ dimension: 'provenance', level: 2 }] },
    risk: {
      score: 41.5,
      tier: 'moderate',
      uncappedPoints: 41.5,
      factors: [{ id: 'synthetic_share', points: 3.6, source: 'answer' }],
    },
    discrepancies: [],
    claimChecks: [],
    samples: [{ sampleId: exampleIds.sampleId, role: 'training', records: 120_000 }],
    version: 2,
  },
  version: 2,
  assessment: {
    id: exampleIds.id,
    templateId: 'ai-training-data',
    templateVersion: 1,
    vendor: { name: 'Acme Data' },
    dataset: { name: 'Acme Instructions v3' },
    status: 'approved',
    decision: { decision: 'approve', at: '2026-11-29T09:00:00.000Z' },
  },
  organization: { id: 'demo' },
  samples: [
    {
      sampleId: exampleIds.sampleId,
      role: 'training' as const,
      fileName: 'support-tickets-2025.jsonl.gz',
      records: 120_000,
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    },
  ],
  analyzer: { parametersVersion: 2 },
  issuedAt: '2026-11-30T10:00:00.000Z',
  signature: {
    alg: 'ES256' as const,
    kid: 'local-3kZr8c1mQv0aT5Yx',
    value:
      'MEUCIQDx3fJ0l5n2cJ8Zb6qkq1gP1v4QmM0sQ9c7t2X3y4Z5AAIgW1e2r3t4y5u6i7o8p9a0s1d2f3g4h5j6k7l8z9x0c1v2',
  },
};

/** The Croissant JSON-LD export of the same report (abridged to two RAI properties). */
export const croissantExample: Record<string, unknown> = {
  '@context': CROISSANT_CONTEXT,
  '@type': 'sc:Dataset',
  conformsTo: 'http://mlcommons.org/croissant/RAI/1.0',
  name: 'Acme Instructions v3',
  description: 'Instruction/response pairs in English',
  creator: { '@type': 'sc:Organization', name: 'Acme Data' },
  'rai:dataCollection': ['Vendor: written by contracted annotators from 2023 to 2025.'],
  'rai:dataUseCases': ["The buyer's intended use: fine-tuning"],
  'dct:source': {
    '@type': 'sc:CreativeWork',
    name: `Diligence report of assessment ${exampleIds.id}`,
    dateCreated: generatedAt,
    identifier: `sha256:${sha256}`,
  },
};
