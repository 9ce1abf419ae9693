import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { objectsFromSqs } from '../sqs-records';
import { createDeadLetterHandler } from './handler';
import { failureLambdaDeps } from './lambda-deps';

const deps = failureLambdaDeps();
const { logger, metrics } = deps;
const onDeadLetter = createDeadLetterHandler(deps);
const processor = new BatchProcessor(EventType.SQS);

/** Dead-letter queue entry: each message is an S3 notification whose analysis failed three times. */
export async function handler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
  logger.powertools.addContext(context);
  const record = async (message: SQSRecord) => {
    await onDeadLetter(objectsFromSqs(message.body), message.messageId);
  };
  try {
    return await processPartialResponse(event, record, processor, { context });
  } finally {
    metrics.flush();
  }
}
