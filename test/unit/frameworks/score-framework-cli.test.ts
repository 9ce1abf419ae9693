import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScore } from '../../../functions/cli/score-command';
import type { FrameworkPack } from '../../../functions/core/frameworks';

let dir: string;
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
const EVASIVE = 'test/fixtures/answers/evasive-vendor.json';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'diligence-framework-'));
  const rows = Array.from({ length: 40 }, (_, i) => ({
    text: `Record ${i}: the harbour master logged ${i * 7} arrivals, noting fog near pier ${i % 5} and a late ferry.`,
    source: 'harbour-logs',
    created_at: `2025-0${1 + (i % 4)}-10`,
  }));
  writeFileSync(join(dir, 'sample.jsonl'), `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
});

describe('diligence score --framework', () => {
  it('adds the pack to the JSON, without a sample', async () => {
    const r = await cli('--answers', EVASIVE, '--framework', 'ca-ab2013', '--json');
    expect(r.code, r.stderr).toBe(0);
    const pack = JSON.parse(r.stdout).framework as FrameworkPack;
    expect(pack.id).toBe('ca-ab2013');
    expect(pack.items).toHaveLength(12);
    expect(pack.counts.measured).toBe(0);
    expect(pack.items.find((i) => i.id === 'ab2013-12')?.status).toBe('missing');
  });

  it('measures items from the sample and prints them for people', async () => {
    const r = await cli(
      '--answers',
      HONEST,
      '--sample',
      join(dir, 'sample.jsonl'),
      '--framework',
      'eu-ai-act-art10',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/EU AI Act, Article 10/);
    expect(r.stdout).toMatch(/measured\s+Art\. 10\(2\)\(c\)/);
    expect(r.stdout).toMatch(/measurement: near duplicates: /);
  });

  it('refuses an unknown framework with exit 2, listing the valid ones', async () => {
    const r = await cli('--answers', HONEST, '--framework', 'sox');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"sox" is not a framework/);
    expect(r.stderr).toMatch(/eu-gpai-summary/);
  });
});
