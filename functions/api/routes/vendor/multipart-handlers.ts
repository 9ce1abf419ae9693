import type { RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { can, refusal } from '../../../core/assessment/state-machine';
import { ConflictError, NotFoundError, ValidationError } from '../../../lib/errors';
import type { MultipartTarget } from '../../../store/multipart-contract';
import type { Sample, SampleMultipart } from '../../../store/samples';
import type { AppEnv } from '../../env';
import { loadAssessment } from '../../services/assessments';
import { completionProblems, missingParts } from '../../services/multipart-parts';
import { retireReplaced } from '../../services/sample-replacement';
import { retireSample } from '../../services/sample-selection';
import { partLength } from '../../services/sample-upload-plan';
import { toSampleView } from '../../services/samples';
import type { abortUpload, completeUpload, listParts, presignParts } from './multipart-routes';
import { absoluteUrl, uploadTtlSeconds } from './sample-handlers';

type Pending = Sample & { multipart: SampleMultipart };

/** The vendor's sample awaiting a multipart upload (404 / 409 otherwise), and its S3 target. */
async function pendingUpload(c: Context<AppEnv>, sampleId: string, writing: boolean) {
  const { deps, vendor } = c.var;
  const sample = await deps.repos.samples.get(vendor.organizationId, vendor.assessmentId, sampleId);
  if (!sample) throw new NotFoundError('No such sample in this assessment.');
  if (!sample.multipart) {
    throw new ConflictError(
      'This sample uploads in one PUT (it is under the multipart threshold): use its upload URL.',
    );
  }
  if (sample.status !== 'awaiting_upload') {
    throw new ConflictError(
      'This sample’s file has already been uploaded; to change it, upload the file again as a new sample.',
    );
  }
  if (writing) {
    const a = await loadAssessment(deps, vendor.organizationId, vendor.assessmentId);
    if (!can(a.status, 'save_answers')) throw new ConflictError(refusal(a.status, 'save_answers'));
  }
  const target: MultipartTarget = {
    bucket: deps.config.SAMPLES_BUCKET,
    key: sample.key,
    uploadId: sample.multipart.uploadId,
  };
  return { sample: sample as Pending, target };
}

const gone = () =>
  new ConflictError(
    'This multipart upload no longer exists (it was aborted, or expired unfinished): register the file again.',
  );

/** Presigned UploadPart URLs for the requested parts, each bound to its exact length. */
export const presignPartsHandler: RouteHandler<typeof presignParts, AppEnv> = async (c) => {
  const { deps } = c.var;
  const { sample, target } = await pendingUpload(c, c.req.valid('param').sampleId, true);
  const { partNumbers } = c.req.valid('json');
  const { partCount } = sample.multipart;
  const errors = partNumbers.flatMap((n, i) =>
    n > partCount
      ? [
          {
            path: `partNumbers.${i}`,
            message: `this upload has ${partCount} parts (1 to ${partCount}); there is no part ${n}`,
          },
        ]
      : [],
  );
  if (errors.length) throw new ValidationError('Some part numbers are out of range.', errors);
  const now = deps.clock();
  const base = deps.config.PUBLIC_BASE_URL ?? c.req.url;
  const parts = await Promise.all(
    [...new Set(partNumbers)].map(async (partNumber) => {
      const sizeBytes = partLength(sample.sizeBytes, sample.multipart, partNumber);
      const signed = await deps.partPresigner({
        ...target,
        partNumber,
        contentLength: sizeBytes,
        expiresInSeconds: uploadTtlSeconds,
        now,
      });
      return { partNumber, url: absoluteUrl(signed.url, base), sizeBytes };
    }),
  );
  const expiresAt = new Date(now.getTime() + uploadTtlSeconds * 1000).toISOString();
  return c.json({ parts, expiresAt }, 200);
};

/** The parts S3 already holds (ListParts), so a client resumes without re-sending them. */
export const listPartsHandler: RouteHandler<typeof listParts, AppEnv> = async (c) => {
  const { deps } = c.var;
  const { sample, target } = await pendingUpload(c, c.req.valid('param').sampleId, false);
  const stored = await deps.multipart.listParts(target);
  if (!stored) throw gone();
  const { partSize, partCount } = sample.multipart;
  const parts = stored.filter((p) => p.partNumber <= partCount);
  return c.json(
    {
      partSize,
      partCount,
      parts,
      missing: missingParts(
        partCount,
        parts.map((p) => p.partNumber),
      ),
      uploadedBytes: parts.reduce((sum, p) => sum + p.sizeBytes, 0),
    },
    200,
  );
};

/** Checks the listed parts against S3's, completes the upload, then checks the object's size. */
export const completeUploadHandler: RouteHandler<typeof completeUpload, AppEnv> = async (c) => {
  const { deps } = c.var;
  const { sample, target } = await pendingUpload(c, c.req.valid('param').sampleId, true);
  const listed = c.req.valid('json').parts;
  const stored = await deps.multipart.listParts(target);
  if (!stored) throw gone();
  const errors = completionProblems(sample.sizeBytes, sample.multipart, listed, stored);
  if (errors.length) {
    throw new ValidationError('The parts listed do not match the uploaded parts.', errors);
  }
  const sorted = [...listed].sort((a, b) => a.partNumber - b.partNumber);
  await deps.multipart.complete(target, sorted);
  const head = await deps.blobs.head(target.bucket, target.key);
  if (!head || head.size !== sample.sizeBytes) {
    throw new ConflictError(
      `The joined file has ${head?.size ?? 0} bytes but ${sample.sizeBytes} were declared. Register the file again with its exact size and upload it once more.`,
    );
  }
  await retireReplaced(deps, sample);
  const now = await deps.repos.samples.get(
    sample.organizationId,
    sample.assessmentId,
    sample.sampleId,
  );
  return c.json(toSampleView(now ?? sample), 200);
};

/** Aborts the multipart upload (its parts are discarded) and releases the sample's slot. */
export const abortUploadHandler: RouteHandler<typeof abortUpload, AppEnv> = async (c) => {
  const { deps } = c.var;
  const { sample, target } = await pendingUpload(c, c.req.valid('param').sampleId, false);
  await deps.multipart.abort(target);
  await retireSample(deps, sample);
  return c.body(null, 204);
};
