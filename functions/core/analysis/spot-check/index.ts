export { allocateSpotCheck, MIN_PER_STRATUM } from './allocate';
export { drawSpotCheck } from './draw';
export { estimateSpotCheck, SPOT_CHECK_METHOD, wilson } from './estimate';
export { spotKeyId, spotPriority } from './pool';
export { MARKER_STRATUM, SCORE_BANDS, STRATA, spotStrata } from './strata';
export {
  type DrawnRecord,
  SPOT_CHECK_DEFAULT_SIZE,
  SPOT_CHECK_MAX_SIZE,
  SPOT_CHECK_TEXT_CHARS,
  SPOT_TAGS,
  SpotCheckInputError,
  type SpotEstimate,
  type SpotPool,
  type SpotPoolEntry,
  type SpotStratum,
  type SpotTag,
} from './types';
