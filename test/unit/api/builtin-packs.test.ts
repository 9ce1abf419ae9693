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
    const pack = await buildPack(['one machine answer', 'another machine answer'], {
      name: 'Demo corpus',
      kind: 'synthetic',
    });
    await writeFile(join(dir, 'demo.json'), serializePack(pack));
    await writeFile(join(dir, 'broken.json'), '{"format":"something else"}');
    await writeFile(
      join(dir, 'manifest.json'),
      JSON.stringify({
        packs: [
          {
            id: 'builtin-demo',
            file: 'demo.json',
            source: 'https://example.org/demo',
            licence: 'CC-BY-4.0',
          },
          { id: 'builtin-broken', file: 'broken.json', source: 's', licence: 'l' },
          { id: 'Not An Id', file: 'demo.json', source: 's', licence: 'l' },
        ],
      }),
    );
    const skipped: string[] = [];
    const packs = await loadBuiltinPacks(dir, (file, reason) => skipped.push(`${file}: ${reason}`));
    expect(packs.map((p) => [p.id, p.pack.name, p.pack.records, p.source, p.licence])).toEqual([
      ['builtin-demo', 'Demo corpus', 2, 'https://example.org/demo', 'CC-BY-4.0'],
    ]);
    expect(skipped).toHaveLength(2);
  });

  it('has none when the folder has no manifest', async () => {
    expect(await loadBuiltinPacks(join(dir, 'absent'))).toEqual([]);
  });
});
