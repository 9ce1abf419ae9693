/**
 * Framework packs: the items a rule or standard asks about training data, each mapped to the
 * questionnaire's questions, the analyzer's measurements and the claim checks, so a report says per
 * item whether it was answered, measured, contradicted or missing — with the evidence.
 */

/** The ids of the frameworks Diligence maps (DESIGN.md, "Signed reports and framework packs"). */
export type FrameworkId =
  | 'eu-ai-act-art10'
  | 'eu-gpai-summary'
  | 'ca-ab2013'
  | 'iso42001-a7'
  | 'nist-ai-600-1';

/** Where the item list comes from: the published text, cited (titles only are paraphrased here). */
export interface FrameworkSource {
  title: string;
  publisher: string;
  date: string;
  url: string;
}

/** One item of a framework and what in a report can speak to it. */
export interface FrameworkItemDef {
  id: string;
  /** A short title in our words (no text of the rule copied beyond item titles). */
  title: string;
  /** Where the item sits in the text (article, section, annex control). */
  ref: string;
  /** Questionnaire questions whose answers address it. */
  questions: readonly string[];
  /** Measurements (ids of `MEASUREMENTS`) that address it. */
  measurements: readonly string[];
  /**
   * Claim questions whose discrepancy contradicts it. A discrepancy on any of `questions` does too;
   * list here claims that bear on the item without being among its questions.
   */
  claims?: readonly string[];
  /** Why nothing in the questionnaire or the sample can address it, when that is so. */
  gap?: string;
}

/** A framework: its id, title, source and items in the text's order. */
export interface Framework {
  id: FrameworkId;
  title: string;
  source: FrameworkSource;
  items: readonly FrameworkItemDef[];
}

/** How an item stands in a report: the strongest evidence wins, a contradiction over all. */
export type ItemStatus = 'answered' | 'measured' | 'contradicted' | 'missing';

/** One piece of evidence behind an item's status. */
export interface ItemEvidence {
  kind: 'answer' | 'measurement' | 'discrepancy';
  /** A question id, a measurement path (`training.duplicates.nearRate`) or the contradicted claim's question id. */
  ref: string;
  text: string;
}

/** One item of a computed pack. */
export interface PackItem {
  id: string;
  title: string;
  ref: string;
  status: ItemStatus;
  evidence: ItemEvidence[];
}

/** A framework pack computed from one report version (contract in DESIGN.md). */
export interface FrameworkPack {
  id: FrameworkId;
  title: string;
  source: FrameworkSource;
  /** The report it was computed from (a report version always yields the same pack). */
  report: { assessmentId: string; version: number | null; sha256: string };
  counts: Record<ItemStatus, number>;
  items: PackItem[];
}
