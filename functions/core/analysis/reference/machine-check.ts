import { addHistograms } from '../metrics/synthetic';
import { type SyntheticEvidence, scoreCounts } from './evidence';
import { totalVariation } from './mixture';

/**
 * A machine reference needs this many scored records. Below 20 the 20-bin histogram averages under
 * one record a bin and the bootstrap of a reference that small no longer describes its spread; from
 * 20 on the bootstrap over the reference widens the interval enough that human files keep a lower
 * bound of at most 5 % (test/data/two-sided.test.ts measures 25). 40 or more is always accepted.
 */
export const MIN_MACHINE_REFERENCE_RECORDS = 20;

/**
 * The human and machine references must differ by at least this total-variation distance between
 * their score distributions. A unit of share moves the sample's distribution by the separation, so
 * the sampling noise of the histograms (TV ≈ 0.1–0.2 between two draws of 40–200 records over 20
 * bins) is amplified by 1 / separation: at 0.25 that still leaves the share within about ±0.3 before
 * the bootstrap, below it the fit is mostly noise. Measured on ../shared/data (README table): GSM8K's
 * human and model solutions differ by 0.10 (refused; the two-sided fit there read 100 % machine as
 * 0 %), every other domain by 0.33 or more (accepted, worst error 0.18).
 */
export const MIN_SEPARATION = 0.25;

const sum = (h: readonly number[]) => h.reduce((s, c) => s + c, 0);
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Total-variation distance between a machine and a human reference histogram. */
export const separationOf = (machine: readonly number[], human: readonly number[]): number =>
  totalVariation(machine, human);

/** The result of checking one machine reference. */
export interface MachineReferenceCheck {
  usable: boolean;
  records: number;
  /** Total-variation distance from the human reference's score distribution (null without one). */
  separation: number | null;
  message: string;
}

/** Checks one machine reference on its own (records) and against the human one (separation). */
export function checkMachineReference(
  machine: SyntheticEvidence,
  human?: SyntheticEvidence,
): MachineReferenceCheck {
  const m = scoreCounts(machine, 'machine reference');
  const mh = addHistograms(...m.halves);
  const records = sum(mh);
  if (records < MIN_MACHINE_REFERENCE_RECORDS) {
    return {
      usable: false,
      records,
      separation: null,
      message: `The machine reference has ${records} records with text; at least ${MIN_MACHINE_REFERENCE_RECORDS} are needed (40 or more recommended).`,
    };
  }
  if (!human) {
    return {
      usable: true,
      records,
      separation: null,
      message: `${records} records; no human reference to measure its separation against.`,
    };
  }
  const h = scoreCounts(human, 'reference');
  const separation = separationOf(mh, addHistograms(...h.halves));
  return separation >= MIN_SEPARATION
    ? {
        usable: true,
        records,
        separation,
        message: `${records} records; its scores differ from the human reference's by ${pct(separation)} (total variation; at least ${pct(MIN_SEPARATION)} needed).`,
      }
    : {
        usable: false,
        records,
        separation,
        message: `These references cannot tell the two apart in this domain: their scores differ by only ${pct(separation)} (total variation; at least ${pct(MIN_SEPARATION)} needed).`,
      };
}
