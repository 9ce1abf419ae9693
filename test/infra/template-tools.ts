import type { Template } from 'aws-cdk-lib/assertions';

/** Loosely typed CloudFormation JSON, as the CDK assertions library returns it. */
export type CfnJson = ReturnType<Template['findResources']>[string];

type Resources = Record<
  string,
  { Type: string; Properties?: unknown; DependsOn?: string | string[] }
>;

const POLICY_OWNERS = new Set([
  'AWS::IAM::Policy',
  'AWS::IAM::Role',
  'AWS::IAM::ManagedPolicy',
  'AWS::S3::BucketPolicy',
  'AWS::SQS::QueuePolicy',
]);

/** Statements of every IAM, bucket and queue policy in the template, tagged with the owning logical id. */
export function policyStatements(
  template: Template,
): Array<{ owner: string; statement: Record<string, unknown> }> {
  const out: Array<{ owner: string; statement: Record<string, unknown> }> = [];
  const resources = template.toJSON().Resources as Resources;
  for (const [owner, resource] of Object.entries(resources)) {
    if (!POLICY_OWNERS.has(resource.Type)) continue;
    const props = (resource.Properties ?? {}) as {
      PolicyDocument?: { Statement?: Record<string, unknown>[] };
      Policies?: Array<{ PolicyDocument: { Statement?: Record<string, unknown>[] } }>;
    };
    const docs = [props.PolicyDocument, ...(props.Policies ?? []).map((p) => p.PolicyDocument)];
    for (const doc of docs) {
      for (const statement of doc?.Statement ?? []) out.push({ owner, statement });
    }
  }
  return out;
}

/** Values of a string-or-list IAM field. */
export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function references(node: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) references(item, found);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'Ref' && typeof value === 'string') found.add(value);
      else if (key === 'Fn::GetAtt' && Array.isArray(value)) found.add(String(value[0]));
      else if (key === 'Fn::Sub') {
        const text = Array.isArray(value) ? value[0] : value;
        for (const m of String(text).matchAll(/\$\{([^}.!]+)[^}]*\}/g)) if (m[1]) found.add(m[1]);
        references(Array.isArray(value) ? value[1] : undefined, found);
      } else references(value, found);
    }
  }
  return found;
}

/** A dependency cycle between resources (CloudFormation rejects those at deploy time), or null. */
export function findCycle(template: Template): string[] | null {
  const resources = template.toJSON().Resources as Resources;
  const edges = new Map<string, string[]>();
  for (const [id, resource] of Object.entries(resources)) {
    const deps = references(resource.Properties, new Set());
    for (const d of asList(resource.DependsOn ?? [])) deps.add(String(d));
    edges.set(
      id,
      [...deps].filter((d) => d in resources),
    );
  }
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    if (state.get(id) === 'done') return null;
    if (state.get(id) === 'open') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'open');
    stack.push(id);
    for (const next of edges.get(id) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(id, 'done');
    return null;
  };
  for (const id of edges.keys()) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return null;
}
