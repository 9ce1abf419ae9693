import { compareDeliveries } from '../../core/analysis/compare';
import { readPartial } from '../../core/analysis/partial/serialize';
import type { Analysis } from '../../core/analysis/types';
import type { Assessment } from '../../core/assessment/types';
import type { Policy, SinceLastDelivery } from '../../core/scoring';
import type { Sample } from '../../store/samples';
import type { AppDeps } from '../env';

type Deps = Pick<AppDeps, 'repos' | 'blobs' | 'config' | 'clock' | 'logger'>;

const latestTraining = (samples: Sample[]) =>
  samples
    .filter(
      (s) => s.role === 'training' && s.status === 'analyzed' && s.partialKey && s.analysisKey,
    )
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];

/**
 * For a re-assessment: its newest training sample compared with the newest one of the assessment
 * it re-assesses, from their stored partials and analyses (the old file is never read again).
 * Undefined when it is not a re-assessment or either side has no analyzed training sample.
 */
export async function sinceLastDelivery(
  deps: Deps,
  assessment: Assessment,
  policy: Policy,
): Promise<SinceLastDelivery | undefined> {
  const previousId = assessment.previousAssessmentId;
  if (!previousId) return undefined;
  const org = assessment.organizationId;
  const [before, now] = await Promise.all([
    deps.repos.samples.list(org, previousId),
    deps.repos.samples.list(org, assessment.id),
  ]);
  const prev = latestTraining(before);
  const cur = latestTraining(now);
  if (!prev || !cur) return undefined;
  const bucket = deps.config.SAMPLES_BUCKET;
  const load = async (s: Sample) => {
    const [partial, analysis] = await Promise.all([
      deps.blobs.stream(bucket, s.partialKey as string).then(readPartial),
      deps.blobs.getText(bucket, s.analysisKey as string),
    ]);
    return { partial, analysis: JSON.parse(analysis) as Analysis };
  };
  try {
    const [p, c] = await Promise.all([load(prev), load(cur)]);
    const comparison = compareDeliveries(p, c, {
      thresholds: policy.thresholds,
      now: deps.clock(),
    });
    return { ...comparison, previousAssessmentId: previousId };
  } catch (error) {
    // A partial from an older analyzer version cannot be compared; the report goes out without it.
    deps.logger.warn('delivery comparison skipped', {
      assessmentId: assessment.id,
      reason: (error as Error).message,
    });
    return undefined;
  }
}
