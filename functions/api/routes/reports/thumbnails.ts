import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { AnalysisInputError } from '../../../core/analysis/errors';
import { UndecodableImageError } from '../../../core/analysis/images/decode';
import { peekArchive } from '../../../core/analysis/images/dispatch';
import { defaultImageLimits } from '../../../core/analysis/images/limits';
import {
  readArchiveEntry,
  renderThumbnail,
  THUMBNAIL_SIZE,
  THUMBNAIL_TYPE,
} from '../../../core/analysis/images/thumbnail';
import { readZipEntryByRange } from '../../../core/analysis/images/zip-range';
import { ConflictError, NotFoundError, UnprocessableError } from '../../../lib/errors';
import { pinOf } from '../../../store/object-pin';
import type { AppEnv } from '../../env';
import { requireStaff } from '../../middleware/staff-auth';
import { IdParam } from '../../schemas/assessment';
import { errorResponses, readErrors } from '../../schemas/problem';
import * as z from '../../schemas/zod';
import { loadAssessment } from '../../services/assessments';
import { retentionReason } from '../../services/retention-notes';
import { SampleIdParam } from '../vendor/schemas';

/** GET /api/assessments/{id}/samples/{sampleId}/thumbnail?file=… */
export const getThumbnail = createRoute({
  method: 'get',
  path: '/assessments/{id}/samples/{sampleId}/thumbnail',
  operationId: 'getSampleImageThumbnail',
  tags: ['reports'],
  summary: 'A small re-encoded picture of one image in an image archive (never the original bytes)',
  description: `Decodes the named file of the stored archive with the analysis caps and returns a WebP that fits inside ${THUMBNAIL_SIZE} × ${THUMBNAIL_SIZE} pixels, with no metadata.`,
  security: [{ staffJwt: [] }],
  middleware: [requireStaff()] as const,
  request: {
    params: IdParam.extend(SampleIdParam.shape),
    query: z.strictObject({
      file: z
        .string()
        .min(1)
        .max(1024)
        .openapi({ description: 'The file name inside the archive', example: 'photos/cat.png' }),
    }),
  },
  responses: {
    200: {
      description: 'The thumbnail',
      headers: z.object({
        'Cache-Control': z.string().openapi({ example: 'private, max-age=3600' }),
      }),
      content: {
        [THUMBNAIL_TYPE]: {
          schema: z.string().openapi({ format: 'binary', example: 'RIFF…WEBPVP8 …' }),
          example: 'RIFF…WEBPVP8 …',
        },
      },
    },
    ...errorResponses(...readErrors, 409, 422),
  },
});

/** Streams the sample's archive to the named entry and answers with its thumbnail. */
export const getThumbnailHandler: RouteHandler<typeof getThumbnail, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const { id, sampleId } = c.req.valid('param');
  const { file } = c.req.valid('query');
  const a = await loadAssessment(deps, staff.organizationId, id);
  const sample = await deps.repos.samples.get(a.organizationId, a.id, sampleId);
  if (!sample) throw new NotFoundError('No such sample in this assessment.');
  if (sample.purgedAt) throw new ConflictError(retentionReason(sample.purgedAt));
  if (!sample.key) throw new NotFoundError('The sample has no stored file.');
  const bucket = deps.config.SAMPLES_BUCKET;
  const pin = pinOf(sample);
  const stream = await deps.blobs.stream(bucket, sample.key, pin);
  const { kind, source } = await peekArchive(stream, sample.fileName);
  if (!kind) throw new NotFoundError('The sample is not an image archive, so it has no pictures.');
  let picture: Buffer;
  try {
    let bytes: Buffer | null;
    if (kind === 'zip') {
      // a zip is read by ranges: its central directory, then the one entry (not the whole file)
      (source as { return?: () => unknown }).return?.();
      (stream as { destroy?: () => void }).destroy?.();
      const size = (await deps.blobs.head(bucket, sample.key, pin))?.size ?? sample.sizeBytes;
      const read = (start: number, end: number) =>
        deps.blobs.streamRange(bucket, sample.key, start, end, pin);
      bytes = (await readZipEntryByRange(read, size, file, defaultImageLimits)).bytes;
    } else bytes = await readArchiveEntry(source, kind, file, defaultImageLimits);
    if (!bytes) throw new NotFoundError(`No file named ${file} in the sample's archive.`);
    picture = await renderThumbnail(file, bytes, defaultImageLimits.maxPixels);
  } catch (e) {
    if (e instanceof AnalysisInputError || e instanceof UndecodableImageError)
      throw new UnprocessableError((e as Error).message, { cause: e });
    throw e;
  }
  return c.body(new Uint8Array(picture), 200, {
    'Content-Type': THUMBNAIL_TYPE,
    'Cache-Control': 'private, max-age=3600',
    'X-Content-Type-Options': 'nosniff',
  });
};
