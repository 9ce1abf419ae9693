import { type Upload, uploadRepo } from '../../analyze/uploads';
import { ConflictError, ValidationError } from '../../lib/errors';
import type { AppDeps } from '../env';
import { requireStoredFile } from './detected-fields';
import { checkMappingAgainstUpload } from './field-mapping';

type Deps = Pick<AppDeps, 'repos' | 'blobs' | 'config' | 'clock' | 'logger' | 'analysisRequests'>;

const sorted = (m: Record<string, string>) => JSON.stringify(Object.entries(m).sort());

/**
 * Changes the field mapping of an uploaded file and queues its analysis again, on the STORED
 * object (no new upload): the fields are checked against the file's head (400 naming a missing
 * one), the record is compare-and-set to `analyzing` with the new mapping (`queuedAt` marks it
 * unclaimed), and the analyzer's queue gets the object, pinned to the analyzed version and ETag.
 * The analysis then runs as after an upload, re-scoring included. Returns the saved record.
 */
export async function requestReanalysis<T extends Upload>(
  deps: Deps,
  u: T,
  fields: Record<string, string>,
): Promise<T> {
  requireStoredFile(u);
  if (u.status === 'analyzing')
    throw new ConflictError(
      'The file is being analyzed: wait until the analysis finishes, then change its fields.',
    );
  if (sorted(fields) === sorted(u.fieldOverrides ?? {})) {
    const message = 'these are the fields already in use: change one to analyze the file again';
    throw new ValidationError(`"fields": ${message}.`, [{ path: 'fields', message }]);
  }
  await checkMappingAgainstUpload(deps, u, fields);
  const at = deps.clock().toISOString();
  const next: T = {
    ...u,
    fieldOverrides: fields,
    status: 'analyzing',
    error: null,
    progress: null,
    attempts: 0,
    queuedAt: at,
    runs: (u.runs ?? 0) + 1,
    updatedAt: at,
    version: u.version + 1,
  };
  const uploads = uploadRepo(deps.repos);
  await uploads.save(next);
  try {
    await deps.analysisRequests.send({
      bucket: deps.config.SAMPLES_BUCKET,
      key: u.key,
      size: u.sizeBytes,
      ...(u.objectVersionId ? { versionId: u.objectVersionId } : {}),
      ...(u.objectETag ? { eTag: u.objectETag } : {}),
    });
  } catch (error) {
    // nothing will analyze it: put the previous mapping and state back (compare-and-set)
    deps.logger.error('re-analysis could not be queued', { key: u.key, error });
    await uploads
      .save({ ...u, updatedAt: deps.clock().toISOString(), version: next.version + 1 })
      .catch((e: unknown) => deps.logger.error('could not restore the sample', { error: e }));
    throw error;
  }
  return next;
}
