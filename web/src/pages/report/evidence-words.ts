/** Words for the strength of the evidence behind a claim check (one vocabulary with the scoring docs). */

/** How strong the evidence behind a claim check is. */
export type EvidenceStrength = 'measured' | 'reviewed' | 'calibrated' | 'screening';

/** Strongest first: measured > reviewed > calibrated > screening. */
export const evidenceOrder: readonly EvidenceStrength[] = [
  'measured',
  'reviewed',
  'calibrated',
  'screening',
];

const words: Record<EvidenceStrength, { label: string; explain: string }> = {
  measured: {
    label: 'Measured',
    explain: 'Counted in the sample: tags, markers, duplicates, dates or fields.',
  },
  reviewed: {
    label: 'Reviewed by a person (spot-check)',
    explain: 'A reviewer read a stratified random draw of records and tagged each one.',
  },
  calibrated: {
    label: 'Calibrated',
    explain:
      'The style model read against your reference samples (known-human, and known-machine when attached).',
  },
  screening: {
    label: 'Screening',
    explain: 'The style model alone: it can err across domains and on non-native writing.',
  },
};

/** The label and explanation of a strength; unknown values are shown as they are. */
export function evidenceWords(strength: string): { label: string; explain: string } {
  return words[strength as EvidenceStrength] ?? { label: strength, explain: '' };
}
