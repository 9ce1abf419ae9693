import { CfnOutput, Duration, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { alarmTopic, RUNBOOK } from './constructs/alarms';

/** The region of everything CloudFront-scoped: web ACLs and CloudFront's own metrics. */
export const EDGE_REGION = 'us-east-1';

/** What the edge stack builds; `infra/app.ts` fills it from CDK context. */
export interface EdgeStackProps extends StackProps {
  /** Requests one IP may send in any 5 minutes before the web ACL blocks it; none = no web ACL. */
  readonly rateLimit?: number;
  /** The portal distribution (output `DistributionId` of DiligenceStack): its alarms live here. */
  readonly distributionId?: string;
  /** Address subscribed to this region's alarm topic. */
  readonly alarmEmail?: string;
}

const WAF_METRIC_PREFIX = 'Diligence';

/**
 * The us-east-1 side of the portal. A CLOUDFRONT-scoped web ACL must live in us-east-1
 * (https://docs.aws.amazon.com/waf/latest/developerguide/how-aws-waf-works-resources.html), and
 * CloudFront publishes its metrics only there
 * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/programming-cloudwatch-metrics.html),
 * so alarms on them need a topic in us-east-1 too.
 */
export class EdgeStack extends Stack {
  readonly webAcl?: CfnWebACL;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, {
      description: 'Diligence edge (us-east-1): CloudFront web ACL and CloudFront alarms',
      ...props,
      env: { ...props.env, region: EDGE_REGION },
    });
    if (props.rateLimit !== undefined) {
      if (props.rateLimit < 10) {
        throw new Error(
          `A WAF rate limit is at least 10 requests per 5 minutes, got ${props.rateLimit}.`,
        );
      }
      this.webAcl = this.rateLimitedAcl(props.rateLimit);
      new CfnOutput(this, 'WebAclArn', {
        value: this.webAcl.attrArn,
        description: 'Deploy DiligenceStack with -c webAclArn=<this> to attach it to CloudFront',
      });
    }
    if (props.distributionId) this.watchDistribution(props.distributionId, props.alarmEmail);
  }

  /**
   * Allow by default; block an IP over `limit` requests in 5 minutes, and over a quarter of it on
   * the vendor routes (token-authenticated, so the cheapest to flood).
   */
  private rateLimitedAcl(limit: number): CfnWebACL {
    const visibility = (name: string) => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName: `${WAF_METRIC_PREFIX}${name}`,
    });
    const vendorPaths = {
      byteMatchStatement: {
        fieldToMatch: { uriPath: {} },
        positionalConstraint: 'STARTS_WITH',
        searchString: '/api/vendor/',
        textTransformations: [{ priority: 0, type: 'NONE' }],
      },
    };
    return new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('WebAcl'),
      rules: [
        {
          name: 'VendorRateLimit',
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: Math.max(10, Math.floor(limit / 4)),
              aggregateKeyType: 'IP',
              scopeDownStatement: vendorPaths,
            },
          },
          visibilityConfig: visibility('VendorRateLimit'),
        },
        {
          name: 'RateLimit',
          priority: 1,
          action: { block: {} },
          statement: { rateBasedStatement: { limit, aggregateKeyType: 'IP' } },
          visibilityConfig: visibility('RateLimit'),
        },
      ],
    });
  }

  /** CloudFront 5xx rate and, with the web ACL, a flood of blocked requests. */
  private watchDistribution(distributionId: string, email?: string): void {
    const { topic } = alarmTopic(this, email);
    const action = new SnsAction(topic);
    const add = (name: string, metric: Metric, threshold: number, description: string) => {
      const alarm = new Alarm(this, name, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: `${description} Runbook: ${RUNBOOK}#${name.toLowerCase()}`,
      });
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
      this.alarms.push(alarm);
    };
    const period = Duration.minutes(5);
    add(
      'CloudFront5xxRate',
      new Metric({
        namespace: 'AWS/CloudFront',
        metricName: '5xxErrorRate',
        dimensionsMap: { DistributionId: distributionId, Region: 'Global' },
        statistic: 'Average',
        period,
      }),
      5,
      'Over 5% of portal responses were 5xx at CloudFront for 5 minutes: the API (see Api5xxRate in the home region) or the origin is failing.',
    );
    if (this.webAcl) {
      add(
        'WafBlockedRequests',
        new Metric({
          namespace: 'AWS/WAFV2',
          metricName: 'BlockedRequests',
          // Ref of a web ACL is `name|id|scope`: the generated name, without fixing one.
          dimensionsMap: { WebACL: Fn.select(0, Fn.split('|', this.webAcl.ref)), Rule: 'ALL' },
          statistic: 'Sum',
          period,
        }),
        1000,
        'The web ACL blocked over 1,000 requests in 5 minutes: a flood, or a rate limit too low for real users.',
      );
    }
  }
}
