export {
  type AnswerChange,
  type RecordedAnswers,
  recordAnswers,
  versionAnswers,
} from './answers';
export { BUNDLE_FORMAT, type VerifyResult, verifyReport } from './bundle';
export {
  type BundleContent,
  type BundleInput,
  type BundleSample,
  type BundleSignature,
  bundleContent,
  bundleSamples,
  SIGNED_BUNDLE_FORMAT,
  type SignedBundle,
  signContent,
  signedBundle,
} from './bundle-signed';
export {
  type BundleVerdict,
  type FileHashes,
  matchSample,
  verifySignedBundle,
} from './bundle-verify';
export {
  CROISSANT_CONTEXT,
  type CroissantInput,
  croissantExport,
  partialAnswersNote,
  REQUIRED_RAI,
} from './croissant';
export { reportCsv, safeCell, toCsv } from './csv';
export {
  type DecisionRecord,
  decidedVersion,
  decisionWords,
  type VersionDecision,
} from './decision-record';
export {
  buildDeliverySeries,
  type DeliveryAssessment,
  type DeliveryPoint,
  type DeliverySeries,
  deliveredAt,
  deliveryChains,
  type StoredReport,
} from './delivery-series';
export { diffReports, type ReportDiff, type VersionedReport } from './diff';
export { labeler } from './labels';
export {
  changeSentence,
  deliveryWords,
  isMethodNote,
  JARGON,
  metricName,
  metricValue,
  metricWorse,
  plainText,
} from './plain-words';
export {
  type SampleRef,
  type SampleRefChange,
  sampleChangeWords,
  sampleRefChanges,
  sampleRefs,
} from './sample-refs';
// reportPdf is imported from './pdf' directly, and lazily by the API: pdf-lib is a third of the bundle.
