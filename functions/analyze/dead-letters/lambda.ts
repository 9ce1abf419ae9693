import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { observed } from '../../lib/lambda-observability';
import { objectsFromSqs } from '../sqs-records';
import { createDeadLetterHandler } from './handler';
import { failureLambdaDeps } from './lambda-deps';

const deps = failureLambdaDeps();
const onDeadLetter = createDeadLetterHandler(deps);
const processor = new BatchProcessor(EventType.SQS);

/** Dead-letter queue entry: each message is an S3 notification whose analysis failed three times. */
export const handler = observed(
  deps,
  async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    const record = async (message: SQSRecord) => {
      await onDeadLetter(objectsFromSqs(message.body), message.messageId);
    };
    return processPartialResponse(event, record, processor, { context });
  },
);
