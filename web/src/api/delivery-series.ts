/** `GET /api/portfolio/delivery-series`: each vendor dataset's deliveries and their measurements. */
import type {
  DeliveryPoint,
  DeliverySeries,
} from '../../../functions/core/report/delivery-series/types';
import { navigate } from '../router';
import { clearStaffSession, staffToken } from '../session';
import { createHttp } from './http';

export type { DeliveryPoint, DeliverySeries };

/** One page of delivery series, newest activity first. */
export interface DeliverySeriesPage {
  items: DeliverySeries[];
  total: number;
  nextOffset: number | null;
}

const http = createHttp(staffToken, () => {
  clearStaffSession();
  navigate('/signin');
});

/** Lists the organization's delivery series, `limit` datasets from `offset`. */
export const listDeliverySeries = (offset = 0, limit = 20) =>
  http<DeliverySeriesPage>('GET', `/api/portfolio/delivery-series?limit=${limit}&offset=${offset}`);
