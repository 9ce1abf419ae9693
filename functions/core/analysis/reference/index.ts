/**
 * Buyer reference calibration: a known-human, same-domain sample turns the screening machine-text
 * estimate into a calibrated one with a conservative lower bound. Works from stored analyses.
 */
export { applyReference } from './apply';
export {
  calibrateWithReference,
  MIN_REFERENCE_RECORDS,
  SELF_TEST_LIMIT,
  selfTest,
} from './calibrate';
export {
  ReferenceCalibrationError,
  type ScoreCounts,
  type SyntheticEvidence,
  scoreCounts,
} from './evidence';
export { excessLowerBound, THRESHOLDS, Z_BONFERRONI } from './excess';
