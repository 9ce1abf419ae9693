import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { EdgeStack, type EdgeStackProps } from '../../infra/edge-stack';
import { cdkContext } from './synth';

function synthEdge(props: EdgeStackProps) {
  const app = new App({ context: cdkContext() });
  const stack = new EdgeStack(app, 'DiligenceEdge', props);
  return { app, stack, template: Template.fromStack(stack) };
}

describe('the us-east-1 edge stack', () => {
  it('lives in us-east-1, where CloudFront web ACLs and metrics do', () => {
    expect(synthEdge({ rateLimit: 2000 }).stack.region).toBe('us-east-1');
  });

  it('builds a CloudFront web ACL that blocks an IP over the rate limit, vendor routes tighter', () => {
    const { template } = synthEdge({ rateLimit: 2000 });
    template.resourceCountIs('AWS::WAFv2::WebACL', 1);
    const acl = Object.values(template.findResources('AWS::WAFv2::WebACL'))[0]?.Properties;
    expect(acl).toMatchObject({ Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
    const rules = Object.fromEntries(
      (acl.Rules as Array<{ Name: string }>).map((r) => [r.Name, r]),
    ) as Record<string, Record<string, unknown>>;
    expect(rules.RateLimit).toMatchObject({
      Action: { Block: {} },
      Statement: { RateBasedStatement: { Limit: 2000, AggregateKeyType: 'IP' } },
    });
    expect(rules.VendorRateLimit).toMatchObject({
      Action: { Block: {} },
      Statement: {
        RateBasedStatement: {
          Limit: 500,
          ScopeDownStatement: {
            ByteMatchStatement: {
              SearchString: '/api/vendor/',
              PositionalConstraint: 'STARTS_WITH',
            },
          },
        },
      },
    });
    expect(Object.keys(template.toJSON().Outputs)).toContain('WebAclArn');
    template.resourceCountIs('AWS::CloudWatch::Alarm', 0);
  });

  it('refuses a rate limit WAF would reject', () => {
    expect(() => synthEdge({ rateLimit: 5 })).toThrow(/at least 10/);
  });

  it('alarms on CloudFront 5xx and WAF blocks of the given distribution, to its own topic', () => {
    const { template } = synthEdge({
      rateLimit: 2000,
      distributionId: 'E123EXAMPLE',
      alarmEmail: 'ops@diligence.example',
    });
    const topic = Object.keys(template.findResources('AWS::SNS::Topic'))[0];
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@diligence.example',
    });
    const alarms = Object.entries(template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.map(([id]) => id.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual([
      'CloudFront5xxRate',
      'WafBlockedRequests',
    ]);
    const cf = alarms.find(([id]) => id.startsWith('CloudFront5xxRate'))?.[1].Properties;
    expect(cf).toMatchObject({
      Namespace: 'AWS/CloudFront',
      MetricName: '5xxErrorRate',
      Dimensions: expect.arrayContaining([{ Name: 'DistributionId', Value: 'E123EXAMPLE' }]),
      Threshold: 5,
      AlarmActions: [{ Ref: topic }],
    });
    expect(cf.AlarmDescription).toMatch(/Runbook: docs\/operations\.md#cloudfront5xxrate$/);
  });

  it('passes cdk-nag AwsSolutions with nothing to acknowledge', () => {
    const { app } = synthEdge({ rateLimit: 2000, distributionId: 'E123EXAMPLE' });
    const report = new AwsSolutionsChecks().validateScope(app);
    expect(
      report.violations.map(
        (v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath)}`,
      ),
    ).toEqual([]);
  });
});
