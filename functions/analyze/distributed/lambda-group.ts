import { defaultAwsClients } from '../../lib/aws-clients';
import { loadConfig } from '../../lib/config';
import { createGroupMergeHandler, type GroupInput } from './group-merge';
import type { GroupOutput } from './types';
import { createWorkObjects } from './work-objects';

const config = loadConfig();
const merge = createGroupMergeHandler({ blobs: createWorkObjects(defaultAwsClients(config).s3) });

/** Group Map child: merges one group of ranges' partials into stored blocks. */
export async function handler(event: GroupInput): Promise<GroupOutput> {
  return merge(event);
}
