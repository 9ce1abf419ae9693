import { defaultAwsClients } from '../../lib/aws-clients';
import { loadConfig } from '../../lib/config';
import { lambdaObservability, observed } from '../../lib/lambda-observability';
import { createFoldHandler } from './fold';
import type { FoldOutput, ManifestItem } from './types';
import { createWorkObjects } from './work-objects';

const config = loadConfig();
const fold = createFoldHandler({ blobs: createWorkObjects(defaultAwsClients(config).s3) });

/** Distributed Map child: folds one manifest item's byte range into a stored partial. */
export const handler = observed(
  lambdaObservability(config),
  (event: ManifestItem): Promise<FoldOutput> => fold(event),
);
