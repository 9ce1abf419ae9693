import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { SFNClient } from '@aws-sdk/client-sfn';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { afterAnalysis } from '../api/services/after-analysis';
import { defaultAwsClients } from '../lib/aws-clients';
import { loadConfig } from '../lib/config';
import { newId } from '../lib/ids';
import { lambdaObservability, observed } from '../lib/lambda-observability';
import { awsRescoreQueue } from '../rescore/aws-queue';
import { createBlobStore } from '../store/blob-store';
import { awsVersionPurger } from '../store/object-versions';
import { createWorkerRepositories } from '../store/table-repositories';
import { sfnStarter } from './distributed/sfn-starter';
import { createSampleAnalyzer } from './engine';
import { createAnalyzeHandler } from './handler';
import { objectsFromSqs } from './sqs-records';

const config = loadConfig();
const tracer = new Tracer();
const clients = defaultAwsClients(config);
tracer.captureAWSv3Client(clients.s3);
tracer.captureAWSv3Client(clients.dynamo);
const observability = lambdaObservability(config);
const { logger, metrics } = observability;
const deps = {
  config,
  logger,
  clock: () => new Date(),
  newId,
  repos: createWorkerRepositories({ doc: clients.doc, name: config.TABLE_NAME }),
  blobs: createBlobStore(clients.s3),
  analyzer: createSampleAnalyzer(),
  rescoreQueue: awsRescoreQueue(config),
};
const analyze = createAnalyzeHandler({
  ...deps,
  metrics,
  versions: awsVersionPurger(clients.s3),
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
export const handler = observed(
  observability,
  async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    const remainingMs = () => context.getRemainingTimeInMillis();
    const record = async (message: SQSRecord) => {
      try {
        await analyze(objectsFromSqs(message.body), { remainingMs });
      } catch (error) {
        logger.error('analysis message failed', { error, messageId: message.messageId });
        throw error;
      }
    };
    return processPartialResponse(event, record, processor, { context });
  },
);
