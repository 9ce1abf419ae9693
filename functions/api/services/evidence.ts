import { calibrateWithReference } from '../../core/analysis/reference';
import type { Analysis, ReferenceSummary } from '../../core/analysis/types';
import type { Assessment } from '../../core/assessment/types';
import type { ReviewedShare } from '../../core/scoring';
import type { Sample } from '../../store/samples';
import type { AppDeps } from '../env';
import { calibrateTwoSided, checkMachineReference } from './evidence-core';
import { type MachineEvidence, machineEvidence } from './machine-references';
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

/** One machine reference as the report's note shows it, checked against the human reference. */
function machineLine(m: MachineEvidence, human: Analysis | undefined) {
  const base = {
    referenceId: m.ref.sampleId,
    name: m.ref.name,
    generator: m.ref.generator ?? null,
    status: m.ref.status,
  };
  if (!m.analysis) {
    const message =
      m.ref.status === 'failed' || m.ref.status === 'unusable'
        ? `The machine reference cannot be used: ${m.ref.error ?? 'its analysis failed'}`
        : 'The machine reference is not analyzed yet; the report is redone when it is.';
    return { ...base, records: m.ref.summary?.records ?? null, usable: false, message };
  }
  try {
    const c = checkMachineReference(m.analysis, human);
    return { ...base, records: c.records, usable: c.usable, message: c.message };
  } catch (error) {
    const message = `The machine reference cannot be used: ${(error as Error).message}`;
    return { ...base, records: m.ref.summary?.records ?? null, usable: false, message };
  }
}

/** The finished spot-check of the counting training sample (the newest), as scoring reads it. */
async function reviewOf(
  deps: Deps,
  a: Assessment,
  samples: Sample[],
): Promise<ReviewedShare | undefined> {
  const training = countingSample(samples, 'training');
  if (!training) return undefined;
  const done = (await deps.repos.spotChecks.list(a.organizationId, a.id)).find(
    (s) => s.status === 'finished' && s.sampleId === training.sampleId && s.result,
  );
  if (!done?.result) return undefined;
  const { share, interval, reviewed, unsure, method } = done.result;
  return {
    spotCheckId: done.spotCheckId,
    finishedAt: done.finishedAt ?? done.createdAt,
    share,
    interval,
    reviewed,
    unsure,
    method,
  };
}

/** The reference note of an assessment whose sample is an archive of images. */
export const IMAGES_NOT_CALIBRATED =
  'References calibrate the machine-text estimate of written text; this sample is an archive of images, so the reference is not used for it. Detach it, or attach it to an assessment of text.';

/**
 * The analyses to score (the counting ones, as `reports.ts` reads them): training and holdout, with
 * the machine-text estimate calibrated against the attached human reference (two-sided when usable
 * machine references are attached too) and the training sample's finished spot-check beside it;
 * plus what the report says about the references.
 */
export async function evidenceFor(
  deps: Deps,
  a: Assessment,
  analyses: { training?: Analysis; holdout?: Analysis },
) {
  const [ref, samples, machines] = await Promise.all([
    attachedReference(deps, a),
    deps.repos.samples.list(a.organizationId, a.id),
    machineEvidence(deps, a),
  ]);
  const refAnalysis = await referenceAnalysis(deps, ref);
  const lines = machines.map((m) => machineLine(m, refAnalysis));
  const usable = machines.filter((m, i) => m.analysis && lines[i]?.usable);
  const inputs = usable.map((m) => ({
    evidence: m.analysis as Analysis,
    name: m.ref.name,
    generator: m.ref.generator ?? 'unnamed model',
  }));
  let problem: string | undefined;
  const calibrate = (x: Analysis | undefined): Analysis | undefined => {
    if (!x || !refAnalysis || problem) return x;
    if (x.images) {
      // a reference calibrates the machine-text estimate of written text; images have none
      problem = IMAGES_NOT_CALIBRATED;
      return x;
    }
    try {
      const name = ref?.name;
      const synthetic =
        inputs.length > 0
          ? calibrateTwoSided(x, refAnalysis, inputs, { name })
          : calibrateWithReference(x, refAnalysis, { name });
      return { ...x, synthetic };
    } catch (error) {
      // e.g. an analysis stored before the estimator kept what calibration reads
      problem = `The reference could not calibrate this sample: ${(error as Error).message}`;
      return x;
    }
  };
  const review = await reviewOf(deps, a, samples);
  const calibrated = calibrate(analyses.training);
  const training =
    calibrated && review
      ? { ...calibrated, synthetic: { ...calibrated.synthetic, review } }
      : calibrated;
  const holdout = calibrate(analyses.holdout);
  const synthetic = (training ?? holdout)?.synthetic as
    | (Omit<Partial<ReturnType<typeof calibrateWithReference>>, 'reference'> & {
        reference?: ReferenceSummary;
      })
    | undefined;
  const isCalibrated = Boolean(refAnalysis && synthetic?.reference?.selfTest.usable);
  const mode = synthetic?.reference?.mode ?? 'human';
  const machineNote = synthetic?.reference?.machine?.message;
  const said = [synthetic?.reference?.selfTest.message, mode === 'two-sided' ? machineNote : '']
    .filter(Boolean)
    .join(' ');
  const note = referenceNote(ref, isCalibrated, problem ?? (said || undefined));
  const reference = note
    ? { ...note, mode, machine: lines }
    : lines.length > 0
      ? {
          referenceId: null,
          name: null,
          status: null,
          records: null,
          calibrated: false,
          message:
            'Machine references calibrate only beside a human reference: attach one of your own domain.',
          mode: 'human' as const,
          machine: lines,
        }
      : null;
  return {
    analyses: { ...(training ? { training } : {}), ...(holdout ? { holdout } : {}) },
    reference,
    unusableSamples: unusableSamples(samples),
  };
}
