import type { ObjectCreated } from '../../analyze/handler';
import type { Sample } from '../../store/samples';

/** A job for the analysis worker: one uploaded object, with the portal's dev clock offset. */
export interface ToAnalysisWorker {
  id: number;
  object: ObjectCreated;
  clockOffsetMs: number;
}

/** The worker's answer: the samples it analyzed (to re-score), or the unexpected error. */
export type FromAnalysisWorker =
  | { id: number; ok: true; analyzed: Sample[] }
  | { id: number; ok: false; message: string };
