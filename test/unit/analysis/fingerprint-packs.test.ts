import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePack } from '../../../functions/core/analysis/fingerprints';
import { SHIPPED_PACKS } from '../../../functions/core/analysis/fingerprints/packs/sources';

const DIR = 'functions/core/analysis/fingerprints/packs';

describe('shipped fingerprint packs', () => {
  it('are listed in the manifest, match their sha256 and load with the current analyzer parameters (else: npx tsx scripts/build-packs.ts)', async () => {
    const manifest = JSON.parse(await readFile(join(DIR, 'manifest.json'), 'utf8')) as {
      name: string;
      kind: string;
      file: string;
      records: number;
      sha256: string;
      licence: string;
    }[];
    expect(manifest.map((m) => m.name)).toEqual(SHIPPED_PACKS.map((p) => p.name));
    for (const m of manifest) {
      const bytes = await readFile(join(DIR, m.file));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(m.sha256);
      const pack = parsePack(new Uint8Array(bytes));
      expect(pack).toMatchObject({ name: m.name, kind: m.kind, records: m.records, keyed: false });
      expect(m.licence).toMatch(/^(Apache-2\.0|MIT)$/);
    }
  });
});
