import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { type FieldMapping, finalize, recordTexts } from '../core/analysis';
import { FileInputError, foldFile, textFields } from './fold-file';
import type { CliIo } from './io';

const USAGE =
  'Usage: diligence reference prompts <human reference file> [--text <field>] [--field <field>] [--n <N>]\n';

/** A prompt has at least this many words when the file's sentences allow (short openers get the next sentence). */
const MIN_WORDS = 8;
const MAX_SENTENCES = 3;
const MAX_CHARS = 600;
/** Texts are read up to this length (after personal data is masked). */
const READ_CHARS = 4000;

/**
 * The opening of a text as a prompt: its first sentence, and the next ones while it has fewer than
 * `MIN_WORDS` words (at most three sentences, 600 characters), whitespace collapsed.
 */
export function openingSentences(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const sentences = flat.split(/(?<=[.!?])\s+(?=\S)/);
  let out = '';
  for (const s of sentences.slice(0, MAX_SENTENCES)) {
    out = out ? `${out} ${s}` : s;
    if (out.split(' ').length >= MIN_WORDS) break;
  }
  return out.length > MAX_CHARS ? `${out.slice(0, MAX_CHARS - 1)}…` : out;
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        text: { type: 'string' },
        field: { type: 'string' },
        n: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new FileInputError(`${(e as Error).message}\n${USAGE}`);
  }
}

/**
 * `diligence reference prompts <file>`: prints one JSON line `{ prompt }` per record of a human
 * reference (the opening sentences of its text, or a whole `--field` such as the instruction), for
 * the buyer to send to the models it suspects; their answers make a machine reference. Personal data
 * is masked as in report examples. Nothing here calls a model.
 */
export async function runReferencePrompts(args: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parse(args);
    if (values.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    if (positionals.length !== 1)
      throw new FileInputError(
        `expected one human reference file, got ${positionals.length}\n${USAGE}`,
      );
    if (values.text && values.field)
      throw new FileInputError(
        `give --text (opening sentences) or --field (whole field), not both\n${USAGE}`,
      );
    const n = values.n === undefined ? Number.POSITIVE_INFINITY : Number(values.n);
    if (!(Number.isInteger(n) || n === Number.POSITIVE_INFINITY) || n < 1)
      throw new FileInputError(
        `--n must be a whole number of prompts, 1 or more (got "${values.n}")`,
      );
    const file = positionals[0] as string;
    const fields: Partial<FieldMapping> = {};
    const text = values.field ?? textFields(values.text);
    if (text) fields.text = text;
    const partial = await foldFile(file, io, fields);
    const analysis = finalize(partial, { now: new Date() });
    const count = Math.min(n, analysis.input.records);
    const texts = await recordTexts(
      createReadStream(file, { highWaterMark: 1 << 20 }),
      analysis,
      Array.from({ length: count }, (_, i) => i),
      { fileName: file, maxChars: READ_CHARS },
    );
    let written = 0;
    for (let i = 0; i < count; i++) {
      const t = texts.get(i)?.trim();
      if (!t) continue;
      const prompt = values.field ? t.replace(/\s+/g, ' ') : openingSentences(t);
      io.stdout.write(`${JSON.stringify({ prompt })}\n`);
      written++;
    }
    if (written === 0)
      throw new FileInputError(
        `${file}: no record has text in field ${JSON.stringify(analysis.input.fields.text)}: name it with --text or --field`,
      );
    return 0;
  } catch (e) {
    if (e instanceof FileInputError) {
      io.stderr.write(`diligence reference prompts: ${e.message}\n`);
      return 2;
    }
    io.stderr.write(`diligence reference prompts: failed: ${(e as Error).message}\n`);
    return 1;
  }
}
