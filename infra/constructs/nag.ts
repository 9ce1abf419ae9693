import { Stack, Validations } from 'aws-cdk-lib';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';

/** How AwsSolutions-IAM4 spells the managed policy CDK gives its own custom-resource handlers. */
export const BASIC_EXECUTION_POLICY =
  'arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';

/** Acknowledges one cdk-nag finding on `scope` and everything below it; `reason` must say why it is acceptable. */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/** The cdk-nag IAM5 finding id for `<bucket ARN>/<keys>` (default `*`), as AwsSolutions-IAM5 spells it. */
export function objectArnFinding(scope: IConstruct, bucket: IBucket, keys = '*'): string {
  const arn: unknown = Stack.of(scope).resolve(bucket.bucketArn);
  const getAtt = (arn as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'];
  const flat = getAtt ? `<${getAtt[0]}.${getAtt[1]}>` : String(arn);
  return `Resource::${flat}/${keys}`;
}

/**
 * Constructs aws-cdk-lib adds at stack level for its own custom resources (for example
 * `BucketNotificationsHandler…`, `Custom::CDKBucketDeployment…`): found by id prefix.
 */
export function cdkManagedHandlers(scope: IConstruct, idPrefix: string): IConstruct[] {
  return Stack.of(scope).node.children.filter((child) => child.node.id.startsWith(idPrefix));
}
