import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { verifyReport } from '../core/report/bundle';
import type { CliIo } from './io';

const USAGE = 'Usage: diligence verify <report.json> [--sha256 <hex>]\n';

/**
 * `diligence verify <report.json>`: checks a downloaded report or bundle against its SHA-256.
 * Exit 0 when intact, 1 when it was changed, 2 on bad usage or an unreadable file.
 */
export async function runVerify(args: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{ allowPositionals: true; options: { sha256: { type: 'string' } } }>
  >;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { sha256: { type: 'string' } } });
  } catch (e) {
    io.stderr.write(`diligence verify: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1) {
    io.stderr.write(
      `diligence verify: expected one report file, got ${positionals.length}\n${USAGE}`,
    );
    return 2;
  }
  const file = positionals[0] as string;
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    io.stderr.write(`diligence verify: cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  if (values.sha256 !== undefined && !/^[0-9a-fA-F]{64}$/.test(values.sha256)) {
    io.stderr.write('diligence verify: --sha256 takes 64 hexadecimal digits\n');
    return 2;
  }
  const result = verifyReport(value, values.sha256);
  if (!result.ok) {
    io.stderr.write(`diligence verify: ${file}: NOT intact: ${result.problem}\n`);
    return 1;
  }
  const version = result.version === null ? '' : ` version ${result.version}`;
  io.stdout.write(
    `${file}: intact. Report of assessment ${result.assessmentId}${version}, sha256 ${result.sha256}\n`,
  );
  return 0;
}
