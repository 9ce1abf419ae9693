import { AnalysisInputError } from '../../core/analysis/errors';
import { checkFieldOverrides, FieldMappingError } from '../../core/analysis/fields/check';
import { readHeadRecords } from '../../core/analysis/fields/head';
import { ValidationError } from '../../lib/errors';
import { pinOf } from '../../store/object-pin';
import type { Sample } from '../../store/samples';
import type { AppDeps } from '../env';

/**
 * Refuses (400) a field mapping that names a field the uploaded file `upload` does not have,
 * reading only the file's first records. The message names the field and lists the fields found.
 */
export async function checkMappingAgainstUpload(
  deps: Pick<AppDeps, 'blobs' | 'config'>,
  upload: Pick<Sample, 'key' | 'fileName' | 'status' | 'objectETag' | 'objectVersionId'>,
  fields: Record<string, string> | undefined,
  path = 'fields',
): Promise<void> {
  if (!fields || Object.keys(fields).length === 0 || upload.status === 'awaiting_upload') return;
  // The bytes that were analyzed, never a later replacement of the object.
  const stream = await deps.blobs.stream(deps.config.SAMPLES_BUCKET, upload.key, pinOf(upload));
  let records: unknown[];
  try {
    records = await readHeadRecords(stream, { fileName: upload.fileName });
  } catch (error) {
    // An unreadable file is the analyzer's to report, with the line to fix.
    if (error instanceof AnalysisInputError) return;
    throw error;
  } finally {
    (stream as { destroy?: () => void }).destroy?.();
  }
  try {
    checkFieldOverrides(fields, records, upload.fileName);
  } catch (error) {
    if (!(error instanceof FieldMappingError)) throw error;
    const message = error.message.charAt(0).toUpperCase() + error.message.slice(1);
    throw new ValidationError(message, [{ path: `${path}.${error.slot}`, message }], {
      cause: error,
    });
  }
}
