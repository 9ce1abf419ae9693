import { createRequire } from 'node:module';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAP_RESULTS_PREFIX } from '../../infra/constructs/distributed';
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
  Retry?: unknown;
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

const mapState = () => Object.values(definition.States).find((s) => s.Type === 'Map') as State;
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

  it('runs plan, then a Distributed Map over the JSONL manifest, then merge', () => {
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
    const merge = st(map.Next);
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

  it('retries every step with backoff, never a refusal, and catches failures into the fail step', () => {
    const map = mapState();
    const fold = st(map.ItemProcessor.StartAt, map.ItemProcessor);
    const steps = [st(definition.StartAt), fold, st(map.Next)];
    for (const step of steps) {
      expect(step.Retry).toEqual([
        { ErrorEquals: ['DistributedInputError', 'SupersededRunError'], MaxAttempts: 0 },
        { ErrorEquals: ['States.ALL'], IntervalSeconds: 5, MaxAttempts: 3, BackoffRate: 2 },
      ]);
    }
    for (const step of [st(definition.StartAt), map, st(map.Next)]) {
      expect(step.Catch).toEqual([
        { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: expect.any(String) },
      ]);
      const fail = st(step.Catch[0]?.Next as string);
      expect(fail.Resource).toMatch(/function:DistributedFail/);
      expect(st(fail.Next).Type).toBe('Fail');
    }
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

  it('gives the state machine S3 access under distributed/ only, and invoke on its four functions', () => {
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
    for (const name of ['Plan', 'Fold', 'Merge', 'Fail'])
      expect(invoked.some((r) => r.includes(`Distributed${name}`))).toBe(true);
  });

  it('alarms when an execution fails, times out or is aborted', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmDescription: Match.stringLikeRegexp('distributed analysis'),
      Metrics: Match.arrayWith([Match.objectLike({ Expression: 'failed + timedOut + aborted' })]),
    });
  });
});
