import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Config } from '../lib/config';
import { sqsRescoreQueue } from './sqs-queue';
import type { RescoreQueue } from './types';

/**
 * The Lambdas' re-score queue: SQS at RESCORE_QUEUE_URL, signed with the credentials the
 * DynamoDB client already resolves (the function's role), built on the first message.
 */
export function awsRescoreQueue(config: Config, dynamo: () => DynamoDBClient): RescoreQueue {
  let queue: RescoreQueue | undefined;
  return {
    async send(message) {
      const url = config.RESCORE_QUEUE_URL;
      if (!url)
        throw new Error('RESCORE_QUEUE_URL is not set: the stack binds the re-score queue.');
      queue ??= sqsRescoreQueue(url, config.AWS_REGION, (o) => dynamo().config.credentials(o));
      return queue.send(message);
    },
  };
}
