import { createReadStream } from 'node:fs';
import { access, constants, stat } from 'node:fs/promises';
import {
  AnalysisInputError,
  type AnalysisPartial,
  type AnalyzeOptions,
  type FieldMapping,
  foldSource,
} from '../core/analysis';
import type { CliIo } from './io';
import { progressReporter } from './progress';

/** Bad usage or unreadable input: the commands exit with code 2. */
export class FileInputError extends Error {}

/** Splits a --text value ("a,b") into a field mapping's text. */
export function textFields(value: string | undefined): string | string[] | undefined {
  const parts = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : parts;
}

/**
 * Folds one file into an analysis partial with a progress line; an unreadable file or unparsable
 * input becomes a `FileInputError` naming the file (exit 2), anything else is rethrown.
 */
export async function foldFile(
  file: string,
  io: CliIo,
  fields: Partial<FieldMapping>,
  extra: Pick<AnalyzeOptions, 'spotCheck' | 'onStratum'> = {},
): Promise<AnalysisPartial> {
  try {
    await access(file, constants.R_OK);
  } catch {
    throw new FileInputError(`cannot read ${file}: no such file or no permission`);
  }
  const progress = progressReporter(io, file);
  try {
    return await foldSource(createReadStream(file, { highWaterMark: 1 << 20 }), {
      fileName: file,
      // the file's size fixes the style sampling rate before the pass, as in the product
      sizeBytes: (await stat(file)).size,
      fields,
      ...extra,
      onProgress: progress.update,
    });
  } catch (e) {
    if (e instanceof AnalysisInputError) throw new FileInputError(`${file}: ${e.message}`);
    const code = (e as { code?: string }).code;
    if (code === 'EISDIR' || code === 'EACCES' || code === 'ENOENT')
      throw new FileInputError(`cannot read ${file}: ${(e as Error).message}`);
    throw e;
  } finally {
    progress.done();
  }
}
