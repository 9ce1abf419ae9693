/** Final step: what is still missing, then submit; a 409 lists the questions the API wants. */
import { useState } from 'preact/hooks';
import type { Section } from '../../api/domain';
import { ApiError } from '../../api/http';
import type { Answers, SampleInfo } from '../../api/types';
import { submitAssessment } from '../../api/vendor';
import { ErrorBanner } from '../../components/feedback';
import { overallProgress, sectionProgress } from './answer-model';
import { AnswersReview } from './answers-review';

interface Props {
  sections: readonly Section[];
  answers: Answers;
  samples: SampleInfo[];
  goToSamples: () => void;
  flush: () => Promise<boolean>;
  onSubmitted: () => void;
  goTo: (questionId: string) => void;
}

/** The review-and-submit step. */
export function SubmitPanel(props: Props) {
  const { sections, answers, samples, goToSamples, flush, onSubmitted, goTo } = props;
  const [missing, setMissing] = useState<{ questionId: string; prompt: string }[] | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const progress = overallProgress(sections, answers);
  const open = sections.flatMap((s) =>
    sectionProgress(s, answers).requiredOpen.map((q) => ({ questionId: q.id, prompt: q.prompt })),
  );
  const list = missing ?? open;

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      if (!(await flush())) {
        setError(new Error('Some answers could not be saved. Fix the marked questions first.'));
        return;
      }
      await submitAssessment();
      setMissing(null);
      onSubmitted();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.problem.missing) {
        setMissing(e.problem.missing);
        document.getElementById('missing-heading')?.focus();
      } else {
        setError(e);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="step-heading" class="stack">
      <p>
        {progress.answered} of {progress.total} questions answered; {progress.requiredAnswered} of{' '}
        {progress.requiredTotal} required. After you submit, your answers are locked until the
        reviewers respond.
      </p>
      {list.length ? (
        <div
          class={missing ? 'banner banner-error' : 'banner banner-warning'}
          role={missing ? 'alert' : undefined}
        >
          <h3 id="missing-heading" tabIndex={-1}>
            {missing
              ? 'Submission refused: these required questions need an answer'
              : 'Required questions still open'}
          </h3>
          <p class="small">“Unknown / prefer not to say” counts as an answer.</p>
          <ul class="missing">
            {list.map((m) => (
              <li key={m.questionId}>
                <button type="button" class="link-button" onClick={() => goTo(m.questionId)}>
                  {m.prompt}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p class="banner banner-success">Every required question has an answer.</p>
      )}
      <SampleWarning samples={samples} goToSamples={goToSamples} />
      <AnswersReview sections={sections} answers={answers} goTo={goTo} />
      <ErrorBanner error={error} />
      <button type="button" class="button" onClick={submit} disabled={busy}>
        {busy ? 'Submitting…' : 'Submit answers'}
      </button>
    </section>
  );
}

/** Warns when no sample was uploaded (or none could be analyzed): the answers then go unchecked. */
function SampleWarning({
  samples,
  goToSamples,
}: {
  samples: SampleInfo[];
  goToSamples: () => void;
}) {
  const usable = samples.filter((s) => s.status !== 'failed');
  if (usable.some((s) => s.role === 'training')) return null;
  return (
    <div class="banner banner-warning" role="note" data-testid="no-sample-warning">
      <h3>No sample data {samples.length ? 'could be analyzed' : 'uploaded'}</h3>
      <p>
        Without a training sample your answers cannot be checked against the data, and the reviewers
        count that as risk. You can still submit.
      </p>
      <button type="button" class="button secondary small" onClick={goToSamples}>
        Upload a sample
      </button>
    </div>
  );
}
