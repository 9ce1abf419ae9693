import { calibrateWithReference } from '../../core/analysis/reference';
import type { Analysis } from '../../core/analysis/types';
import type { Assessment } from '../../core/assessment/types';
import type { Sample } from '../../store/samples';
import type { AppDeps } from '../env';
import { attachedReference, referenceAnalysis, referenceNote } from './references';
import { countingSample } from './sample-selection';

type Deps = Pick<AppDeps, 'repos' | 'blobs' | 'config' | 'clock' | 'analyzer'>;

/** Samples the report cannot use as evidence: unusable ones not superseded by a newer analyzed upload. */
export function unusableSamples(samples: Sample[]) {
  return samples
    .filter((s) => s.status === 'unusable')
    .filter((s) => {
      const used = countingSample(samples, s.role);
      return !used || used.createdAt < s.createdAt;
    })
    .map((s) => ({
      sampleId: s.sampleId,
      fileName: s.fileName,
      role: s.role,
      reason: s.error ?? 'The sample cannot be used as evidence.',
    }));
}

/**
 * The analyses to score (the counting ones, as `reports.ts` reads them): training and holdout, with the machine-text estimate calibrated against
 * the attached reference when it is analyzed; plus what the report says about the reference.
 */
export async function evidenceFor(
  deps: Deps,
  a: Assessment,
  analyses: { training?: Analysis; holdout?: Analysis },
) {
  const [ref, samples] = await Promise.all([
    attachedReference(deps, a),
    deps.repos.samples.list(a.organizationId, a.id),
  ]);
  const refAnalysis = await referenceAnalysis(deps, ref);
  let problem: string | undefined;
  const calibrate = (x: Analysis | undefined): Analysis | undefined => {
    if (!x || !refAnalysis || problem) return x;
    try {
      return { ...x, synthetic: calibrateWithReference(x, refAnalysis, { name: ref?.name }) };
    } catch (error) {
      // e.g. an analysis stored before the estimator kept what calibration reads
      problem = `The reference could not calibrate this sample: ${(error as Error).message}`;
      return x;
    }
  };
  const training = calibrate(analyses.training);
  const holdout = calibrate(analyses.holdout);
  const synthetic = (training ?? holdout)?.synthetic as
    | Partial<ReturnType<typeof calibrateWithReference>>
    | undefined;
  const calibrated = Boolean(refAnalysis && synthetic?.reference?.selfTest.usable);
  return {
    analyses: { ...(training ? { training } : {}), ...(holdout ? { holdout } : {}) },
    reference: referenceNote(ref, calibrated, problem ?? synthetic?.reference?.selfTest.message),
    unusableSamples: unusableSamples(samples),
  };
}
