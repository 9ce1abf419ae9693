import { parseUploadKey, type Upload } from '../analyze/uploads';
import type { StoredUpload, StoredVersion } from '../store/orphan-storage';
import { finalSampleStatuses } from '../store/sample-keys';

/** Objects and uploads younger than this are left alone (a registration or analysis in flight). */
export const ORPHAN_GRACE_MS = 6 * 3_600_000;

/** The sample or reference a key of the samples bucket belongs to. */
export interface KeyOwner {
  organizationId: string;
  scope: string;
  sampleId: string;
  /** `upload`: the uploaded file; `derived`: its analysis or partial. */
  kind: 'upload' | 'derived';
}

/** `analyses/<org>/<scope>/<id>.json` and `partials/<org>/<scope>/<id>.bin` (analysisKeys). */
const DERIVED =
  /^(analyses|partials)\/([a-z0-9-]{1,64})\/([a-z0-9]{26}|references)\/([a-z0-9]{26})\.(json|bin)$/;

/** Who owns `key`; undefined for a key the portal never builds (nothing live can own it). */
export function ownerOf(key: string): KeyOwner | undefined {
  const upload = parseUploadKey(key);
  if (upload) return { ...upload, kind: 'upload' };
  const m = DERIVED.exec(key);
  if (!m || (m[1] === 'analyses') !== (m[5] === 'json')) return undefined;
  const [org, scope, id] = [m[2], m[3], m[4]];
  return {
    organizationId: org as string,
    scope: scope as string,
    sampleId: id as string,
    kind: 'derived',
  };
}

/** A live record: exists, not retired (tombstone) and not purged under retention. */
export function isLive(record: Upload | undefined): record is Upload {
  return record !== undefined && !record.purgedAt;
}

const young = (at: Date, now: Date) => now.getTime() - at.getTime() < ORPHAN_GRACE_MS;

/**
 * Whether a version stays. Without a live record every version goes. A live sample keeps all
 * versions until its analysis is final; then, where the analysis pinned a version, only that one
 * (a later PUT or delete marker goes, so the pinned bytes are current again).
 */
export function keepVersion(
  v: StoredVersion,
  owner: KeyOwner | undefined,
  record: Upload | undefined,
  now: Date,
): boolean {
  if (young(v.lastModified, now)) return true;
  if (!owner || !isLive(record)) return false;
  if (owner.kind === 'derived' || !finalSampleStatuses.includes(record.status)) return true;
  return !record.objectVersionId || v.versionId === record.objectVersionId;
}

/**
 * Whether a multipart upload stays: only the one its live sample still waits for. Parts written
 * with no upload behind them (s3rver after an abort or completion) go at once.
 */
export function keepUpload(
  u: StoredUpload,
  owner: KeyOwner | undefined,
  record: Upload | undefined,
  now: Date,
): boolean {
  if (u.key === undefined) return false;
  if (young(u.initiated, now)) return true;
  if (owner?.kind !== 'upload' || !isLive(record)) return false;
  return record.status === 'awaiting_upload' && record.multipart?.uploadId === u.uploadId;
}
