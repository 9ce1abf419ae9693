import type { Sample } from '../../store/samples';

/** The public view of a sample (no storage keys, no organization). */
export function toSampleView(s: Sample) {
  return {
    sampleId: s.sampleId,
    fileName: s.fileName,
    role: s.role,
    sizeBytes: s.sizeBytes,
    status: s.status,
    error: s.error,
    sha256: s.sha256,
    progress: s.status === 'analyzing' ? (s.progress ?? null) : null,
    upload:
      s.multipart && s.status === 'awaiting_upload'
        ? {
            mode: 'multipart' as const,
            partSize: s.multipart.partSize,
            partCount: s.multipart.partCount,
          }
        : null,
    summary: s.summary,
    purgedAt: s.purgedAt ?? null,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

/** The object key the server builds for a sample; the vendor's file name never enters it. */
export function sampleKey(org: string, assessmentId: string, sampleId: string): string {
  return `samples/${org}/${assessmentId}/${sampleId}`;
}

/** Parses a sample key back into its parts; undefined for keys we did not build. */
export function parseSampleKey(key: string) {
  const m = /^samples\/([a-z0-9-]{1,64})\/([a-z0-9]{26})\/([a-z0-9]{26})$/.exec(key);
  return m
    ? { organizationId: m[1] as string, assessmentId: m[2] as string, sampleId: m[3] as string }
    : undefined;
}
