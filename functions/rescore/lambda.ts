import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Tracer } from '@aws-lambda-powertools/tracer';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { createSampleAnalyzer } from '../analyze/engine';
import { defaultAwsClients } from '../lib/aws-clients';
import { loadConfig } from '../lib/config';
import { newId } from '../lib/ids';
import { powertoolsLogger } from '../lib/logger-powertools';
import { createProductMetrics } from '../lib/metrics';
import { createBlobStore } from '../store/blob-store';
import { createWorkerRepositories } from '../store/table-repositories';
import { createRescoreWorker } from './handler';
import { parseRescoreMessage, RescoreMessageError } from './types';

const config = loadConfig();
const tracer = new Tracer();
const clients = defaultAwsClients(config);
tracer.captureAWSv3Client(clients.s3);
tracer.captureAWSv3Client(clients.dynamo);
const logger = powertoolsLogger(config.LOG_LEVEL);
const metrics = createProductMetrics();
const worker = createRescoreWorker({
  config,
  logger,
  metrics,
  clock: () => new Date(),
  newId,
  // Without the vendor failure counters: only the API batch-reads them (BatchGetItem).
  repos: createWorkerRepositories({ doc: clients.doc, name: config.TABLE_NAME }),
  blobs: createBlobStore(clients.s3),
  analyzer: createSampleAnalyzer(),
});
const processor = new BatchProcessor(EventType.SQS);

/**
 * SQS entry of the re-score worker: each message names one assessment. A failed run is retried
 * by SQS and dead-lettered after three receives; a malformed message is logged and dropped.
 */
export async function handler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
  logger.powertools.addContext(context);
  const record = async (message: SQSRecord) => {
    try {
      await worker(parseRescoreMessage(message.body));
    } catch (error) {
      if (error instanceof RescoreMessageError) {
        logger.error('re-score message dropped', { error, messageId: message.messageId });
        return;
      }
      logger.error('re-score failed', { error, messageId: message.messageId });
      throw error;
    }
  };
  try {
    return await processPartialResponse(event, record, processor, { context });
  } finally {
    metrics.flush();
  }
}
