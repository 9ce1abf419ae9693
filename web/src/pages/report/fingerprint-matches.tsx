/**
 * "Matches with known corpora": per fingerprint pack, the share of the sample's records that copy
 * a known corpus, example record numbers and, fetched apart (the stored report holds numbers only),
 * the vendor's masked texts of up to three of them, shown as text.
 */
import type { ReportSample } from '../../api/domain';
import { getMatchExamples, type MatchExamples } from '../../api/report-exports';
import { errorMessage } from '../../components/feedback';
import { useAsync } from '../../components/use-async';

interface MatchView {
  pack: string;
  kind: 'synthetic' | 'eval' | 'echo';
  exactShare: number;
  nearShare: number;
  matchedShare: number;
  examples: number[];
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

/** Example texts longer than this are cut, visibly. */
export const EXAMPLE_CHARS = 600;

/** Up to 3 example texts of a match: loading, the fetch's error, or the texts. */
function ExampleTexts(props: {
  state: { data?: MatchExamples; error: unknown; loading: boolean };
  role: string;
  pack: string;
}) {
  const { data, error, loading } = props.state;
  if (error)
    return (
      <p class="small error-text" role="alert">
        The example records' text could not be loaded: {errorMessage(error)}
      </p>
    );
  if (loading || !data) return <p class="small muted">Loading the example records' text…</p>;
  const item = data.items.find((i) => i.role === props.role && i.pack === props.pack);
  const examples = (item?.examples ?? []).slice(0, 3);
  if (examples.length === 0)
    return (
      <p class="small muted">
        No example text: the sample was deleted under retention or could not be read.
      </p>
    );
  return (
    <div class="stack" data-testid="match-examples">
      {examples.map((e) => (
        <blockquote class="example" key={e.record}>
          {`Record ${e.record}: `}
          {e.text.length > EXAMPLE_CHARS ? e.text.slice(0, EXAMPLE_CHARS) : e.text}
          {e.text.length > EXAMPLE_CHARS ? (
            <em class="muted">{` … (cut: ${e.text.length - EXAMPLE_CHARS} more characters)`}</em>
          ) : null}
        </blockquote>
      ))}
    </div>
  );
}

/** The section, or nothing when no pack applies to the assessment. */
export function FingerprintMatches({
  report,
  assessmentId,
}: {
  report: { samples: ReportSample[]; version: number };
  assessmentId: string;
}) {
  const notes = (report as { fingerprints?: PackNoteView[] }).fingerprints ?? [];
  const rows = report.samples.flatMap((s) =>
    ((s as { matches?: MatchView[] }).matches ?? []).map((m) => ({ role: s.role, m })),
  );
  const matched = rows.some(({ m }) => m.matchedShare > 0 && m.examples.length > 0);
  // fetched only when there is something to show (the texts are read from the sample)
  const texts = useAsync(
    () =>
      matched ? getMatchExamples(assessmentId, report.version) : Promise.resolve({ items: [] }),
    [assessmentId, report.version, matched],
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
                numbers: {m.examples.join(', ')}.
              </p>
            ) : null}
            {m.matchedShare > 0 && m.examples.length > 0 ? (
              <ExampleTexts state={texts} role={role} pack={m.pack} />
            ) : null}
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
