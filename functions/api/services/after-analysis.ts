import type { Upload } from '../../analyze/uploads';
import { type ReportDeps, rescore } from './reports';

/** Re-scores what an analyzed upload feeds: its assessment, or every assessment a reference is attached to. */
/** Returns how many reports were scored. */
export async function afterAnalysis(deps: ReportDeps, upload: Upload): Promise<number> {
  const ids =
    upload.role === 'reference'
      ? upload.attachedTo.map((x) => x.assessmentId)
      : [upload.assessmentId];
  let scored = 0;
  for (const id of ids) {
    const a = await deps.repos.assessments.get(upload.organizationId, id);
    if (a && (await rescore(deps, a, upload.role === 'reference' ? 'reference' : 'analysis')))
      scored++;
  }
  return scored;
}
