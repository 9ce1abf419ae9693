import { defaultAwsClients } from '../../lib/aws-clients';
import { loadConfig } from '../../lib/config';
import { createBlobStore } from '../../store/blob-store';
import { createGroupMergeHandler, type GroupInput } from './group-merge';
import type { GroupOutput } from './types';

const config = loadConfig();
const merge = createGroupMergeHandler({ blobs: createBlobStore(defaultAwsClients(config).s3) });

/** Group Map child: merges one group of ranges' partials into stored blocks. */
export async function handler(event: GroupInput): Promise<GroupOutput> {
  return merge(event);
}
