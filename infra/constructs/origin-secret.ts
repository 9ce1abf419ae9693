import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { DiligenceFunction } from './function';
import { acknowledge } from './nag';

/** Header CloudFront adds to every API origin request (the value is the secret). */
export const ORIGIN_HEADER = 'x-diligence-origin';

/**
 * A random value only CloudFront and the API function know. CloudFront sends it as
 * `x-diligence-origin` and the API Lambda entry answers 403 without it, so the execute-api host
 * is not a way around CloudFront, its web ACL, or its `CloudFront-Viewer-Address`. HTTP APIs can
 * only turn the execute-api endpoint off behind a custom domain (context `apiDomainName`); the
 * guard stays then too, since the custom domain itself resolves publicly.
 */
export class OriginSecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: 'Diligence: CloudFront-to-API origin header value',
      generateSecretString: { excludePunctuation: true, passwordLength: 48 },
    });
    acknowledge(
      this.secret,
      'AwsSolutions-SMG4',
      'Rotating needs CloudFront and the function updated together: rotate by redeploying after `aws secretsmanager put-secret-value` (README).',
    );
  }

  /** The origin custom header (a CloudFormation dynamic reference, never a literal in the template). */
  get header(): { name: string; value: string } {
    return { name: ORIGIN_HEADER, value: this.secret.secretValue.unsafeUnwrap() };
  }

  /** Hands the expected value to the API function (ORIGIN_VERIFY_SECRET). */
  bind(fn: DiligenceFunction): void {
    fn.fn.addEnvironment('ORIGIN_VERIFY_SECRET', this.secret.secretValue.unsafeUnwrap());
  }
}
