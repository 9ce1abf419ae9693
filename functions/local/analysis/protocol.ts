import type { ObjectCreated } from '../../analyze/handler';
import type { Upload } from '../../analyze/uploads';

/** A job for the analysis worker: one uploaded object, with the portal's dev clock offset. */
export interface ToAnalysisWorker {
  id: number;
  object: ObjectCreated;
  clockOffsetMs: number;
}

/** The worker's answer: the samples it analyzed (to re-score), or the unexpected error. */
export type FromAnalysisWorker =
  | { id: number; ok: true; analyzed: Upload[] }
  | { id: number; ok: false; message: string };
