import type { Analysis, FieldMapping, Severity } from '../core/analysis';
import { matchLines } from './fingerprint-load';
import { formatImagesSummary } from './summary-images';
import { sourceLines } from './summary-sources';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const num = (x: number, digits = 3) => x.toFixed(digits);
const SEVERITY_ORDER: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

function fields(f: FieldMapping): string {
  const text = Array.isArray(f.text) ? f.text.join(' + ') : f.text;
  const rest = Object.entries(f)
    .filter(([k, v]) => k !== 'text' && v)
    .map(([k, v]) => `${k}=${v}`);
  return [`text=${text}`, ...rest].join('  ');
}

/** How the machine-text estimate was made: screening, or calibrated by a reference (and its self-test). */
function referenceLine(s: Analysis['synthetic']): string {
  const r = s.reference;
  if (!r)
    return 'screening estimate (style model alone, no --reference): a low value is not proof of human origin';
  if (r.selfTest.usable && r.mode === 'two-sided' && r.machine)
    return `two-sided: human reference${r.name ? ` ${r.name}` : ''} (${r.records} records) and machine references ${r.machine.references
      .filter((m) => m.usable)
      .map((m) => `${m.name ?? m.generator} [${m.generator}, ${m.records} records]`)
      .join(', ')}; separation ${pct(r.machine.separation ?? 0)}; bounds are one-sided 95%${
      r.machine.departure?.applied
        ? `; raised to the departure from the human reference (${pct(r.machine.departure.lowerBound)}): the sample's machine text is unlike the machine reference's`
        : ''
    }`;
  const machine = r.machine ? ` Machine references not used: ${r.machine.message}` : '';
  return r.selfTest.usable
    ? `calibrated against ${r.name ?? 'the reference'} (${r.records} records; ${r.selfTest.message})${machine}`
    : `NOT calibrated: ${r.selfTest.message} Screening estimate only.${machine}`;
}

/** The human-readable summary `diligence analyze` prints without --json. */
export function formatSummary(a: Analysis, file: string, holdout?: string): string {
  if (a.images) return formatImagesSummary(a, file, holdout);
  const lines: string[] = [];
  const row = (name: string, value: string) => lines.push(`  ${name.padEnd(14)}${value}`);
  lines.push(`diligence analyze ${file}`);
  row(
    'records',
    `${a.input.records.toLocaleString('en-US')} (${(a.input.bytes / 1e6).toFixed(2)} MB ${a.input.format}, ${a.input.malformed} malformed)`,
  );
  row('fields', fields(a.input.fields));
  row(
    'duplicates',
    `exact ${pct(a.duplicates.exactRate)}, near ${pct(a.duplicates.nearRate)} (${a.duplicates.clusters.length} largest clusters listed in --json)`,
  );
  const d = a.diversity;
  row(
    'diversity',
    `distinct-1/2/3 ${num(d.distinct1)}/${num(d.distinct2)}/${num(d.distinct3)}, gzip ratio ${num(d.compressionRatio, 2)}, MATTR ${num(d.mattr)}, self-repetition ${pct(d.selfRepetition)}`,
  );
  const s = a.synthetic;
  row(
    'synthetic',
    `estimated ${pct(s.estimatedShare)} (95% interval ${pct(s.interval[0])}–${pct(s.interval[1])}), markers ${pct(s.markerRate)}, declared ${s.declaredShare === null ? 'n/a' : pct(s.declaredShare)}`,
  );
  row('', referenceLine(s));
  if (a.labels) {
    const l = a.labels;
    const classes = Object.entries(l.classes)
      .slice(0, 6)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    row(
      'labels',
      `${Object.keys(l.classes).length} classes (${classes}); entropy ${num(l.normalizedEntropy, 2)}, imbalance ${num(l.imbalanceRatio, 1)}x, conflicts ${pct(l.conflictRate)}${l.lowAgreementShare === null ? '' : `, low agreement ${pct(l.lowAgreementShare)}`}`,
    );
  } else row('labels', 'none detected');
  row(
    'provenance',
    `${pct(a.provenance.completeness)} complete (${Object.entries(a.provenance.perField)
      .map(([k, v]) => `${k} ${pct(v)}`)
      .join(', ')})`,
  );
  row(
    'freshness',
    a.freshness
      ? `${a.freshness.oldest} to ${a.freshness.newest}, median age ${Math.round(a.freshness.medianAgeDays)} days, ${a.freshness.unparseable} unparseable`
      : 'no dates',
  );
  if (a.contamination) {
    row(
      'contamination',
      `${pct(a.contamination.overlapRate)} of ${a.contamination.holdoutRecords} holdout records (${holdout}) overlap training; exact ${pct(a.contamination.exactRate)}, mean coverage ${pct(a.contamination.meanCoverage)}`,
    );
  }
  const matches = matchLines(a);
  matches.forEach((line, i) => {
    row(i === 0 ? 'fingerprints' : '', line);
  });
  const kinds = Object.entries(a.pii.kinds)
    .filter(([, c]) => c > 0)
    .map(([k, c]) => `${c} ${k}`);
  row(
    'personal data',
    kinds.length ? `${pct(a.pii.recordShare)} of records (${kinds.join(', ')})` : 'none found',
  );
  for (const [name, value] of sourceLines(a)) row(name, value);
  const findings = [...a.findings].sort(
    (x, y) => SEVERITY_ORDER.indexOf(x.severity) - SEVERITY_ORDER.indexOf(y.severity),
  );
  lines.push('', 'Findings:');
  for (const f of findings) lines.push(`  [${f.severity}] ${f.message}`);
  return `${lines.join('\n')}\n`;
}
