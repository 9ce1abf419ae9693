import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../env';
import { detectedFields } from '../../services/detected-fields';
import { requestReanalysis } from '../../services/reanalysis';
import { loadReference, toReferenceView } from '../../services/references';
import type { changeReferenceFields, getReferenceFields } from './field-routes';

/** The fields of a reference's stored file, with examples and the field read as text. */
export const getReferenceFieldsHandler: RouteHandler<typeof getReferenceFields, AppEnv> = async (
  c,
) => {
  const { deps, staff } = c.var;
  const ref = await loadReference(deps, staff.organizationId, c.req.valid('param').referenceId);
  return c.json(await detectedFields(deps, ref), 200);
};

/** Changes the fields a reference is read from and queues its stored file for analysis again. */
export const changeReferenceFieldsHandler: RouteHandler<
  typeof changeReferenceFields,
  AppEnv
> = async (c) => {
  const { deps, staff } = c.var;
  const ref = await loadReference(deps, staff.organizationId, c.req.valid('param').referenceId);
  const { fields } = c.req.valid('json');
  const next = await requestReanalysis(deps, ref, fields as Record<string, string>);
  deps.logger.info('reference fields changed', {
    referenceId: ref.sampleId,
    by: staff.email,
    fields: next.fieldOverrides,
    before: ref.fieldOverrides,
  });
  return c.json(toReferenceView(next), 202);
};
