import { estimateFinding } from '../synthetic/finding';
import type { Analysis } from '../types';
import { calibrateWithReference } from './calibrate';
import type { SyntheticEvidence } from './evidence';

/**
 * The analysis with its machine-text estimate calibrated against `reference`: `synthetic` replaced
 * and the estimate finding restated. The input analysis is not changed.
 */
export function applyReference(
  analysis: Analysis,
  reference: SyntheticEvidence,
  options: { name?: string } = {},
): Analysis {
  const synthetic = calibrateWithReference(analysis, reference, options);
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
