import { pct } from './findings-util';
import { ABSTAIN_BELOW, detectEntries, samplingError, sharesOf } from './languages/detect';
import { LANGUAGE_SAMPLE, LANGUAGE_TEXT } from './languages/sample';
import { bySource, OTHER } from './metrics/by-source';
import type { Duplicates } from './metrics/dedup';
import { NO_SOURCE } from './partial/sources';
import type { AnalysisPartial } from './partial/types';
import type { Analysis, Finding, SourceRow } from './types';

/** A source is named as carrying a problem when it holds at least this share of it... */
export const CONCENTRATION_SHARE = 0.5;
/** ...while holding less than this share of the records... */
export const CONCENTRATION_RECORDS = 0.5;
/** ...and the problem counts at least this many records. */
export const CONCENTRATION_MIN = 10;

const PROBLEMS: {
  id: string;
  what: string;
  rate: (r: SourceRow) => number;
}[] = [
  { id: 'sources.near-duplicates', what: 'near-duplicates', rate: (r) => r.duplicates.nearRate },
  { id: 'sources.pii', what: 'records with personal data', rate: (r) => r.pii.recordShare },
  {
    id: 'sources.markers',
    what: 'records with machine-text markers',
    rate: (r) => r.synthetic.markerRate,
  },
];

const nameOf = (source: string) =>
  source === NO_SOURCE ? 'records without a source' : `\`${source}\``;

/**
 * Findings that name the source carrying a problem: one source (not `(other)`) holding at least
 * half of the records with the problem while holding less than half of all records, with at least
 * `CONCENTRATION_MIN` such records. Duplicate counts are estimated from the indexed rate.
 */
export function sourceFindings(rows: readonly SourceRow[]): Finding[] {
  const total = rows.reduce((s, r) => s + r.records, 0);
  const out: Finding[] = [];
  if (total === 0) return out;
  for (const problem of PROBLEMS) {
    const counts = rows.map((r) => problem.rate(r) * r.records);
    const all = counts.reduce((s, c) => s + c, 0);
    if (all < CONCENTRATION_MIN) continue;
    counts.forEach((c, i) => {
      const row = rows[i] as SourceRow;
      const held = c / all;
      if (row.source === OTHER || held < CONCENTRATION_SHARE) return;
      if (row.records / total >= CONCENTRATION_RECORDS) return;
      const some = held >= 0.995 ? 'All' : pct(held);
      out.push({
        id: problem.id,
        severity: problem.id === 'sources.pii' ? 'medium' : 'low',
        message: `${some} of ${problem.what} come from ${nameOf(row.source)}, which holds ${pct(row.records / total)} of records.`,
        evidence: {
          source: row.source,
          problemShare: held,
          recordShare: row.records / total,
          problemRecords: Math.round(c),
          rate: problem.rate(row),
        },
      });
    });
  }
  return out;
}

/**
 * Adds `languages`, `bySource` and their findings to an analysis. Languages are detected on the
 * partial's language sample (at most `LANGUAGE_SAMPLE` records chosen by a keyed hash of their
 * text); per-source duplicates use `dup.repeats`.
 */
export function addSourcesAndLanguages(
  p: AnalysisPartial,
  a: Analysis,
  dup: Duplicates,
  nowMs: number,
): void {
  const entries = p.languages?.entries ?? null;
  const results = entries ? detectEntries(entries) : null;
  if (entries && results) {
    a.languages = sharesOf(results);
    const k = entries.length;
    const top = a.languages.detected[0];
    const err = samplingError(top?.share ?? 0.5, k, p.records);
    a.findings.push({
      id: 'languages.method',
      severity: 'info',
      message: `Languages: franc (trigram detector) on ${k === p.records ? 'every record' : `${k} of ${p.records} records chosen by a keyed hash of their text`}, reading each record's first ${LANGUAGE_TEXT} characters; records under ${ABSTAIN_BELOW} characters (in a script several languages share) count as undetermined.${err > 0 ? ` Shares are within ±${pct(err)} (95 %) of the whole sample's.` : ''}`,
      evidence: {
        sampled: k,
        records: p.records,
        limit: LANGUAGE_SAMPLE,
        abstainBelow: ABSTAIN_BELOW,
        samplingError: err,
        keyed: p.languages?.keyed ?? false,
      },
    });
  }
  const rows = bySource(p, dup, entries && results ? { entries, results } : null, nowMs);
  if (!rows) return;
  a.bySource = rows;
  a.findings.push(...sourceFindings(rows));
}
