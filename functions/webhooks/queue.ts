import type { Config } from '../lib/config';
import { loadOnce } from '../lib/load-once';
import { type SendMessage, sqsSender } from '../rescore/aws-queue';

/** Which delivery to attempt now: the message the webhook queue carries. */
export interface DeliveryRef {
  organizationId: string;
  endpointId: string;
  deliveryId: string;
}

/** Where fresh deliveries are announced: SQS in AWS, the portal's in-process worker locally. */
export interface WebhookQueue {
  send(ref: DeliveryRef): Promise<void>;
}

/**
 * SQS at WEBHOOK_QUEUE_URL, the client loaded with the first message. Without the URL the
 * deliveries still go out: the scheduled sweep finds every pending one.
 */
export function awsWebhookQueue(
  config: Config,
  load: (config: Config) => Promise<SendMessage> = sqsSender,
): WebhookQueue | undefined {
  const url = config.WEBHOOK_QUEUE_URL;
  if (!url) return undefined;
  const sender = loadOnce(() => load(config));
  return {
    async send(ref) {
      await (await sender())(url, JSON.stringify(ref));
    },
  };
}
