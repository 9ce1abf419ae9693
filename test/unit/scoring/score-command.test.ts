import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScore } from '../../../functions/cli/score-command';
import { type ScoredReport, verifyReportHash } from '../../../functions/core/scoring';

let dir: string;
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runScore(args, {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    isTTY: false,
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const HONEST = 'test/fixtures/answers/honest-vendor.json';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'diligence-score-'));
  const rows = Array.from({ length: 40 }, (_, i) => ({
    text: `Record ${i}: the harbour master logged ${i * 7} arrivals, noting fog near pier ${i % 5} and a late ferry.`,
    source: 'harbour-logs',
    created_at: `2025-0${1 + (i % 4)}-10`,
    license: 'proprietary',
    synthetic: false,
  }));
  file('sample.jsonl', `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
});

describe('diligence score', () => {
  it('prints the scored report as JSON with its hash', async () => {
    const { code, stdout } = await cli(
      '--answers',
      HONEST,
      '--sample',
      join(dir, 'sample.jsonl'),
      '--json',
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as ScoredReport;
    expect(report.assessmentId).toBe('honest-vendor');
    expect(report.samples).toHaveLength(1);
    expect(report.policyVersion).toBe(0);
    expect(verifyReportHash(report)).toBe(true);
  });

  it('prints a readable summary that flags the missing sample', async () => {
    const { code, stdout } = await cli('--answers', HONEST);
    expect(code).toBe(0);
    expect(stdout).toMatch(/collapse risk +\d+\/100 \((low|moderate|high|critical)\)/);
    expect(stdout).toContain('no_sample [missing]');
    expect(stdout).toContain('No sample given');
  });

  it('exits 2 naming the question when an answer does not fit the template', async () => {
    const answers = file(
      'bad.json',
      JSON.stringify({ synthetic_share_percent: 140, favourite_colour: 'blue' }),
    );
    const { code, stderr } = await cli('--answers', answers);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'synthetic_share_percent: must be a number from 0 to 100, or "unknown" (got 140)',
    );
    expect(stderr).toContain('favourite_colour: is not a question');
  });

  it('exits 2 naming file and line for invalid JSON', async () => {
    const answers = file('broken.json', '{\n  "dedup_method": "near",\n}\n');
    const { code, stderr } = await cli('--answers', answers);
    expect(code).toBe(2);
    expect(stderr).toContain(`${answers}: invalid JSON, line 3`);
  });

  it('exits 2 for a missing --answers, an unknown option or an unreadable sample', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli('--answers', HONEST, '--colour', 'red')).code).toBe(2);
    const missing = await cli('--answers', HONEST, '--sample', join(dir, 'nope.jsonl'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.jsonl');
  });
});
