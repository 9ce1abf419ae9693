import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../functions/cli/io';
import { main } from '../../functions/cli/main';
import { type Analysis, analyzeSource, finalize, foldSource } from '../../functions/core/analysis';

const DATA = resolve('../shared/data');
const present = existsSync(DATA);
if (!present) console.warn(`Real-data analysis tests SKIPPED: ${DATA} does not exist.`);

const NOW = new Date('2025-06-01T00:00:00Z');
const file = (name: string) => join(DATA, name);
const analyzeFile = async (name: string) =>
  (await analyzeSource(createReadStream(file(name)), { fileName: name, now: NOW })).analysis;

describe.skipIf(!present)('analysis of the public datasets in ../shared/data', () => {
  const results = new Map<string, Analysis>();
  const get = async (name: string) => {
    let a = results.get(name);
    if (!a) {
      a = await analyzeFile(name);
      results.set(name, a);
    }
    return a;
  };

  it('rates the model-written answers as more machine-like than the human answers to the same tasks', async () => {
    const human = await get('selfinstruct_user_tasks_human.jsonl');
    const machine = await get('selfinstruct_user_tasks_text-davinci-003.jsonl');
    expect(human.input.fields.text).toEqual([
      'instruction',
      'instances[0].input',
      'instances[0].output',
    ]);
    expect(machine.input.fields.text).toEqual(['instruction', 'input', 'response']);
    expect(machine.synthetic.estimatedShare).toBeGreaterThan(human.synthetic.estimatedShare + 0.4);
    expect(machine.synthetic.interval[0]).toBeGreaterThan(human.synthetic.estimatedShare);
    expect(human.synthetic.estimatedShare).toBeLessThan(0.25);
  });

  it('rates Alpaca (generated) above Wikipedia and the expert-written seed tasks (human), with markers found', async () => {
    const alpaca = await get('alpaca_en_demo.json');
    const wiki = await get('wiki_demo.txt');
    const seed = await get('selfinstruct_seed_tasks.jsonl');
    expect(alpaca.input).toMatchObject({ records: 999, format: 'json' });
    expect(wiki.input).toMatchObject({ records: 30, format: 'text' });
    expect(alpaca.synthetic.estimatedShare).toBeGreaterThan(0.7);
    expect(wiki.synthetic.estimatedShare).toBeLessThan(0.1);
    expect(seed.synthetic.estimatedShare).toBeLessThan(0.3);
    expect(alpaca.synthetic.markerRate).toBeGreaterThan(0.01);
    expect(wiki.synthetic.markerRate).toBe(0);
    expect(alpaca.duplicates.exactRate).toBeCloseTo(14 / 999, 6);
  });

  it('finds the byte-identical seed-task files fully overlapping', async () => {
    const training = await foldSource(createReadStream(file('selfinstruct_seed_tasks.jsonl')), {
      fileName: 'a.jsonl',
    });
    const holdout = await foldSource(createReadStream(file('alpaca_seed_tasks.jsonl')), {
      fileName: 'b.jsonl',
    });
    const a = finalize(training, { holdout, now: NOW });
    expect(a.contamination).toEqual({
      holdoutRecords: 175,
      overlapRate: 1,
      exactRate: 1,
      meanCoverage: 1,
    });
  });

  it('understands the airline tweets: spreadsheet dates, labels and the confidence column', async () => {
    const a = await get('airline_tweets.csv');
    expect(a.input).toMatchObject({ records: 14640, format: 'csv', malformed: 0 });
    expect(a.input.fields).toEqual({
      text: 'text',
      label: 'airline_sentiment',
      confidence: 'airline_sentiment_confidence',
      createdAt: 'tweet_created',
      id: 'tweet_id',
    });
    expect(a.freshness).toMatchObject({
      oldest: '2015-02-16',
      newest: '2015-02-24',
      unparseable: 0,
    });
    expect(a.freshness?.histogram).toEqual([{ month: '2015-02', count: 14640 }]);
    expect(a.labels?.classes).toEqual({ negative: 9178, neutral: 3099, positive: 2363 });
    expect(a.labels?.lowAgreementShare).toBeCloseTo(4181 / 14640, 6);
    expect(a.duplicates.exactRate).toBeGreaterThan(0.01);
    expect(a.labels?.conflictRate).toBeGreaterThan(0);
    expect(a.synthetic.estimatedShare).toBeLessThan(0.1);
    const mangled = a.findings.find((f) => f.id === 'input.mangled-ids');
    expect(mangled?.evidence).toMatchObject({
      field: 'tweet_id',
      count: 14640,
      example: '5.70306E+17',
    });
  });

  it('pairs GSM8K questions with their human-written solutions', async () => {
    const a = await get('gsm8k_example_model_solutions.jsonl');
    expect(a.input).toMatchObject({
      records: 1319,
      fields: { text: ['question', 'ground_truth'] },
    });
    expect(a.pii.recordShare).toBe(0);
  });

  describe('the CLI', () => {
    let dir = '';
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'diligence-data-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    async function cli(args: string[]) {
      let stdout = '';
      let stderr = '';
      const io: CliIo = {
        stdout: { write: (s: string) => (stdout += s) },
        stderr: { write: (s: string) => (stderr += s) },
        isTTY: false,
      };
      return { code: await main(args, io), stdout, stderr };
    }

    it('analyzes every file, plain and gzip-compressed, with the same record counts', async () => {
      const names = (await readdir(DATA)).filter((n) => n !== 'README.md').sort();
      // 12 files: the original eight and the four paired M4 domains (m4_*_llama2.jsonl).
      expect(names.length).toBe(12);
      for (const name of names) {
        const plain = await cli(['analyze', file(name), '--json']);
        expect(plain.code, `${name}: ${plain.stderr}`).toBe(0);
        const gz = join(dir, `${name}.gz`);
        await writeFile(gz, gzipSync(await readFile(file(name))));
        const packed = await cli(['analyze', gz, '--json']);
        expect(packed.code, `${name}.gz: ${packed.stderr}`).toBe(0);
        const [a, b] = [
          JSON.parse(plain.stdout) as Analysis,
          JSON.parse(packed.stdout) as Analysis,
        ];
        expect(b.input.records, name).toBe(a.input.records);
        expect(b.duplicates, name).toEqual(a.duplicates);
      }
      // 24 CLI processes: on a loaded shared machine this exceeds the 30 s default
    }, 180_000);

    it('prints a readable summary for the airline tweets', async () => {
      const r = await cli(['analyze', file('airline_tweets.csv')]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('3 classes (negative 9178, neutral 3099, positive 2363)');
      expect(r.stdout).toContain('2015-02-16 to 2015-02-24');
    });
  });
});
