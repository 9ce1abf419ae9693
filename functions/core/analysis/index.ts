export {
  type AnalysisProgress,
  type AnalyzeOptions,
  analyzeSource,
  analyzeSources,
  foldSource,
  type SourceInput,
} from './analyze';
export { AnalysisInputError } from './errors';
export { type ExampleLimits, exampleRecords, recordTexts, withClusterTexts } from './examples';
export { detectFields } from './fields/detect';
export { type FinalizeOptions, finalize } from './finalize';
export {
  buildPack,
  corpusTexts,
  type FingerprintPack,
  matchPack,
  PackFormatError,
  type PackInput,
  type PackKind,
  type PackMatch,
  parsePack,
  serializePack,
} from './fingerprints';
export { type AnalysisLimits, candidateProbability, DEFAULT_LIMITS, PARAMS } from './params';
export { FORMATS, type InputFormat } from './parse/format';
export {
  defaultInputLimits,
  InputLimitError,
  type InputLimits,
  inputLimits,
  limitLabels,
} from './parse/limits';
export { mergePartials } from './partial/merge';
export {
  deserializePartial,
  partialByteLength,
  readPartial,
  serializePartial,
} from './partial/serialize';
export type { AnalysisPartial } from './partial/types';
export {
  type Analysis,
  analysisMatches,
  type FieldMapping,
  type Finding,
  type FingerprintMatch,
  type Severity,
} from './types';
