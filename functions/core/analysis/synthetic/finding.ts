import { bySeverity, pct } from '../findings-util';
import type { Analysis, Finding } from '../types';

/** The `synthetic.estimate` finding for an estimate, screening or calibrated. */
export function estimateFinding(s: Analysis['synthetic'], statisticalShare?: number): Finding {
  const [lo, hi] = s.interval;
  const ref = s.reference;
  const about = `About ${pct(s.estimatedShare)} of records look machine-generated (95% interval ${pct(lo)}–${pct(hi)}).`;
  const machines = ref?.machine?.references.filter((m) => m.usable) ?? [];
  const basis = !ref
    ? ' A screening estimate from the style model alone (no reference sample): a low value is not proof of human origin, and a high one is no verdict on any record.'
    : ref.selfTest.usable && ref.mode === 'two-sided'
      ? ` Two-sided: fitted as a mixture of the human reference${ref.name ? ` "${ref.name}"` : ''} (${ref.records} records) and known-machine text from ${machines.map((m) => m.generator).join(', ')} (${machines.reduce((n, m) => n + m.records, 0)} records): at least ${pct(lo)} and at most ${pct(hi)}, each with 95% confidence, if the sample's machine text resembles the machine reference's.`
      : ref.selfTest.usable
        ? ` Calibrated against the reference${ref.name ? ` "${ref.name}"` : ''} (${ref.records} known-human records): at least ${pct(lo)} with 95% confidence. A low value is still not proof of human origin.`
        : ` The reference could not calibrate it: ${ref.selfTest.message} So this is a screening estimate from the style model alone; a low value is not proof of human origin.`;
  return {
    id: 'synthetic.estimate',
    severity: bySeverity(s.estimatedShare, [
      [0.5, 'medium'],
      [0.2, 'low'],
    ]),
    message:
      about +
      basis +
      (ref?.machine && ref.mode !== 'two-sided'
        ? ` Machine references: ${ref.machine.message}`
        : ''),
    evidence: {
      estimatedShare: s.estimatedShare,
      interval: s.interval,
      markerRate: s.markerRate,
      ...(statisticalShare === undefined ? {} : { statisticalShare }),
      evidenceStrength: ref?.selfTest.usable ? 'calibrated' : 'screening',
      ...(ref ? { reference: ref } : {}),
      method: s.method,
    },
  };
}
