import type { AppDeps } from '../api/env';
import { type JobResult, runReassessments } from '../notify/reassessments';
import type { DocClient } from '../store/dynamo-keys';
import { reassessmentJobRepositories } from '../store/reassessment-job';

/** The due re-assessment job on the portal's sweep timer, with the same stores as in AWS. */
export function localReassessments(deps: AppDeps, doc: DocClient): Promise<JobResult> {
  const repos = reassessmentJobRepositories({ doc, name: deps.config.TABLE_NAME });
  return runReassessments({ ...deps, repos });
}
