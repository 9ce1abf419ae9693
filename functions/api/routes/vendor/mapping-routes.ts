import { createRoute } from '@hono/zod-openapi';
import { sampleExample } from '../../schemas/examples';
import { errorResponses, jsonBody, jsonResponse } from '../../schemas/problem';
import { ChangeFieldsBody, DetectedFieldsSchema, detectedFieldsExample } from './mapping-schemas';
import { SampleIdParam, SampleSchema } from './schemas';

const vendor = [{ vendorToken: [] }];

/** GET /api/vendor/samples/{sampleId}/fields */
export const getSampleFields = createRoute({
  method: 'get',
  path: '/vendor/samples/{sampleId}/fields',
  operationId: 'getVendorSampleFields',
  tags: ['vendor'],
  summary: 'The fields of the uploaded file, with examples, and the field each slot reads',
  security: vendor,
  request: { params: SampleIdParam },
  responses: {
    200: jsonResponse(DetectedFieldsSchema, 'The fields found', detectedFieldsExample),
    ...errorResponses(400, 401, 404, 409, 429),
  },
});

/** PUT /api/vendor/samples/{sampleId}/fields */
export const changeSampleFields = createRoute({
  method: 'put',
  path: '/vendor/samples/{sampleId}/fields',
  operationId: 'changeVendorSampleFields',
  tags: ['vendor'],
  summary:
    'Change the field mapping and analyze the stored file again (no new upload); while the assessment is open',
  security: vendor,
  request: {
    params: SampleIdParam,
    body: jsonBody(ChangeFieldsBody, 'The new mapping', { fields: { text: 'body' } }),
  },
  responses: {
    202: jsonResponse(SampleSchema, 'Queued: the sample is analyzing with the new mapping', {
      ...sampleExample,
      status: 'analyzing',
    }),
    ...errorResponses(400, 401, 404, 409, 415, 429),
  },
});
