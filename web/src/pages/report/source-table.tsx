/**
 * "By source": the per-source rows of each analyzed sample (`analysis.bySource`, the 20 largest
 * sources and "(other)"), with the worst value of each problem column marked in words and weight,
 * not by colour alone; and the sample's measured languages.
 */
import type { ReportSample } from '../../api/domain';
import { TableScroll } from '../../components/table-scroll';

type Row = NonNullable<ReportSample['bySource']>[number];

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

/** The problem columns: a higher value is worse. */
const COLUMNS: { id: string; title: string; value: (r: Row) => number | null }[] = [
  { id: 'exact', title: 'Exact duplicates', value: (r) => r.duplicates.exactRate },
  { id: 'near', title: 'Near duplicates', value: (r) => r.duplicates.nearRate },
  { id: 'markers', title: 'Machine-text markers', value: (r) => r.synthetic.markerRate },
  { id: 'machine', title: 'Estimated machine text', value: (r) => r.synthetic.estimatedShare },
  { id: 'pii', title: 'Personal data', value: (r) => r.pii.recordShare },
  { id: 'age', title: 'Median age (days)', value: (r) => r.freshness?.medianAgeDays ?? null },
];

/**
 * Index of the worst row of a column (the highest value above 0), or -1: with one row, or when
 * several rows share the highest value (a tie singles no source out).
 */
export function worstRow(rows: readonly Row[], value: (r: Row) => number | null): number {
  let best = -1;
  let max = 0;
  let ties = 0;
  rows.forEach((r, i) => {
    const v = value(r);
    if (v === null || v <= 0) return;
    if (v > max) {
      max = v;
      best = i;
      ties = 1;
    } else if (v === max) ties += 1;
  });
  return rows.length > 1 && ties === 1 ? best : -1;
}

function Cell(props: { value: number | null; worst: boolean; days: boolean }) {
  const { value, worst, days } = props;
  const text = value === null ? '—' : days ? String(Math.round(value)) : pct(value);
  return (
    <td class={worst ? 'num worst' : 'num'}>
      {worst ? <strong>{text}</strong> : text}
      {worst ? <span class="small"> (worst)</span> : null}
    </td>
  );
}

function SampleSources(props: { sample: ReportSample; index: number }) {
  const { sample, index } = props;
  const rows = sample.bySource ?? [];
  const field = sample.input.fields.source;
  const worst = COLUMNS.map((c) => worstRow(rows, c.value));
  const label = `Results by source (${field ?? 'source'}) of the ${sample.role} sample`;
  return (
    <div class="stack">
      <h4>
        {sample.role === 'holdout' ? 'Holdout' : 'Training'} sample
        {index > 0 ? ` ${index + 1}` : ''}: by <code>{field}</code>
      </h4>
      <TableScroll label={label}>
        <table class="data sources">
          <caption class="visually-hidden">
            {label}; the worst value of each column is marked "(worst)"
          </caption>
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col" class="num">
                Records
              </th>
              {COLUMNS.map((c) => (
                <th scope="col" class="num" key={c.id}>
                  {c.title}
                </th>
              ))}
              <th scope="col">Main language</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.source}>
                <th scope="row">{r.source}</th>
                <td class="num">
                  {r.records.toLocaleString('en-US')} ({pct(r.share)})
                </td>
                {COLUMNS.map((c, j) => (
                  <Cell
                    key={c.id}
                    value={c.value(r)}
                    worst={worst[j] === i}
                    days={c.id === 'age'}
                  />
                ))}
                <td>
                  {r.languages?.detected[0]
                    ? `${r.languages.detected[0].language} ${pct(r.languages.detected[0].share)}`
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

function Languages(props: { sample: ReportSample }) {
  const l = props.sample.languages;
  if (!l) return null;
  const shown = l.detected.slice(0, 8);
  return (
    <p class="small">
      Languages of the {props.sample.role} sample:{' '}
      {shown.length
        ? shown.map((d) => `${d.language} ${pct(d.share)}`).join(', ')
        : 'none detected'}
      ; undetermined {pct(l.undetermined)} (records too short to tell, or empty).
    </p>
  );
}

/** The per-source tables and measured languages of a report's samples (nothing when none has them). */
export function SourceTable(props: { samples: readonly ReportSample[] }) {
  const samples = props.samples.filter((s) => s.bySource?.length || s.languages);
  if (samples.length === 0) return null;
  return (
    <section class="card" aria-labelledby="sources-heading" data-testid="source-table">
      <h3 id="sources-heading">By source and language</h3>
      <p class="small muted">
        Each row counts the records of one source; a record that repeats an earlier record anywhere
        in the sample counts as a duplicate in its own source's row. The 20 largest sources are
        listed, the rest together as "(other)".
      </p>
      {samples.map((s, i) => (
        <div class="stack" key={s.file?.sampleId ?? i}>
          <Languages sample={s} />
          {s.bySource?.length ? <SampleSources sample={s} index={i} /> : null}
        </div>
      ))}
    </section>
  );
}
