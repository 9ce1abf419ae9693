/** What changed between two report versions: score and tier, factors, answers, samples. */

import { imageSentence } from '../../../../functions/core/report/image-words';
import type { Question } from '../../api/domain';
import type { ReportDiff } from '../../api/report-exports';
import type { Tier } from '../../api/types';
import { humanize, percent, tierLabel } from '../../format';
import { answerText } from './vocabulary';

const points = (p: number) => (Math.round(p * 10) / 10).toFixed(1);

/** The diff of two versions as lists a reviewer can scan. */
export function VersionDiff({
  diff,
  prompts,
  questions,
}: {
  diff: ReportDiff;
  prompts: Map<string, string>;
  questions: Map<string, Question>;
}) {
  const f = diff.factors;
  // Versions stored before reports recorded every answer (older servers omit the field).
  const unrecorded = diff.answersNotRecorded ?? [];
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
      {nothing ? (
        <p class="muted">
          {unrecorded.length
            ? 'No factor or sample changed.'
            : 'No factor, answer or sample changed.'}
        </p>
      ) : null}
      {unrecorded.length ? (
        <p class="hint" data-testid="answers-not-recorded">
          Answers not recorded in version {unrecorded.join(' and ')}: only the answers the reports
          quote were compared, so other answers may have changed unseen.
        </p>
      ) : null}
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
                {prompts.get(a.questionId) ?? 'A question no longer in the questionnaire'}:{' '}
                {a.from === null ? 'not answered' : answerText(questions.get(a.questionId), a.from)}{' '}
                → {a.to === null ? 'not answered' : answerText(questions.get(a.questionId), a.to)}
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
                {s.to?.images
                  ? `: ${imageSentence(s.to.images)}`
                  : s.to
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
