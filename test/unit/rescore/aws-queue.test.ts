import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../functions/lib/config';
import { awsRescoreQueue } from '../../../functions/rescore/aws-queue';
import { parseRescoreMessage, RescoreMessageError } from '../../../functions/rescore/types';

const url = 'https://sqs.eu-west-1.amazonaws.com/123456789012/Rescores';
const config = (queue?: string) =>
  loadConfig({
    DILIGENCE_MODE: 'aws',
    AWS_REGION: 'eu-west-1',
    AUTH_JWKS_URL: 'https://cognito-idp.eu-west-1.amazonaws.com/pool/.well-known/jwks.json',
    ...(queue ? { RESCORE_QUEUE_URL: queue } : {}),
  });

describe('SQS re-score queue', () => {
  it('sends one SendMessage naming the assessment to the bound queue, loading the client once', async () => {
    const sent: [string, string][] = [];
    let loads = 0;
    const queue = awsRescoreQueue(config(url), async () => {
      loads++;
      return async (queueUrl, body) => {
        sent.push([queueUrl, body]);
      };
    });
    await queue.send({ organizationId: 'demo', assessmentId: 'a1' });
    await queue.send({ organizationId: 'demo', assessmentId: 'a2' });
    expect(loads).toBe(1);
    expect(sent.map(([u]) => u)).toEqual([url, url]);
    expect(sent.map(([, b]) => JSON.parse(b))).toEqual([
      { organizationId: 'demo', assessmentId: 'a1' },
      { organizationId: 'demo', assessmentId: 'a2' },
    ]);
  });

  it('builds a real SendMessageCommand through the SDK client by default', async () => {
    const seen: unknown[] = [];
    const original = SQSClient.prototype.send;
    SQSClient.prototype.send = (async (command: unknown) => {
      seen.push(command);
      return {};
    }) as typeof original;
    try {
      await awsRescoreQueue(config(url)).send({ organizationId: 'demo', assessmentId: 'a1' });
    } finally {
      SQSClient.prototype.send = original;
    }
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeInstanceOf(SendMessageCommand);
    expect((seen[0] as SendMessageCommand).input).toEqual({
      QueueUrl: url,
      MessageBody: JSON.stringify({ organizationId: 'demo', assessmentId: 'a1' }),
    });
  });

  it('refuses to send without a bound queue', async () => {
    await expect(
      awsRescoreQueue(config(), async () => async () => {}).send({
        organizationId: 'demo',
        assessmentId: 'a1',
      }),
    ).rejects.toThrow(/RESCORE_QUEUE_URL/);
  });

  it('parses a message naming an assessment and refuses anything else', () => {
    expect(parseRescoreMessage('{"organizationId":"demo","assessmentId":"a1"}')).toEqual({
      organizationId: 'demo',
      assessmentId: 'a1',
    });
    expect(() => parseRescoreMessage('nope')).toThrow(RescoreMessageError);
    expect(() => parseRescoreMessage('{"organizationId":"demo"}')).toThrow(RescoreMessageError);
  });
});
