import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../env';
import { acceptProposal, dismissProposal, dueItems } from '../../services/due-reassessments';
import type { acceptDue, dismissDue, listDue } from './routes';

/** Lists the caller's organization's due and overdue re-assessments. */
export const listDueHandler: RouteHandler<typeof listDue, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  return c.json({ items: await dueItems(deps, staff.organizationId) }, 200);
};

/** Starts the proposed re-assessment (created prefilled, the vendor invited). */
export const acceptDueHandler: RouteHandler<typeof acceptDue, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  return c.json(await acceptProposal(deps, staff, c.req.valid('param').id), 201);
};

/** Dismisses the proposal; nothing goes to the vendor. */
export const dismissDueHandler: RouteHandler<typeof dismissDue, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  await dismissProposal(deps, staff, c.req.valid('param').id);
  return c.body(null, 204);
};
