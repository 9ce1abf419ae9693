import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../../env';
import { deliverySeriesPage } from '../../../services/delivery-series';
import type { listDeliverySeries } from './routes';

/** Lists the caller's organization's delivery series (never another organization's). */
export const listDeliverySeriesHandler: RouteHandler<typeof listDeliverySeries, AppEnv> = async (
  c,
) => {
  const { deps, staff } = c.var;
  const page = await deliverySeriesPage(deps, staff.organizationId, c.req.valid('query'));
  return c.json(page, 200);
};
