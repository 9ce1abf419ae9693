import { StaleWriteError } from '../../../lib/errors';
import type { Logger } from '../../../lib/logger';
import type { WebhookRepo } from '../../../store/webhooks';
import { sealedForm } from '../../../webhooks/endpoint-secret';
import type { SecretSealer } from '../../../webhooks/secret-sealer';
import type { WebhookEndpoint } from '../../../webhooks/types';

/**
 * Seals the plaintext secrets of endpoints stored before secrets were sealed (a deleted one's is
 * dropped: nothing signs for it any more). Each is saved at the version read; one changed
 * meanwhile is left for the next listing. A failure is logged (never the secret) and the rest
 * go on: the worker still signs with a plaintext secret until it is sealed.
 */
export async function sealLegacySecrets(
  deps: { repos: { webhooks: Pick<WebhookRepo, 'save'> }; webhookSecrets: SecretSealer },
  logger: Pick<Logger, 'info' | 'warn'>,
  endpoints: readonly WebhookEndpoint[],
): Promise<void> {
  for (const ep of endpoints) {
    if (!ep.secret) continue;
    try {
      const { secret: _plain, ...rest } = ep;
      const next =
        ep.status === 'deleted'
          ? { ...rest, sealedSecret: undefined, version: ep.version + 1 }
          : await sealedForm(deps.webhookSecrets, ep);
      if (!next) continue;
      await deps.repos.webhooks.save(next, ep.version);
      logger.info('webhook secret sealed', {
        organizationId: ep.organizationId,
        endpointId: ep.id,
      });
    } catch (error) {
      if (error instanceof StaleWriteError) continue;
      logger.warn('webhook secret not sealed yet', {
        organizationId: ep.organizationId,
        endpointId: ep.id,
        reason: (error as Error).name,
      });
    }
  }
}
