/** The vendor's questionnaire: steps per section, sample upload, then submit; autosaved. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { VendorAssessment } from '../../api/vendor';
import { isAnswered, overallProgress, sectionOf } from './answer-model';
import { AnswersReview } from './answers-review';
import { CliLink } from './cli-link';
import { ClosedNotice } from './closed-notice';
import { YourSections, yoursFirst } from './contact-sections';
import { FrameworkDrafts } from './framework-drafts';
import { QuestionField } from './question-field';
import { AnsweredSummary, SaveIndicator, StepsNav } from './questionnaire-parts';
import { SampleUpload } from './sample-upload';
import { SubmitPanel } from './submit-panel';
import { useAutosave } from './use-autosave';

interface Props {
  data: VendorAssessment;
  reload: () => Promise<VendorAssessment>;
  onSubmitted: () => void;
}

const editable = ['invited', 'in_progress', 'changes_requested'];

/** The whole vendor workflow for one assessment. */
export function Questionnaire({ data, reload, onSubmitted }: Props) {
  const { template, comments } = data;
  const sections = yoursFirst(template.sections, data.you?.sections ?? []);
  const readOnly = !editable.includes(data.assessment.status);
  const save = useAutosave({ answers: data.answers, version: data.version }, () =>
    reload().then((fresh) => ({ answers: fresh.answers, version: fresh.version })),
  );
  const [step, setStep] = useState<string>(sections[0]?.id ?? 'samples');
  const [samples, setSamples] = useState(data.samples);
  const [focusId, setFocusId] = useState<string | null>(null);
  const references = useMemo(
    () => new Map(template.references.map((r) => [r.id as string, r])),
    [template],
  );
  const steps = [
    ...sections.map((s) => ({ id: s.id, title: s.title })),
    { id: 'samples', title: 'Sample data' },
    { id: 'submit', title: 'Review and submit' },
  ];
  const index = steps.findIndex((s) => s.id === step);
  const progress = overallProgress(sections, save.answers);
  const general = comments.filter((c) => !c.questionId);

  useEffect(() => {
    if (!focusId) return;
    const target = document.querySelector<HTMLElement>(
      `#q-${CSS.escape(focusId)}-block input, #q-${CSS.escape(focusId)}-block textarea`,
    );
    target?.focus();
    target?.scrollIntoView({ block: 'center' });
    setFocusId(null);
  }, [focusId]);

  // Procurement already named the dataset: offer that name instead of asking for it again.
  useEffect(() => {
    if (!readOnly && !isAnswered(data.answers.dataset_name) && data.assessment.dataset.name)
      save.setAnswer('dataset_name', data.assessment.dataset.name);
  }, []);

  useEffect(() => {
    const unsaved = ['pending', 'saving', 'invalid', 'failed'];
    const warn = (event: BeforeUnloadEvent) => {
      if (!unsaved.includes(save.state)) return;
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [save.state]);

  const go = (id: string) => {
    setStep(id);
    document.getElementById('step-heading')?.focus();
  };
  const goToQuestion = (questionId: string) => {
    const section = sectionOf(sections, questionId);
    if (section) setStep(section.id);
    setFocusId(questionId);
  };
  const current = sections.find((s) => s.id === step);

  return (
    <div class="vendor-layout">
      <StepsNav
        steps={steps}
        current={step}
        sections={sections}
        answers={save.answers}
        comments={comments}
        onGo={go}
      />
      <div class="step-body stack">
        <YourSections you={data.you} sections={sections} />
        {general.length ? (
          <div class="banner banner-warning" role="note">
            <h2 class="inline-heading">Reviewer comments</h2>
            {general.map((c) => (
              <p key={c.comment}>{c.comment}</p>
            ))}
          </div>
        ) : null}
        {readOnly ? <ClosedNotice data={data} /> : null}
        {readOnly ? null : (
          <SaveIndicator
            state={save.state}
            savedAt={save.savedAt}
            failure={save.failure}
            retry={save.flush}
          />
        )}
        <h2 id="step-heading" tabIndex={-1} class="step-title">
          Step {index + 1} of {steps.length}: {steps[index]?.title}
        </h2>
        {current ? (
          <section aria-labelledby="step-heading" class="stack">
            {current.description ? <p class="lead">{current.description}</p> : null}
            {current.questions.map((q) => (
              <QuestionField
                key={q.id}
                question={q}
                value={save.answers[q.id]}
                error={save.errors[q.id]}
                comments={comments.filter((c) => c.questionId === q.id).map((c) => c.comment)}
                references={references}
                readOnly={readOnly}
                onChange={(value) => save.setAnswer(q.id, value)}
              />
            ))}
          </section>
        ) : null}
        {step === 'samples' ? (
          <SampleUpload initial={samples} readOnly={readOnly} onChange={setSamples} />
        ) : null}
        {step === 'samples' && !readOnly ? <CliLink buyer={data.buyer} /> : null}
        {step === 'submit' && !readOnly ? (
          <SubmitPanel
            sections={sections}
            answers={save.answers}
            samples={samples}
            goToSamples={() => go('samples')}
            flush={save.flush}
            onSubmitted={onSubmitted}
            goTo={goToQuestion}
          />
        ) : null}
        {step === 'submit' && readOnly ? (
          <>
            <AnsweredSummary answers={save.answers} total={progress.total} />
            <AnswersReview sections={sections} answers={save.answers} />
          </>
        ) : null}
        {step === 'submit' ? <FrameworkDrafts flush={readOnly ? undefined : save.flush} /> : null}
        <div class="inline step-nav">
          {index > 0 ? (
            <button
              type="button"
              class="button secondary"
              onClick={() => go(steps[index - 1]?.id ?? step)}
            >
              ← Previous: {steps[index - 1]?.title}
            </button>
          ) : null}
          {index < steps.length - 1 ? (
            <button type="button" class="button" onClick={() => go(steps[index + 1]?.id ?? step)}>
              Next: {steps[index + 1]?.title} →
            </button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
