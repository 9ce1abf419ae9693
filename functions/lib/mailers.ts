import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Logger } from './logger';

/** One e-mail. */
export interface Mail {
  to: string;
  subject: string;
  body: string;
}

/** Local mailer: prints the message (the outbox keeps a copy). */
export function consoleMailer(logger: Logger) {
  return async (mail: Mail) => {
    logger.info('mail', { to: mail.to, subject: mail.subject });
  };
}

/** AWS mailer: sends plain text through Amazon SES from `from`. */
export function sesMailer(ses: Pick<SESv2Client, 'send'>, from: string) {
  return async (mail: Mail) => {
    await ses.send(
      new SendEmailCommand({
        FromEmailAddress: from,
        Destination: { ToAddresses: [mail.to] },
        Content: {
          Simple: { Subject: { Data: mail.subject }, Body: { Text: { Data: mail.body } } },
        },
      }),
    );
  };
}
