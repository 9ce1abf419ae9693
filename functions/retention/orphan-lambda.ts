import { defaultAwsClients } from '../lib/aws-clients';
import { loadConfig } from '../lib/config';
import { createLogger } from '../lib/logger';
import { awsOrphanStorage } from '../store/orphan-storage';
import { sweepCursorRepo } from '../store/sweep-cursors';
import { uploadReaders } from '../store/upload-readers';
import { type OrphanResult, sweepOrphans } from './orphans';

const config = loadConfig();
const clients = defaultAwsClients(config);
const table = { doc: clients.doc, name: config.TABLE_NAME };
const deps = {
  // The uploads' reads by key (GetItem), its cursors and the bucket's listings and deletes only.
  repos: uploadReaders(table),
  storage: awsOrphanStorage(clients.s3, config.SAMPLES_BUCKET),
  cursors: sweepCursorRepo(table, 'orphans'),
  clock: () => new Date(),
  logger: createLogger(config.LOG_LEVEL, { fn: 'orphans' }),
};

/** Scheduled entry (EventBridge, hourly): removes objects and uploads no live record owns. */
export async function handler(): Promise<OrphanResult> {
  return sweepOrphans(deps);
}
