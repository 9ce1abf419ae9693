import { parseArgs } from 'node:util';
import {
  type DrawnRecord,
  drawSpotCheck,
  SPOT_CHECK_MAX_SIZE,
  SpotCheckInputError,
} from '../core/analysis/spot-check';
import { FileInputError, foldFile, textFields } from './fold-file';
import type { CliIo } from './io';
import { runSpotCheckEstimate } from './spot-check-estimate';

/** Usage of `diligence spot-check`. */
export const SPOT_CHECK_USAGE = `Usage:
  diligence spot-check draw <file> --n <N> [--seed <S>] [--text <field>] [--json]
  diligence spot-check estimate <file> --tags <tags.jsonl> [--text <field>] [--json]
`;

/** The key `draw` uses without --seed (the CLI's draws are reproducible, not secret). */
export const DEFAULT_SEED = 'diligence';

/** Bad usage or input of a spot-check command: exit code 2. */
export class SpotCheckUsageError extends FileInputError {}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        n: { type: 'string' },
        seed: { type: 'string' },
        tags: { type: 'string' },
        text: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new SpotCheckUsageError((e as Error).message);
  }
}

/** The parsed options both subcommands share. */
export type SpotCheckArgs = ReturnType<typeof parse>['values'] & { file: string };

function readable(records: DrawnRecord[], file: string, seed: string, n: number): string {
  const out = [
    `Spot-check of ${file}: ${records.length} records drawn (seed "${seed}")` +
      (records.length < n ? `; the file has only ${records.length} records with text.` : '.'),
    'Read each one and tag it machine, human or unsure, one JSON line per record in a tags file:',
    '  {"index": <record>, "tag": "machine" | "human" | "unsure"}',
    `then run: diligence spot-check estimate ${file} --tags <tags.jsonl>`,
    '',
  ];
  records.forEach((r, i) => {
    out.push(`── ${i + 1}/${records.length}  record ${r.index}${r.truncated ? ' (cut)' : ''}`);
    out.push(r.text, '');
  });
  return `${out.join('\n')}\n`;
}

async function draw(a: SpotCheckArgs, io: CliIo): Promise<number> {
  if (a.n === undefined) throw new SpotCheckUsageError('--n <N> is required (how many records)');
  const n = Number(a.n);
  if (!/^\d+$/.test(a.n) || n < 1 || n > SPOT_CHECK_MAX_SIZE)
    throw new SpotCheckUsageError(
      `--n must be a whole number from 1 to ${SPOT_CHECK_MAX_SIZE}, got "${a.n}"`,
    );
  if (a.seed === '') throw new SpotCheckUsageError('--seed must not be empty');
  const seed = a.seed ?? DEFAULT_SEED;
  const text = textFields(a.text);
  const partial = await foldFile(a.file, io, text ? { text } : {}, { spotCheck: { key: seed } });
  const records = drawSpotCheck(partial, n);
  io.stdout.write(
    a.json
      ? records.map((r) => `${JSON.stringify(r)}\n`).join('')
      : readable(records, a.file, seed, n),
  );
  return 0;
}

/** `diligence spot-check draw|estimate …`; resolves to the exit code. */
export async function runSpotCheck(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  try {
    if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
      (sub === undefined ? io.stderr : io.stdout).write(SPOT_CHECK_USAGE);
      return sub === undefined ? 2 : 0;
    }
    if (sub !== 'draw' && sub !== 'estimate')
      throw new SpotCheckUsageError(`unknown subcommand "${sub}" (use draw or estimate)`);
    const { values, positionals } = parse(rest);
    if (values.help) {
      io.stdout.write(SPOT_CHECK_USAGE);
      return 0;
    }
    if (positionals.length !== 1)
      throw new SpotCheckUsageError(`expected one sample file, got ${positionals.length}`);
    const a = { ...values, file: positionals[0] as string };
    if (sub === 'draw') {
      if (a.tags !== undefined) throw new SpotCheckUsageError('--tags belongs to estimate');
      return await draw(a, io);
    }
    if (a.n !== undefined || a.seed !== undefined)
      throw new SpotCheckUsageError(
        'estimate takes no --n or --seed: the strata are recomputed from the file',
      );
    return await runSpotCheckEstimate(a, io);
  } catch (e) {
    if (e instanceof SpotCheckUsageError) {
      io.stderr.write(`diligence spot-check: ${e.message}\n${SPOT_CHECK_USAGE}`);
      return 2;
    }
    if (e instanceof FileInputError || e instanceof SpotCheckInputError) {
      io.stderr.write(`diligence spot-check: ${e.message}\n`);
      return 2;
    }
    io.stderr.write(`diligence spot-check: failed: ${(e as Error).message}\n`);
    return 1;
  }
}
