import { AnalysisInputError } from '../core/analysis/errors';
import { AmbiguousTextFieldError, requireTextChoice } from '../core/analysis/fields/candidates';
import { readHeadRecords } from '../core/analysis/fields/head';
import type { BlobStore } from '../store/blob-store';
import { pinOf } from './pin';
import type { Upload } from './uploads';

/**
 * A reference names the field it is read from: when none was named and the file's first records
 * hold several text-like fields, the message asking for one (naming them); else undefined.
 * Reading the wrong column silently (a prompt column as "known-human") would skew every estimate.
 */
export async function referenceTextProblem(
  blobs: Pick<BlobStore, 'stream'>,
  object: { bucket: string; key: string },
  upload: Upload,
): Promise<string | undefined> {
  if (upload.role !== 'reference' || upload.fieldOverrides.text) return undefined;
  const stream = await blobs.stream(object.bucket, object.key, pinOf(upload));
  try {
    requireTextChoice(
      await readHeadRecords(stream, { fileName: upload.fileName }),
      undefined,
      upload.fileName,
    );
    return undefined;
  } catch (error) {
    if (error instanceof AmbiguousTextFieldError) return error.message;
    // an unreadable file is the analysis's to report, with the line to fix
    if (error instanceof AnalysisInputError) return undefined;
    throw error;
  } finally {
    (stream as { destroy?: () => void }).destroy?.();
  }
}
