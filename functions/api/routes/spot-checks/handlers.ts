import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../env';
import { loadAssessment } from '../../services/assessments';
import {
  finishSpotCheck as finish,
  loadSpotCheck,
  recordView,
  startSpotCheck,
  tagRecord,
  toSpotCheckView,
} from '../../services/spot-checks';
import type {
  createSpotCheck,
  finishSpotCheck,
  getSpotCheck,
  getSpotRecord,
  listSpotChecks,
  tagSpotRecord,
} from './routes';

/** Draws a new spot-check of the counting training sample. */
export const createSpotCheckHandler: RouteHandler<typeof createSpotCheck, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const a = await loadAssessment(deps, staff.organizationId, c.req.valid('param').id);
  const spot = await startSpotCheck(deps, a, staff, c.req.valid('json').size);
  return c.json(toSpotCheckView(spot), 201);
};

/** The assessment's spot-checks, newest first. */
export const listSpotChecksHandler: RouteHandler<typeof listSpotChecks, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const a = await loadAssessment(deps, staff.organizationId, c.req.valid('param').id);
  const items = await deps.repos.spotChecks.list(a.organizationId, a.id);
  return c.json({ items: items.map(toSpotCheckView) }, 200);
};

/** One spot-check. */
export const getSpotCheckHandler: RouteHandler<typeof getSpotCheck, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const { id, spotCheckId } = c.req.valid('param');
  const a = await loadAssessment(deps, staff.organizationId, id);
  return c.json(toSpotCheckView(await loadSpotCheck(deps, a, spotCheckId)), 200);
};

/** One drawn record to read. */
export const getSpotRecordHandler: RouteHandler<typeof getSpotRecord, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const { id, spotCheckId, position } = c.req.valid('param');
  const a = await loadAssessment(deps, staff.organizationId, id);
  return c.json(await recordView(deps, a, spotCheckId, position), 200);
};

/** Tags one drawn record. */
export const tagSpotRecordHandler: RouteHandler<typeof tagSpotRecord, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const { id, spotCheckId, position } = c.req.valid('param');
  const a = await loadAssessment(deps, staff.organizationId, id);
  const body = c.req.valid('json');
  return c.json(await tagRecord(deps, a, staff, spotCheckId, position, body), 200);
};

/** Finishes a spot-check and asks for a re-score. */
export const finishSpotCheckHandler: RouteHandler<typeof finishSpotCheck, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const { id, spotCheckId } = c.req.valid('param');
  const a = await loadAssessment(deps, staff.organizationId, id);
  return c.json(toSpotCheckView(await finish(deps, a, staff, spotCheckId)), 200);
};
