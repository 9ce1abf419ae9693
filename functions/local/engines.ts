import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import dynalite from 'dynalite';
import { Level } from 'level';
import S3rver from 's3rver';

/** The embedded AWS engines: dynalite (DynamoDB on LevelDB) and s3rver (S3 on the filesystem). */
export interface Engines {
  dynamoEndpoint: string;
  s3rver: S3rver;
  close(): Promise<void>;
}

/** The data folder cannot be used: damaged, or held by another process. */
export class DataFolderError extends Error {
  constructor(dir: string, cause: unknown) {
    const detail = `${(cause as Error)?.message ?? ''} ${((cause as Error)?.cause as Error | undefined)?.message ?? ''}`;
    super(
      /lock/i.test(detail)
        ? `The data folder ${dir} is in use by another Diligence process. Stop it, or use another DATA_DIR.`
        : `The data folder ${dir} looks damaged (${detail.trim()}). Move it aside and start again to begin with fresh demo data.`,
      { cause },
    );
    this.name = 'DataFolderError';
  }
}

/** Opens and closes the LevelDB store once, so damage is reported clearly instead of crashing dynalite. */
async function checkDatabase(dir: string): Promise<void> {
  const db = new Level(dir);
  try {
    await db.open();
  } catch (error) {
    throw new DataFolderError(dir, error);
  } finally {
    await db.close().catch(() => undefined);
  }
}

/** Starts dynalite on a loopback port and prepares s3rver (served by the portal under /_s3). */
export async function startEngines(dataDir: string, buckets: string[]): Promise<Engines> {
  const dynamoDir = join(dataDir, 'dynamodb');
  const s3Dir = join(dataDir, 's3');
  try {
    await mkdir(dynamoDir, { recursive: true });
    await mkdir(s3Dir, { recursive: true });
  } catch (error) {
    throw new DataFolderError(dataDir, error);
  }
  await checkDatabase(dynamoDir);
  const dynamo: Server = dynalite({
    path: dynamoDir,
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
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
