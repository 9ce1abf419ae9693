/**
 * The issue-22 core the product uses, in one place (CONTRACT-22.md). Until the core branches merge,
 * `reference/two-sided` and `spot-check` are placeholders; the integrator points the first import
 * at `../../core/analysis/reference` and deletes the placeholder files.
 */
import type { ReferenceSummary } from '../../core/analysis/types';

export {
  calibrateTwoSided,
  checkMachineReference,
  type MachineReferenceInput,
} from '../../core/analysis/reference/two-sided';
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

/** What the core's two-sided fit adds to `ReferenceSummary` (contract; optional until merge). */
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
