import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { defaultAwsClients } from '../../lib/aws-clients';
import { loadConfig } from '../../lib/config';
import { newId } from '../../lib/ids';
import { powertoolsLogger } from '../../lib/logger-powertools';
import { consoleMailer, lazySesMailer } from '../../lib/mailers';
import { createProductMetrics } from '../../lib/metrics';
import { createRepositories } from '../../store/repositories';
import { objectsFromSqs } from '../sqs-records';
import { createDeadLetterHandler } from './handler';

const config = loadConfig();
const clients = defaultAwsClients(config);
const logger = powertoolsLogger(config.LOG_LEVEL);
const metrics = createProductMetrics();
const onDeadLetter = createDeadLetterHandler({
  config,
  logger,
  metrics,
  clock: () => new Date(),
  newId,
  repos: createRepositories({ doc: clients.doc, name: config.TABLE_NAME }),
  mailer: config.MAIL_FROM
    ? lazySesMailer(config.AWS_REGION, config.MAIL_FROM, config.MAIL_CONFIGURATION_SET)
    : consoleMailer(logger),
});
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
