import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthStack } from './synth';
import { asList, policyStatements } from './template-tools';

type Resource = {
  Type: string;
  DeletionPolicy?: string;
  Properties: Record<string, unknown> & {
    Environment?: { Variables?: Record<string, unknown> };
  };
};

let template: Template;
let resources: Record<string, Resource>;
beforeAll(() => {
  ({ template } = synthStack());
  resources = template.toJSON().Resources as Record<string, Resource>;
}, 240_000);

/** The webhook-secret key's logical id (the one symmetric key the stack's code encrypts with). */
const keyId = () =>
  Object.keys(resources).find(
    (id) => id.startsWith('WebhookSecretsKey') && resources[id]?.Type === 'AWS::KMS::Key',
  ) ?? '';

/** Role-policy statements that name the key, with the role policy that holds each. */
const onKey = () =>
  policyStatements(template)
    .filter(({ statement }) => JSON.stringify(statement.Resource).includes(keyId()))
    .map(({ owner, statement }) => ({
      owner: owner.replace(/[A-F0-9]{8}$/, ''),
      actions: asList(statement.Action).map(String).sort(),
      statement,
    }));

describe('webhook secret key', () => {
  it('is a retained symmetric encrypt/decrypt KMS key whose material rotates', () => {
    const key = resources[keyId()];
    expect(key, 'a WebhookSecretsKey resource').toBeDefined();
    // SYMMETRIC_DEFAULT keys take an encryption context and may rotate automatically; asymmetric
    // ones may not (https://docs.aws.amazon.com/goto/WebAPI/kms/EnableKeyRotation). Rotated-out
    // material still decrypts what it encrypted, so old sealed secrets keep opening
    // (https://docs.aws.amazon.com/kms/latest/cryptographic-details/rotate-customer-master-key.html).
    expect(key?.Properties.KeySpec ?? 'SYMMETRIC_DEFAULT').toBe('SYMMETRIC_DEFAULT');
    expect(key?.Properties.KeyUsage ?? 'ENCRYPT_DECRYPT').toBe('ENCRYPT_DECRYPT');
    expect(key?.Properties.EnableKeyRotation).toBe(true);
    expect(key?.DeletionPolicy).toBe('Retain');
  });

  it('lets the API encrypt but not decrypt, and only the delivery worker decrypt', () => {
    const grants = onKey();
    expect(grants.map((g) => `${g.owner} ${g.actions.join(',')}`).sort()).toEqual([
      'ApiFunctionRoleDefaultPolicy kms:Encrypt',
      'WebhooksWorkerRoleDefaultPolicy kms:Decrypt',
    ]);
    const all = policyStatements(template);
    const holders = (action: string) =>
      all
        .filter(({ statement }) =>
          asList(statement.Action).some((a) => a === action || a === 'kms:*'),
        )
        .filter(({ statement }) => JSON.stringify(statement.Resource).includes(keyId()))
        .map(({ owner }) => owner);
    expect(holders('kms:Decrypt').some((o) => o.startsWith('ApiFunctionRole'))).toBe(false);
    expect(holders('kms:Encrypt').some((o) => o.startsWith('WebhooksWorkerRole'))).toBe(false);
  });

  it('requires the organization and endpoint encryption context on every call', () => {
    // KMS only decrypts with the exact (case-sensitive) context it encrypted with, else
    // InvalidCiphertextException (https://docs.aws.amazon.com/goto/WebAPI/kms/Encrypt); IAM
    // additionally refuses calls that leave the context out.
    for (const { statement } of onKey()) {
      expect(statement.Condition).toEqual({
        Null: {
          'kms:EncryptionContext:organizationId': 'false',
          'kms:EncryptionContext:endpointId': 'false',
        },
      });
    }
  });

  it('names the key to the API and the worker, and to no other function', () => {
    const named = Object.entries(resources)
      .filter(
        ([, r]) =>
          r.Type === 'AWS::Lambda::Function' &&
          r.Properties.Environment?.Variables?.WEBHOOK_SECRETS_KEY_ARN !== undefined,
      )
      .map(([id]) => id.replace(/[A-F0-9]{8}$/, ''))
      .sort();
    expect(named).toEqual(['ApiFunction', 'WebhooksWorkerFunction']);
    for (const [, r] of Object.entries(resources)) {
      const v = r.Properties?.Environment?.Variables?.WEBHOOK_SECRETS_KEY_ARN;
      if (v) expect(JSON.stringify(v)).toContain(keyId());
    }
  });
});
