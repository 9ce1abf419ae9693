import type { Config } from '../../lib/config';
import { multipartLimits } from '../../store/multipart-contract';

/** How a file of some size uploads: one presigned PUT, or parts of `partSize` bytes. */
export type UploadPlan =
  | { mode: 'single' }
  | { mode: 'multipart'; partSize: number; partCount: number };

const MiB = 1024 ** 2;

/**
 * Files over `MULTIPART_THRESHOLD_BYTES` upload in parts of `MULTIPART_PART_BYTES`, grown (in whole
 * MiB) when the file would otherwise need more than S3's 10,000 parts.
 */
export function uploadPlan(
  sizeBytes: number,
  config: Pick<Config, 'MULTIPART_THRESHOLD_BYTES' | 'MULTIPART_PART_BYTES'>,
): UploadPlan {
  if (sizeBytes <= config.MULTIPART_THRESHOLD_BYTES) return { mode: 'single' };
  const fewest = Math.ceil(Math.ceil(sizeBytes / multipartLimits.maxParts) / MiB) * MiB;
  const partSize = Math.min(
    multipartLimits.maxPartBytes,
    Math.max(config.MULTIPART_PART_BYTES, fewest, multipartLimits.minPartBytes),
  );
  return { mode: 'multipart', partSize, partCount: Math.ceil(sizeBytes / partSize) };
}

/** The exact length of part `n` (1-based): `partSize`, except the last holds the rest. */
export function partLength(
  sizeBytes: number,
  plan: { partSize: number; partCount: number },
  n: number,
): number {
  return n < plan.partCount ? plan.partSize : sizeBytes - plan.partSize * (plan.partCount - 1);
}
