import type { Analysis } from '../types';

/** What the calibrated synthetic section says about the reference it was calibrated against. */
export interface ReferenceDescription {
  /** Records in the reference sample. */
  records: number;
  /** False when the estimate was not (or could not be) calibrated against the reference. */
  calibrated: boolean;
  /** Why, in words a reviewer can read. */
  note: string;
}

/** The synthetic section of an analysis, optionally described against a reference. */
export type CalibratedSynthetic = Analysis['synthetic'] & { reference?: ReferenceDescription };

/**
 * The sample's machine-text estimate calibrated against the buyer's known-human reference, both
 * as stored analyses. Placeholder until the estimator's calibration lands: returns the sample's
 * synthetic section unchanged, with `reference.calibrated: false` saying so.
 */
export function calibrateWithReference(sample: Analysis, reference: Analysis): CalibratedSynthetic {
  return {
    ...sample.synthetic,
    reference: {
      records: reference.input.records,
      calibrated: false,
      note: 'Calibration against the reference is not available yet; the estimate is the uncalibrated screening value.',
    },
  };
}
