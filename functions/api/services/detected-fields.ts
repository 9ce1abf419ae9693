import type { Upload } from '../../analyze/uploads';
import { AnalysisInputError } from '../../core/analysis/errors';
import { type FieldChoice, fieldChoices } from '../../core/analysis/fields/candidates';
import { detectFields } from '../../core/analysis/fields/detect';
import { readHeadRecords } from '../../core/analysis/fields/head';
import type { FieldMapping } from '../../core/analysis/types';
import { ConflictError, ValidationError } from '../../lib/errors';
import { pinOf } from '../../store/object-pin';
import type { AppDeps } from '../env';

/** Most fields listed (a file with thousands of columns lists its first ones). */
const MAX_FIELDS = 200;

/** The fields of a stored file and the mapping in use, for choosing a field instead of typing it. */
export interface DetectedFields {
  /** Records read from the head of the file to list these. */
  recordsRead: number;
  fields: FieldChoice[];
  /** Field per slot as the analysis read it (or would read it, before the first analysis). */
  chosen: Partial<Record<keyof FieldMapping, string | string[]>>;
  /** The fields the uploader named (empty: all detected). */
  overrides: Record<string, string>;
}

/** Refuses (409) work on a file that is not stored: never uploaded, or deleted under retention. */
export function requireStoredFile(u: Upload): void {
  if (u.status === 'awaiting_upload')
    throw new ConflictError('The file has not been uploaded yet: upload it first.');
  if (u.purgedAt || !u.objectETag)
    throw new ConflictError(
      'The file was deleted under the retention policy: upload it again to change its fields.',
    );
}

/**
 * Reads the head of the stored object (the bytes that were analyzed, pinned) and lists its fields
 * with examples, and which field each slot reads. Bounded: the first 200 records or 64 KiB.
 */
export async function detectedFields(
  deps: Pick<AppDeps, 'blobs' | 'config'>,
  u: Upload,
): Promise<DetectedFields> {
  requireStoredFile(u);
  const stream = await deps.blobs.stream(deps.config.SAMPLES_BUCKET, u.key, pinOf(u));
  let records: unknown[];
  try {
    records = await readHeadRecords(stream, { fileName: u.fileName });
  } catch (error) {
    if (!(error instanceof AnalysisInputError)) throw error;
    const message = `The file could not be read: ${error.message}. Upload a readable file.`;
    throw new ValidationError(message, [{ path: 'file', message }], { cause: error });
  } finally {
    (stream as { destroy?: () => void }).destroy?.();
  }
  return {
    recordsRead: records.length,
    fields: fieldChoices(records).slice(0, MAX_FIELDS),
    chosen: chosenFields(u, records),
    overrides: u.fieldOverrides ?? {},
  };
}

function chosenFields(u: Upload, records: unknown[]): DetectedFields['chosen'] {
  const analyzed = u.summary?.fields as DetectedFields['chosen'] | undefined;
  if (analyzed && Object.keys(analyzed).length > 0) return analyzed;
  try {
    return { ...detectFields(records, u.fieldOverrides as Partial<FieldMapping>) };
  } catch {
    // no text field found: the list alone lets the uploader name one
    return {};
  }
}
