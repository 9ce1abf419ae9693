import { parseSampleKey } from '../api/services/samples';
import { REFERENCE_SCOPE } from '../store/reference-keys';
import type { ReferenceSample } from '../store/references';
import type { Repositories } from '../store/repositories';
import type { Sample } from '../store/samples';

/** Anything uploaded to the samples bucket and analyzed: a vendor's sample or a buyer's reference. */
export type Upload = Sample | ReferenceSample;

/** The object key of a reference sample (same prefix as vendor samples, so the same trigger fires). */
export function referenceKey(org: string, referenceId: string): string {
  return `samples/${org}/${REFERENCE_SCOPE}/${referenceId}`;
}

/** Which upload an object key belongs to; undefined for keys we did not build. */
export function parseUploadKey(
  key: string,
): { organizationId: string; scope: string; sampleId: string } | undefined {
  const sample = parseSampleKey(key);
  if (sample) return { ...sample, scope: sample.assessmentId };
  const m = /^samples\/([a-z0-9-]{1,64})\/references\/([a-z0-9]{26})$/.exec(key);
  return m
    ? { organizationId: m[1] as string, scope: REFERENCE_SCOPE, sampleId: m[2] as string }
    : undefined;
}

/** The upload repositories' reads by key (store/upload-readers.ts holds just these). */
export interface UploadLookups {
  samples: Pick<Repositories['samples'], 'get'>;
  references: Pick<Repositories['references'], 'get'>;
}

/** Reads uploads of either kind through their own repositories' reads by key. */
export function uploadReader(repos: UploadLookups) {
  return {
    get(ids: { organizationId: string; scope: string; sampleId: string }) {
      return ids.scope === REFERENCE_SCOPE
        ? repos.references.get(ids.organizationId, ids.sampleId)
        : repos.samples.get(ids.organizationId, ids.scope, ids.sampleId);
    },
  };
}

/** Reads and saves uploads of either kind through their own repositories. */
export function uploadRepo(repos: {
  samples: Pick<Repositories['samples'], 'get' | 'save'>;
  references: Pick<Repositories['references'], 'get' | 'save'>;
}) {
  return {
    get: uploadReader(repos).get,
    save(next: Upload): Promise<void> {
      return next.role === 'reference' ? repos.references.save(next) : repos.samples.save(next);
    },
  };
}

/** The next version of `upload`, failed with `message` (what the vendor reads) at `now`. */
export function failedUpload<T extends Upload>(upload: T, message: string, now: Date): T {
  return {
    ...upload,
    status: 'failed',
    error: message,
    progress: null,
    updatedAt: now.toISOString(),
    version: upload.version + 1,
  };
}
