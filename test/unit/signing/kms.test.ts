import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { GetPublicKeyCommand, SignCommand } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { signedBundle, verifySignedBundle } from '../../../functions/core/report';
import { bundleContent } from '../../../functions/core/report/bundle-signed';
import { jcsBytes } from '../../../functions/core/signing';
import { type KmsSend, kidOf, kmsReportKeys } from '../../../functions/signing/kms-keys';
import { approvedAssessment, reportWithSample } from './fixtures';

const ARN = (n: number) =>
  `arn:aws:kms:eu-west-1:123456789012:key/0000000${n}-aaaa-bbbb-cccc-dddddddddddd`;

/**
 * A stand-in for KMS: it holds the private keys and, like KMS with MessageType DIGEST, is sent
 * only the digest. Node cannot sign a bare digest, so it signs the message the test registered
 * under that digest: a wrong digest finds nothing. It answers DER, as KMS does.
 */
function fakeKms() {
  const keys = new Map(
    [1, 2].map((n) => [ARN(n), generateKeyPairSync('ec', { namedCurve: 'P-256' })]),
  );
  const messages = new Map<string, Uint8Array>();
  const calls: string[] = [];
  const kms: KmsSend = {
    send: (async (command: unknown) => {
      if (command instanceof SignCommand) {
        const input = command.input;
        calls.push(`Sign ${input.MessageType} ${input.SigningAlgorithm}`);
        const message = messages.get(Buffer.from(input.Message as Uint8Array).toString('hex'));
        const pair = keys.get(String(input.KeyId));
        if (!message || !pair) throw new Error('unknown digest or key');
        return { Signature: sign('sha256', message, { key: pair.privateKey, dsaEncoding: 'der' }) };
      }
      if (command instanceof GetPublicKeyCommand) {
        calls.push('GetPublicKey');
        const pair = keys.get(String(command.input.KeyId));
        return {
          KeySpec: 'ECC_NIST_P256',
          PublicKey: pair?.publicKey.export({ format: 'der', type: 'spki' }),
        };
      }
      throw new Error('unexpected command');
    }) as KmsSend['send'],
  };
  const expect = (message: Uint8Array) =>
    messages.set(createHash('sha256').update(message).digest('hex'), message);
  return { kms, calls, expect };
}

describe('KMS signer', () => {
  it('sends KMS the SHA-256 digest of the JCS bytes, and publishes every configured key', async () => {
    const fake = fakeKms();
    const entries = [
      { arn: ARN(2), notBefore: '2026-06-01T00:00:00.000Z' },
      { arn: ARN(1), notAfter: '2026-06-01T00:00:00.000Z' },
    ];
    const keys = kmsReportKeys(entries, async () => fake.kms);
    const input = {
      report: reportWithSample('ab'.repeat(32)),
      assessment: approvedAssessment(),
      issuedAt: new Date('2026-11-25T09:00:00.000Z'),
    };
    fake.expect(jcsBytes(bundleContent(input)));
    const bundle = await signedBundle(input, await keys.signer());
    expect(bundle.signature.kid).toBe(kidOf(ARN(2)));
    expect(Buffer.from(bundle.signature.value, 'base64url')).toHaveLength(64);
    const jwks = await keys.published();
    expect(jwks.keys.map((k) => [k.kid, k.notBefore, k.notAfter])).toEqual([
      [kidOf(ARN(2)), '2026-06-01T00:00:00.000Z', undefined],
      [kidOf(ARN(1)), undefined, '2026-06-01T00:00:00.000Z'],
    ]);
    expect(verifySignedBundle(bundle, jwks)).toMatchObject({ ok: true });
    // Public keys are read once per container.
    await keys.published();
    expect(fake.calls.filter((c) => c === 'GetPublicKey')).toHaveLength(2);
    expect(fake.calls).toContain('Sign DIGEST ECDSA_SHA_256');
  });

  it('refuses to sign with a digest KMS was not meant to see', async () => {
    const fake = fakeKms();
    const keys = kmsReportKeys([{ arn: ARN(1) }], async () => fake.kms);
    await expect((await keys.signer()).sign(new Uint8Array([1, 2, 3]))).rejects.toThrow(
      /unknown digest/,
    );
  });
});
