import { defaultAwsClients } from '../lib/aws-clients';
import { loadConfig } from '../lib/config';
import { newId, newSecret } from '../lib/ids';
import { lambdaObservability, observed } from '../lib/lambda-observability';
import { consoleMailer, lazySesMailer } from '../lib/mailers';
import { remediationSweepRepo } from '../store/remediation-sweep';
import { reminderRepositories } from '../store/reminder-repositories';
import { sweepRemediation } from './remediation-sweep';
import { sendReminders } from './reminders';

const config = loadConfig();
const clients = defaultAwsClients(config);
const observability = lambdaObservability(config);
const { logger } = observability;
const table = { doc: clients.doc, name: config.TABLE_NAME };
const deps = {
  // Due assessments and remediation items queried, claimed and saved: Query and PutItem only.
  repos: { ...reminderRepositories(table), remediation: remediationSweepRepo(table) },
  mailer: config.MAIL_FROM
    ? lazySesMailer(config.AWS_REGION, config.MAIL_FROM, config.MAIL_CONFIGURATION_SET)
    : consoleMailer(logger),
  clock: () => new Date(),
  newId,
  newSecret: () => newSecret(256),
  config,
  logger,
};

/** Scheduled entry (EventBridge): sends due-date reminders once each, then the remediation sweep. */
export const handler = observed(
  observability,
  async (): Promise<{ sent: number; remediation: number }> => ({
    sent: await sendReminders(deps),
    remediation: await sweepRemediation(deps),
  }),
);
