import { defaultAwsClients } from '../lib/aws-clients';
import { loadConfig } from '../lib/config';
import { newId } from '../lib/ids';
import { createLogger } from '../lib/logger';
import { consoleMailer, lazySesMailer } from '../lib/mailers';
import { createWorkerRepositories } from '../store/table-repositories';
import { sendReminders } from './reminders';

const config = loadConfig();
const clients = defaultAwsClients(config);
const logger = createLogger(config.LOG_LEVEL, { fn: 'notify' });
const deps = {
  repos: createWorkerRepositories({ doc: clients.doc, name: config.TABLE_NAME }),
  mailer: config.MAIL_FROM
    ? lazySesMailer(config.AWS_REGION, config.MAIL_FROM, config.MAIL_CONFIGURATION_SET)
    : consoleMailer(logger),
  clock: () => new Date(),
  newId,
  logger,
};

/** Scheduled entry (EventBridge): sends due-date reminders once each. */
export async function handler(): Promise<{ sent: number }> {
  return { sent: await sendReminders(deps) };
}
