import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import {
  AllowedMethods,
  type BehaviorOptions,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledge, BASIC_EXECUTION_POLICY, cdkManagedHandlers, objectArnFinding } from './nag';
import { secureBucket } from './secure-bucket';
import { contentSecurityPolicy, SPA_FALLBACK_SOURCE } from './spa-fallback';

/** Props of the web front door. */
export interface WebProps {
  /** Built single-page app (must contain index.html). */
  readonly distPath: string;
  /** Host name of the HTTP API (`/api/*` origin). */
  readonly apiDomainName: string;
  readonly accessLogs: IBucket;
  /** Origins the SPA calls besides its own: the samples bucket (presigned PUT), the Cognito domain. */
  readonly connectSources?: string[];
  /** Header CloudFront adds to API origin requests so the API can refuse requests that bypass it. */
  readonly originSecret?: { name: string; value: string };
  /** ARN of a WAFv2 web ACL (scope CLOUDFRONT, in us-east-1) to attach. */
  readonly webAclArn?: string;
}

/**
 * Private bucket behind CloudFront (OAC) serving the SPA, with `/api/*` and `/.well-known/*` routed
 * to the HTTP API.
 */
export class Web extends Construct {
  readonly bucket: IBucket;
  readonly distribution: Distribution;
  /** `https://<distribution domain>`: the public origin of the portal. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    if (!existsSync(join(props.distPath, 'index.html'))) {
      throw new Error(
        `The web app is not built (${props.distPath}/index.html is missing). Run \`npm run web:build\` first (\`npm run deploy\` does), or point \`-c webDist=<dir>\` at a build.`,
      );
    }
    this.bucket = secureBucket(this, 'Bucket', {
      accessLogs: props.accessLogs,
      logPrefix: 'web',
      noncurrentVersionDays: 7,
    });

    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Diligence web app security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy(props.connectSources),
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
      },
    });
    // The API sets its own CSP and headers; CloudFront only guarantees HSTS and nosniff there.
    const apiHeaders = new ResponseHeadersPolicy(this, 'ApiHeaders', {
      comment: 'Diligence API transport headers',
      securityHeadersBehavior: {
        contentTypeOptions: { override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
      },
    });
    const spaFallback = new EdgeFunction(this, 'SpaFallback', {
      code: FunctionCode.fromInline(SPA_FALLBACK_SOURCE),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Serve index.html for app routes',
    });

    const apiBehaviour: BehaviorOptions = {
      origin: new HttpOrigin(props.apiDomainName, {
        protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
        originSslProtocols: [OriginSslPolicy.TLS_V1_2],
        customHeaders: props.originSecret
          ? { [props.originSecret.name]: props.originSecret.value }
          : undefined,
      }),
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      // All viewer headers but Host (API Gateway routes on its own host name), plus the
      // CloudFront headers, CloudFront-Viewer-Address among them: the client's real IP and port
      // for the vendor rate limit. A custom policy cannot forward Authorization, so the managed
      // one it is; test/infra/web.test.ts pins its id.
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: apiHeaders,
    };

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Diligence portal',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: props.accessLogs,
      logFilePrefix: 'cloudfront/',
      webAclId: props.webAclArn,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [
          { function: spaFallback, eventType: FunctionEventType.VIEWER_REQUEST },
        ],
      },
      additionalBehaviors: {
        '/api/*': apiBehaviour,
        // The public keys report bundles are verified with (functions/api/well-known.ts).
        '/.well-known/*': { ...apiBehaviour, allowedMethods: AllowedMethods.ALLOW_GET_HEAD },
      },
    });
    this.url = `https://${this.distribution.distributionDomainName}`;
    this.acknowledgeEdgeFindings(props.webAclArn);

    const deployment = new BucketDeployment(this, 'Deploy', {
      sources: [Source.asset(props.distPath)],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      prune: true,
      memoryLimit: 256,
    });
    this.acknowledgeDeploymentFindings(deployment);
  }

  private acknowledgeEdgeFindings(webAclArn: string | undefined): void {
    const d = this.distribution;
    acknowledge(
      d,
      'AwsSolutions-CFR1',
      'Vendors and staff are worldwide; a geo restriction would lock out legitimate vendors.',
    );
    if (!webAclArn) {
      acknowledge(
        d,
        'AwsSolutions-CFR2',
        'No web ACL configured (context `webAclArn` attaches one); the API stage is throttled and staff routes need a JWT at the gateway.',
      );
    }
    acknowledge(
      d,
      'AwsSolutions-CFR4',
      'The default *.cloudfront.net certificate cannot pin a TLS policy; a custom domain with TLSv1.2_2021 needs a certificate this stack does not own yet.',
    );
  }

  private acknowledgeDeploymentFindings(deployment: BucketDeployment): void {
    const reason =
      'aws-cdk-lib BucketDeployment handler (runs only at deploy time); its policy is generated by CDK and scoped to the asset bucket and the web bucket.';
    for (const id of [
      'AwsSolutions-IAM5[Action::s3:GetObject*]',
      'AwsSolutions-IAM5[Action::s3:GetBucket*]',
      'AwsSolutions-IAM5[Action::s3:List*]',
      'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
      'AwsSolutions-IAM5[Action::s3:Abort*]',
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
      `AwsSolutions-IAM5[${objectArnFinding(this, this.bucket)}]`,
    ]) {
      acknowledge(deployment.handlerRole, id, reason);
    }
    acknowledge(
      deployment.handlerRole,
      'AwsSolutions-IAM5[Resource::*]',
      'CDK grants cloudfront:CreateInvalidation/GetInvalidation on * to invalidate this distribution after each deploy; only those two actions.',
    );
    for (const handler of cdkManagedHandlers(this, 'Custom::CDKBucketDeployment')) {
      acknowledge(
        handler,
        `AwsSolutions-IAM4[Policy::${BASIC_EXECUTION_POLICY}]`,
        'aws-cdk-lib BucketDeployment handler: the AWS managed policy only lets it write its own logs.',
      );
      acknowledge(
        handler,
        'AwsSolutions-L1',
        'aws-cdk-lib chooses and updates the BucketDeployment handler runtime; it is not our code.',
      );
    }
  }
}
