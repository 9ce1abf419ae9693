import type { RouteHandler } from '@hono/zod-openapi';
import { referenceKey } from '../../../analyze/uploads';
import { ConflictError, PayloadTooLargeError } from '../../../lib/errors';
import { REFERENCE_SCOPE, type ReferenceSample } from '../../../store/references';
import type { AppEnv } from '../../env';
import {
  loadReference,
  maxReferencesPerOrganization,
  toReferenceView,
} from '../../services/references';
import { uploadTtlSeconds } from '../vendor/sample-handlers';
import type { createReference, deleteReference, getReference, listReferences } from './routes';

/** The organization's library. */
export const listReferencesHandler: RouteHandler<typeof listReferences, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const items = await deps.repos.references.list(staff.organizationId);
  return c.json({ items: items.map(toReferenceView) }, 200);
};

/** The largest object one S3 PUT may write (5 GiB). */
export const SINGLE_PUT_MAX_BYTES = 5 * 1024 ** 3;

/** Registers a reference and returns a presigned PUT bound to its length and type. */
export const createReferenceHandler: RouteHandler<typeof createReference, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const body = c.req.valid('json');
  const org = staff.organizationId;
  // References upload in one presigned PUT, which S3 caps at 5 GiB whatever the sample limit.
  const limit = Math.min(deps.config.MAX_SAMPLE_BYTES, SINGLE_PUT_MAX_BYTES);
  if (body.sizeBytes > limit) {
    throw new PayloadTooLargeError(
      `The file is ${body.sizeBytes} bytes; the limit is ${limit} bytes. Upload a smaller reference (a random subset is fine).`,
    );
  }
  const existing = await deps.repos.references.list(org);
  // the counter, not the list, decides: concurrent registrations all read the same list
  if (
    !(await deps.repos.references.reserveSlot(org, existing.length, maxReferencesPerOrganization))
  ) {
    throw new ConflictError(
      `The library holds at most ${maxReferencesPerOrganization} reference samples; delete one you no longer use.`,
    );
  }
  const now = deps.clock();
  const referenceId = deps.newId(now);
  const key = referenceKey(org, referenceId);
  const reference: ReferenceSample = {
    sampleId: referenceId,
    organizationId: org,
    assessmentId: REFERENCE_SCOPE,
    role: 'reference',
    name: body.name,
    kind: body.kind,
    generator: body.kind === 'machine' ? (body.generator ?? null) : null,
    description: body.description,
    createdBy: staff.email,
    attachedTo: [],
    fileName: body.fileName,
    contentType: body.contentType,
    sizeBytes: body.sizeBytes,
    key,
    fieldOverrides: body.fields ?? {},
    status: 'awaiting_upload',
    error: null,
    sha256: null,
    objectETag: null,
    analysisKey: null,
    partialKey: null,
    summary: null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 1,
  };
  try {
    await deps.repos.references.create(reference);
  } catch (error) {
    await deps.repos.references.releaseSlot(org);
    throw error;
  }
  const target = await deps.presigner({
    bucket: deps.config.SAMPLES_BUCKET,
    key,
    contentType: body.contentType,
    contentLength: body.sizeBytes,
    metadata: { 'original-name': encodeURIComponent(body.fileName), role: 'reference' },
    expiresInSeconds: uploadTtlSeconds,
    now,
  });
  return c.json(
    {
      referenceId,
      uploadUrl: target.url,
      uploadHeaders: target.headers,
      expiresAt: target.expiresAt,
    },
    201,
  );
};

/** One reference of the library. */
export const getReferenceHandler: RouteHandler<typeof getReference, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const ref = await loadReference(deps, staff.organizationId, c.req.valid('param').referenceId);
  return c.json(toReferenceView(ref), 200);
};

/** Removes a reference that no assessment uses. */
export const deleteReferenceHandler: RouteHandler<typeof deleteReference, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const ref = await loadReference(deps, staff.organizationId, c.req.valid('param').referenceId);
  if (ref.attachedTo.length > 0) {
    const names = await Promise.all(
      ref.attachedTo.map(async (x) => {
        const a = await deps.repos.assessments.get(ref.organizationId, x.assessmentId);
        return a ? `"${a.dataset.name}" (${a.vendor.name})` : x.assessmentId;
      }),
    );
    throw new ConflictError(
      `"${ref.name}" calibrates ${names.length === 1 ? 'the assessment' : 'the assessments'} ${names.join(', ')}; detach it there first.`,
    );
  }
  await deps.repos.references.remove(ref.organizationId, ref.sampleId, ref.version);
  await deps.repos.references.releaseSlot(ref.organizationId);
  return c.body(null, 204);
};
