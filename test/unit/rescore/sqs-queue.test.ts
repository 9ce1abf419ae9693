import { describe, expect, it } from 'vitest';
import { sqsRescoreQueue } from '../../../functions/rescore/sqs-queue';
import { parseRescoreMessage, RescoreMessageError } from '../../../functions/rescore/types';

const url = 'https://sqs.eu-west-1.amazonaws.com/123456789012/Rescores';
const credentials = async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' });

/** A fetch that answers `statuses` in turn and records each request. */
function fakeFetch(statuses: number[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(input), init: init ?? {} });
    return new Response(null, { status: statuses.shift() ?? 200 });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

describe('SQS re-score queue', () => {
  it('sends one SigV4-signed SendMessage in the JSON protocol', async () => {
    const { fetch, calls } = fakeFetch([200]);
    await sqsRescoreQueue(url, 'eu-west-1', credentials, { fetch }).send({
      organizationId: 'demo',
      assessmentId: 'a1',
    });
    expect(calls).toHaveLength(1);
    const { init } = calls[0] as { url: string; init: RequestInit };
    expect(calls[0]?.url).toBe('https://sqs.eu-west-1.amazonaws.com/');
    const headers = init.headers as Record<string, string>;
    expect(headers['x-amz-target']).toBe('AmazonSQS.SendMessage');
    expect(headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/sqs\/aws4_request, SignedHeaders=.*host.*x-amz-target/,
    );
    expect(headers.host).toBeUndefined();
    const body = JSON.parse(String(init.body));
    expect(body.QueueUrl).toBe(url);
    expect(JSON.parse(body.MessageBody)).toEqual({ organizationId: 'demo', assessmentId: 'a1' });
  });

  it('tries again after a server error or no answer, but not after a refusal', async () => {
    const retried = fakeFetch([503, 200]);
    await sqsRescoreQueue(url, 'eu-west-1', credentials, { fetch: retried.fetch }).send({
      organizationId: 'demo',
      assessmentId: 'a1',
    });
    expect(retried.calls).toHaveLength(2);
    const refused = fakeFetch([403, 200]);
    await expect(
      sqsRescoreQueue(url, 'eu-west-1', credentials, { fetch: refused.fetch }).send({
        organizationId: 'demo',
        assessmentId: 'a1',
      }),
    ).rejects.toThrow(/403/);
    expect(refused.calls).toHaveLength(1);
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
