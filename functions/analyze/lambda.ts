import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAnalysis } from '../api/services/after-analysis';
import { defaultAwsClients } from '../lib/aws-clients';
import { loadConfig } from '../lib/config';
import { newId } from '../lib/ids';
import { createLogger } from '../lib/logger';
import { createBlobStore } from '../store/blob-store';
import { createRepositories } from '../store/repositories';
import { createSampleAnalyzer } from './engine';
import { createAnalyzeHandler } from './handler';
import { objectsFromSqs } from './sqs-records';

const config = loadConfig();
const clients = defaultAwsClients(config);
const logger = createLogger(config.LOG_LEVEL, { fn: 'analyze' });
const deps = {
  config,
  logger,
  clock: () => new Date(),
  newId,
  repos: createRepositories({ doc: clients.doc, name: config.TABLE_NAME }),
  blobs: createBlobStore(clients.s3),
  analyzer: createSampleAnalyzer(),
};
const analyze = createAnalyzeHandler({
  ...deps,
  onAnalyzed: (upload) => afterAnalysis(deps, upload),
});

/** SQS entry: each message carries S3 ObjectCreated records; failed messages are retried, then dead-lettered. */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const failures: SQSBatchResponse['batchItemFailures'] = [];
  for (const message of event.Records) {
    try {
      await analyze(objectsFromSqs(message.body));
    } catch (error) {
      logger.error('analysis message failed', { error, messageId: message.messageId });
      failures.push({ itemIdentifier: message.messageId });
    }
  }
  return { batchItemFailures: failures };
}
