import type { RouteHandler } from '@hono/zod-openapi';
import { NotFoundError, ValidationError } from '../../../lib/errors';
import { sealEndpointSecret } from '../../../webhooks/endpoint-secret';
import type { WebhookDelivery, WebhookEndpoint } from '../../../webhooks/types';
import { checkWebhookUrl, loopbackAllowed, UnsafeUrlError } from '../../../webhooks/url-guard';
import type { AppEnv } from '../../env';
import { sealLegacySecrets } from './legacy-secrets';
import type { createWebhook, deleteWebhook, listDeliveries, listWebhooks } from './routes';

/** Most endpoints one organization keeps. */
export const maxWebhooks = 20;

const view = (e: WebhookEndpoint) => ({
  id: e.id,
  url: e.url,
  events: e.events,
  description: e.description ?? null,
  format: e.format,
  status: e.status === 'paused' ? ('paused' as const) : ('active' as const),
  consecutiveFailures: e.consecutiveFailures,
  createdAt: e.createdAt,
  createdBy: e.createdBy,
  pausedAt: e.pausedAt ?? null,
});

const deliveryView = (d: WebhookDelivery) => ({
  id: d.id,
  eventId: d.event.id,
  type: d.event.type,
  createdAt: d.event.createdAt,
  status: d.status,
  attempt: d.attempt,
  httpStatus: d.httpStatus ?? null,
  responseMs: d.responseMs ?? null,
  error: d.error ?? null,
  lastAttemptAt: d.lastAttemptAt ?? null,
  nextAttemptAt: d.status === 'pending' ? (d.nextAttemptAt ?? null) : null,
});

/**
 * Checks the URL (resolving its host once), stores the endpoint with its secret sealed (bound to
 * the organization and endpoint), and returns the secret: this answer is the only place it shows.
 */
export const createWebhookHandler: RouteHandler<typeof createWebhook, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const body = c.req.valid('json');
  try {
    await checkWebhookUrl(body.url, {
      allowLoopback: loopbackAllowed(deps.config),
      resolve: deps.resolveHost,
    });
  } catch (error) {
    if (!(error instanceof UnsafeUrlError)) throw error;
    throw new ValidationError('The webhook URL is refused.', [
      { path: 'url', message: error.message },
    ]);
  }
  const live = (await deps.repos.webhooks.list(staff.organizationId)).filter(
    (e) => e.status !== 'deleted',
  );
  if (live.length >= maxWebhooks)
    throw new ValidationError('Too many webhook endpoints.', [
      { path: 'url', message: `an organization keeps at most ${maxWebhooks}: remove one first` },
    ]);
  const now = deps.clock();
  const id = deps.newId(now);
  const secret = `whsec_${deps.newSecret()}`;
  const owner = { organizationId: staff.organizationId, id };
  await deps.repos.webhooks.create({
    ...owner,
    url: body.url,
    events: body.events,
    description: body.description || undefined,
    format: body.format,
    sealedSecret: await sealEndpointSecret(deps.webhookSecrets, owner, secret),
    createdAt: now.toISOString(),
    createdBy: staff.email,
    status: 'active',
    consecutiveFailures: 0,
    version: 1,
  });
  return c.json({ id, secret }, 201);
};

/** Lists the live endpoints, newest first (sealing any secret stored before sealing). */
export const listWebhooksHandler: RouteHandler<typeof listWebhooks, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const items = await deps.repos.webhooks.list(staff.organizationId);
  await sealLegacySecrets(deps, c.var.logger, items);
  return c.json(
    {
      items: items
        .filter((e) => e.status !== 'deleted')
        .reverse()
        .map(view),
    },
    200,
  );
};

async function liveEndpoint(c: { var: AppEnv['Variables'] }, id: string) {
  const { deps, staff } = c.var;
  const ep = await deps.repos.webhooks.get(staff.organizationId, id);
  if (!ep || ep.status === 'deleted') throw new NotFoundError('No such webhook endpoint.');
  return ep;
}

/** Marks the endpoint deleted and forgets its secret: pending deliveries are skipped. */
export const deleteWebhookHandler: RouteHandler<typeof deleteWebhook, AppEnv> = async (c) => {
  const { deps } = c.var;
  const {
    secret: _plain,
    sealedSecret: _sealed,
    ...ep
  } = await liveEndpoint(c, c.req.valid('param').webhookId);
  await deps.repos.webhooks.save(
    { ...ep, status: 'deleted', deletedAt: deps.clock().toISOString(), version: ep.version + 1 },
    ep.version,
  );
  return c.body(null, 204);
};

/** One page of the endpoint's delivery log. */
export const listDeliveriesHandler: RouteHandler<typeof listDeliveries, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const ep = await liveEndpoint(c, c.req.valid('param').webhookId);
  const { limit, cursor } = c.req.valid('query');
  const page = await deps.repos.webhooks.deliveries(staff.organizationId, ep.id, { limit, cursor });
  return c.json({ items: page.items.map(deliveryView), nextCursor: page.nextCursor }, 200);
};
