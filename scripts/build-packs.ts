import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildPack,
  type CorpusOptions,
  corpusTexts,
  type PackKind,
  serializePack,
} from '../functions/core/analysis/fingerprints';
import { SHIPPED_PACKS } from '../functions/core/analysis/fingerprints/packs/sources';

// Usage: npx tsx scripts/build-packs.ts [--data ../shared/data] [--out functions/core/analysis/fingerprints/packs]
// Rebuilds the shipped, unkeyed fingerprint packs from the public corpora (sources and licences in
// packs/sources.ts and docs/fingerprints.md) and writes packs/manifest.json.

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data' },
    out: { type: 'string', default: 'functions/core/analysis/fingerprints/packs' },
  },
});
const data = resolve(values.data);
await mkdir(values.out, { recursive: true });
const manifest = [];
for (const p of SHIPPED_PACKS) {
  const texts: AsyncIterable<string>[] = p.inputs.map((i) =>
    corpusTexts(createReadStream(join(data, i.file)), {
      fileName: i.file,
      fields: { text: i.text } as CorpusOptions['fields'],
    }),
  );
  async function* all() {
    for (const t of texts) yield* t;
  }
  const pack = await buildPack(all(), { name: p.name, kind: p.kind as PackKind });
  const bytes = serializePack(pack);
  await writeFile(join(values.out, p.file), bytes);
  manifest.push({
    name: p.name,
    kind: p.kind,
    file: p.file,
    records: pack.records,
    skipped: pack.skipped,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    source: p.source,
    licence: p.licence,
  });
  console.log(
    `${p.file}: ${pack.records} records (${pack.skipped} too short), ${bytes.length} bytes`,
  );
}
await writeFile(join(values.out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`wrote ${join(values.out, 'manifest.json')}`);
