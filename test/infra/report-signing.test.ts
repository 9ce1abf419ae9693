import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { retiredSigningKeys } from '../../infra/constructs/report-signing';
import { synthStack } from './synth';
import { asList, policyStatements } from './template-tools';

type Resource = {
  Type: string;
  DeletionPolicy?: string;
  Properties: Record<string, unknown> & {
    KeySpec?: string;
    KeyUsage?: string;
    Environment?: { Variables?: Record<string, unknown> };
  };
};
const OLD = 'arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555';

let template: Template;
let rotated: Template;
beforeAll(() => {
  ({ template } = synthStack());
  ({ template: rotated } = synthStack({
    signingKeyGeneration: 2,
    retiredSigningKeys: retiredSigningKeys(`${OLD}=2026-06-01T00:00:00Z`),
  }));
}, 240_000);

describe('report signing key', () => {
  it('is an ECC P-256 sign/verify KMS key, retained, that only the API role may use', () => {
    const keys = Object.entries(template.toJSON().Resources as Record<string, Resource>).filter(
      ([, r]) => r.Type === 'AWS::KMS::Key' && r.Properties.KeySpec === 'ECC_NIST_P256',
    );
    expect(keys).toHaveLength(1);
    const [logicalId, key] = keys[0] as [string, Resource];
    expect(key.Properties.KeyUsage).toBe('SIGN_VERIFY');
    expect(key.DeletionPolicy).toBe('Retain');
    const users = policyStatements(template).filter(({ statement }) =>
      JSON.stringify(statement.Resource).includes(logicalId),
    );
    expect(users.map((u) => u.owner.replace(/[A-F0-9]{8}$/, ''))).toEqual([
      'ApiFunctionRoleDefaultPolicy',
    ]);
    expect(asList(users[0]?.statement.Action).sort()).toEqual(['kms:GetPublicKey', 'kms:Sign']);
  });

  it('keeps a retired key readable (public key only) and names it in SIGNING_KEYS', () => {
    const resources = rotated.toJSON().Resources as Record<string, Resource>;
    expect(Object.keys(resources).some((id) => id.startsWith('ReportSigningKey2'))).toBe(true);
    const old = policyStatements(rotated).filter(({ statement }) =>
      asList(statement.Resource).includes(OLD),
    );
    expect(old.map(({ statement }) => statement.Action)).toEqual(['kms:GetPublicKey']);
    const api = Object.values(resources).find(
      (r) =>
        r.Type === 'AWS::Lambda::Function' && r.Properties.Environment?.Variables?.SIGNING_KEYS,
    );
    expect(JSON.stringify(api?.Properties.Environment?.Variables?.SIGNING_KEYS)).toContain(OLD);
    expect(() => retiredSigningKeys('not-an-arn=2026-01-01')).toThrow(/retiredSigningKeys/);
  });
});
