/** What changed between two report versions: score and tier, factors, answers, samples. */
import type { ReportDiff } from '../../api/report-exports';
import type { Tier } from '../../api/types';
import { displayValue, humanize, percent, tierLabel } from '../../format';

const points = (p: number) => (Math.round(p * 10) / 10).toFixed(1);

/** The diff of two versions as lists a reviewer can scan. */
export function VersionDiff({ diff, prompts }: { diff: ReportDiff; prompts: Map<string, string> }) {
  const f = diff.factors;
  const nothing =
    f.added.length +
      f.removed.length +
      f.changed.length +
      diff.answers.length +
      diff.samples.length ===
    0;
  return (
    <div class="version-diff" data-testid="version-diff">
      <p>
        Version {diff.from.version} → {diff.to.version}: score {diff.score.from} → {diff.score.to} (
        {diff.score.change > 0 ? '+' : ''}
        {diff.score.change}), {tierLabel(diff.tier.from as Tier)}
        {diff.tier.changed ? ` → ${tierLabel(diff.tier.to as Tier)}` : ' (unchanged)'}; maturity{' '}
        {diff.maturity.from} → {diff.maturity.to}.
      </p>
      {nothing ? <p class="muted">No factor, answer or sample changed.</p> : null}
      {f.added.length ? (
        <>
          <h4>Factors added</h4>
          <ul>
            {f.added.map((x) => (
              <li key={x.id}>
                {humanize(x.id)} (+{points(x.points)}): {x.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {f.removed.length ? (
        <>
          <h4>Factors removed</h4>
          <ul>
            {f.removed.map((x) => (
              <li key={x.id}>
                {humanize(x.id)} (−{points(x.points)})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {f.changed.length ? (
        <>
          <h4>Factors changed</h4>
          <ul>
            {f.changed.map((x) => (
              <li key={x.id}>
                {humanize(x.id)}: {points(x.from.points)} → {points(x.to.points)}. {x.to.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {diff.answers.length ? (
        <>
          <h4>Answers changed</h4>
          <ul>
            {diff.answers.map((a) => (
              <li key={a.questionId}>
                {prompts.get(a.questionId) ?? humanize(a.questionId)}: {displayValue(a.from ?? '—')}{' '}
                → {displayValue(a.to ?? '—')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {diff.samples.length ? (
        <>
          <h4>Samples changed</h4>
          <ul>
            {diff.samples.map((s) => (
              <li key={s.role}>
                {humanize(s.role)} sample {s.change}
                {s.to
                  ? `: ${s.to.records} records, ${percent(s.to.nearRate)} near-duplicates, ${percent(s.to.estimatedShare)} machine text`
                  : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
