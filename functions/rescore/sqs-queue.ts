import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentityProvider, SourceData } from '@smithy/types';
import type { RescoreQueue } from './types';

const bytes = (d: SourceData): string | Uint8Array =>
  typeof d === 'string'
    ? d
    : ArrayBuffer.isView(d)
      ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength)
      : new Uint8Array(d);

/** SHA-256 (or its HMAC) for the signer, from node:crypto. */
class Sha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret ? createHmac('sha256', bytes(secret)) : createHash('sha256');
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

/**
 * Sends re-score messages to the SQS queue at `queueUrl` (one SendMessage, SQS's JSON protocol,
 * signed with SigV4 and the Lambda role's credentials). The repository has no SQS client package
 * yet; with `@aws-sdk/client-sqs` this becomes one `SendMessageCommand`.
 */
export function sqsRescoreQueue(
  queueUrl: string,
  region: string,
  credentials: AwsCredentialIdentityProvider,
  options: { timeoutMs?: number; attempts?: number; fetch?: typeof fetch } = {},
): RescoreQueue {
  const { timeoutMs = 5_000, attempts = 3, fetch: send = fetch } = options;
  const signer = new SignatureV4({ service: 'sqs', region, credentials, sha256: Sha256 });
  const endpoint = new URL(queueUrl);
  return {
    async send(message) {
      const body = JSON.stringify({ QueueUrl: queueUrl, MessageBody: JSON.stringify(message) });
      const signed = await signer.sign({
        method: 'POST',
        protocol: 'https:',
        hostname: endpoint.hostname,
        path: '/',
        query: {},
        headers: {
          host: endpoint.hostname,
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': 'AmazonSQS.SendMessage',
        },
        body,
      });
      // fetch sets Host itself (the same name that was signed).
      const { host: _host, ...headers } = signed.headers;
      for (let attempt = 1; ; attempt++) {
        const status = await send(`https://${endpoint.hostname}/`, {
          method: 'POST',
          headers,
          body,
          signal: AbortSignal.timeout(timeoutMs),
        }).then(
          (res) => res.status,
          () => 0, // no answer (network error or timeout): worth another try
        );
        if (status >= 200 && status < 300) return;
        if ((status >= 400 && status < 500) || attempt >= attempts)
          throw new Error(`SQS SendMessage failed (${status || 'no answer'})`);
      }
    },
  };
}
