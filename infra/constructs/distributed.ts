import { type CfnResource, Duration, Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import {
  DefinitionBody,
  DistributedMap,
  Fail,
  JsonPath,
  LogLevel,
  Map as MapState,
  OutputType,
  ResultWriterV2,
  S3JsonLItemReader,
  StateMachine,
  StateMachineType,
  Timeout,
  Transformation,
  WriterConfig,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct, type IConstruct } from 'constructs';
import { ACCESS } from './access';
import { ExecutionEnded } from './distributed-ended';
import { MERGE_NOT_RETRIED, NOT_RETRIED, RETRY, THROTTLED } from './distributed-retry';
import {
  type AuthSettings,
  DiligenceFunction,
  type FunctionSource,
  type TableRef,
} from './function';
import { acknowledge, objectArnFinding } from './nag';

/** Memory (MB) of the group merges and of the final merge, from the merge benchmark. */
export const MERGE_MEMORY = { group: 4096, final: 10240 } as const;

/** Where the Distributed Map's ResultWriter puts the children's outputs (under the working prefix). */
export const MAP_RESULTS_PREFIX = 'distributed/map-results';

/** Props of the distributed analysis. */
export interface DistributedProps {
  readonly source: FunctionSource;
  readonly table: TableRef;
  readonly samples: IBucket;
  readonly reports: IBucket;
  readonly auth: AuthSettings;
  /** Byte ranges folded at once (Map children in flight); default 40 (capped by the reservation). */
  readonly maxConcurrency?: number;
  /**
   * Reserved concurrency of the fold function, the cap on folds across all executions; default
   * 40, `null` for none (accounts whose concurrency quota cannot spare it).
   */
  readonly foldReservedConcurrency?: number | null;
}

/** The steps, each a function: plan, fold (first Map), group merge (second Map), merge, fail. */
export type DistributedStep = 'Plan' | 'Fold' | 'Group' | 'Merge' | 'Fail';

/** Folds reserved by default: the Map's own concurrency, so one execution never throttles itself. */
export const FOLD_RESERVED_CONCURRENCY = 40;
/**
 * The `foldReservedConcurrency` context value: a whole number, or `none` for no reservation (an
 * account whose concurrency quota cannot keep 100 unreserved beside it); unset = the default.
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html
 */
export function foldReservation(value: string | undefined): number | null | undefined {
  if (value === undefined) return undefined;
  if (value === 'none') return null;
  if (!/^[1-9]\d*$/.test(value))
    throw new Error(
      `Context "foldReservedConcurrency" must be a whole number above 0 or "none", got "${value}".`,
    );
  return Number(value);
}

/** Group merges run at once in one execution (the second Map's MaxConcurrency). */
export const GROUP_CONCURRENCY = 10;

/** The JSONL manifest reader, allowed to read the working prefix only (CDK would grant bucket/*). */
class ManifestReader extends S3JsonLItemReader {
  providePolicyStatements(): PolicyStatement[] {
    return [
      new PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [this.bucket.arnForObjects('distributed/*')],
      }),
      new PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.bucket.bucketArn] }),
    ];
  }
}

/** The Map's ResultWriter, allowed to write under its prefix only (CDK would grant bucket/*). */
class ScopedResultWriter extends ResultWriterV2 {
  constructor(
    private readonly target: IBucket,
    prefix: string,
    writerConfig: WriterConfig,
  ) {
    super({ bucket: target, prefix, writerConfig });
  }

  providePolicyStatements(): PolicyStatement[] {
    return [
      new PolicyStatement({
        actions: [
          's3:PutObject',
          's3:GetObject',
          's3:ListMultipartUploadParts',
          's3:AbortMultipartUpload',
        ],
        resources: [this.target.arnForObjects(`${MAP_RESULTS_PREFIX}/*`)],
      }),
    ];
  }
}

/**
 * Samples beyond one machine: a Standard state machine runs plan (manifest of line-aligned byte
 * ranges) → Distributed Map of the fold function over the manifest (S3 JSONL ItemReader, results
 * to S3, no tolerated failure) → Map of group merges → final merge. Any failure is caught and
 * marks the sample failed with a message, as the dead-letter consumer does.
 */
export class Distributed extends Construct {
  readonly stateMachine: StateMachine;
  readonly functions: Record<DistributedStep, DiligenceFunction>;

  constructor(scope: Construct, id: string, props: DistributedProps) {
    super(scope, id);
    const reserved =
      props.foldReservedConcurrency === undefined
        ? FOLD_RESERVED_CONCURRENCY
        : props.foldReservedConcurrency;
    const fn = (name: DistributedStep, memorySize: number, minutes: number, concurrency?: number) =>
      new DiligenceFunction(this, name, {
        source: props.source,
        entry: `functions/analyze/distributed/lambda-${name.toLowerCase()}.ts`,
        description: `Diligence distributed analysis: ${name.toLowerCase()}`,
        serviceName: `distributed-${name.toLowerCase()}`,
        memorySize,
        timeout: Duration.minutes(minutes),
        ...(concurrency ? { reservedConcurrency: concurrency } : {}),
      });
    this.functions = {
      Plan: fn('Plan', 1024, 5),
      // One vCPU's worth of memory: the fold is one thread; 15 minutes is Lambda's ceiling per range.
      Fold: fn('Fold', 1769, 15, reserved ?? undefined),
      // Memory sized from the merge benchmark (docs/distributed-analysis.md).
      Group: fn('Group', MERGE_MEMORY.group, 15),
      Merge: fn('Merge', MERGE_MEMORY.final, 15),
      Fail: fn('Fail', 512, 1),
    };
    const access = {
      Plan: ACCESS.distributedPlan,
      Fold: ACCESS.distributedFold,
      Group: ACCESS.distributedGroup,
      Merge: ACCESS.distributedMerge,
      Fail: ACCESS.distributedFail,
    };
    for (const [name, f] of Object.entries(this.functions)) {
      const grants = access[name as keyof typeof access];
      // the fold touches no table: bind its bucket grants alone (bindAccess always binds a table)
      if (grants.table.length > 0) f.bindAccess(grants, props);
      else f.bindBucket(props.samples, 'SAMPLES_BUCKET', grants.samples);
      f.bindAuth(props.auth);
    }
    this.functions.Fail.fn.addEnvironment('SAMPLES_BUCKET', props.samples.bucketName);

    const task = (name: DistributedStep, resultPath?: string) => {
      const merges = name === 'Group' || name === 'Merge';
      const t = new LambdaInvoke(this, `${name}Step`, {
        lambdaFunction: this.functions[name].fn,
        payloadResponseOnly: true,
        retryOnServiceExceptions: false,
        // a backstop a minute past the function's own limit, never retried for a merge
        ...(merges ? { taskTimeout: Timeout.duration(Duration.minutes(16)) } : {}),
        ...(resultPath ? { resultPath } : {}),
      });
      t.addRetry({ errors: NOT_RETRIED, maxAttempts: 0 });
      if (merges) t.addRetry({ errors: MERGE_NOT_RETRIED, maxAttempts: 0 });
      t.addRetry(THROTTLED);
      t.addRetry(RETRY);
      return t;
    };
    const plan = task('Plan');
    const map = new DistributedMap(this, 'FoldRanges', {
      itemReader: new ManifestReader({
        bucket: props.samples,
        key: JsonPath.stringAt('$.manifest.key'),
      }),
      maxConcurrency: Math.min(props.maxConcurrency ?? 40, reserved ?? Number.POSITIVE_INFINITY),
      toleratedFailurePercentage: 0,
      mapExecutionType: StateMachineType.STANDARD,
      resultWriterV2: new ScopedResultWriter(
        props.samples,
        MAP_RESULTS_PREFIX,
        new WriterConfig({ outputType: OutputType.JSONL, transformation: Transformation.COMPACT }),
      ),
      resultPath: '$.map',
    });
    map.itemProcessor(task('Fold'));
    const groups = new MapState(this, 'MergeGroups', {
      itemsPath: '$.groups',
      itemSelector: {
        run: JsonPath.objectAt('$.run'),
        manifest: JsonPath.objectAt('$.manifest'),
        map: JsonPath.objectAt('$.map'),
        group: JsonPath.objectAt('$$.Map.Item.Value'),
      },
      maxConcurrency: GROUP_CONCURRENCY,
      resultPath: '$.merged',
    });
    groups.itemProcessor(task('Group'));
    const merge = task('Merge', '$.merge');
    const failed = task('Fail', '$.failure').next(
      new Fail(this, 'AnalysisFailed', {
        error: 'DistributedAnalysisFailed',
        cause: 'The sample was marked failed; see the fail step input for the error.',
      }),
    );
    for (const step of [plan, map, groups, merge]) step.addCatch(failed, { resultPath: '$.error' });

    const logs = new LogGroup(this, 'Logs', { retention: RetentionDays.THREE_MONTHS });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromChainable(plan.next(map).next(groups).next(merge)),
      timeout: Duration.hours(24),
      tracingEnabled: true,
      logs: { destination: logs, level: LogLevel.ALL, includeExecutionData: false },
      comment:
        'Diligence: analyze one sample beyond one machine (plan, fold byte ranges, merge groups, merge)',
    });
    new ExecutionEnded(this, 'Ended', {
      stateMachine: this.stateMachine,
      fail: this.functions.Fail.fn,
    });
    this.acknowledgeGeneratedGrants(props.samples);
  }

  /** The wildcard grants the Step Functions constructs generate, each named with its reason. */
  private acknowledgeGeneratedGrants(samples: IBucket): void {
    const stack = Stack.of(this);
    const id = (c: IConstruct) => stack.resolve((c.node.defaultChild as CfnResource).logicalId);
    const why = (finding: string, reason: string) =>
      acknowledge(this.stateMachine, `AwsSolutions-IAM5[${finding}]`, reason);
    for (const f of Object.values(this.functions))
      why(
        `Resource::<${id(f.fn)}.Arn>:*`,
        'CDK lets the state machine invoke each step function and its versions (`:*`); nothing else.',
      );
    why(
      objectArnFinding(this, samples, 'distributed/*'),
      'The Distributed Map reads its JSONL manifest: object reads under the working prefix distributed/ only.',
    );
    why(
      objectArnFinding(this, samples, `${MAP_RESULTS_PREFIX}/*`),
      'The ResultWriter writes the children outputs: object writes under distributed/map-results/ only.',
    );
    why(
      'Resource::*',
      'X-Ray tracing and CloudWatch log delivery of the state machine: those actions support no resource-level permissions.',
    );
    const sm = id(this.stateMachine);
    const executions = `arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${sm}"}]}]}`;
    for (const suffix of [':*', '/*:*'])
      why(
        `Resource::${executions}${suffix}`,
        'The Distributed Map describes and stops the child executions of this state machine only (CDK-generated).',
      );
  }
}
