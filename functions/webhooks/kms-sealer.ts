import type { DecryptCommandOutput, EncryptCommandOutput, KMSClient } from '@aws-sdk/client-kms';
import { SecretOpenError, type SecretSealer } from './secret-sealer';

/** The KMS calls the sealer makes (`KMSClient` satisfies it). */
export type KmsCall = Pick<KMSClient, 'send'>;

/** Sealed values: `kms:1:<base64 of the KMS ciphertext blob>`. */
const PREFIX = 'kms:1:';

/** KMS answers that mean this value never opens (wrong context or key), not "try later". */
const NEVER_OPENS = new Set(['InvalidCiphertextException', 'IncorrectKeyException']);

/**
 * The AWS sealer: KMS `Encrypt` straight under the symmetric key `keyArn` (a webhook secret is far
 * below Encrypt's 4 KiB), the context as KMS encryption context; `Decrypt` names the key and gives
 * the same context. The API's role may only Encrypt; only the delivery worker may Decrypt.
 */
export function kmsSealer(kms: () => Promise<KmsCall>, keyArn: string): SecretSealer {
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
      return PREFIX + Buffer.from(out.CiphertextBlob).toString('base64');
    },
    async open(sealed, context) {
      if (!sealed.startsWith(PREFIX))
        throw new SecretOpenError('it was not sealed by KMS (kms:1:…)', true);
      const { DecryptCommand } = await import('@aws-sdk/client-kms');
      let out: DecryptCommandOutput;
      try {
        out = await (await kms()).send(
          new DecryptCommand({
            KeyId: keyArn,
            CiphertextBlob: Buffer.from(sealed.slice(PREFIX.length), 'base64'),
            EncryptionContext: { ...context },
          }),
        );
      } catch (error) {
        const name = (error as Error).name;
        if (NEVER_OPENS.has(name))
          throw new SecretOpenError(
            `KMS refused it (${name}): it does not open under its organization and endpoint`,
            true,
          );
        throw new SecretOpenError(`KMS did not decrypt it (${name}); retried later`, false);
      }
      if (!out.Plaintext) throw new SecretOpenError('KMS returned no plaintext', false);
      return Buffer.from(out.Plaintext).toString('utf8');
    },
  };
}
