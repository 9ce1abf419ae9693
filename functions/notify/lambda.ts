import { defaultAwsClients } from '../lib/aws-clients';
import { loadConfig } from '../lib/config';
import { newId, newSecret } from '../lib/ids';
import { lambdaObservability, observed } from '../lib/lambda-observability';
import { consoleMailer, lazySesMailer } from '../lib/mailers';
import { reminderRepositories } from '../store/reminder-repositories';
import { sendReminders } from './reminders';

const config = loadConfig();
const clients = defaultAwsClients(config);
const observability = lambdaObservability(config);
const { logger } = observability;
const deps = {
  // Due assessments queried, reminders claimed and recorded: Query and PutItem only.
  repos: reminderRepositories({ doc: clients.doc, name: config.TABLE_NAME }),
  mailer: config.MAIL_FROM
    ? lazySesMailer(config.AWS_REGION, config.MAIL_FROM, config.MAIL_CONFIGURATION_SET)
    : consoleMailer(logger),
  clock: () => new Date(),
  newId,
  newSecret: () => newSecret(256),
  config,
  logger,
};

/** Scheduled entry (EventBridge): sends due-date reminders once each. */
export const handler = observed(
  observability,
  async (): Promise<{ sent: number }> => ({
    sent: await sendReminders(deps),
  }),
);
