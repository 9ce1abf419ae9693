import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, synthStack } from './synth';
import type { CfnJson } from './template-tools';

let template: Template;
let topic: string;

beforeAll(() => {
  ({ template } = synthStack({ alarmEmail: 'ops@diligence.example' }));
  topic = Object.keys(template.findResources('AWS::SNS::Topic'))[0] ?? '';
});

const alarms = (): Array<[string, CfnJson]> =>
  Object.entries(template.findResources('AWS::CloudWatch::Alarm'));
const alarm = (prefix: string) => {
  const found = alarms().filter(([id]) => id.startsWith(`Alarms${prefix}`));
  expect(found, prefix).toHaveLength(1);
  return found[0]?.[1].Properties;
};
/** The metrics a math-expression alarm reads, as namespace/name/dimension-keys. */
const mathMetrics = (props: CfnJson) =>
  (props.Metrics as CfnJson[])
    .filter((m) => m.MetricStat)
    .map((m) => ({
      namespace: m.MetricStat.Metric.Namespace,
      name: m.MetricStat.Metric.MetricName,
      dimensions: Object.fromEntries(
        (m.MetricStat.Metric.Dimensions as CfnJson[]).map((d) => [d.Name, d.Value]),
      ),
    }));
const expression = (props: CfnJson) =>
  (props.Metrics as CfnJson[]).find((m) => m.ReturnData !== false)?.Expression;

describe('service alarms', () => {
  it('alarm on the HTTP API 5xx share of requests (the function Errors metric never sees a 500)', () => {
    const a = alarm('Api5xxRate');
    expect(expression(a)).toBe('IF(requests >= 20, 100 * errors / requests, 0)');
    expect(mathMetrics(a).map((m) => [m.namespace, m.name])).toEqual([
      ['AWS/ApiGateway', 'Count'],
      ['AWS/ApiGateway', '5xx'],
    ]);
    expect(mathMetrics(a)[1]?.dimensions).toEqual({ ApiId: { Ref: expect.any(String) } });
    expect(a).toMatchObject({ Threshold: 5, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
  });

  it('alarm on the API p99 latency over 3 s for 15 minutes', () => {
    expect(alarm('ApiLatencyP99')).toMatchObject({
      Namespace: 'AWS/ApiGateway',
      MetricName: 'Latency',
      ExtendedStatistic: 'p99',
      Threshold: 3000,
      EvaluationPeriods: 3,
    });
  });

  it('alarm when an upload has waited 30 minutes for its analysis', () => {
    expect(alarm('AnalysisQueueAge')).toMatchObject({
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateAgeOfOldestMessage',
      Dimensions: [
        {
          Name: 'QueueName',
          Value: { 'Fn::GetAtt': [expect.stringMatching(/^AnalyzerQueue/), 'QueueName'] },
        },
      ],
      Threshold: 1800,
    });
  });

  it('alarm on webhook wake-ups dead-lettered and on the webhook worker errors and throttles', () => {
    expect(alarm('WebhookWakeupsDeadLettered')).toMatchObject({
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [
        {
          Name: 'QueueName',
          Value: {
            'Fn::GetAtt': [expect.stringMatching(/^WebhooksDeadLetterQueue/), 'QueueName'],
          },
        },
      ],
      Threshold: 1,
    });
    for (const name of ['WebhooksErrors', 'WebhooksThrottles'])
      expect(alarm(name)).toMatchObject({
        Namespace: 'AWS/Lambda',
        Dimensions: [
          { Name: 'FunctionName', Value: { Ref: expect.stringMatching(/^WebhooksWorker/) } },
        ],
      });
  });

  it('alarm on read and write throttles of the table and both indexes', () => {
    const a = alarm('TableThrottles');
    expect(expression(a)).toBe('SUM(METRICS())');
    const metrics = mathMetrics(a);
    expect(metrics).toHaveLength(6);
    expect(new Set(metrics.map((m) => m.name))).toEqual(
      new Set(['ReadThrottleEvents', 'WriteThrottleEvents']),
    );
    expect(metrics.map((m) => m.dimensions.GlobalSecondaryIndexName)).toEqual([
      undefined,
      undefined,
      'GSI1',
      'GSI1',
      'GSI2',
      'GSI2',
    ]);
    expect(a.Threshold).toBe(1);
  });

  it('alarm on the ReportStoreFailures Powertools metric of the re-score worker, the one function that stores reports', () => {
    const metrics = mathMetrics(alarm('ReportStoreFailures'));
    expect(metrics.map((m) => [m.namespace, m.name, m.dimensions.service])).toEqual([
      ['Diligence', 'ReportStoreFailures', 'rescore'],
    ]);
  });

  it('alarm when a function runs past 80% of its timeout', () => {
    const near = alarms().filter(([id]) => /NearTimeout/.test(id));
    expect(near).toHaveLength(12);
    expect(alarm('ApiNearTimeout')).toMatchObject({
      MetricName: 'Duration',
      Statistic: 'Maximum',
      Threshold: 28_000 * 0.8,
    });
    expect(alarm('AnalyzeNearTimeout').Threshold).toBe(15 * 60_000 * 0.8);
  });

  it('alarm on the SES bounce and complaint rates below the levels SES reviews at', () => {
    expect(alarm('SesBounceRate')).toMatchObject({
      Namespace: 'AWS/SES',
      MetricName: 'Reputation.BounceRate',
      Threshold: 0.04,
    });
    expect(alarm('SesComplaintRate').Threshold).toBe(0.0008);
    const { template: noMail } = synthStack({ mailFrom: undefined });
    const ses = Object.values(noMail.findResources('AWS::CloudWatch::Alarm')).filter(
      (a) => a.Properties.Namespace === 'AWS/SES',
    );
    expect(ses).toEqual([]);
  });

  it('names the runbook section in every alarm and notifies the topic when it fires and clears', () => {
    for (const [id, a] of alarms()) {
      expect(a.Properties.AlarmDescription, id).toMatch(
        / Runbook: docs\/operations\.md#[a-z0-9-]+$/,
      );
      expect(a.Properties.AlarmActions, id).toEqual([{ Ref: topic }]);
      expect(a.Properties.OKActions, id).toEqual([{ Ref: topic }]);
    }
  });
});

describe('the portal-unhealthy composite alarm', () => {
  it('fires when any user-facing alarm does and notifies the topic', () => {
    const composites = Object.values(template.findResources('AWS::CloudWatch::CompositeAlarm'));
    expect(composites).toHaveLength(1);
    const props = composites[0]?.Properties;
    expect(props.AlarmActions).toEqual([{ Ref: topic }]);
    const rule = JSON.stringify(props.AlarmRule);
    for (const child of [
      'Api5xxRate',
      'ApiLatencyP99',
      'AnalysisQueueAge',
      'TableThrottles',
      'ReportStoreFailures',
      'ApiErrors',
    ]) {
      expect(rule).toMatch(new RegExp(`Alarms${child}[0-9A-F]{8}`));
    }
    expect(rule).toContain('\\") OR ALARM(\\"');
    expect(props.AlarmDescription).toMatch(/Runbook: docs\/operations\.md#portalunhealthy$/);
  });
});

describe('the operations dashboard', () => {
  it('shows every alarm and graphs the API, functions, queues, table and product metrics', () => {
    const dashboards = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]?.Properties.DashboardBody);
    for (const title of [
      'Alarms',
      'API requests and errors',
      'API latency (ms)',
      'Function errors',
      'Function duration, longest (ms)',
      'Queues: oldest message (s)',
      'DynamoDB: throttles and consumed capacity',
      'Product metrics (Powertools)',
    ]) {
      expect(body).toContain(title);
    }
    const shown = new Set(
      [...body.matchAll(/"Fn::GetAtt":\["([A-Za-z0-9]+)","Arn"\]/g)].map((m) => m[1]),
    );
    const every = [
      ...alarms().map(([id]) => id),
      ...Object.keys(template.findResources('AWS::CloudWatch::CompositeAlarm')),
    ];
    expect([...shown].sort()).toEqual(every.sort());
  });
});

describe('vendor route throttling', () => {
  it('caps the vendor routes below the stage limit, after the routes exist', () => {
    const stages = Object.entries(template.findResources('AWS::ApiGatewayV2::Stage'));
    expect(stages).toHaveLength(1);
    const [, stage] = stages[0] ?? [];
    expect(stage?.Properties.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 50 });
    expect(stage?.Properties.RouteSettings).toEqual({
      'ANY /api/vendor/{proxy+}': { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
    });
    const vendorRoute = Object.entries(template.findResources('AWS::ApiGatewayV2::Route')).find(
      ([, r]) => r.Properties.RouteKey === 'ANY /api/vendor/{proxy+}',
    )?.[0];
    expect(stage?.DependsOn).toContain(vendorRoute);
  });
});

describe('the runbook', () => {
  /** GitHub's anchors of the runbook's headings. */
  const anchors = () =>
    new Set(
      [
        ...readFileSync(join(projectRoot, 'docs/operations.md'), 'utf8').matchAll(
          /^#{2,3} (.+)$/gm,
        ),
      ].map((m) =>
        (m[1] ?? '')
          .toLowerCase()
          .replace(/[^a-z0-9 -]/g, '')
          .replace(/ /g, '-'),
      ),
    );

  it('has the section every alarm description points to, the edge alarms included', () => {
    const sections = anchors();
    const descriptions = [
      ...alarms().map(([, a]) => a.Properties.AlarmDescription as string),
      ...Object.values(template.findResources('AWS::CloudWatch::CompositeAlarm')).map(
        (a) => a.Properties.AlarmDescription as string,
      ),
    ];
    const pointed = descriptions.map((d) => d.replace(/^.*#/, ''));
    for (const anchor of [...pointed, 'cloudfront5xxrate', 'wafblockedrequests']) {
      expect(sections, anchor).toContain(anchor);
    }
  });
});
