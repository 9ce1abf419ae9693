import { createRequire } from 'node:module';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  FOLD_RESERVED_CONCURRENCY,
  foldReservation,
  MAP_RESULTS_PREFIX,
  MERGE_MEMORY,
} from '../../infra/constructs/distributed';
import { synthStack } from './synth';
import { asList, policyStatements } from './template-tools';

type Validate = (
  definition: unknown,
  options?: { checkPaths?: boolean; checkArn?: boolean },
) => { isValid: boolean; errors: { message: string }[] };
const validate = createRequire(import.meta.url)('asl-validator') as Validate;

let template: Template;
/** The parts of an ASL state these tests read. */
interface State {
  Type: string;
  Next: string;
  End?: boolean;
  Resource?: string;
  ResultPath?: string;
  Retry?: Record<string, unknown>[];
  TimeoutSeconds?: number;
  ItemsPath?: string;
  ItemSelector?: unknown;
  Catch: { Next: string }[];
  ItemReader?: unknown;
  ResultWriter?: unknown;
  MaxConcurrency?: number;
  ToleratedFailurePercentage?: number;
  ToleratedFailureCount?: number;
  ItemProcessor: Definition & { ProcessorConfig: unknown };
}
interface Definition {
  StartAt: string;
  States: Record<string, State>;
}
let definition: Definition;
let stateMachineId: string;

/** The definition string with each function ARN replaced by a well-formed stand-in ARN. */
function resolveDefinition(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, unknown>;
  if ('Fn::Join' in v) {
    const [sep, parts] = v['Fn::Join'] as [string, unknown[]];
    return parts.map(resolveDefinition).join(sep);
  }
  if ('Fn::GetAtt' in v) {
    const [id] = v['Fn::GetAtt'] as [string];
    return `arn:aws:lambda:eu-west-1:123456789012:function:${id}`;
  }
  if ('Ref' in v) return v.Ref === 'AWS::Partition' ? 'aws' : String(v.Ref);
  throw new Error(`cannot resolve ${JSON.stringify(value)}`);
}

beforeAll(() => {
  // synthStack builds the stack with cdk.json's context: without its
  // useDistributedMapResultWriterV2 flag, resultWriterV2 is silently left out of the definition.
  ({ template } = synthStack());
  const machines = template.findResources('AWS::StepFunctions::StateMachine');
  const entries = Object.entries(machines);
  expect(entries).toHaveLength(1);
  const [id, resource] = entries[0] as [string, { Properties: { DefinitionString: unknown } }];
  stateMachineId = id;
  definition = JSON.parse(resolveDefinition(resource.Properties.DefinitionString));
}, 120_000);

const mapState = () => st('FoldRanges');
const groupMap = () => st('MergeGroups');
/** The state named `name` of `d` (the top level by default). */
function st(name: string, d: Definition = definition): State {
  const found = d.States[name];
  if (!found) throw new Error(`no state ${name}`);
  return found;
}

describe('the distributed analysis state machine', () => {
  it('is a Standard workflow whose definition asl-validator accepts', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
    });
    const result = validate(definition);
    expect(result.errors).toEqual([]);
    expect(result.isValid).toBe(true);
    // the validator really checks: a dangling transition is refused
    const broken = structuredClone(definition);
    st(broken.StartAt, broken).Next = 'NoSuchState';
    expect(validate(broken).isValid).toBe(false);
  });

  it('runs plan, then a Distributed Map over the JSONL manifest, then a Map of group merges, then the final merge', () => {
    const plan = st(definition.StartAt);
    expect(plan.Type).toBe('Task');
    const map = mapState();
    expect(plan.Next).toBe(Object.keys(definition.States).find((k) => st(k) === map));
    expect(map.ItemReader).toEqual({
      Resource: 'arn:aws:states:::s3:getObject',
      ReaderConfig: { InputType: 'JSONL' },
      Parameters: { Bucket: 'SamplesBucket', 'Key.$': '$.manifest.key' },
    });
    expect(map.ItemProcessor.ProcessorConfig).toEqual({
      Mode: 'DISTRIBUTED',
      ExecutionType: 'STANDARD',
    });
    expect(map.MaxConcurrency).toBe(40);
    // no tolerated failure: Step Functions' default (0) stands, no threshold is rendered
    expect(map.ToleratedFailurePercentage ?? 0).toBe(0);
    expect(map.ToleratedFailureCount ?? 0).toBe(0);
    expect(map.ResultPath).toBe('$.map');
    // two Map states: the fold ranges, then the group merges (an inline Map over the plan's groups)
    expect(Object.values(definition.States).filter((s) => s.Type === 'Map')).toHaveLength(2);
    const groups = st(map.Next);
    expect(groups).toBe(groupMap());
    expect(groups.ItemsPath).toBe('$.groups');
    expect(groups.ItemSelector).toEqual({
      'run.$': '$.run',
      'manifest.$': '$.manifest',
      'map.$': '$.map',
      'group.$': '$$.Map.Item.Value',
    });
    expect(groups.ItemProcessor.ProcessorConfig).toEqual({ Mode: 'INLINE' });
    expect(groups.MaxConcurrency).toBe(10);
    expect(groups.ResultPath).toBe('$.merged');
    const group = st(groups.ItemProcessor.StartAt, groups.ItemProcessor);
    expect(group.Resource).toMatch(/function:DistributedGroup/);
    const merge = st(groups.Next);
    expect(merge.Resource).toMatch(/function:DistributedMerge/);
    expect(merge.ResultPath).toBe('$.merge');
    expect(merge.End).toBe(true);
  });

  it('writes the Map results to S3 under the working prefix (ResultWriter)', () => {
    expect(mapState().ResultWriter).toEqual({
      Resource: 'arn:aws:states:::s3:putObject',
      Parameters: { Bucket: 'SamplesBucket', Prefix: MAP_RESULTS_PREFIX },
      WriterConfig: { OutputType: 'JSONL', Transformation: 'COMPACT' },
    });
  });

  it('retries every step with jittered backoff and a delay cap, never a refusal, and catches failures into the fail step', () => {
    const map = mapState();
    const groups = groupMap();
    const fold = st(map.ItemProcessor.StartAt, map.ItemProcessor);
    const group = st(groups.ItemProcessor.StartAt, groups.ItemProcessor);
    const merge = st(groups.Next);
    // JitterStrategy FULL and MaxDelaySeconds keep many children's retries from aligning.
    // https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
    const refusal = {
      ErrorEquals: ['DistributedInputError', 'SupersededRunError'],
      MaxAttempts: 0,
    };
    const throttled = {
      ErrorEquals: ['Lambda.TooManyRequestsException'],
      IntervalSeconds: 2,
      MaxAttempts: 8,
      BackoffRate: 2,
      MaxDelaySeconds: 60,
      JitterStrategy: 'FULL',
    };
    const others = {
      ErrorEquals: ['States.ALL'],
      IntervalSeconds: 5,
      MaxAttempts: 3,
      BackoffRate: 2,
      MaxDelaySeconds: 30,
      JitterStrategy: 'FULL',
    };
    for (const step of [st(definition.StartAt), fold])
      expect(step.Retry).toEqual([refusal, throttled, others]);
    for (const step of [group, merge]) {
      expect(step.Retry).toEqual([
        refusal,
        // a merge out of time (or memory) would run out again: Lambda reports Sandbox.Timedout or
        // Lambda.Unknown, the task's own limit States.Timeout
        // https://docs.aws.amazon.com/step-functions/latest/dg/bp-lambda-serviceexception.html
        { ErrorEquals: ['States.Timeout', 'Sandbox.Timedout', 'Lambda.Unknown'], MaxAttempts: 0 },
        throttled,
        others,
      ]);
      expect(step.TimeoutSeconds).toBe(16 * 60);
    }
    for (const step of [st(definition.StartAt), map, groups, merge]) {
      expect(step.Catch).toEqual([
        { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: expect.any(String) },
      ]);
      const fail = st(step.Catch[0]?.Next as string);
      expect(fail.Resource).toMatch(/function:DistributedFail/);
      expect(st(fail.Next).Type).toBe('Fail');
    }
  });

  it('gives the group merges and the final merge the memory the merge benchmark asks for', () => {
    const memory = (description: string) =>
      Object.values(template.findResources('AWS::Lambda::Function')).find(
        (f) => f.Properties.Description === description,
      )?.Properties.MemorySize;
    expect(memory('Diligence distributed analysis: group')).toBe(MERGE_MEMORY.group);
    expect(memory('Diligence distributed analysis: merge')).toBe(MERGE_MEMORY.final);
    expect(MERGE_MEMORY.final).toBe(10240);
  });

  it('reserves concurrency for the fold by default and caps the fold Map at it', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Diligence distributed analysis: fold',
      ReservedConcurrentExecutions: FOLD_RESERVED_CONCURRENCY,
    });
    expect(mapState().MaxConcurrency).toBe(FOLD_RESERVED_CONCURRENCY);
  });

  it('reads the foldReservedConcurrency context: a number, or none for accounts with a low quota', () => {
    expect(foldReservation(undefined)).toBeUndefined();
    expect(foldReservation('10')).toBe(10);
    expect(foldReservation('none')).toBeNull();
    expect(() => foldReservation('0')).toThrow(/foldReservedConcurrency/);
    expect(() => foldReservation('ten')).toThrow(/whole number above 0 or "none"/);
  });

  it('runs the fold unreserved with foldReservedConcurrency none, and caps the Map at a lower reservation', () => {
    const fold = (t: Template) =>
      Object.values(t.findResources('AWS::Lambda::Function')).find(
        (f) => f.Properties.Description === 'Diligence distributed analysis: fold',
      )?.Properties;
    const mapOf = (t: Template) => {
      const [sm] = Object.values(t.findResources('AWS::StepFunctions::StateMachine'));
      const d = JSON.parse(resolveDefinition(sm?.Properties.DefinitionString)) as Definition;
      return st('FoldRanges', d);
    };
    const none = synthStack({ foldReservedConcurrency: null }).template;
    expect(fold(none)?.ReservedConcurrentExecutions).toBeUndefined();
    expect(mapOf(none).MaxConcurrency).toBe(40);
    const ten = synthStack({ foldReservedConcurrency: 10 }).template;
    expect(fold(ten)?.ReservedConcurrentExecutions).toBe(10);
    expect(mapOf(ten).MaxConcurrency).toBe(10);
  }, 240_000);

  it('fails the sample when an execution times out, is stopped or fails (an EventBridge rule to the fail function)', () => {
    // catchers do not run when the execution itself times out or is aborted
    // https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
    // https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-states.html
    const rules = Object.values(template.findResources('AWS::Events::Rule'));
    const rule = rules.find(
      (r) => (r.Properties.EventPattern as { source?: string[] })?.source?.[0] === 'aws.states',
    );
    expect(rule?.Properties.EventPattern).toEqual({
      source: ['aws.states'],
      'detail-type': ['Step Functions Execution Status Change'],
      detail: {
        status: ['FAILED', 'TIMED_OUT', 'ABORTED'],
        stateMachineArn: [{ Ref: stateMachineId }],
      },
    });
    expect(rule?.Properties.State).toBe('ENABLED');
    const [target] = (rule?.Properties.Targets ?? []) as { Arn: unknown; RetryPolicy: unknown }[];
    expect(JSON.stringify(target?.Arn)).toMatch(/DistributedFail/);
    expect(target?.RetryPolicy).toEqual({
      MaximumEventAgeInSeconds: 86400,
      MaximumRetryAttempts: 20,
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'events.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DistributedFail'), 'Arn'] },
    });
  });

  it('lets the analyzer start executions of this state machine only, and tells it the ARN', () => {
    const starts = policyStatements(template)
      .filter(({ statement }) => asList(statement.Action).includes('states:StartExecution'))
      .map(({ owner, statement }) => ({ owner, resource: statement.Resource }));
    const fromFunctions = starts.filter((s) => !s.owner.startsWith('DistributedStateMachine'));
    expect(fromFunctions).toEqual([
      { owner: expect.stringMatching(/^AnalyzerAnalyzeRole/), resource: { Ref: stateMachineId } },
    ]);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Diligence sample analyzer',
      Environment: {
        Variables: Match.objectLike({ DISTRIBUTED_STATE_MACHINE_ARN: { Ref: stateMachineId } }),
      },
    });
  });

  it('gives the state machine S3 access under distributed/ only, and invoke on its five functions', () => {
    const own = policyStatements(template)
      .filter(({ owner }) => owner.startsWith('DistributedStateMachineRole'))
      .map(({ statement }) => statement);
    const s3 = own.filter((s) => asList(s.Action).some((a) => String(a).startsWith('s3:')));
    const resources = s3.flatMap((s) => asList(s.Resource).map((r) => JSON.stringify(r)));
    expect(resources.length).toBeGreaterThan(0);
    for (const r of resources) expect(r).toMatch(/SamplesBucket/);
    const objectArns = resources.filter((r) => r.includes('"/'));
    expect(objectArns.length).toBeGreaterThan(0);
    for (const r of objectArns) expect(r).toMatch(/"\/distributed\/(map-results\/)?\*"/);
    const invoked = own
      .filter((s) => asList(s.Action).includes('lambda:InvokeFunction'))
      .flatMap((s) => asList(s.Resource).map((r) => JSON.stringify(r)));
    for (const name of ['Plan', 'Fold', 'Group', 'Merge', 'Fail'])
      expect(invoked.some((r) => r.includes(`Distributed${name}`))).toBe(true);
  });

  it('alarms when an execution fails, times out or is aborted', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmDescription: Match.stringLikeRegexp('distributed analysis'),
      Metrics: Match.arrayWith([Match.objectLike({ Expression: 'failed + timedOut + aborted' })]),
    });
  });
});
