import { createReadStream } from 'node:fs';
import { access, constants, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { AnalysisInputError } from '../core/analysis';
import {
  buildPack,
  type CorpusStats,
  corpusTexts,
  PACK_KINDS,
  type PackKind,
  serializePack,
} from '../core/analysis/fingerprints';
import { readKeyFile } from './fingerprint-load';
import { FileInputError, textFields } from './fold-file';
import type { CliIo } from './io';

const USAGE =
  'Usage: diligence fingerprint build <corpus> [--text <field>] --name <name> --kind synthetic|eval|echo [--key-file <file>] --out <pack>\n';

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        text: { type: 'string' },
        name: { type: 'string' },
        kind: { type: 'string' },
        'key-file': { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new FileInputError((e as Error).message);
  }
}

/**
 * `diligence fingerprint build`: streams a corpus (CSV, JSON Lines, JSON, text, gzip; `--text`
 * picks fields as for `analyze`) into a hash-only pack. Exit 0, or 2 on bad usage or input.
 */
export async function runFingerprint(args: string[], io: CliIo): Promise<number> {
  try {
    const [sub, ...rest] = args;
    if (sub === '--help' || sub === '-h' || sub === 'help') {
      io.stdout.write(USAGE);
      return 0;
    }
    if (sub !== 'build') throw new FileInputError(`unknown subcommand "${sub ?? ''}" (use build)`);
    const { values, positionals } = parse(rest);
    if (values.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    if (positionals.length !== 1)
      throw new FileInputError(`expected one corpus file, got ${positionals.length}`);
    const file = positionals[0] as string;
    if (!values.name) throw new FileInputError('--name <name> is required');
    if (!values.out) throw new FileInputError('--out <pack> is required');
    if (!PACK_KINDS.includes(values.kind as PackKind))
      throw new FileInputError(
        `--kind must be one of ${PACK_KINDS.join(', ')}${values.kind ? `, not "${values.kind}"` : ''}`,
      );
    const key = values['key-file'] ? await readKeyFile(values['key-file']) : undefined;
    try {
      await access(file, constants.R_OK);
    } catch {
      throw new FileInputError(`cannot read ${file}: no such file or no permission`);
    }
    const text = textFields(values.text);
    const stats: CorpusStats = { records: 0, malformed: 0, fields: null };
    const source = createReadStream(file, { highWaterMark: 1 << 20 });
    let pack: Awaited<ReturnType<typeof buildPack>>;
    try {
      pack = await buildPack(
        corpusTexts(source, { fileName: file, ...(text ? { fields: { text } } : {}) }, stats),
        { name: values.name, kind: values.kind as PackKind, ...(key ? { key } : {}) },
      );
    } catch (e) {
      if (e instanceof AnalysisInputError) throw new FileInputError(`${file}: ${e.message}`);
      const code = (e as { code?: string }).code;
      if (code === 'EISDIR' || code === 'EACCES' || code === 'ENOENT')
        throw new FileInputError(`cannot read ${file}: ${(e as Error).message}`);
      throw e;
    }
    const bytes = serializePack(pack);
    try {
      await writeFile(values.out, bytes);
    } catch (e) {
      throw new FileInputError(`cannot write ${values.out}: ${(e as Error).message}`);
    }
    const f = stats.fields?.text;
    io.stdout.write(
      `wrote ${values.out}: ${pack.kind} pack "${pack.name}", ${pack.keyed ? 'keyed' : 'unkeyed'}, ${pack.records.toLocaleString('en-US')} records (${pack.skipped} too short, ${stats.malformed} malformed rows skipped; text=${Array.isArray(f) ? f.join(' + ') : f}), ${(pack.exact.length / 2).toLocaleString('en-US')} exact keys, ${(pack.grams.length / 2).toLocaleString('en-US')} 13-gram hashes, ${bytes.length.toLocaleString('en-US')} bytes\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof FileInputError) {
      io.stderr.write(`diligence fingerprint: ${e.message}\n${USAGE}`);
      return 2;
    }
    io.stderr.write(`diligence fingerprint: failed: ${(e as Error).message}\n`);
    return 1;
  }
}
