import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../functions/cli/io';
import { main } from '../../../functions/cli/main';
import type { Analysis } from '../../../functions/core/analysis';

const FIXTURES = 'test/fixtures/analysis';

async function run(args: string[], isTTY = false) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    isTTY,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe('diligence analyze', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'diligence-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the analysis as JSON with --json and exits 0', async () => {
    const r = await run(['analyze', `${FIXTURES}/sample.jsonl`, '--json']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as Analysis;
    expect(a.input).toMatchObject({ records: 42, format: 'jsonl', malformed: 0 });
    expect(a.duplicates.exactRate).toBeCloseTo(1 / 42);
    expect(a.pii.kinds.email).toBe(1);
    expect(r.stdout).not.toContain('jane@example.org');
  });

  it('prints a readable summary with findings by default', async () => {
    const r = await run(['analyze', `${FIXTURES}/sample.csv`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/records\s+12 \(/);
    expect(r.stdout).toContain('text=review  label=class');
    expect(r.stdout).toContain('Findings:');
  });

  it('checks a holdout file for contamination', async () => {
    const r = await run([
      'analyze',
      `${FIXTURES}/sample.jsonl`,
      '--holdout',
      `${FIXTURES}/holdout.jsonl`,
      '--json',
    ]);
    const a = JSON.parse(r.stdout) as Analysis;
    expect(a.contamination).toMatchObject({
      holdoutRecords: 6,
      exactRate: 5 / 6,
      overlapRate: 5 / 6,
    });
    expect(a.labels?.missingInTraining).toEqual(['new']);
  });

  it('takes field overrides, several text fields joined by commas', async () => {
    const r = await run([
      'analyze',
      `${FIXTURES}/sample.jsonl`,
      '--text',
      'text,source',
      '--label',
      'source',
      '--json',
    ]);
    const a = JSON.parse(r.stdout) as Analysis;
    expect(a.input.fields).toMatchObject({ text: ['text', 'source'], label: 'source' });
  });

  it('reads gzip-compressed files', async () => {
    const file = join(dir, 'sample.jsonl.gz');
    await writeFile(file, gzipSync(await readFile(`${FIXTURES}/sample.jsonl`)));
    const r = await run(['analyze', file, '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Analysis).input.records).toBe(42);
  });

  it('exits 2 naming the file and line when the input is unreadable', async () => {
    const broken = await run(['analyze', `${FIXTURES}/broken.jsonl`]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(
      /^diligence: test\/fixtures\/analysis\/broken\.jsonl: line 2: invalid JSON/,
    );
    const missing = await run(['analyze', 'nope/missing.csv']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read nope/missing.csv');
  });

  it('exits 2 on bad usage', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['analyze'])).stderr).toMatch(/expected one file/);
    expect((await run(['analyze', 'a', '--bogus'])).code).toBe(2);
    expect((await run(['analyze', 'a', '--format', 'xml'])).stderr).toMatch(/unknown --format/);
    expect((await run(['frobnicate'])).stderr).toMatch(/unknown command "frobnicate"/);
  });

  it('hands `score` to the scoring command', async () => {
    const r = await run(['score', '--help']);
    expect(r.stderr).not.toMatch(/unknown command/);
  });

  it('shows progress on a terminal only, and clears it', async () => {
    const tty = await run(['analyze', `${FIXTURES}/sample.jsonl`, '--json'], true);
    const clear = '\r\u001b[K';
    expect(tty.stderr.startsWith(clear)).toBe(true);
    expect(tty.stderr).toMatch(/sample\.jsonl: 0\.0 MB read, \d+ records/);
    expect(tty.stderr.endsWith(clear)).toBe(true);
    expect((await run(['analyze', `${FIXTURES}/sample.jsonl`, '--json'])).stderr).toBe('');
  });

  it('runs as `diligence` through bin/diligence.js without a build', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [
      'bin/diligence.js',
      'analyze',
      `${FIXTURES}/sample.csv`,
      '--json',
    ]);
    expect((JSON.parse(stdout) as Analysis).input.records).toBe(12);
  });
});
