import type { Config } from '../lib/config';
import { loadOnce } from '../lib/load-once';
import type { RescoreMessage, RescoreQueue } from './types';

/** Sends one message body to a queue URL (SQS SendMessage). */
export type SendMessage = (queueUrl: string, body: string) => Promise<void>;

/**
 * SQS through the SDK client, loaded with the first message so a request that queues nothing
 * loads no SQS code; the SDK's standard retries (3 attempts, jittered back-off) apply.
 */
export async function sqsSender(config: Config): Promise<SendMessage> {
  const { SQSClient, SendMessageCommand } = await import('@aws-sdk/client-sqs');
  const client = new SQSClient({
    region: config.AWS_REGION,
    maxAttempts: 3,
    requestHandler: {
      connectionTimeout: 2_000,
      requestTimeout: 5_000,
      throwOnRequestTimeout: true,
    },
  });
  return async (QueueUrl, MessageBody) => {
    await client.send(new SendMessageCommand({ QueueUrl, MessageBody }));
  };
}

/** The Lambdas' re-score queue: SQS at RESCORE_QUEUE_URL (bound by the stack). */
export function awsRescoreQueue(
  config: Config,
  load: (config: Config) => Promise<SendMessage> = sqsSender,
): RescoreQueue {
  const sender = loadOnce(() => load(config));
  return {
    async send(message: RescoreMessage) {
      const url = config.RESCORE_QUEUE_URL;
      if (!url)
        throw new Error('RESCORE_QUEUE_URL is not set: the stack binds the re-score queue.');
      await (await sender())(url, JSON.stringify(message));
    },
  };
}
