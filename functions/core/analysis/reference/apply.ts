import { estimateFinding } from '../synthetic/finding';
import type { Analysis } from '../types';
import { calibrateWithReference } from './calibrate';
import type { SyntheticEvidence } from './evidence';
import { calibrateTwoSided, type MachineReferenceInput } from './two-sided';

function withSynthetic(analysis: Analysis, synthetic: Analysis['synthetic']): Analysis {
  const previous = analysis.findings.find((f) => f.id === 'synthetic.estimate');
  const statistical = previous?.evidence.statisticalShare;
  const finding = estimateFinding(
    synthetic,
    typeof statistical === 'number' ? statistical : undefined,
  );
  return {
    ...analysis,
    synthetic,
    findings: analysis.findings.map((f) => (f.id === 'synthetic.estimate' ? finding : f)),
  };
}

/**
 * The analysis with its machine-text estimate calibrated against `reference`: `synthetic` replaced
 * and the estimate finding restated. The input analysis is not changed.
 */
export function applyReference(
  analysis: Analysis,
  reference: SyntheticEvidence,
  options: { name?: string } = {},
): Analysis {
  return withSynthetic(analysis, calibrateWithReference(analysis, reference, options));
}

/**
 * As `applyReference`, with known-machine references too: the two-sided mixture estimate when they
 * are usable (`calibrateTwoSided`), the human-only calibration otherwise.
 */
export function applyReferences(
  analysis: Analysis,
  human: SyntheticEvidence,
  machines: MachineReferenceInput[],
  options: { name?: string } = {},
): Analysis {
  return withSynthetic(
    analysis,
    machines.length
      ? calibrateTwoSided(analysis, human, machines, options)
      : calibrateWithReference(analysis, human, options),
  );
}
