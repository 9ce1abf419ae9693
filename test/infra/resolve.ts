/**
 * Turns CloudFormation values from a synthesized template into the strings a deployment would
 * see, with fixed stand-ins for what only exists once deployed (ids, domain names, secrets).
 */
const REGION = 'eu-west-1';

/** Stand-in of a resource attribute or Ref. */
function standIn(id: string, attribute?: string): string {
  if (attribute === 'ProviderURL') return `https://cognito-idp.${REGION}.amazonaws.com/${id}`;
  if (attribute === 'DomainName' && id.startsWith('WebDistribution')) return 'd111.cloudfront.net';
  // An SQS queue's Ref is its URL.
  if (!attribute && /Queue[0-9A-F]{8}$/.test(id))
    return `https://sqs.${REGION}.amazonaws.com/123456789012/${id}`;
  // A KMS key's Arn attribute is an ARN (the config checks its shape).
  if (attribute === 'Arn' && /Key[0-9A-F]{8}$/.test(id))
    return `arn:aws:kms:${REGION}:123456789012:key/${id.toLowerCase()}`;
  return `${id.toLowerCase()}${attribute ? `-${attribute.toLowerCase()}` : ''}`;
}

/** Resolves Ref, Fn::GetAtt, Fn::Join and the pseudo parameters in `value`. */
export function resolveValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  const v = value as Record<string, unknown>;
  if ('Ref' in v) {
    const ref = String(v.Ref);
    if (ref === 'AWS::Region') return REGION;
    if (ref === 'AWS::URLSuffix') return 'amazonaws.com';
    if (ref === 'AWS::AccountId') return '123456789012';
    if (ref === 'AWS::Partition') return 'aws';
    return standIn(ref);
  }
  if ('Fn::GetAtt' in v) {
    const [id, attribute] = v['Fn::GetAtt'] as [string, string];
    return standIn(id, attribute);
  }
  if ('Fn::Join' in v) {
    const [sep, parts] = v['Fn::Join'] as [string, unknown[]];
    return parts.map(resolveValue).join(sep);
  }
  throw new Error(`cannot resolve ${JSON.stringify(value)}`);
}

/** A function's environment as the runtime would see it. */
export function resolveEnvironment(variables: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, resolveValue(v)]));
}
