import type { Analysis } from '../../core/analysis/types';
import type { Assessment } from '../../core/assessment/types';
import { NotFoundError } from '../../lib/errors';
import type { ReferenceKind, ReferenceSample } from '../../store/references';
import type { AppDeps } from '../env';

/** Most reference samples one organization's library holds. */
export const maxReferencesPerOrganization = 50;

/** A reference's kind (references stored before kinds existed are human). */
export const kindOf = (r: Pick<ReferenceSample, 'kind'>): ReferenceKind => r.kind ?? 'human';

/** The field the latest analysis read the text from ("prompt + response" for several); null before. */
export function readField(r: Pick<ReferenceSample, 'summary'>): string | null {
  const text = r.summary?.fields.text;
  if (typeof text === 'string') return text;
  if (Array.isArray(text) && text.length > 0) return text.map(String).join(' + ');
  return null;
}

/** The public view of a reference (no storage keys, no organization). */
export function toReferenceView(r: ReferenceSample) {
  return {
    referenceId: r.sampleId,
    name: r.name,
    kind: kindOf(r),
    generator: kindOf(r) === 'machine' ? (r.generator ?? null) : null,
    description: r.description,
    fileName: r.fileName,
    role: r.role,
    sizeBytes: r.sizeBytes,
    status: r.status,
    error: r.error,
    sha256: r.sha256,
    summary: r.summary,
    readField: readField(r),
    createdBy: r.createdBy,
    attachedTo: r.attachedTo.map((a) => ({
      assessmentId: a.assessmentId,
      attachedAt: a.attachedAt,
    })),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** Loads a reference of `org`; other organizations' ids are simply not found. */
export async function loadReference(
  deps: Pick<AppDeps, 'repos'>,
  org: string,
  referenceId: string,
): Promise<ReferenceSample> {
  const r = await deps.repos.references.get(org, referenceId);
  if (!r)
    throw new NotFoundError(`No reference sample ${referenceId} in your organization's library.`);
  return r;
}

/** The human reference attached to an assessment (the latest attachment wins), if any. */
export async function attachedReference(
  deps: Pick<AppDeps, 'repos'>,
  a: Pick<Assessment, 'organizationId' | 'id'>,
): Promise<ReferenceSample | undefined> {
  const library = await deps.repos.references.list(a.organizationId);
  let best: { ref: ReferenceSample; at: string } | undefined;
  for (const ref of library.filter((r) => kindOf(r) === 'human')) {
    const link = ref.attachedTo.find((x) => x.assessmentId === a.id);
    if (link && (!best || link.attachedAt > best.at)) best = { ref, at: link.attachedAt };
  }
  return best?.ref;
}

/** The stored analysis of an analyzed reference, or undefined while it is not usable. */
export async function referenceAnalysis(
  deps: Pick<AppDeps, 'blobs' | 'config'>,
  ref: ReferenceSample | undefined,
): Promise<Analysis | undefined> {
  if (ref?.status !== 'analyzed' || !ref.analysisKey) return undefined;
  return JSON.parse(
    await deps.blobs.getText(deps.config.SAMPLES_BUCKET, ref.analysisKey),
  ) as Analysis;
}

/** What a report says about the reference it was calibrated against. */
export function referenceNote(
  ref: ReferenceSample | undefined,
  calibrated: boolean,
  message?: string,
) {
  if (!ref) return null;
  const waiting =
    ref.status === 'analyzed'
      ? undefined
      : ref.status === 'awaiting_upload' || ref.status === 'analyzing'
        ? 'The reference is not analyzed yet; the report is redone when it is.'
        : `The reference cannot be used: ${ref.error ?? 'its analysis failed'}`;
  return {
    referenceId: ref.sampleId,
    name: ref.name,
    status: ref.status,
    records: ref.summary?.records ?? null,
    calibrated,
    message: waiting ?? message ?? null,
  };
}
