import type { Template } from 'aws-cdk-lib/assertions';
import { asList, policyStatements } from './template-tools';

/**
 * A policy resource in the recorder's terms: `Table` (indexes included), `<Bucket>` for the bucket
 * ARN, `<Bucket>/<prefix>/` for `<bucket ARN>/<prefix>/*`, `SES`, `StateMachine`, `*`, or the
 * logical id of anything else (queues, log groups).
 */
export function grantResource(resource: unknown): string {
  if (resource === '*') return '*';
  const text = JSON.stringify(resource);
  if (text.includes(':ses:')) return 'SES';
  if (text.includes('StateMachine')) return 'StateMachine';
  const join = (resource as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  const target = JSON.stringify(join ? join[1][0] : resource);
  const id = /"Fn::GetAtt":\["([^"]+)"/.exec(target)?.[1] ?? /"Ref":"([^"]+)"/.exec(target)?.[1];
  if (!id) return text;
  if (id === 'Table') return 'Table';
  const suffix = join ? String(join[1][1] ?? '') : '';
  const prefix = /^\/([^/*]+)\/\*$/.exec(suffix)?.[1];
  return prefix ? `${id}/${prefix}/` : id;
}

/** `<action> <resource>` for every Allow statement of the role whose logical id starts with `role`. */
export function roleGrants(template: Template, role: string): Set<string> {
  const out = new Set<string>();
  for (const { owner, statement } of policyStatements(template)) {
    if (!owner.startsWith(role) || statement.Effect !== 'Allow') continue;
    for (const action of asList(statement.Action)) {
      for (const resource of asList(statement.Resource)) {
        out.add(`${String(action)} ${grantResource(resource)}`);
      }
    }
  }
  return out;
}
