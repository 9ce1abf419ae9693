import type { RouteHandler } from '@hono/zod-openapi';
import { can, refusal } from '../../../core/assessment/state-machine';
import { ConflictError, NotFoundError } from '../../../lib/errors';
import type { AppEnv } from '../../env';
import { loadAssessment } from '../../services/assessments';
import { detectedFields } from '../../services/detected-fields';
import { requestReanalysis } from '../../services/reanalysis';
import { recordFieldsChanged } from '../../services/sample-events';
import { toSampleView } from '../../services/samples';
import type { changeSampleFields, getSampleFields } from './mapping-routes';

async function loadSample(c: Parameters<RouteHandler<typeof getSampleFields, AppEnv>>[0]) {
  const { deps, vendor } = c.var;
  const { sampleId } = c.req.valid('param');
  const sample = await deps.repos.samples.get(vendor.organizationId, vendor.assessmentId, sampleId);
  if (!sample) throw new NotFoundError('No such sample in this assessment.');
  return sample;
}

/** The fields of the vendor's uploaded file, with examples and the field each slot reads. */
export const getSampleFieldsHandler: RouteHandler<typeof getSampleFields, AppEnv> = async (c) => {
  const sample = await loadSample(c);
  return c.json(await detectedFields(c.var.deps, sample), 200);
};

/** Changes a sample's field mapping and queues its stored file for analysis again. */
export const changeSampleFieldsHandler: RouteHandler<typeof changeSampleFields, AppEnv> = async (
  c,
) => {
  const { deps, vendor } = c.var;
  const a = await loadAssessment(deps, vendor.organizationId, vendor.assessmentId);
  if (!can(a.status, 'save_answers'))
    throw new ConflictError(
      `${refusal(a.status, 'save_answers')} Field mappings change only while the assessment is open for your edits.`,
    );
  const sample = await loadSample(c);
  const { fields } = c.req.valid('json');
  const next = await requestReanalysis(deps, sample, fields as Record<string, string>);
  await recordFieldsChanged(deps, a, vendor, sample, next.fieldOverrides);
  return c.json(toSampleView(next), 202);
};
