import type { Config } from '../lib/config';
import { StaleWriteError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { WebhookRepo } from '../store/webhooks';
import { openEndpointSecret } from './endpoint-secret';
import { formatBody } from './formats';
import { type DeliveryPolicy, deliveryPolicy, retryable, retryDelayMs } from './policy';
import type { DeliveryRef } from './queue';
import { SecretOpenError, type SecretSealer } from './secret-sealer';
import { postOnce, type SendResult } from './send';
import { signatureHeader } from './sign';
import type { WebhookDelivery, WebhookEndpoint } from './types';
import { checkWebhookUrl, loopbackAllowed, type Resolver, UnsafeUrlError } from './url-guard';

/** What the delivery worker needs; the same in the Lambda and the local portal. */
export interface DeliverDeps {
  repos: { webhooks: WebhookRepo };
  config: Pick<Config, 'WEBHOOK_ALLOW_LOOPBACK' | 'DILIGENCE_MODE'>;
  clock: () => Date;
  logger: Pick<Logger, 'warn' | 'info'>;
  /** Opens endpoints' sealed signing secrets (in AWS only the worker's role may decrypt). */
  secrets: SecretSealer;
  /** Tells the endpoint's creator it was paused (the mail and outbox path). */
  tellPaused: (endpoint: WebhookEndpoint, lastError: string) => Promise<void>;
  resolveHost?: Resolver;
  policy?: DeliveryPolicy;
  random?: () => number;
}

/**
 * The endpoint's signing secret, or the attempt's failure when it does not open: logged with its
 * reason (never the value), final when no retry can help (copied or altered), retried otherwise.
 */
async function secretOf(deps: DeliverDeps, ep: WebhookEndpoint, d: WebhookDelivery) {
  try {
    return { secret: await openEndpointSecret(deps.secrets, ep) };
  } catch (error) {
    if (!(error instanceof SecretOpenError)) throw error;
    deps.logger.warn('webhook signing secret does not open', {
      organizationId: ep.organizationId,
      endpointId: ep.id,
      deliveryId: d.id,
      reason: error.message,
      permanent: error.permanent,
    });
    const fix = error.permanent ? '; remove the endpoint and register it again' : '';
    return {
      failed: {
        error: `the signing secret cannot be opened: ${error.message}${fix}`,
        responseMs: 0,
        final: error.permanent,
      },
    };
  }
}

/** Signs and sends one attempt; a refused address is an error that no retry can fix. */
async function attempt(
  deps: DeliverDeps,
  ep: WebhookEndpoint,
  d: WebhookDelivery,
): Promise<SendResult & { final: boolean }> {
  const body = formatBody(ep.format, d.event);
  const { secret, failed } = await secretOf(deps, ep, d);
  if (failed) return failed;
  try {
    const target = await checkWebhookUrl(ep.url, {
      allowLoopback: loopbackAllowed(deps.config),
      resolve: deps.resolveHost,
    });
    const t = Math.floor(deps.clock().getTime() / 1000);
    const result: SendResult = await postOnce(
      target,
      {
        'content-type': 'application/json',
        'user-agent': 'Diligence-Webhooks/1',
        'diligence-signature': signatureHeader(secret, t, body),
        'diligence-event': d.event.type,
        'diligence-delivery': d.id,
      },
      body,
    );
    return { ...result, final: !retryable(result.httpStatus) };
  } catch (error) {
    if (!(error instanceof UnsafeUrlError)) throw error;
    return { error: `refused: ${error.message}`, responseMs: 0, final: true };
  }
}

/** Counts a delivery's final outcome on its endpoint; pauses it after too many failures. */
async function countOutcome(deps: DeliverDeps, ep: WebhookEndpoint, ok: boolean, error: string) {
  const policy = deps.policy ?? deliveryPolicy;
  const failures = ok ? 0 : ep.consecutiveFailures + 1;
  if (failures === ep.consecutiveFailures) return;
  const pause = ep.status === 'active' && failures >= policy.pauseAfter;
  const next: WebhookEndpoint = {
    ...ep,
    consecutiveFailures: failures,
    ...(pause ? { status: 'paused', pausedAt: deps.clock().toISOString() } : {}),
    version: ep.version + 1,
  };
  try {
    await deps.repos.webhooks.save(next, ep.version);
  } catch (e) {
    if (e instanceof StaleWriteError) return; // another outcome was counted first: fine
    throw e;
  }
  if (pause) await deps.tellPaused(next, error);
}

/**
 * Makes the next attempt of one pending delivery, if it is due and this worker claims it:
 * delivered on a 2xx; otherwise retried later with backoff and jitter, or failed for good (a
 * 4xx other than 408/429, a refused address, or the last attempt).
 */
export async function deliverOne(deps: DeliverDeps, ref: DeliveryRef): Promise<void> {
  const policy = deps.policy ?? deliveryPolicy;
  const repo = deps.repos.webhooks;
  const d = await repo.getDelivery(ref.organizationId, ref.endpointId, ref.deliveryId);
  const now = deps.clock();
  if (d?.status !== 'pending' || (d.nextAttemptAt ?? '') > now.toISOString()) return;
  const lease = new Date(now.getTime() + policy.leaseMs).toISOString();
  if (!(await repo.claim(d, now.toISOString(), lease))) return;
  const claimed = d.version + 1;
  const ep = await repo.get(d.organizationId, d.endpointId);
  const base = { ...d, leaseUntil: undefined, version: claimed + 1 };
  if (ep?.status !== 'active') {
    const error = ep?.status === 'paused' ? 'endpoint paused' : 'endpoint deleted';
    await repo.saveDelivery(
      { ...base, status: 'skipped', nextAttemptAt: undefined, error },
      claimed,
    );
    return;
  }
  const n = d.attempt + 1;
  const r = await attempt(deps, ep, d);
  const ok = r.httpStatus !== undefined && r.httpStatus >= 200 && r.httpStatus < 300;
  const error = ok ? undefined : (r.error ?? `HTTP ${r.httpStatus}`);
  const retry = !ok && !r.final && n < policy.maxAttempts;
  const at = deps.clock();
  await repo.saveDelivery(
    {
      ...base,
      attempt: n,
      status: ok ? 'delivered' : retry ? 'pending' : 'failed',
      nextAttemptAt: retry
        ? new Date(at.getTime() + retryDelayMs(n, policy, deps.random)).toISOString()
        : undefined,
      lastAttemptAt: at.toISOString(),
      httpStatus: r.httpStatus,
      responseMs: r.responseMs,
      error,
    },
    claimed,
  );
  if (!retry) await countOutcome(deps, ep, ok, error ?? '');
}

/** Attempts every pending delivery that is due (the schedule's sweep; the local timer's too). */
export async function sweepWebhooks(deps: DeliverDeps, limit = 50): Promise<number> {
  const due = await deps.repos.webhooks.due(deps.clock().toISOString(), limit);
  let attempted = 0;
  for (const d of due.slice(0, limit)) {
    try {
      await deliverOne(deps, {
        organizationId: d.organizationId,
        endpointId: d.endpointId,
        deliveryId: d.id,
      });
      attempted++;
    } catch (error) {
      deps.logger.warn('webhook delivery attempt failed', { deliveryId: d.id, error });
    }
  }
  return attempted;
}
