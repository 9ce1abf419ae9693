import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBuiltinPacks } from '../../../functions/api/services/builtin-packs';
import { buildPack, serializePack } from '../../../functions/core/analysis/fingerprints';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'diligence-builtin-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('built-in fingerprint packs', () => {
  it('loads the packs the manifest lists, with source and licence, and skips what does not parse', async () => {
    const pack = await buildPack(
      ['one machine answer written for the demo', 'another machine answer written for the demo'],
      {
        name: 'Demo corpus',
        kind: 'synthetic',
      },
    );
    await writeFile(join(dir, 'demo.json'), serializePack(pack));
    await writeFile(join(dir, 'broken.json'), '{"format":"something else"}');
    await writeFile(
      join(dir, 'manifest.json'),
      JSON.stringify([
        {
          name: 'demo',
          file: 'demo.json',
          source: 'https://example.org/demo',
          licence: 'CC-BY-4.0',
        },
        { name: 'broken', file: 'broken.json', source: 's', licence: 'l' },
        { name: 'Not An Id', file: 'demo.json', source: 's', licence: 'l' },
        { name: 'tampered', file: 'demo.json', source: 's', licence: 'l', sha256: '0'.repeat(64) },
      ]),
    );
    const skipped: string[] = [];
    const packs = await loadBuiltinPacks(dir, (file, reason) => skipped.push(`${file}: ${reason}`));
    expect(packs.map((p) => [p.id, p.pack.name, p.pack.records, p.source, p.licence])).toEqual([
      ['builtin-demo', 'Demo corpus', 2, 'https://example.org/demo', 'CC-BY-4.0'],
    ]);
    expect(skipped).toHaveLength(3);
  });

  it('loads every pack shipped in the repository, each with its source and licence', async () => {
    const packs = await loadBuiltinPacks(undefined, (file, reason) => {
      throw new Error(`${file}: ${reason}`);
    });
    expect(packs.map((p) => p.id).sort()).toEqual([
      'builtin-gsm8k-model-solutions',
      'builtin-gsm8k-test-questions',
      'builtin-selfinstruct-seed-tasks',
      'builtin-selfinstruct-text-davinci-003',
    ]);
    for (const p of packs) expect(p.licence, p.id).toMatch(/^(MIT|Apache-2\.0)$/);
  });

  it('has none when the folder has no manifest', async () => {
    expect(await loadBuiltinPacks(join(dir, 'absent'))).toEqual([]);
  });
});
