import { addHistograms } from '../metrics/synthetic';
import { type SyntheticEvidence, scoreCounts } from './evidence';
import { normalize, totalVariation } from './mixture';

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
 * the bootstrap, below it the fit is mostly noise. Measured on ../shared/data (docs/analyzer.md table): GSM8K's
 * human and model solutions differ by 0.10 (refused; the two-sided fit there read 100 % machine as
 * 0 %), every other domain by 0.33 or more (accepted, worst error 0.18).
 */
export const MIN_SEPARATION = 0.25;

/**
 * A machine reference must score above the human reference more often than below: the probability
 * that one of its records scores higher than one of the human reference's (ties count half, the
 * area under the ROC curve) must be at least one half. Below it the style model reads the
 * "machine" text as more human than the buyer's own human text, so as the machine side of a
 * mixture it would turn the fit around: on ../shared/data every such reference came from another
 * domain (GSM8K's model solutions against M4's human text: 0.09–0.48) and its fit read a 100 %
 * machine file as 0 %. One half is the midpoint (no direction), not a value fitted to that data.
 */
export const MIN_ORIENTATION = 0.5;

const sum = (h: readonly number[]) => h.reduce((s, c) => s + c, 0);
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Total-variation distance between a machine and a human reference histogram. */
export const separationOf = (machine: readonly number[], human: readonly number[]): number =>
  totalVariation(machine, human);

/**
 * The probability that a machine-reference record scores above a human-reference record (ties count
 * half): the area under the ROC curve of the two score histograms (bins ordered by score).
 */
export function orientationOf(machine: readonly number[], human: readonly number[]): number {
  const m = normalize(machine);
  const h = normalize(human);
  let below = 0;
  let area = 0;
  for (let k = 0; k < m.length; k++) {
    const hk = h[k] ?? 0;
    area += (m[k] ?? 0) * (below + 0.5 * hk);
    below += hk;
  }
  return area;
}

/** The result of checking one machine reference. */
export interface MachineReferenceCheck {
  usable: boolean;
  records: number;
  /** Total-variation distance from the human reference's score distribution (null without one). */
  separation: number | null;
  /** How often it scores above the human reference (`orientationOf`; null without one). */
  orientation: number | null;
  message: string;
}

/**
 * Checks a machine reference's score histogram against the human reference's: separation (total
 * variation, at least `MIN_SEPARATION`) and orientation (scores above the human reference's, at
 * least `MIN_ORIENTATION`). The validation scripts call this on histograms, the product through
 * `checkMachineReference`.
 */
export function checkMachineHistogram(
  machine: readonly number[],
  human: readonly number[],
): MachineReferenceCheck {
  const records = sum(machine);
  const separation = separationOf(machine, human);
  const orientation = orientationOf(machine, human);
  if (separation < MIN_SEPARATION)
    return {
      usable: false,
      records,
      separation,
      orientation,
      message: `These references cannot tell the two apart in this domain: their scores differ by only ${pct(separation)} (total variation; at least ${pct(MIN_SEPARATION)} needed).`,
    };
  if (orientation < MIN_ORIENTATION)
    return {
      usable: false,
      records,
      separation,
      orientation,
      message: `This machine reference reads as more human than the human reference: only ${pct(orientation)} of its records score above a human-reference record (at least ${pct(MIN_ORIENTATION)} needed), so it cannot mark the machine side. It is usually text of another kind than the human reference; generate it from the human reference's prompts (\`diligence reference prompts\`).`,
    };
  return {
    usable: true,
    records,
    separation,
    orientation,
    message: `${records} records; its scores differ from the human reference's by ${pct(separation)} (total variation; at least ${pct(MIN_SEPARATION)} needed) and sit above them ${pct(orientation)} of the time.`,
  };
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
      orientation: null,
      message: `The machine reference has ${records} records with text; at least ${MIN_MACHINE_REFERENCE_RECORDS} are needed (40 or more recommended).`,
    };
  }
  if (!human) {
    return {
      usable: true,
      records,
      separation: null,
      orientation: null,
      message: `${records} records; no human reference to measure its separation against.`,
    };
  }
  const h = scoreCounts(human, 'reference');
  return checkMachineHistogram(mh, addHistograms(...h.halves));
}
