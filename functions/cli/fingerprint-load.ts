import { readFile } from 'node:fs/promises';
import type { Analysis } from '../core/analysis';
import { PackFormatError, type PackInput, packKey, parsePack } from '../core/analysis/fingerprints';
import { FileInputError } from './fold-file';

/** Reads an organization key file: its bytes, without a trailing newline; at least 16 bytes. */
export async function readKeyFile(file: string): Promise<Uint8Array> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new FileInputError(`cannot read key file ${file}: ${(e as Error).message}`);
  }
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d)) end--;
  if (end < 16)
    throw new FileInputError(
      `key file ${file}: a fingerprint key needs at least 16 bytes of secret (e.g. \`openssl rand -hex 32 > ${file}\`)`,
    );
  return new Uint8Array(bytes.subarray(0, end));
}

/**
 * Loads `--fingerprints` packs (with the `--key-file` key for keyed ones); a missing, unreadable,
 * foreign or outdated pack, or a keyed pack without its key, is a FileInputError naming the file.
 */
export async function loadPacks(files: string[], keyFile?: string): Promise<PackInput[]> {
  const key = keyFile ? await readKeyFile(keyFile) : undefined;
  const out: PackInput[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (e) {
      throw new FileInputError(`cannot read fingerprint pack ${file}: ${(e as Error).message}`);
    }
    try {
      const pack = parsePack(new Uint8Array(bytes));
      packKey(pack, key);
      out.push({ pack, ...(pack.keyed && key ? { key } : {}) });
    } catch (e) {
      if (e instanceof PackFormatError) {
        const hint = /is keyed/.test(e.message) ? ' (pass --key-file <file>)' : '';
        throw new FileInputError(`${file}: ${e.message}${hint}`);
      }
      throw e;
    }
  }
  return out;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Summary lines for an analysis's fingerprint matches (none when no pack was given). */
export function matchLines(a: Pick<Analysis, 'matches'>): string[] {
  return (a.matches ?? []).map(
    (m) =>
      `${m.pack} (${m.kind}, ${m.packRecords.toLocaleString('en-US')} records): ${m.records.toLocaleString('en-US')} records match, ${pct(m.matchedShare)} (exact ${pct(m.exactShare)}, near ${pct(m.nearShare)})${m.examples.length ? `; e.g. records ${m.examples.join(', ')}` : ''}`,
  );
}
