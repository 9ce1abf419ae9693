import type { Analysis } from '../types';

/**
 * What a calibrated synthetic section says about the reference it was read against (the shape the
 * estimator's calibration returns, plus `calibrated`).
 */
export interface ReferenceDescription {
  /** A name for people (file or library entry), when known. */
  name?: string;
  /** Reference records with text. */
  records: number;
  /** Reference records with machine-text markers. */
  markerRecords: number;
  selfTest: { usable: boolean; lowerBound: number; message: string };
  /** The uncalibrated (screening) estimate and interval, kept for comparison. */
  screening: { estimatedShare: number; interval: [number, number] };
  /** False: this build does not calibrate yet. */
  calibrated: boolean;
}

/** The synthetic section of an analysis, described against a reference. */
export type CalibratedSynthetic = Analysis['synthetic'] & { reference: ReferenceDescription };

/**
 * The sample's machine-text estimate calibrated against the buyer's known-human reference, both
 * as stored analyses. Placeholder until the estimator's calibration lands: returns the sample's
 * synthetic section unchanged, with a reference description marked `calibrated: false`.
 */
export function calibrateWithReference(
  sample: Analysis,
  reference: Analysis,
  options: { name?: string } = {},
): CalibratedSynthetic {
  const base = sample.synthetic;
  return {
    ...base,
    reference: {
      ...(options.name ? { name: options.name } : {}),
      records: reference.input.records,
      markerRecords: 0,
      selfTest: {
        usable: false,
        lowerBound: 0,
        message:
          'Calibration against a reference is not available in this build; the estimate is the uncalibrated screening value.',
      },
      screening: { estimatedShare: base.estimatedShare, interval: base.interval },
      calibrated: false,
    },
  };
}
