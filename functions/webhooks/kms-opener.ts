import type { DecryptCommandOutput } from '@aws-sdk/client-kms';
import { type KmsCall, kmsPrefix } from './kms-sealed-form';
import { SecretOpenError, type SecretSealer } from './secret-sealer';

/** KMS answers that mean this value never opens (wrong context or key), not "try later". */
const NEVER_OPENS = new Set(['InvalidCiphertextException', 'IncorrectKeyException']);

/**
 * The delivery worker's sealer in AWS: KMS `Decrypt` naming the key `keyArn` and the same
 * encryption context the value was sealed with. It cannot seal: the worker's role holds
 * kms:Decrypt only, and this bundle holds no Encrypt call (kms-sealer.ts).
 */
export function kmsOpenOnly(kms: () => Promise<KmsCall>, keyArn: string): SecretSealer {
  return {
    async seal() {
      throw new Error('the delivery worker only opens webhook secrets (kms:Decrypt)');
    },
    async open(sealed, context) {
      if (!sealed.startsWith(kmsPrefix))
        throw new SecretOpenError(`it was not sealed by KMS (${kmsPrefix}…)`, true);
      const { DecryptCommand } = await import('@aws-sdk/client-kms');
      let out: DecryptCommandOutput;
      try {
        out = await (await kms()).send(
          new DecryptCommand({
            KeyId: keyArn,
            CiphertextBlob: Buffer.from(sealed.slice(kmsPrefix.length), 'base64'),
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
