import type { Upload } from '../../analyze/uploads';
import { type EnqueueDeps, requestRescore } from '../../rescore/enqueue';
import type { AppDeps } from '../env';
import { assessmentData, emitEvent } from './webhook-events';

/** What asking for re-scores after an analysis needs. */
export type AfterAnalysisDeps = EnqueueDeps & {
  repos: Pick<AppDeps['repos'], 'assessments'>;
} & Partial<Pick<AppDeps, 'newId' | 'config' | 'logger'>>;

/**
 * Tells the organization's webhooks (`sample.analyzed`, or `sample.failed` for a failed or
 * unusable sample) and asks for a re-score of what an analyzed upload feeds: its assessment, or every assessment a
 * reference is attached to. The re-score worker does the scoring; returns how many were asked for.
 */
export async function afterAnalysis(deps: AfterAnalysisDeps, upload: Upload): Promise<number> {
  const ids =
    upload.role === 'reference'
      ? upload.attachedTo.map((x) => x.assessmentId)
      : [upload.assessmentId];
  const trigger = upload.role === 'reference' ? 'reference' : 'analysis';
  let requested = 0;
  for (const id of ids) {
    const a = await deps.repos.assessments.get(upload.organizationId, id);
    if (a && upload.role !== 'reference' && deps.newId)
      await emitEvent(
        { ...deps, newId: deps.newId },
        {
          organizationId: a.organizationId,
          type: upload.status === 'analyzed' ? 'sample.analyzed' : 'sample.failed',
          data: {
            ...assessmentData(a, deps.config?.PUBLIC_BASE_URL),
            sampleId: upload.sampleId,
            fileName: upload.fileName,
            role: upload.role,
            result: upload.status,
          },
        },
      );
    // A failed sample changes no report (it is not measured), so only the event goes out.
    if (upload.status === 'failed') continue;
    if (a && (await requestRescore(deps, a, trigger))) requested++;
  }
  return requested;
}
