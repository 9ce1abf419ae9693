import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption, type QueueProps } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** What every queue of the stack shares: SQS-managed encryption, TLS only, 14 days' retention. */
export const queueDefaults = {
  encryption: QueueEncryption.SQS_MANAGED,
  enforceSSL: true,
  retentionPeriod: Duration.days(14),
} satisfies QueueProps;

/**
 * A queue feeding a Lambda with `consumerTimeout`: visibility six times that timeout (AWS
 * guidance, so a retry never overlaps a running consumer), to `deadLetters` after three receives.
 */
export function workQueue(
  scope: Construct,
  id: string,
  consumerTimeout: Duration,
  deadLetters: Queue,
): Queue {
  return new Queue(scope, id, {
    ...queueDefaults,
    visibilityTimeout: Duration.seconds(consumerTimeout.toSeconds() * 6),
    deadLetterQueue: { queue: deadLetters, maxReceiveCount: 3 },
  });
}
