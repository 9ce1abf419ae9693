import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../functions/cli/io';
import { main } from '../../../functions/cli/main';
import { jsonl, words } from './helpers';

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    isTTY: false,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

interface Line {
  index: number;
  stratum: number;
  text: string;
}
const lines = (out: string) =>
  out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);

describe('diligence spot-check', () => {
  let dir = '';
  let sample = '';
  const tagsFile = async (name: string, body: string) => {
    const file = join(dir, name);
    await writeFile(file, body);
    return file;
  };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'diligence-spot-'));
    sample = join(dir, 'sample.jsonl');
    const records = Array.from({ length: 120 }, (_, i) => ({
      body:
        i % 10 === 0
          ? `As an AI language model, I cannot say ${words(i, 6)}.`
          : i % 3 === 0
            ? `Certainly! Here are the steps:\n\n1. ${words(i, 9)}.\n2. ${words(i + 1, 8)}.`
            : `${words(i, 10 + (i % 30))}, ${words(i * 5, 4)}? ${words(i * 3, 6)}`,
      machine: i % 10 === 0 || i % 3 === 0,
    }));
    await writeFile(sample, jsonl(records));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('draws N records as JSON lines, the same for the same seed, others for another', async () => {
    const a = await run(['spot-check', 'draw', sample, '--text', 'body', '--n', '30', '--json']);
    expect(a.code, a.stderr).toBe(0);
    const drawn = lines(a.stdout);
    expect(drawn).toHaveLength(30);
    expect(Object.keys(drawn[0] as Line).sort()).toEqual(['index', 'stratum', 'text', 'truncated']);
    expect(new Set(drawn.map((r) => r.index)).size).toBe(30);
    const again = await run([
      'spot-check',
      'draw',
      sample,
      '--text',
      'body',
      '--n',
      '30',
      '--json',
    ]);
    expect(again.stdout).toBe(a.stdout);
    const other = await run([
      'spot-check',
      'draw',
      sample,
      '--text',
      'body',
      '--n',
      '30',
      '--seed',
      'other',
      '--json',
    ]);
    expect(other.stdout).not.toBe(a.stdout);
    const readable = await run(['spot-check', 'draw', sample, '--text', 'body', '--n', '3']);
    expect(readable.code).toBe(0);
    expect(readable.stdout).toContain('3 records drawn');
    expect(readable.stdout).toContain('spot-check estimate');
    expect(readable.stdout).not.toContain('stratum');
  });

  it('estimates from {index, tag} lines, recomputing the strata from the file', async () => {
    const drawn = lines(
      (await run(['spot-check', 'draw', sample, '--text', 'body', '--n', '40', '--json'])).stdout,
    );
    const machine = (t: string) => t.startsWith('As an AI') || t.startsWith('Certainly');
    const body = drawn
      .map((r, i) =>
        JSON.stringify({
          index: r.index,
          tag: i === 0 ? 'unsure' : machine(r.text) ? 'machine' : 'human',
        }),
      )
      .join('\n');
    const file = await tagsFile('tags.jsonl', `${body}\n\n`);
    const r = await run([
      'spot-check',
      'estimate',
      sample,
      '--text',
      'body',
      '--tags',
      file,
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const e = JSON.parse(r.stdout) as {
      share: number;
      interval: [number, number];
      reviewed: number;
      unsure: number;
      method: string;
    };
    expect(e).toMatchObject({ reviewed: 40, unsure: 1 });
    expect(e.interval[0]).toBeLessThanOrEqual(0.4);
    expect(e.interval[1]).toBeGreaterThanOrEqual(0.4);
    expect(e.share).toBeGreaterThan(0.2);
    expect(e.method).toMatch(/Wilson/);
    const readable = await run([
      'spot-check',
      'estimate',
      sample,
      '--text',
      'body',
      '--tags',
      file,
    ]);
    expect(readable.stdout).toMatch(/machine-made share \d+\.\d %/);
  });

  it('refuses bad tags naming the file and line, and indexes beyond the file', async () => {
    const cases: [string, RegExp][] = [
      ['{"index":1,"tag":"machine"}\n{"index":2,"tag":"robot"}\n', /bad1\.jsonl line 2: "tag"/],
      ['{"index":1,"tag":"human"}\nnot json\n', /bad2\.jsonl line 2: not JSON/],
      ['{"index":-1,"tag":"human"}\n', /bad3\.jsonl line 1: "index"/],
      [
        '{"index":1,"tag":"human"}\n{"index":1,"tag":"machine"}\n',
        /line 2: record 1 was already tagged on line 1/,
      ],
      [
        '{"index":1,"tag":"human"}\n{"index":500,"tag":"machine"}\n',
        /bad5\.jsonl line 2: index 500 is beyond/,
      ],
      ['\n', /bad6\.jsonl: no tags/],
    ];
    for (const [i, [body, message]] of cases.entries()) {
      const file = await tagsFile(`bad${i + 1}.jsonl`, body);
      const r = await run(['spot-check', 'estimate', sample, '--text', 'body', '--tags', file]);
      expect(r.code, body).toBe(2);
      expect(r.stderr, body).toMatch(message);
    }
  });

  it('refuses a tag on a record without text (it cannot have been drawn)', async () => {
    const file = join(dir, 'with-empty.jsonl');
    await writeFile(file, jsonl([{ body: words(1, 20) }, { body: '' }, { body: words(2, 20) }]));
    const tags = await tagsFile('empty-tag.jsonl', '{"index":1,"tag":"human"}\n');
    const r = await run(['spot-check', 'estimate', file, '--text', 'body', '--tags', tags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/empty-tag\.jsonl line 1: record 1 of .* has no text/);
  });

  it('exits 2 on bad usage', async () => {
    const cases: [string[], RegExp][] = [
      [['spot-check'], /Usage/],
      [['spot-check', 'sample'], /unknown subcommand "sample"/],
      [['spot-check', 'draw', sample, '--text', 'body'], /--n <N> is required/],
      [['spot-check', 'draw', sample, '--n', '0'], /--n must be a whole number from 1 to/],
      [['spot-check', 'draw', sample, '--n', '2x'], /--n must be/],
      [['spot-check', 'draw', join(dir, 'missing.jsonl'), '--n', '5'], /cannot read/],
      [['spot-check', 'estimate', sample], /--tags <tags.jsonl> is required/],
      [['spot-check', 'estimate', sample, '--tags', 'x', '--seed', 's'], /no --n or --seed/],
      [['spot-check', 'estimate', sample, '--tags', join(dir, 'none.jsonl')], /cannot read/],
      [['spot-check', 'draw', sample, '--n', '5', '--reference', 'h.jsonl'], /--reference/],
    ];
    for (const [args, message] of cases) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  });
});
