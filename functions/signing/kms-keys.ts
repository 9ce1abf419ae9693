import { createHash, createPublicKey } from 'node:crypto';
import type { GetPublicKeyCommandOutput, KMSClient, SignCommandOutput } from '@aws-sdk/client-kms';
import { derToRaw } from '../core/signing/der';
import { ALG, type PublishedKey, type ReportKeys, type Signer } from '../core/signing/types';
import { loadOnce } from '../lib/load-once';

/** One KMS key of the JWKS: its ARN and when it signed (see `SIGNING_KEYS` in config). */
export interface KmsKeyEntry {
  arn: string;
  notBefore?: string;
  notAfter?: string;
}

/** The KMS calls the signer makes (`KMSClient` satisfies it). */
export type KmsSend = Pick<KMSClient, 'send'>;

/** The key id part of a key ARN (`arn:…:key/<id>`): the `kid` bundles name. */
export function kidOf(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/** A signer over a KMS key: SHA-256 locally, then Sign with MessageType DIGEST; DER → raw r‖s. */
export function kmsSigner(kms: () => Promise<KmsSend>, arn: string): Signer {
  return {
    kid: kidOf(arn),
    alg: ALG,
    async sign(message) {
      const { SignCommand } = await import('@aws-sdk/client-kms');
      const digest = createHash('sha256').update(message).digest();
      const out: SignCommandOutput = await (await kms()).send(
        new SignCommand({
          KeyId: arn,
          Message: digest,
          MessageType: 'DIGEST',
          SigningAlgorithm: 'ECDSA_SHA_256',
        }),
      );
      if (!out.Signature) throw new Error(`KMS returned no signature for ${arn}`);
      return derToRaw(out.Signature);
    },
  };
}

async function publicKeyOf(kms: KmsSend, entry: KmsKeyEntry): Promise<PublishedKey> {
  const { GetPublicKeyCommand } = await import('@aws-sdk/client-kms');
  const out: GetPublicKeyCommandOutput = await kms.send(
    new GetPublicKeyCommand({ KeyId: entry.arn }),
  );
  if (!out.PublicKey || out.KeySpec !== 'ECC_NIST_P256')
    throw new Error(`KMS key ${entry.arn} is not an ECC_NIST_P256 signing key`);
  const jwk = createPublicKey({
    key: Buffer.from(out.PublicKey),
    format: 'der',
    type: 'spki',
  }).export({ format: 'jwk' });
  return {
    kty: 'EC',
    crv: 'P-256',
    x: String(jwk.x),
    y: String(jwk.y),
    kid: kidOf(entry.arn),
    alg: ALG,
    use: 'sig',
    ...(entry.notBefore ? { notBefore: entry.notBefore } : {}),
    ...(entry.notAfter ? { notAfter: entry.notAfter } : {}),
  };
}

/**
 * Report keys in KMS: the first entry signs, every entry is published (public keys read with
 * GetPublicKey once per container: KMS keys never change their key material).
 */
export function kmsReportKeys(
  entries: readonly KmsKeyEntry[],
  kms: () => Promise<KmsSend>,
): ReportKeys {
  const current = entries[0];
  const keys = loadOnce(async () => {
    const client = await kms();
    return { keys: await Promise.all(entries.map((e) => publicKeyOf(client, e))) };
  });
  return {
    async signer() {
      if (!current) throw new Error('no report signing key is configured (SIGNING_KEYS)');
      return kmsSigner(kms, current.arn);
    },
    published: keys,
  };
}
