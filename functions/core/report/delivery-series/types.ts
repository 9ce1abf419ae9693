import type { Severity } from '../../analysis/types';

/** What the series needs of an assessment (a structural subset of the stored assessment). */
export interface DeliveryAssessment {
  id: string;
  previousAssessmentId: string | null;
  vendor: { name: string };
  dataset: { name: string };
  createdAt: string;
  submittedAt: string | null;
  /** The latest stored report version, when one exists. */
  report: { version: number } | null;
}

/** The machine-text share of one delivery, with its interval and how strong the evidence is. */
export interface MachineTextPoint {
  share: number;
  interval: [number, number];
  /** `calibrated` by a usable buyer reference; `screening` from the style model alone. */
  evidence: 'calibrated' | 'screening';
}

/** One diversity measurement compared with the previous delivery at an equal word budget. */
export interface DiversityComparison {
  /** `distinct2` or `mattr`. */
  measure: 'distinct2' | 'mattr';
  previous: number;
  current: number;
  /** The spread expected between two deliveries from the same source. */
  noise: number;
}

/** How a delivery compares with the previous one (from the report's "since last delivery"). */
export interface SincePrevious {
  overlap: { exactRate: number; nearRate: number };
  degraded: boolean;
  /** The comparison's findings in words, worst first. */
  findings: { severity: Severity; message: string }[];
  diversity: DiversityComparison[];
  /** Points the "degradation since the last delivery" factor added to the risk score. */
  riskPoints: number;
}

/** One delivery (an assessment or a re-assessment) and what its stored report measured. */
export interface DeliveryPoint {
  /** For links only; never shown to people. */
  assessmentId: string;
  /** 1 for the first delivery of the dataset, then 2, 3, … in delivery order. */
  number: number;
  /** When the vendor delivered (submitted), else when the assessment was created. */
  deliveredAt: string;
  reportVersion: number | null;
  /** Why nothing was measured for this delivery, in words (absent when measured). */
  notMeasured?: string;
  records: number | null;
  diversity: { distinct2: number; mattr: number } | null;
  machineText: MachineTextPoint | null;
  nearDuplicateRate: number | null;
  /** Null for the first delivery, or when the report could not compare (see `notCompared`). */
  sincePrevious: SincePrevious | null;
  notCompared?: string;
}

/** One vendor dataset's deliveries in order, with the measured series. */
export interface DeliverySeries {
  vendor: string;
  dataset: string;
  deliveries: DeliveryPoint[];
  /** Earlier deliveries left out to keep the series short (the newest are kept). */
  omitted: number;
  /** Deliveries flagged degraded since their previous one. */
  degradedCount: number;
  lastDeliveredAt: string;
}
