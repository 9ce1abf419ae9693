import type { AnalysisPartial, FieldMapping } from '../core/analysis';
import { FileInputError, foldFile } from './fold-file';
import type { CliIo } from './io';

export { textFields } from './fold-file';

/** Bad usage or unreadable input: exit code 2 (the same class `score` uses). */
export const CompareInputError = FileInputError;

/**
 * Folds one delivery file; refuses a named text field that no record of the file holds (exit 2,
 * naming the field and the file) rather than comparing empty texts.
 */
export async function foldDelivery(
  file: string,
  io: CliIo,
  fields: Partial<FieldMapping>,
): Promise<AnalysisPartial> {
  const partial = await foldFile(file, io, fields);
  if (fields.text !== undefined && partial.records > 0 && partial.emptyText === partial.records) {
    const named = [fields.text].flat().join(', ');
    throw new CompareInputError(
      `${file}: the text field "${named}" is absent (or empty) in all ${partial.records} records; name the field that holds the text with --text`,
    );
  }
  return partial;
}
