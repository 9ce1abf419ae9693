import type { AddressInfo } from 'node:net';
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import { join } from 'node:path';
import dynalite from 'dynalite';
import S3rver from 's3rver';

/** The embedded AWS engines: dynalite (DynamoDB on LevelDB) and s3rver (S3 on the filesystem). */
export interface Engines {
  dynamoEndpoint: string;
  s3rver: S3rver;
  close(): Promise<void>;
}

/** Starts dynalite on a loopback port and prepares s3rver (served by the portal under /_s3). */
export async function startEngines(dataDir: string, buckets: string[]): Promise<Engines> {
  const dynamoDir = join(dataDir, 'dynamodb');
  const s3Dir = join(dataDir, 's3');
  await mkdir(dynamoDir, { recursive: true });
  await mkdir(s3Dir, { recursive: true });
  const dynamo: Server = dynalite({ path: dynamoDir, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    dynamo.once('error', reject);
    dynamo.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = dynamo.address() as AddressInfo;
  const s3rver = new S3rver({
    directory: s3Dir,
    silent: true,
    configureBuckets: buckets.map((name) => ({ name, configs: [] })),
  });
  await s3rver.configureBuckets();
  return {
    dynamoEndpoint: `http://127.0.0.1:${port}`,
    s3rver,
    close: () =>
      new Promise<void>((resolve) => {
        dynamo.close(() => resolve());
        dynamo.closeAllConnections?.();
      }),
  };
}
