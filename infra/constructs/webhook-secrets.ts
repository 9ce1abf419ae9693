import { RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { DiligenceFunction } from './function';

/**
 * Every sealing and opening names both parts of the encryption context the code binds a secret
 * to (functions/webhooks/endpoint-secret.ts), so a call without them is refused by IAM too.
 */
const WITH_CONTEXT = {
  Null: {
    'kms:EncryptionContext:organizationId': 'false',
    'kms:EncryptionContext:endpointId': 'false',
  },
};

/**
 * The symmetric KMS key that seals webhook signing secrets at rest (envelope encryption: the
 * table holds only ciphertext bound to its organization and endpoint). Key material rotates
 * yearly (old material still decrypts); the key is retained, as losing it loses every secret.
 */
export class WebhookSecrets extends Construct {
  readonly key: Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'Seals Diligence webhook signing secrets at rest',
      keySpec: KeySpec.SYMMETRIC_DEFAULT,
      keyUsage: KeyUsage.ENCRYPT_DECRYPT,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /** Lets `fn` seal secrets (kms:Encrypt only: it can never read one back). */
  allowSeal(fn: DiligenceFunction): void {
    this.bind(fn, 'kms:Encrypt');
  }

  /** Lets `fn` open secrets to sign deliveries (kms:Decrypt only). */
  allowOpen(fn: DiligenceFunction): void {
    this.bind(fn, 'kms:Decrypt');
  }

  private bind(fn: DiligenceFunction, action: string): void {
    fn.fn.addToRolePolicy(
      new PolicyStatement({
        actions: [action],
        resources: [this.key.keyArn],
        conditions: WITH_CONTEXT,
      }),
    );
    fn.fn.addEnvironment('WEBHOOK_SECRETS_KEY_ARN', this.key.keyArn);
  }
}
