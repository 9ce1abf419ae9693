import { defaultAwsClients } from '../../lib/aws-clients';
import { loadConfig } from '../../lib/config';
import { lambdaObservability, observed } from '../../lib/lambda-observability';
import { createBlobStore } from '../../store/blob-store';
import { createFoldHandler } from './fold';
import type { FoldOutput, ManifestItem } from './types';

const config = loadConfig();
const fold = createFoldHandler({ blobs: createBlobStore(defaultAwsClients(config).s3) });

/** Distributed Map child: folds one manifest item's byte range into a stored partial. */
export const handler = observed(
  lambdaObservability(config),
  (event: ManifestItem): Promise<FoldOutput> => fold(event),
);
