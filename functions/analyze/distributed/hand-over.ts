import type { Upload } from '../uploads';
import { type StartDeps, startDistributed } from './start';

/**
 * A one pass that ran out of Lambda's time hands its sample to the distributed workflow instead
 * of failing it: the claim (`analyzing`, this upload's ETag) stays, and an execution named from
 * the sample id and ETag starts. The plan refuses what cannot be split, with its own message.
 */
export async function handOverTimedOut(
  deps: StartDeps,
  object: { bucket: string; key: string; size: number },
  sample: Upload,
  size: number,
): Promise<void> {
  deps.logger.warn('one pass out of time: handed to the distributed workflow', {
    key: object.key,
    size,
  });
  await startDistributed(deps, object, sample, sample.objectETag as string, size);
}
