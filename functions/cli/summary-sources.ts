import type { Analysis } from '../core/analysis/types';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Summary lines for languages and the per-source table (`diligence analyze` without --json). */
export function sourceLines(a: Analysis): [string, string][] {
  const out: [string, string][] = [];
  if (a.languages) {
    const top = a.languages.detected
      .slice(0, 6)
      .map((d) => `${d.language} ${pct(d.share)}`)
      .join(', ');
    out.push([
      'languages',
      `${top || 'none detected'}; undetermined ${pct(a.languages.undetermined)}`,
    ]);
  }
  for (const [i, r] of (a.bySource ?? []).entries()) {
    out.push([
      i === 0 ? 'by source' : '',
      `${r.source}: ${r.records} records (${pct(r.share)}), near-dup ${pct(r.duplicates.nearRate)}, markers ${pct(r.synthetic.markerRate)}, est. machine ${pct(r.synthetic.estimatedShare)}, PII ${pct(r.pii.recordShare)}${r.freshness ? `, median age ${Math.round(r.freshness.medianAgeDays)} d` : ''}`,
    ]);
  }
  return out;
}
