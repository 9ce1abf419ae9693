/** The evidence core the product uses, in one place: two-sided references and spot-checks. */
import type { ReferenceSummary } from '../../core/analysis/types';

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

/** What the core's two-sided fit adds to `ReferenceSummary`. */
export interface MachineSummary {
  references: {
    name?: string;
    generator: string;
    records: number;
    usable: boolean;
    message: string;
  }[];
  separation: number | null;
  usable: boolean;
  method: string;
  message: string;
}

/** A reference summary as the two-sided core writes it. */
export type TwoSidedSummary = ReferenceSummary & {
  machine?: MachineSummary;
  mode?: 'human' | 'two-sided';
};
