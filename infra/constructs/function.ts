import { Duration, type Size, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, Grant, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  Architecture,
  Code,
  Function as LambdaFunction,
  Runtime,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { FunctionAccess, PrefixGrant, TableAction } from './access';
import { bundledCode } from './bundled-code';
import { acknowledge, objectArnFinding } from './nag';

/** CloudWatch namespace of the Powertools (EMF) metrics. */
export const METRICS_NAMESPACE = 'Diligence';

/** `bundle` runs esbuild on the entry; `stub` deploys a placeholder (template tests only). */
export type CodeMode = 'bundle' | 'stub';

/** Where Lambda sources live and how to package them; shared by every function in the stack. */
export interface FunctionSource {
  /** Absolute path of the repository root (holds package-lock.json). */
  readonly projectRoot: string;
  readonly code: CodeMode;
}

/** Props of one Diligence Lambda function. */
export interface DiligenceFunctionProps {
  readonly source: FunctionSource;
  /** Entry file relative to the project root; must export `handler`. */
  readonly entry: string;
  /** Worker-thread entries the code starts, by output name (see `BundleOptions.workers`). */
  readonly workers?: Readonly<Record<string, string>>;
  readonly description: string;
  readonly memorySize?: number;
  readonly timeout?: Duration;
  readonly ephemeralStorageSize?: Size;
  readonly logRetention?: RetentionDays;
  /** Executions reserved for (and capped at) this function. */
  readonly reservedConcurrency?: number;
  /** Powertools service name (logs, metrics dimension, traces). */
  readonly serviceName: string;
}

/** A table with the names of its secondary indexes, so grants can list index ARNs instead of `index/*`. */
export interface TableRef {
  readonly table: ITable;
  readonly indexNames: readonly string[];
}

/** Staff-token verification settings handed to the code (no permissions involved). */
export interface AuthSettings {
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl: string;
}

const STUB = 'exports.handler = async () => ({ statusCode: 204 });';

/** A Node 22 ARM64 Lambda with the house defaults; binders set an env var and its least-privilege grant together. */
export class DiligenceFunction extends Construct {
  /** The underlying function (for integrations, event sources and targets). */
  readonly fn: LambdaFunction;
  /** The execution role: only what the binders grant plus writing to its own log group. */
  readonly role: Role;

  constructor(scope: Construct, id: string, props: DiligenceFunctionProps) {
    super(scope, id);
    const { projectRoot, code } = props.source;
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.description}`,
    });
    const logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? RetentionDays.THREE_MONTHS,
    });
    logGroup.grantWrite(this.role);
    this.fn = new LambdaFunction(this, 'Function', {
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(28),
      ephemeralStorageSize: props.ephemeralStorageSize,
      role: this.role,
      logGroup,
      reservedConcurrentExecutions: props.reservedConcurrency,
      tracing: Tracing.ACTIVE,
      environment: {
        DILIGENCE_MODE: 'aws',
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
      },
      handler: 'index.handler',
      code:
        code === 'stub'
          ? Code.fromInline(STUB)
          : bundledCode(projectRoot, props.entry, props.workers ?? {}),
    });
    acknowledge(
      this,
      'AwsSolutions-L1',
      'Node.js 22 is pinned on purpose: the code and its tests target Node 20/22; move to 24 together with the toolchain.',
    );
    acknowledge(
      this,
      'AwsSolutions-IAM5[Resource::*]',
      'Active tracing: CDK grants only xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions.',
    );
  }

  /** Sets TABLE_NAME and grants exactly `actions` on the table (Query also on its named indexes). */
  bindTable(ref: TableRef, actions: readonly TableAction[]): void {
    this.fn.addEnvironment('TABLE_NAME', ref.table.tableName);
    Grant.addToPrincipal({
      grantee: this.role,
      actions: [...actions],
      resourceArns: [ref.table.tableArn],
    });
    const indexArns = ref.indexNames.map((name) => `${ref.table.tableArn}/index/${name}`);
    if (actions.includes('dynamodb:Query') && indexArns.length > 0) {
      this.role.addToPrincipalPolicy(
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ['dynamodb:Query'],
          resources: indexArns,
        }),
      );
    }
  }

  /**
   * Sets `envName` to the bucket name and grants each prefix only its listed object actions;
   * readers also get ListBucket, so a missing key is a 404 rather than a 403.
   */
  bindBucket(bucket: IBucket, envName: string, grants: readonly PrefixGrant[]): void {
    this.fn.addEnvironment(envName, bucket.bucketName);
    for (const grant of grants) {
      Grant.addToPrincipal({
        grantee: this.role,
        actions: [...grant.actions],
        resourceArns: [bucket.arnForObjects(`${grant.prefix}*`)],
      });
      acknowledge(
        this,
        `AwsSolutions-IAM5[${objectArnFinding(this, bucket, `${grant.prefix}*`)}]`,
        'Object-level S3 actions need object ARNs; the grant is limited to one key prefix of one bucket and to the actions the code calls there.',
      );
    }
    if (grants.some((g) => g.actions.includes('s3:GetObject'))) {
      Grant.addToPrincipal({
        grantee: this.role,
        actions: ['s3:ListBucket'],
        resourceArns: [bucket.bucketArn],
      });
    }
  }

  /** Applies one entry of the access map (table, both buckets, mail) in one call. */
  bindAccess(
    access: FunctionAccess,
    resources: {
      table: TableRef;
      samples?: IBucket;
      reports?: IBucket;
      mail?: { from: string; configurationSet?: string };
    },
  ): void {
    this.bindTable(resources.table, access.table);
    if (resources.samples && access.samples.length > 0)
      this.bindBucket(resources.samples, 'SAMPLES_BUCKET', access.samples);
    if (resources.samples && access.samplesListing?.length)
      Grant.addToPrincipal({
        grantee: this.role,
        actions: [...access.samplesListing],
        resourceArns: [resources.samples.bucketArn],
      });
    if (resources.reports && access.reports.length > 0)
      this.bindBucket(resources.reports, 'REPORTS_BUCKET', access.reports);
    if (access.mail && resources.mail)
      this.bindMail(resources.mail.from, resources.mail.configurationSet);
  }

  /** Sets AUTH_ISSUER, AUTH_AUDIENCE and AUTH_JWKS_URL (the config requires them in AWS mode). */
  bindAuth(auth: AuthSettings): void {
    this.fn.addEnvironment('AUTH_ISSUER', auth.issuer);
    this.fn.addEnvironment('AUTH_AUDIENCE', auth.audience);
    this.fn.addEnvironment('AUTH_JWKS_URL', auth.jwksUrl);
  }

  /** Sets PUBLIC_BASE_URL, the origin links in invitations and e-mails point to. */
  bindPublicBaseUrl(url: string): void {
    this.fn.addEnvironment('PUBLIC_BASE_URL', url);
  }

  /**
   * Sets MAIL_FROM (and MAIL_CONFIGURATION_SET) and allows ses:SendEmail from that address only,
   * via its address or domain identity and the configuration set.
   */
  bindMail(from: string, configurationSet?: string): void {
    this.fn.addEnvironment('MAIL_FROM', from);
    const domain = from.slice(from.lastIndexOf('@') + 1);
    const stack = Stack.of(this);
    const identities = [from, domain].map((name) =>
      stack.formatArn({ service: 'ses', resource: 'identity', resourceName: name }),
    );
    if (configurationSet) {
      this.fn.addEnvironment('MAIL_CONFIGURATION_SET', configurationSet);
      identities.push(
        stack.formatArn({
          service: 'ses',
          resource: 'configuration-set',
          resourceName: configurationSet,
        }),
      );
    }
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['ses:SendEmail'],
        resources: identities,
        conditions: { StringEquals: { 'ses:FromAddress': from } },
      }),
    );
  }
}
