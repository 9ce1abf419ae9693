export { derToRaw, P256_BYTES, rawToDer, SignatureEncodingError } from './der';
export { jcsBytes, sha256 } from './jcs';
export { ALG, type KeySet, type PublishedKey, type ReportKeys, type Signer } from './types';
export { findKey, keyProblem, keySetProblem, verifyEs256 } from './verify';
