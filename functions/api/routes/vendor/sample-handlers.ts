import { randomBytes } from 'node:crypto';
import type { RouteHandler } from '@hono/zod-openapi';
import { can, refusal } from '../../../core/assessment/state-machine';
import {
  ConflictError,
  NotFoundError,
  PayloadTooLargeError,
  ValidationError,
} from '../../../lib/errors';
import type { Sample } from '../../../store/samples';
import type { AppEnv } from '../../env';
import { loadAssessment } from '../../services/assessments';
import { actingContact } from '../../services/attribution';
import { checkMappingAgainstUpload } from '../../services/field-mapping';
import { withImageSummary } from '../../services/image-summaries';
import { checkSameSize } from '../../services/same-file';
import { recordSampleRegistered } from '../../services/sample-events';
import { supersede } from '../../services/sample-replacement';
import { uploadPlan } from '../../services/sample-upload-plan';
import { sampleKey, toSampleView } from '../../services/samples';
import type { createSample, getSample } from './routes';

/** Most sample files one assessment may hold. */
export const maxSamplesPerAssessment = 20;
/** Presigned upload URLs live this long. */
export const uploadTtlSeconds = 15 * 60;

/**
 * The upload URL as an absolute URL: S3's own in AWS; locally the portal's origin (the embedded
 * S3 is mounted under `/_s3` on the same port), so clients need no base to resolve it.
 */
export function absoluteUrl(url: string, base: string): string {
  return new URL(url, base).toString();
}

/** The size limit as a person reads it (GiB, or bytes for small test limits). */
function limitText(bytes: number): string {
  const gib = bytes / 1024 ** 3;
  return Number.isInteger(gib) ? `${gib} GiB (${bytes} bytes)` : `${bytes} bytes`;
}

/**
 * Registers a sample. A file up to the multipart threshold gets a presigned PUT bound to its
 * length and type; a bigger one a multipart upload (then part URLs, list, complete). Earlier
 * samples of the role keep counting until the new file arrives.
 */
export const createSampleHandler: RouteHandler<typeof createSample, AppEnv> = async (c) => {
  const { deps, vendor } = c.var;
  const body = c.req.valid('json');
  const a = await loadAssessment(deps, vendor.organizationId, vendor.assessmentId);
  if (!can(a.status, 'save_answers')) throw new ConflictError(refusal(a.status, 'save_answers'));
  const limit = deps.config.MAX_SAMPLE_BYTES;
  if (body.sizeBytes > limit) {
    throw new PayloadTooLargeError(
      `The file is ${body.sizeBytes} bytes; the limit is ${limitText(limit)}. Upload a smaller sample (a random subset is fine).`,
    );
  }
  const existing = await deps.repos.samples.list(a.organizationId, a.id);
  if (body.replaces) {
    const replaced = existing.find((s) => s.sampleId === body.replaces);
    if (!replaced || replaced.status === 'awaiting_upload') {
      const message = replaced
        ? 'that sample was never uploaded: upload the file first'
        : 'no such sample in this assessment';
      throw new ValidationError(`"replaces": ${message}.`, [{ path: 'replaces', message }]);
    }
    checkSameSize(replaced, body);
    await checkMappingAgainstUpload(deps, replaced, body.fields);
  }
  const slot = await deps.repos.samples.reserveSlot(
    a.organizationId,
    a.id,
    existing.length,
    maxSamplesPerAssessment,
  );
  if (!slot) {
    throw new ConflictError(
      `An assessment holds at most ${maxSamplesPerAssessment} samples; this one is full.`,
    );
  }
  const now = deps.clock();
  const sampleId = deps.newId(now);
  const key = sampleKey(a.organizationId, a.id, sampleId);
  const metadata = { 'original-name': encodeURIComponent(body.fileName), role: body.role };
  const plan = uploadPlan(body.sizeBytes, deps.config);
  const sample: Sample = {
    sampleId,
    organizationId: a.organizationId,
    assessmentId: a.id,
    role: body.role,
    fileName: body.fileName,
    contentType: body.contentType,
    sizeBytes: body.sizeBytes,
    key,
    fieldOverrides: body.fields ?? {},
    declaredSha256: body.sha256?.toLowerCase() ?? null,
    uploadedBy: actingContact(vendor, a),
    status: 'awaiting_upload',
    error: null,
    sha256: null,
    objectETag: null,
    analysisKey: null,
    partialKey: null,
    summary: null,
    // the spot-check pool's secret: 128 random bits, in no view, so no one can steer the draw
    drawKey: randomBytes(16).toString('base64url'),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 1,
  };
  try {
    if (plan.mode === 'multipart') {
      const uploadId = await deps.multipart.create(deps.config.SAMPLES_BUCKET, key, {
        contentType: body.contentType,
        metadata,
      });
      sample.multipart = { uploadId, partSize: plan.partSize, partCount: plan.partCount };
    }
    await deps.repos.samples.create(sample);
  } catch (error) {
    await deps.repos.samples.releaseSlot(a.organizationId, a.id);
    throw error;
  }
  // One sample per role: never-uploaded ones go now; uploaded ones when this file arrives.
  const { retired, pending } = await supersede(deps, existing, body.role);
  await recordSampleRegistered(deps, a, vendor, sample, pending);
  const common = {
    sampleId,
    replaced: retired.map((s) => s.sampleId),
    retiresOnUpload: pending.map((s) => s.sampleId),
  };
  if (sample.multipart) {
    const { uploadId, partSize, partCount } = sample.multipart;
    return c.json(
      { ...common, upload: { mode: 'multipart' as const, uploadId, partSize, partCount } },
      201,
    );
  }
  const target = await deps.presigner({
    bucket: deps.config.SAMPLES_BUCKET,
    key,
    contentType: body.contentType,
    contentLength: body.sizeBytes,
    metadata,
    expiresInSeconds: uploadTtlSeconds,
    now,
  });
  return c.json(
    {
      ...common,
      upload: { mode: 'single' as const },
      uploadUrl: absoluteUrl(target.url, deps.config.PUBLIC_BASE_URL ?? c.req.url),
      uploadHeaders: target.headers,
      expiresAt: target.expiresAt,
    },
    201,
  );
};

/** Status of one of the vendor's samples. */
export const getSampleHandler: RouteHandler<typeof getSample, AppEnv> = async (c) => {
  const { deps, vendor } = c.var;
  const sample = await deps.repos.samples.get(
    vendor.organizationId,
    vendor.assessmentId,
    c.req.valid('param').sampleId,
  );
  if (!sample) throw new NotFoundError('No such sample in this assessment.');
  return c.json(toSampleView(await withImageSummary(deps, sample)), 200);
};
