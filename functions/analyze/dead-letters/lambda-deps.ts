import { defaultAwsClients } from '../../lib/aws-clients';
import { loadConfig } from '../../lib/config';
import { newId } from '../../lib/ids';
import { lambdaObservability } from '../../lib/lambda-observability';
import { consoleMailer, lazySesMailer } from '../../lib/mailers';
import { failureRepositories } from '../../store/failure-repositories';
import type { DeadLetterDeps } from './handler';

/**
 * What a Lambda that marks failed samples runs on (the dead-letter consumer and the distributed
 * workflow's catch step): configuration, Powertools logger and metrics, the table, and mail
 * through SES when a sender is configured.
 */
export function failureLambdaDeps() {
  const config = loadConfig();
  const clients = defaultAwsClients(config);
  const { logger, metrics } = lambdaObservability(config);
  const deps = {
    config,
    logger,
    metrics,
    clock: () => new Date(),
    newId,
    // Reads and compare-and-set puts only (GetItem, PutItem): no Query, no UpdateItem.
    repos: failureRepositories({ doc: clients.doc, name: config.TABLE_NAME }),
    mailer: config.MAIL_FROM
      ? lazySesMailer(config.AWS_REGION, config.MAIL_FROM, config.MAIL_CONFIGURATION_SET)
      : consoleMailer(logger),
  } satisfies DeadLetterDeps;
  return deps;
}
