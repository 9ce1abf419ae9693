import { defaultAwsClients } from '../../lib/aws-clients';
import { loadConfig } from '../../lib/config';
import { createBlobStore } from '../../store/blob-store';
import { createFoldHandler } from './fold';
import type { FoldOutput, ManifestItem } from './types';

const config = loadConfig();
const fold = createFoldHandler({ blobs: createBlobStore(defaultAwsClients(config).s3) });

/** Distributed Map child: folds one manifest item's byte range into a stored partial. */
export async function handler(event: ManifestItem): Promise<FoldOutput> {
  return fold(event);
}
