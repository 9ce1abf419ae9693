import { createRouter } from '../../create-router';
import {
  createWebhookHandler,
  deleteWebhookHandler,
  listDeliveriesHandler,
  listWebhooksHandler,
} from './handlers';
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks } from './routes';

/** Signed webhooks: admins register endpoints and read their delivery logs (issue 28.3). */
export function webhookRoutes() {
  return createRouter()
    .openapi(createWebhook, createWebhookHandler)
    .openapi(listWebhooks, listWebhooksHandler)
    .openapi(deleteWebhook, deleteWebhookHandler)
    .openapi(listDeliveries, listDeliveriesHandler);
}
