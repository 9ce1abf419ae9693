import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { SFNClient } from '@aws-sdk/client-sfn';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { afterAnalysis } from '../api/services/after-analysis';
import { defaultAwsClients } from '../lib/aws-clients';
import { loadConfig } from '../lib/config';
import { newId } from '../lib/ids';
import { powertoolsLogger } from '../lib/logger-powertools';
import { createProductMetrics } from '../lib/metrics';
import { awsRescoreQueue } from '../rescore/aws-queue';
import { createBlobStore } from '../store/blob-store';
import { createRepositories } from '../store/repositories';
import { sfnStarter } from './distributed/sfn-starter';
import { createSampleAnalyzer } from './engine';
import { createAnalyzeHandler } from './handler';
import { objectsFromSqs } from './sqs-records';

const config = loadConfig();
const tracer = new Tracer();
const clients = defaultAwsClients(config);
tracer.captureAWSv3Client(clients.s3);
tracer.captureAWSv3Client(clients.dynamo);
const logger = powertoolsLogger(config.LOG_LEVEL);
const metrics = createProductMetrics();
const deps = {
  config,
  logger,
  clock: () => new Date(),
  newId,
  repos: createRepositories({ doc: clients.doc, name: config.TABLE_NAME }),
  blobs: createBlobStore(clients.s3),
  analyzer: createSampleAnalyzer(),
  rescoreQueue: awsRescoreQueue(config, () => clients.dynamo),
};
const analyze = createAnalyzeHandler({
  ...deps,
  metrics,
  workflow: config.DISTRIBUTED_STATE_MACHINE_ARN
    ? sfnStarter(
        new SFNClient({ region: config.AWS_REGION, maxAttempts: 3 }),
        config.DISTRIBUTED_STATE_MACHINE_ARN,
      )
    : undefined,
  // The re-score worker scores (and counts ReportsScored); the analyzer only asks for it.
  onAnalyzed: async (upload) => {
    await afterAnalysis(deps, upload);
  },
});
const processor = new BatchProcessor(EventType.SQS);

/**
 * SQS entry: each message carries S3 ObjectCreated records. Powertools' batch processor reports
 * failed messages, which SQS retries and after three attempts dead-letters.
 */
export async function handler(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
  logger.powertools.addContext(context);
  const remainingMs = () => context.getRemainingTimeInMillis();
  const record = async (message: SQSRecord) => {
    try {
      await analyze(objectsFromSqs(message.body), { remainingMs });
    } catch (error) {
      logger.error('analysis message failed', { error, messageId: message.messageId });
      throw error;
    }
  };
  try {
    return await processPartialResponse(event, record, processor, { context });
  } finally {
    metrics.flush();
  }
}
