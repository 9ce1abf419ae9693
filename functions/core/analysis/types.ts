/** Severity of a finding, from informational to critical. */
export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical';

/** One observation the analyzer makes about a sample, with the evidence behind it. */
export interface Finding {
  id: string;
  severity: Severity;
  message: string;
  evidence: Record<string, unknown>;
}

/** Which record fields the analyzer used (detected or overridden). */
export interface FieldMapping {
  text: string | string[];
  label?: string;
  source?: string;
  createdAt?: string;
  synthetic?: string;
  generator?: string;
  license?: string;
  confidence?: string;
  /** Record identifier, checked for spreadsheet damage (e.g. "5.70306E+17"). */
  id?: string;
}

/** The measured analysis of one sample file: a contract shared with the CLI, API and web app. */
export interface Analysis {
  input: {
    records: number;
    bytes: number;
    format: string;
    fields: FieldMapping;
    malformed: number;
  };
  duplicates: {
    exactRate: number;
    nearRate: number;
    /** `texts`: masked texts of the first examples, added by the portal for reviewers. */
    clusters: { size: number; examples: number[]; texts?: string[] }[];
  };
  diversity: {
    distinct1: number;
    distinct2: number;
    distinct3: number;
    compressionRatio: number;
    mattr: number;
    selfRepetition: number;
  };
  synthetic: {
    declaredShare: number | null;
    markerRate: number;
    estimatedShare: number;
    interval: [number, number];
    method: string;
  };
  labels: null | {
    classes: Record<string, number>;
    normalizedEntropy: number;
    imbalanceRatio: number;
    rareClasses: string[];
    conflictRate: number;
    lowAgreementShare: number | null;
    missingInTraining: string[];
  };
  provenance: {
    completeness: number;
    perField: Record<string, number>;
    syntheticWithoutGenerator: number;
  };
  freshness: null | {
    oldest: string;
    newest: string;
    medianAgeDays: number;
    unparseable: number;
    histogram: { month: string; count: number }[];
  };
  contamination: null | {
    holdoutRecords: number;
    overlapRate: number;
    exactRate: number;
    meanCoverage: number;
  };
  pii: { recordShare: number; kinds: Record<string, number> };
  findings: Finding[];
}
