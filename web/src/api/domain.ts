/**
 * Questionnaire and scored-report types, imported as types from functions/core, with the few
 * fields the API adds.
 */
import type {
  ScoredReport as CoreReport,
  ReportSample as CoreReportSample,
} from '../../../functions/core/scoring/types';

export type {
  AnswerValue,
  ChoiceOption,
  Question,
  QuestionnaireTemplate as Template,
  Reference,
  Section,
} from '../../../functions/core/questionnaire/types';

export type {
  DimensionScore,
  Discrepancy,
  FactorSource,
  MaturityEvidence,
  RiskFactor,
} from '../../../functions/core/scoring/types';

/**
 * A sample's analysis as embedded in a report. `examples` (masked texts of the largest duplicate
 * clusters) is shown when the API provides it; otherwise clusters only carry record indexes.
 */
export type ReportSample = CoreReportSample & {
  sampleId?: string;
  fileName?: string;
};

/** The scored report as `GET /api/assessments/{id}/report` returns it: the stored report plus its version. */
export type ScoredReport = Omit<CoreReport, 'samples'> & {
  version: number;
  samples: ReportSample[];
};
