import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { loadOnce } from './load-once';
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

/** AWS mailer: sends plain text through Amazon SES from `from`, tagged with the configuration set. */
export function sesMailer(ses: Pick<SESv2Client, 'send'>, from: string, configurationSet?: string) {
  return async (mail: Mail) => {
    const { SendEmailCommand } = await import('@aws-sdk/client-sesv2');
    await ses.send(
      new SendEmailCommand({
        FromEmailAddress: from,
        ConfigurationSetName: configurationSet,
        Destination: { ToAddresses: [mail.to] },
        Content: {
          Simple: { Subject: { Data: mail.subject }, Body: { Text: { Data: mail.body } } },
        },
      }),
    );
  };
}

/** `sesMailer` whose SES client (and SDK module) load on the first message, not at cold start. */
export function lazySesMailer(region: string, from: string, configurationSet?: string) {
  const send = loadOnce(async () => {
    const { SESv2Client } = await import('@aws-sdk/client-sesv2');
    return sesMailer(new SESv2Client({ region }), from, configurationSet);
  });
  return async (mail: Mail) => (await send())(mail);
}
