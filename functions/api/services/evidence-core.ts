/** The evidence core the product uses, in one place: two-sided references and spot-checks. */
export {
  calibrateTwoSided,
  checkMachineReference,
  type MachineReferenceInput,
} from '../../core/analysis/reference';
export {
  type DrawnRecord,
  drawSpotCheck,
  estimateSpotCheck,
  SPOT_CHECK_DEFAULT_SIZE,
  SPOT_CHECK_MAX_SIZE,
  type SpotEstimate,
  type SpotStratum,
  type SpotTag,
} from '../../core/analysis/spot-check';
