import { CROISSANT_CONTEXT } from '../../../../core/report/croissant';
import { exampleIds } from '../../../schemas/examples';
import * as z from '../../../schemas/zod';

/** Example bodies of the report downloads, shaped as the handlers really send them. */

const sha256 = 'b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c';
const generatedAt = '2026-11-28T14:05:00.000Z';

/** The report bundle file: the stored report as kept, with the SHA-256 it must hash to. */
export const ReportBundleSchema = z
  .object({
    format: z.literal('diligence-report-bundle/1'),
    assessmentId: z.string(),
    version: z.number().int(),
    sha256: z.string(),
    verify: z.string().openapi({ description: 'how to check the file, in words' }),
    report: z
      .record(z.string(), z.unknown())
      .openapi({ description: 'the stored report exactly as kept (see Report)' }),
  })
  .openapi('ReportBundle');

/** A bundle of version 2 of a report (the report abridged to its first factor and dimension). */
export const reportBundleExample = {
  format: 'diligence-report-bundle/1' as const,
  assessmentId: exampleIds.id,
  version: 2,
  sha256,
  verify:
    'npx diligence verify <this file>: SHA-256 of the report as canonical JSON (keys sorted) with sha256 blank and version left out',
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
