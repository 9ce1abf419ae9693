import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { DiligenceFunction } from './function';

/** A signing key retired by a rotation: still published, so the bundles it signed verify. */
export interface RetiredSigningKey {
  readonly arn: string;
  /** ISO 8601: when the next key took over. */
  readonly notAfter: string;
}

/** Props of the report signing key. */
export interface ReportSigningProps {
  /**
   * Rotation counter (context `signingKeyGeneration`, default 1): a new number makes a new key
   * under a new logical id; the old key is retained (never deleted) and named in `retired`.
   */
  readonly generation?: number;
  /** Earlier keys kept in the JWKS (context `retiredSigningKeys`), newest first. */
  readonly retired?: readonly RetiredSigningKey[];
}

const KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[\w-]+$/;

/**
 * Parses context `retiredSigningKeys`: comma-separated `<key ARN>=<ISO time it was retired>`,
 * newest first; an error names the bad entry and the expected form.
 */
export function retiredSigningKeys(value: string | undefined): RetiredSigningKey[] {
  if (!value) return [];
  return value.split(',').map((entry) => {
    const [arn = '', notAfter = ''] = entry.trim().split('=');
    if (!KEY_ARN.test(arn) || Number.isNaN(Date.parse(notAfter)))
      throw new Error(
        `Context "retiredSigningKeys": "${entry}" is not <KMS key ARN>=<ISO 8601 time> (e.g. arn:aws:kms:eu-west-1:123456789012:key/…=2026-06-01T00:00:00Z).`,
      );
    return { arn, notAfter: new Date(notAfter).toISOString() };
  });
}

/**
 * The KMS key that signs report bundles (ECC_NIST_P256, SIGN_VERIFY: the private key never leaves
 * KMS). Asymmetric keys do not rotate themselves: rotation is a new generation, old public keys
 * stay in the JWKS through `retired`.
 */
export class ReportSigning extends Construct {
  readonly key: Key;
  private readonly retired: readonly RetiredSigningKey[];

  constructor(scope: Construct, id: string, props: ReportSigningProps = {}) {
    super(scope, id);
    const generation = props.generation ?? 1;
    this.retired = props.retired ?? [];
    this.key = new Key(this, generation === 1 ? 'Key' : `Key${generation}`, {
      description: `Signs Diligence report bundles (generation ${generation})`,
      keySpec: KeySpec.ECC_NIST_P256,
      keyUsage: KeyUsage.SIGN_VERIFY,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /** Lets `fn` sign with the current key and read every published key; sets SIGNING_KEYS. */
  bind(fn: DiligenceFunction): void {
    fn.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['kms:Sign', 'kms:GetPublicKey'],
        resources: [this.key.keyArn],
      }),
    );
    if (this.retired.length > 0)
      fn.fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['kms:GetPublicKey'],
          resources: this.retired.map((k) => k.arn),
        }),
      );
    const since = this.retired[0]?.notAfter;
    fn.fn.addEnvironment(
      'SIGNING_KEYS',
      Stack.of(this).toJsonString([
        { arn: this.key.keyArn, ...(since ? { notBefore: since } : {}) },
        ...this.retired.map((k) => ({ arn: k.arn, notAfter: k.notAfter })),
      ]),
    );
  }
}
