import { Duration } from 'aws-cdk-lib';
import {
  LayerVersion,
  ParamsAndSecretsLayerVersion,
  ParamsAndSecretsLogLevel,
  ParamsAndSecretsVersions,
} from 'aws-cdk-lib/aws-lambda';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { DiligenceFunction } from './function';
import { acknowledge } from './nag';

/** Header CloudFront adds to every API origin request (the value is the secret). */
export const ORIGIN_HEADER = 'x-diligence-origin';

/**
 * A random value only CloudFront and the API function know. CloudFront sends it as
 * `x-diligence-origin` and the API Lambda entry (reading it from Secrets Manager) answers 403
 * without it, so the execute-api host
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
      'Rotating needs CloudFront and the function updated together: rotate by redeploying after `aws secretsmanager put-secret-value` (docs/operations.md, "The origin secret").',
    );
  }

  /** The origin custom header (a CloudFormation dynamic reference, never a literal in the template). */
  get header(): { name: string; value: string } {
    return { name: ORIGIN_HEADER, value: this.secret.secretValue.unsafeUnwrap() };
  }

  /**
   * Lets the API function read the value at run time (ORIGIN_SECRET_ARN, GetSecretValue on this
   * secret only) through the AWS Parameters and Secrets Lambda extension, AWS's recommended way
   * (https://docs.aws.amazon.com/lambda/latest/dg/with-secrets-manager.html): the value is never
   * in the function's configuration. The extension caches it a minute, so a rotation reaches a
   * running container within about two.
   */
  bind(fn: DiligenceFunction): void {
    fn.fn.addEnvironment('ORIGIN_SECRET_ARN', this.secret.secretArn);
    this.secret.grantRead(fn.role);
    const extension = ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103, {
      cacheSize: 10,
      secretsManagerTtl: Duration.minutes(1),
      logLevel: ParamsAndSecretsLogLevel.WARN,
    });
    // What Function's `paramsAndSecrets` prop does, for a function that already exists.
    const bound = extension._bind(fn, fn.fn);
    fn.fn.addLayers(LayerVersion.fromLayerVersionArn(fn, 'ParamsAndSecretsLayer', bound.arn));
    for (const [name, value] of Object.entries(bound.environmentVars)) {
      fn.fn.addEnvironment(name, String(value));
    }
  }
}
