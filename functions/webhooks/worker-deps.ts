import type { Mailer } from '../api/env';
import { notify } from '../api/services/notify';
import type { Config } from '../lib/config';
import type { Logger } from '../lib/logger';
import type { OutboxMessage } from '../store/outbox-messages';
import type { WebhookRepo } from '../store/webhooks';
import type { DeliverDeps } from './deliver';
import type { SecretSealer } from './secret-sealer';
import type { Resolver } from './url-guard';

/** What the worker's deps are built from: any function's deps with the webhook repository. */
export interface WorkerSource {
  repos: { webhooks: WebhookRepo; outbox: { add(m: OutboxMessage): Promise<void> } };
  config: Config;
  clock: () => Date;
  newId: (now?: Date) => string;
  logger: Logger;
  mailer: Mailer;
  resolveHost?: Resolver;
  /** Opens the endpoints' sealed signing secrets. */
  webhookSecrets: SecretSealer;
}

/**
 * The delivery worker's deps: a paused endpoint is told by e-mail to the admin who registered
 * it (recorded in the outbox like every notification).
 */
export function deliverDeps(src: WorkerSource): DeliverDeps {
  return {
    repos: src.repos,
    config: src.config,
    clock: src.clock,
    logger: src.logger,
    resolveHost: src.resolveHost,
    secrets: src.webhookSecrets,
    async tellPaused(ep, lastError) {
      if (!ep.createdBy.includes('@')) return;
      const base = src.config.PUBLIC_BASE_URL ?? '';
      await notify(src, {
        organizationId: ep.organizationId,
        assessmentId: '',
        to: ep.createdBy,
        kind: 'webhook-paused',
        subject: 'A webhook endpoint was paused',
        body: `Deliveries to ${ep.url} kept failing (last: ${lastError}), so Diligence paused the endpoint and sends it nothing more.\n\nCheck the receiving system, then register the endpoint again:\n${base}/integrations`,
      });
    },
  };
}
