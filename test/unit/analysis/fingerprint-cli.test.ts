import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../functions/cli/io';
import { main } from '../../../functions/cli/main';
import type { Analysis } from '../../../functions/core/analysis';
import { parsePack } from '../../../functions/core/analysis/fingerprints';
import { words } from './helpers';

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

describe('diligence fingerprint build and --fingerprints', () => {
  let dir = '';
  const file = (name: string) => join(dir, name);
  const corpus = Array.from({ length: 30 }, (_, i) => words(300 + i, 50));
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'diligence-fp-'));
    await writeFile(
      file('corpus.jsonl'),
      corpus.map((t, i) => JSON.stringify({ id: i, answer: t, meta: 'x' })).join('\n'),
    );
    const sample = [
      ...Array.from({ length: 40 }, (_, i) => words(900 + i, 40)),
      corpus[0],
      corpus[1],
    ];
    await writeFile(
      file('sample.jsonl'),
      sample.map((text) => JSON.stringify({ text })).join('\n'),
    );
    await writeFile(file('key'), 'a-secret-of-32-bytes-for-testing\n');
    await writeFile(file('short-key'), 'short\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('builds a pack with --text and matches it in analyze (summary and JSON)', async () => {
    const b = await run([
      'fingerprint',
      'build',
      file('corpus.jsonl'),
      '--text',
      'answer',
      '--name',
      'corpus',
      '--kind',
      'synthetic',
      '--out',
      file('c.dfp'),
    ]);
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(/synthetic pack "corpus", unkeyed, 30 records .*text=answer/);
    const pack = parsePack(new Uint8Array(await readFile(file('c.dfp'))));
    expect(pack.records).toBe(30);
    const j = await run([
      'analyze',
      file('sample.jsonl'),
      '--fingerprints',
      file('c.dfp'),
      '--json',
    ]);
    expect(j.code).toBe(0);
    const a = JSON.parse(j.stdout) as Analysis;
    expect(a.matches).toEqual([
      expect.objectContaining({
        pack: 'corpus',
        kind: 'synthetic',
        records: 2,
        examples: [40, 41],
      }),
    ]);
    const s = await run(['analyze', file('sample.jsonl'), '--fingerprints', file('c.dfp')]);
    expect(s.stdout).toMatch(
      /fingerprints {2}corpus \(synthetic, 30 records\): 2 records match, 4\.8%/,
    );
    const none = JSON.parse((await run(['analyze', file('sample.jsonl'), '--json'])).stdout);
    expect(none.matches).toEqual([]);
  });

  it('keyed packs need their key; errors exit 2 naming the file', async () => {
    const b = await run([
      'fingerprint',
      'build',
      file('corpus.jsonl'),
      '--name',
      'k',
      '--kind',
      'eval',
      '--key-file',
      file('key'),
      '--out',
      file('k.dfp'),
    ]);
    expect(b.code).toBe(0);
    const ok = await run([
      'analyze',
      file('sample.jsonl'),
      '--fingerprints',
      file('k.dfp'),
      '--key-file',
      file('key'),
      '--json',
    ]);
    expect((JSON.parse(ok.stdout) as Analysis).matches?.[0]?.records).toBe(2);
    const noKey = await run(['analyze', file('sample.jsonl'), '--fingerprints', file('k.dfp')]);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain(`${file('k.dfp')}: fingerprint pack "k" is keyed`);
    const notPack = await run([
      'analyze',
      file('sample.jsonl'),
      '--fingerprints',
      file('corpus.jsonl'),
    ]);
    expect(notPack.code).toBe(2);
    expect(notPack.stderr).toContain(`${file('corpus.jsonl')}: not a fingerprint pack`);
    const missing = await run([
      'analyze',
      file('sample.jsonl'),
      '--fingerprints',
      file('nope.dfp'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`cannot read fingerprint pack ${file('nope.dfp')}`);
    const badKind = await run([
      'fingerprint',
      'build',
      file('corpus.jsonl'),
      '--name',
      'x',
      '--kind',
      'human',
      '--out',
      file('x.dfp'),
    ]);
    expect(badKind.code).toBe(2);
    expect(badKind.stderr).toMatch(/--kind must be one of synthetic, eval, echo, not "human"/);
    const shortKey = await run([
      'fingerprint',
      'build',
      file('corpus.jsonl'),
      '--name',
      'x',
      '--kind',
      'eval',
      '--key-file',
      file('short-key'),
      '--out',
      file('x.dfp'),
    ]);
    expect(shortKey.code).toBe(2);
    expect(shortKey.stderr).toContain(
      `key file ${file('short-key')}: a fingerprint key needs at least 16 bytes`,
    );
    const noCorpus = await run([
      'fingerprint',
      'build',
      file('none.csv'),
      '--name',
      'x',
      '--kind',
      'eval',
      '--out',
      file('x.dfp'),
    ]);
    expect(noCorpus.code).toBe(2);
    expect(noCorpus.stderr).toContain(`cannot read ${file('none.csv')}`);
  });

  it('score prints matches of the sample and carries them in the JSON report', async () => {
    const args = [
      'score',
      '--answers',
      'test/fixtures/answers/honest-vendor.json',
      '--sample',
      file('sample.jsonl'),
      '--fingerprints',
      file('c.dfp'),
    ];
    const s = await run(args);
    expect(s.code).toBe(0);
    expect(s.stdout).toMatch(/Fingerprint match in the training sample: corpus \(synthetic/);
    const j = await run([...args, '--json']);
    expect(JSON.parse(j.stdout).samples[0].matches[0]).toMatchObject({
      pack: 'corpus',
      records: 2,
    });
  });
});
