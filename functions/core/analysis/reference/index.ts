/**
 * Buyer reference calibration: a known-human, same-domain sample turns the screening machine-text
 * estimate into a calibrated one with a conservative lower bound; known-machine references of the
 * same domain make it a two-sided mixture fit. Works from stored analyses.
 */
export { applyReference, applyReferences } from './apply';
export { type MixtureEstimate, mixtureEstimate, TWO_SIDED_BOOTSTRAP } from './bootstrap';
export {
  calibrateWithReference,
  MIN_REFERENCE_RECORDS,
  SELF_TEST_LIMIT,
  selfTest,
} from './calibrate';
export { type TwoSidedShare, twoSidedShare } from './departure';
export {
  ReferenceCalibrationError,
  type ScoreCounts,
  type SyntheticEvidence,
  scoreCounts,
} from './evidence';
export { excessLowerBound, THRESHOLDS, Z_BONFERRONI } from './excess';
export {
  checkMachineHistogram,
  checkMachineReference,
  type MachineReferenceCheck,
  MIN_MACHINE_REFERENCE_RECORDS,
  MIN_ORIENTATION,
  MIN_SEPARATION,
  orientationOf,
  separationOf,
} from './machine-check';
export {
  leastSquaresShare,
  MIXTURE_FITS,
  type MixtureFit,
  maximumLikelihoodShare,
  totalVariation,
} from './mixture';
export {
  calibrateTwoSided,
  type MachineReferenceInput,
  TWO_SIDED_FIT,
  TWO_SIDED_METHOD,
} from './two-sided';
