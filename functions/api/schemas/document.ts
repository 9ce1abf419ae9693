import type { OpenAPIHono } from '@hono/zod-openapi';

type DocumentConfig = Parameters<OpenAPIHono['getOpenAPI31Document']>[0];

/** Top-level fields of the OpenAPI document (everything but the paths the routes declare). */
export const openApiInfo: DocumentConfig = {
  openapi: '3.1.0',
  info: {
    title: 'Diligence API',
    version: '1.0.0',
    description:
      'Due diligence on AI training datasets: questionnaires, samples, scored reports. Errors are RFC 9457 problem+json. The interactive reference is at /api/docs.',
    // OpenAPI 3.1's SPDX `identifier`; the generator's types only know 3.0's `url`.
    license: {
      name: 'Proprietary: no licence is granted to use this API outside your organization',
      identifier: 'LicenseRef-Proprietary',
    } as { name: string },
  },
  servers: [
    {
      url: '/',
      description:
        'The portal serving this document (npm start locally; the CloudFront domain in AWS)',
    },
  ],
  tags: [
    { name: 'meta', description: 'Liveness, client configuration and the signed-in user' },
    { name: 'templates', description: 'Questionnaire templates' },
    { name: 'assessments', description: 'Assessments of a vendor dataset (procurement)' },
    { name: 'invitations', description: 'Vendor invitation links' },
    { name: 'review', description: 'Governance decisions' },
    { name: 'reports', description: 'Scored reports, samples and analyses' },
    { name: 'policy', description: 'The scoring policy and method' },
    { name: 'vendor', description: 'What a vendor does with an invitation token' },
    { name: 'dev', description: 'Local-only helpers (absent in AWS)' },
  ],
};
