import type { SQSEvent } from 'aws-lambda';
import { defaultAwsClients } from '../lib/aws-clients';
import { loadConfig } from '../lib/config';
import { newId } from '../lib/ids';
import { lambdaObservability, observed } from '../lib/lambda-observability';
import { consoleMailer, lazySesMailer } from '../lib/mailers';
import { addOutboxMessage, type OutboxMessage } from '../store/outbox-messages';
import { webhookRepo } from '../store/webhooks';
import { deliverOne, sweepWebhooks } from './deliver';
import type { DeliveryRef } from './queue';
import { webhookOpenerFor } from './secret-openers';
import { deliverDeps } from './worker-deps';

const config = loadConfig();
const clients = defaultAwsClients(config);
const observability = lambdaObservability(config);
const { logger } = observability;
const table = { doc: clients.doc, name: config.TABLE_NAME };
const deps = deliverDeps({
  repos: {
    webhooks: webhookRepo(table),
    outbox: { add: (m: OutboxMessage) => addOutboxMessage(table, m) },
  },
  mailer: config.MAIL_FROM
    ? lazySesMailer(config.AWS_REGION, config.MAIL_FROM, config.MAIL_CONFIGURATION_SET)
    : consoleMailer(logger),
  clock: () => new Date(),
  newId,
  config,
  logger,
  webhookSecrets: webhookOpenerFor(config),
});

/**
 * The webhook worker: an SQS batch attempts the fresh deliveries it names at once; the
 * per-minute schedule (any other event) attempts every due one, retries included.
 */
export const handler = observed(
  observability,
  async (event: SQSEvent | Record<string, unknown>) => {
    if (!Array.isArray((event as SQSEvent).Records))
      return { attempted: await sweepWebhooks(deps) };
    for (const record of (event as SQSEvent).Records) {
      // A failed attempt is recorded on the delivery; the sweep retries it, so SQS never does.
      await deliverOne(deps, JSON.parse(record.body) as DeliveryRef).catch((error: unknown) =>
        logger.warn('webhook delivery failed', { error }),
      );
    }
    return { attempted: (event as SQSEvent).Records.length };
  },
);
