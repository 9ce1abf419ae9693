import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthStack } from './synth';

let app: App;
let raw: Array<{ id: string; paths: string[] }>;

beforeAll(() => {
  ({ app } = synthStack({ cognitoDomainPrefix: 'diligence-test' }));
  raw = rawFindings();
});

/** Every acknowledgement recorded in the tree: where, which finding, and why. */
function acknowledgements(root: IConstruct): Array<{ path: string; id: string; reason: string }> {
  const out: Array<{ path: string; id: string; reason: string }> = [];
  for (const node of root.node.findAll()) {
    for (const entry of node.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [key, reason] of Object.entries(entry.data as Record<string, unknown>)) {
        const id = key.replace(/^annotation::/i, '');
        out.push({
          path: node.node.path,
          id,
          reason: typeof reason === 'string' ? reason : JSON.stringify(reason),
        });
      }
    }
  }
  return out;
}

/** Findings as if nothing had been acknowledged. */
function rawFindings(): Array<{ id: string; paths: string[] }> {
  const pack = new AwsSolutionsChecks();
  Object.defineProperty(pack, 'isAcknowledged', { value: () => false });
  return pack.validateScope(app).violations.map((v) => ({
    id: v.ruleName,
    paths: v.violatingResources.map((r) => r.constructPath ?? ''),
  }));
}

describe('cdk-nag AwsSolutions', () => {
  it('reports no unacknowledged error or warning', () => {
    const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(app);
    const open = report.violations.map(
      (v) =>
        `${v.severity} ${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
    );
    expect(open).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('gives every acknowledgement a real reason', () => {
    const acks = acknowledgements(app);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThanOrEqual(40);
    }
  });

  it('acknowledges only findings that really occur below the acknowledging construct', () => {
    const findings = rawFindings();
    const stale = acknowledgements(app).filter(
      (ack) =>
        !findings.some(
          (f) =>
            f.id === ack.id && f.paths.some((p) => p === ack.path || p.startsWith(`${ack.path}/`)),
        ),
    );
    expect(stale).toEqual([]);
  });

  it('finds the acknowledged COG8 once acknowledgements are ignored', () => {
    // Guards the tests above: the pack really walks this tree and sees acknowledged findings.
    expect(raw.map((f) => f.id)).toContain('AwsSolutions-COG8');
  });
});
