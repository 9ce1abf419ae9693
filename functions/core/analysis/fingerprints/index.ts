export { type BuildPackOptions, buildPack, DEFAULT_GRAM_BITS, MIN_WORDS } from './build';
export { type CorpusOptions, type CorpusStats, corpusTexts } from './corpus';
export { matchedRecords, matchPack, matchPacks, type PackInput, packKey } from './match';
export { parsePack, serializePack } from './serialize';
export {
  type FingerprintPack,
  PACK_FORMAT,
  PACK_KINDS,
  PACK_VERSION,
  PackFormatError,
  type PackKind,
  type PackMatch,
} from './types';
