import type { EncryptCommandOutput } from '@aws-sdk/client-kms';
import { type KmsCall, kmsPrefix } from './kms-sealed-form';
import { SecretOpenError, type SecretSealer } from './secret-sealer';

/**
 * The API's sealer in AWS: KMS `Encrypt` straight under the symmetric key `keyArn` (a webhook
 * secret is far below Encrypt's 4 KiB), the context as KMS encryption context. It cannot open:
 * the API's role holds kms:Encrypt only, and this bundle holds no Decrypt call (kms-opener.ts).
 */
export function kmsSealOnly(kms: () => Promise<KmsCall>, keyArn: string): SecretSealer {
  return {
    async seal(plain, context) {
      const { EncryptCommand } = await import('@aws-sdk/client-kms');
      const out: EncryptCommandOutput = await (await kms()).send(
        new EncryptCommand({
          KeyId: keyArn,
          Plaintext: Buffer.from(plain, 'utf8'),
          EncryptionContext: { ...context },
        }),
      );
      if (!out.CiphertextBlob) throw new Error(`KMS returned no ciphertext for ${keyArn}`);
      return kmsPrefix + Buffer.from(out.CiphertextBlob).toString('base64');
    },
    async open() {
      throw new SecretOpenError(
        'this function only seals webhook secrets (kms:Encrypt); the delivery worker opens them',
        false,
      );
    },
  };
}
