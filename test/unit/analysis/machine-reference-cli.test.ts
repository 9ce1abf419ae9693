import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../functions/cli/io';
import { parseMachineReference } from '../../../functions/cli/machine-references';
import { main } from '../../../functions/cli/main';
import { openingSentences } from '../../../functions/cli/reference-prompts';
import type { Analysis } from '../../../functions/core/analysis';
import { jsonl, words } from './helpers';

/** Casual, human-looking replies. */
const human = (i: number) =>
  `lol ${words(i, 4)} honestly... i think ${words(i + 500, 3)} but idk!! ${words(i + 900, 12)}`;
/** Assistant-looking answers. */
const machine = (i: number) =>
  `Certainly! Here are some key points about ${words(i, 2)}:\n\n1. **${words(i + 1, 2)}**: It is important to ensure ${words(i + 2, 8)}.\n2. **${words(i + 3, 2)}**: Additionally, ${words(i + 4, 9)}.\n\nOverall, ${words(i + 7, 10)}.`;
const texts = (f: (i: number) => string, from: number, n: number) =>
  Array.from({ length: n }, (_, i) => ({ text: f(from + i * 17) }));

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    isTTY: false,
  };
  return { code: await main(args, io), stdout, stderr };
}

describe('diligence --machine-reference and reference prompts', () => {
  let dir = '';
  const file = (name: string) => join(dir, name);
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'diligence-machine-ref-'));
    await writeFile(
      file('sample.jsonl'),
      jsonl([...texts(machine, 0, 60), ...texts(human, 3000, 60)]),
    );
    await writeFile(file('human.jsonl'), jsonl(texts(human, 4000, 100)));
    await writeFile(file('gpt.jsonl'), jsonl(texts(machine, 8000, 60)));
    await writeFile(file('few.jsonl'), jsonl(texts(machine, 9000, 10)));
    await writeFile(
      file('tasks.jsonl'),
      jsonl([
        {
          instruction: 'Write a haiku about rain.',
          text: 'Hi. I wrote this. It rained all day in the city and we stayed in.',
        },
        {
          instruction: 'Summarize the memo.',
          text: 'The memo says the office closes early on Friday for maintenance work.',
        },
      ]),
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('makes the estimate two-sided, naming the generator', async () => {
    const r = await run([
      'analyze',
      file('sample.jsonl'),
      '--reference',
      file('human.jsonl'),
      '--machine-reference',
      `gpt-4o=${file('gpt.jsonl')}`,
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const s = (JSON.parse(r.stdout) as Analysis).synthetic;
    expect(s.reference?.mode).toBe('two-sided');
    expect(s.reference?.machine?.references).toMatchObject([
      { generator: 'gpt-4o', name: 'gpt.jsonl', records: 60, usable: true },
    ]);
    expect(s.interval[0]).toBeGreaterThan(0.3);
    expect(s.interval[1]).toBeLessThan(0.75);
    const text = await run([
      'analyze',
      file('sample.jsonl'),
      '--reference',
      file('human.jsonl'),
      '--machine-reference',
      file('gpt.jsonl'),
    ]);
    expect(text.stdout).toMatch(/two-sided: human reference human\.jsonl .*gpt\.jsonl \[gpt,/);
  });

  it('exits 2 naming a machine reference below the minimum', async () => {
    const r = await run([
      'analyze',
      file('sample.jsonl'),
      '--reference',
      file('human.jsonl'),
      '--machine-reference',
      file('few.jsonl'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /few\.jsonl: the machine reference has 10 records with text; at least 20/,
    );
  });

  it('refuses a machine reference without a human one, in analyze and score', async () => {
    const a = await run([
      'analyze',
      file('sample.jsonl'),
      '--machine-reference',
      file('gpt.jsonl'),
    ]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/needs a human --reference/);
    const answers = file('answers.json');
    await writeFile(answers, JSON.stringify({ synthetic_share_percent: 0 }));
    const s = await run([
      'score',
      '--answers',
      answers,
      '--sample',
      file('sample.jsonl'),
      '--machine-reference',
      file('gpt.jsonl'),
    ]);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/needs a human --reference/);
  });

  it('scores with a two-sided reference: the claim of 0 % is contradicted', async () => {
    const answers = file('answers.json');
    await writeFile(answers, JSON.stringify({ synthetic_share_percent: 0 }));
    const r = await run([
      'score',
      '--answers',
      answers,
      '--sample',
      file('sample.jsonl'),
      '--reference',
      file('human.jsonl'),
      '--machine-reference',
      `gpt-4o=${file('gpt.jsonl')}`,
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.claimChecks[0]).toMatchObject({ status: 'contradicted', evidence: 'calibrated' });
  });

  it('reads generator=file and bare file names', () => {
    expect(parseMachineReference('gpt-4o=out/a.jsonl')).toEqual({
      file: 'out/a.jsonl',
      generator: 'gpt-4o',
    });
    expect(parseMachineReference('out/llama-3.jsonl')).toEqual({
      file: 'out/llama-3.jsonl',
      generator: 'llama-3',
    });
  });

  it('prints prompts as JSON Lines: opening sentences, a whole field, or the first N', async () => {
    const r = await run(['reference', 'prompts', file('tasks.jsonl'), '--text', 'text']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { prompt: 'Hi. I wrote this. It rained all day in the city and we stayed in.' },
      { prompt: 'The memo says the office closes early on Friday for maintenance work.' },
    ]);
    const f = await run([
      'reference',
      'prompts',
      file('tasks.jsonl'),
      '--field',
      'instruction',
      '--n',
      '1',
    ]);
    expect(f.code, f.stderr).toBe(0);
    expect(f.stdout).toBe(`${JSON.stringify({ prompt: 'Write a haiku about rain.' })}\n`);
  });

  it('refuses bad prompt arguments with exit 2', async () => {
    expect((await run(['reference', 'prompts'])).code).toBe(2);
    const n = await run(['reference', 'prompts', file('tasks.jsonl'), '--n', 'x']);
    expect(n.code).toBe(2);
    expect(n.stderr).toMatch(/--n must be a whole number/);
    const missing = await run(['reference', 'prompts', file('missing.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing.jsonl');
    expect((await run(['reference', 'draw'])).code).toBe(2);
  });

  it('takes the opening sentences until the prompt has some substance', () => {
    expect(openingSentences('Short one. Then a longer second sentence with words. Third.')).toBe(
      'Short one. Then a longer second sentence with words.',
    );
    expect(openingSentences('A first sentence that is long enough already. Second.')).toBe(
      'A first sentence that is long enough already.',
    );
  });
});
