import type { AppDeps } from '../api/env';

/** The part of an S3 event record the analyzer reads. */
export interface ObjectCreated {
  bucket: string;
  key: string;
  size: number;
}

/** What the analyzer needs from the app's dependencies. */
export type AnalyzeDeps = Pick<AppDeps, 'config' | 'logger' | 'clock' | 'repos' | 'blobs'>;

/** Handles ObjectCreated notifications for sample uploads (stub until the analysis engine lands). */
export function createAnalyzeHandler(deps: AnalyzeDeps) {
  return async (objects: ObjectCreated[]): Promise<void> => {
    for (const object of objects) deps.logger.info('sample uploaded', { ...object });
  };
}
