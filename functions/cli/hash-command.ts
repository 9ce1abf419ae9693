import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DEFAULT_RANGE_BYTES, treeHashMethod } from '../core/tree-hash';
import { fileTreeHash } from './file-hash';
import type { CliIo } from './io';

const USAGE = 'Usage: diligence hash <file> [--range-bytes N] [--json]\n';

/**
 * `diligence hash <file>`: the tree hash the portal stores for samples analyzed beyond one machine
 * (SHA-256 over the SHA-256 digests of line-aligned ranges of N bytes, default 512 MiB), so a
 * vendor or buyer can check the sample the portal analyzed is the file they hold. Exit 0, or 2 on
 * bad usage or an unreadable file.
 */
export async function runHash(args: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{
      allowPositionals: true;
      options: { 'range-bytes': { type: 'string' }; json: { type: 'boolean' } };
    }>
  >;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { 'range-bytes': { type: 'string' }, json: { type: 'boolean' } },
    });
  } catch (e) {
    io.stderr.write(`diligence hash: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1) {
    io.stderr.write(`diligence hash: expected one file, got ${positionals.length}\n${USAGE}`);
    return 2;
  }
  const file = positionals[0] as string;
  const given = values['range-bytes'];
  const rangeBytes = given === undefined ? DEFAULT_RANGE_BYTES : Number(given);
  if (!/^\d+$/.test(given ?? '1') || !Number.isSafeInteger(rangeBytes) || rangeBytes < 1) {
    io.stderr.write(
      `diligence hash: --range-bytes takes a positive whole number of bytes (the "range-bytes" of the sample's hash method), not "${given}"\n`,
    );
    return 2;
  }
  try {
    await stat(file);
  } catch (e) {
    io.stderr.write(`diligence hash: cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  const { sha256, ranges } = await fileTreeHash(file, rangeBytes);
  const method = treeHashMethod(rangeBytes);
  if (values.json) io.stdout.write(`${JSON.stringify({ sha256, method, ranges })}\n`);
  else io.stdout.write(`${sha256}  ${file}\n${method}; ranges=${ranges}\n`);
  return 0;
}
