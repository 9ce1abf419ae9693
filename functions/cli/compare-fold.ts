import { createReadStream } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import {
  AnalysisInputError,
  type AnalysisPartial,
  type FieldMapping,
  foldSource,
} from '../core/analysis';
import type { CliIo } from './io';
import { progressReporter } from './progress';

/** Bad usage or unreadable input: exit code 2. */
export class CompareInputError extends Error {}

/** Splits a --text value ("a,b") into a field mapping's text. */
export function textFields(value: string | undefined): string | string[] | undefined {
  const parts = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : parts;
}

/**
 * Folds one delivery file; refuses a named text field that no record of the file holds (exit 2,
 * naming the field and the file) rather than comparing empty texts.
 */
export async function foldDelivery(
  file: string,
  io: CliIo,
  fields: Partial<FieldMapping>,
): Promise<AnalysisPartial> {
  try {
    await access(file, constants.R_OK);
  } catch {
    throw new CompareInputError(`cannot read ${file}: no such file or no permission`);
  }
  const progress = progressReporter(io, file);
  let partial: AnalysisPartial;
  try {
    partial = await foldSource(createReadStream(file, { highWaterMark: 1 << 20 }), {
      fileName: file,
      fields,
      onProgress: progress.update,
    });
  } catch (e) {
    if (e instanceof AnalysisInputError) throw new CompareInputError(`${file}: ${e.message}`);
    const code = (e as { code?: string }).code;
    if (code === 'EISDIR' || code === 'EACCES' || code === 'ENOENT')
      throw new CompareInputError(`cannot read ${file}: ${(e as Error).message}`);
    throw e;
  } finally {
    progress.done();
  }
  if (fields.text !== undefined && partial.records > 0 && partial.emptyText === partial.records) {
    const named = [fields.text].flat().join(', ');
    throw new CompareInputError(
      `${file}: the text field "${named}" is absent (or empty) in all ${partial.records} records; name the field that holds the text with --text`,
    );
  }
  return partial;
}
