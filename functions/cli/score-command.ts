import type { CliIo } from './io';

/** Placeholder for `diligence score` until the scoring command lands; always exits 2. */
export async function runScore(_args: string[], io: CliIo): Promise<number> {
  io.stderr.write('score: not available yet\n');
  return 2;
}
