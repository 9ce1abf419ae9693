import { defaultAwsClients } from '../../lib/aws-clients';
import { loadConfig } from '../../lib/config';
import { newId } from '../../lib/ids';
import { powertoolsLogger } from '../../lib/logger-powertools';
import { consoleMailer, lazySesMailer } from '../../lib/mailers';
import { createProductMetrics } from '../../lib/metrics';
import { createRepositories } from '../../store/repositories';
import { createFailHandler, type FailInput } from './fail';

const config = loadConfig();
const clients = defaultAwsClients(config);
const logger = powertoolsLogger(config.LOG_LEVEL);
const metrics = createProductMetrics();
const fail = createFailHandler({
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

/** Step Functions catch: marks the sample failed with a message and notifies vendor and procurement. */
export async function handler(event: FailInput): Promise<{ marked: boolean }> {
  try {
    return await fail(event);
  } finally {
    metrics.flush();
  }
}
