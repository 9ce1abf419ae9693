/** Pieces of the questionnaire page: the steps navigation, the save indicator, the closed summary. */

import { useState } from 'preact/hooks';
import type { Section } from '../../api/domain';
import type { Answers, ReviewComment } from '../../api/types';
import { ErrorBanner } from '../../components/feedback';
import { isAnswered, overallProgress, sectionProgress } from './answer-model';
import type { SaveState } from './use-autosave';

/** The step list with overall and per-section progress and reviewer-comment counts. */
export function StepsNav(props: {
  steps: { id: string; title: string }[];
  current: string;
  sections: readonly Section[];
  answers: Answers;
  comments: ReviewComment[];
  onGo: (id: string) => void;
}) {
  const { steps, current: step, sections, answers, comments, onGo } = props;
  const progress = overallProgress(sections, answers);
  // On narrow screens the list folds away behind one line, so the first question is in view.
  const [open, setOpen] = useState(false);
  const index = steps.findIndex((s) => s.id === step);
  const go = (id: string) => {
    setOpen(false);
    onGo(id);
  };
  return (
    <nav class={open ? 'steps card open' : 'steps card'} aria-label="Questionnaire steps">
      <button
        type="button"
        class="steps-toggle"
        aria-expanded={open}
        aria-controls="steps-list"
        onClick={() => setOpen(!open)}
      >
        <span>
          Step {index + 1} of {steps.length} · {progress.answered}/{progress.total} answered
        </span>
        <span aria-hidden="true">{open ? '▲' : '▼'}</span>
        <span class="visually-hidden">{open ? 'Hide' : 'Show'} all steps</span>
      </button>
      <p class="small steps-summary">
        <label for="overall-progress">
          {progress.answered} of {progress.total} questions answered
        </label>
      </p>
      <progress id="overall-progress" max={progress.total} value={progress.answered} />
      <ol id="steps-list">
        {steps.map((s) => {
          const section = sections.find((x) => x.id === s.id);
          const p = section ? sectionProgress(section, answers) : null;
          const done = p && p.answered === p.total;
          const noted = section
            ? comments.filter((c) => section.questions.some((q) => q.id === c.questionId)).length
            : 0;
          return (
            <li key={s.id}>
              <button
                type="button"
                class="step-button"
                aria-current={s.id === step ? 'step' : undefined}
                onClick={() => go(s.id)}
              >
                <span>{s.title}</span>
                {p ? (
                  <span class="small muted">
                    {done ? '✔ ' : ''}
                    {p.answered}/{p.total}
                    {p.requiredOpen.length ? `, ${p.requiredOpen.length} required open` : ''}
                  </span>
                ) : null}
                {noted ? (
                  <span class="small step-note">
                    {noted} reviewer comment{noted > 1 ? 's' : ''}
                  </span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** Says whether answers are saved; explains conflicts and failures. */
export function SaveIndicator(props: {
  state: SaveState;
  savedAt: Date | null;
  failure: unknown;
  retry: () => Promise<boolean>;
}) {
  const { state, savedAt, failure, retry } = props;
  if (state === 'conflict') {
    return (
      <div class="banner banner-warning" role="alert">
        Your answers were changed in another window since this page loaded. We loaded the latest
        saved answers: please check your last change and enter it again if it is missing.
      </div>
    );
  }
  if (state === 'failed') {
    return (
      <div class="banner banner-error" role="alert">
        <ErrorBanner error={failure} />
        <button type="button" class="button secondary small" onClick={() => void retry()}>
          Try saving again
        </button>
      </div>
    );
  }
  const words: Record<Exclude<SaveState, 'conflict' | 'failed'>, string> = {
    saved: savedAt
      ? `All changes saved at ${savedAt.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`
      : 'Answers save automatically as you type.',
    pending: 'Unsaved changes…',
    saving: 'Saving…',
    invalid: 'Not saved: the answers marked below (correct them). Your other answers are saved.',
  };
  return (
    <p class={`save-state save-${state}`} role="status" data-save-state={state}>
      {words[state]}
    </p>
  );
}

/** A short summary shown when the questionnaire is closed. */
export function AnsweredSummary({ answers, total }: { answers: Answers; total: number }) {
  const count = Object.values(answers).filter(isAnswered).length;
  return (
    <p>
      You answered {count} of {total} questions. Use the steps to read your answers.
    </p>
  );
}
