import type { KMSClient } from '@aws-sdk/client-kms';

/** The KMS calls the sealers make (`KMSClient` satisfies it). */
export type KmsCall = Pick<KMSClient, 'send'>;

/** Sealed values in AWS: `kms:1:<base64 of the KMS ciphertext blob>`. */
export const kmsPrefix = 'kms:1:';
