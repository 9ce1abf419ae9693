/**
 * "Matches with known corpora": per fingerprint pack, the share of the sample's records that copy
 * a known corpus and example record numbers (the PDF adds the vendor's masked texts of those).
 */
import type { ReportSample } from '../../api/domain';

interface MatchView {
  pack: string;
  kind: 'synthetic' | 'eval' | 'echo';
  exactShare: number;
  nearShare: number;
  matchedShare: number;
  examples: number[];
  exampleTexts?: { record: number; text: string }[];
}

interface PackNoteView {
  packId: string;
  name: string;
  applied: boolean;
  message: string | null;
}

const what: Record<MatchView['kind'], string> = {
  synthetic: 'a known machine-written corpus: measured machine text',
  eval: 'your evaluation set: contamination',
  echo: "your own model's outputs: the vendor sold you your model's text",
};

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

/** The section, or nothing when no pack applies to the assessment. */
export function FingerprintMatches({ report }: { report: { samples: ReportSample[] } }) {
  const notes = (report as { fingerprints?: PackNoteView[] }).fingerprints ?? [];
  const rows = report.samples.flatMap((s) =>
    ((s as { matches?: MatchView[] }).matches ?? []).map((m) => ({ role: s.role, m })),
  );
  if (notes.length === 0 && rows.length === 0) return null;
  return (
    <section class="card stack" aria-labelledby="matches-heading" data-testid="fingerprint-matches">
      <h2 id="matches-heading">Matches with known corpora</h2>
      {rows.length === 0 ? <p class="small">No pack was matched against a sample yet.</p> : null}
      <ul class="stack">
        {rows.map(({ role, m }) => (
          <li key={`${role}-${m.pack}`}>
            <p>
              <strong>{m.pack}</strong>, {role} sample:{' '}
              {m.matchedShare > 0
                ? `${pct(m.matchedShare)} of records match ${what[m.kind]}.`
                : 'no record matches.'}
            </p>
            {m.matchedShare > 0 ? (
              <p class="small muted">
                Exact copies {pct(m.exactShare)}, near copies {pct(m.nearShare)}. Example record
                numbers: {m.examples.join(', ')} (the PDF shows their text).
              </p>
            ) : null}
            {(m.exampleTexts ?? []).map((e) => (
              <blockquote class="example" key={e.record}>
                Record {e.record}: {e.text}
              </blockquote>
            ))}
          </li>
        ))}
      </ul>
      {notes
        .filter((n) => !n.applied)
        .map((n) => (
          <p class="small error-text" key={n.packId}>
            {n.name}: {n.message}
          </p>
        ))}
    </section>
  );
}
