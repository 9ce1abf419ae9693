/** Governance's decision: approve, reject or request changes, with per-question comments. */
import { useState } from 'preact/hooks';
import type { Template } from '../../api/domain';
import { ApiError } from '../../api/http';
import { decide } from '../../api/staff';
import type { Assessment, Decision } from '../../api/types';
import { ErrorBanner } from '../../components/feedback';
import { describedBy, Field } from '../../components/field';
import { questionTitle } from '../report/vocabulary';
import { ConditionsEditor, conditionsFor } from './conditions-editor';

const choices: { value: Decision; label: string; hint: string }[] = [
  { value: 'approve', label: 'Approve', hint: 'The dataset may be bought for the intended use.' },
  {
    value: 'request_changes',
    label: 'Request changes',
    hint: 'Reopens the questionnaire for the vendor.',
  },
  { value: 'reject', label: 'Reject', hint: 'Closes the assessment.' },
];

const confirmWords: Record<Decision, { question: string; effect: string; yes: string }> = {
  approve: {
    question: 'Approve this dataset?',
    effect:
      'The decision is final and the vendor is told at once. A later change needs a re-assessment.',
    yes: 'Yes, approve',
  },
  reject: {
    question: 'Reject this dataset?',
    effect:
      'The decision is final; the vendor is told at once and reads your comment. A later change needs a re-assessment.',
    yes: 'Yes, reject',
  },
  request_changes: {
    question: 'Send the questionnaire back to the vendor?',
    effect: 'The vendor can edit the answers again and reads your comments beside the questions.',
    yes: 'Yes, request changes',
  },
};

interface QuestionComment {
  key: number;
  questionId: string;
  comment: string;
}

/** The decision form, shown to governance while the assessment is submitted. */
export function DecisionForm(props: {
  assessment: Assessment;
  template: Template | null;
  onDone: () => void;
}) {
  const { assessment, template, onDone } = props;
  const [decision, setDecision] = useState<Decision | ''>('');
  const [comment, setComment] = useState('');
  const [rows, setRows] = useState<QuestionComment[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const questions = template?.sections.flatMap((s) => s.questions) ?? [];

  const update = (key: number, patch: Partial<QuestionComment>) =>
    setRows((old) => old.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!decision) found.decision = 'Choose a decision.';
    if (decision === 'reject' && !comment.trim())
      found.comment = 'Say why the dataset is rejected: the vendor and the record read it.';
    if (decision === 'request_changes' && !comment.trim())
      found.comment = 'Say what the vendor needs to change.';
    rows.forEach((r, i) => {
      if (!r.questionId)
        found[`comments.${i}.questionId`] = 'Choose the question this comment is about.';
      if (!r.comment.trim())
        found[`comments.${i}.comment`] = 'Write the comment or remove the row.';
    });
    setErrors(found);
    if (Object.keys(found).length || !decision) return;
    if (!confirming) {
      setConfirming(true);
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      await decide(assessment.id, {
        decision,
        comment: comment.trim(),
        ...(rows.length
          ? { comments: rows.map((r) => ({ questionId: r.questionId, comment: r.comment.trim() })) }
          : {}),
        ...(decision === 'approve' ? conditionsFor(assessment.id) : {}),
      });
      onDone();
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fieldErrors());
      setFailure(error);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="decision-heading">
      <h2 id="decision-heading">Decision</h2>
      <form class="stack" onSubmit={submit} noValidate>
        <ErrorBanner error={failure} />
        <fieldset
          class={errors.decision ? 'has-error' : undefined}
          aria-describedby={errors.decision ? 'decision-error' : undefined}
        >
          <legend class="visually-hidden">Your decision</legend>
          {choices.map((c) => (
            <div class="choice" key={c.value}>
              <input
                type="radio"
                id={`decision-${c.value}`}
                name="decision"
                value={c.value}
                checked={decision === c.value}
                onChange={() => {
                  setDecision(c.value);
                  setConfirming(false);
                }}
              />
              <label for={`decision-${c.value}`}>
                {c.label} <span class="muted">— {c.hint}</span>
              </label>
            </div>
          ))}
          {errors.decision ? (
            <p class="error-text" id="decision-error">
              {errors.decision}
            </p>
          ) : null}
        </fieldset>
        {decision === 'approve' && <ConditionsEditor assessmentId={assessment.id} />}
        <Field
          id="decision-comment"
          label="Comment to the vendor and the record"
          hint="Required to reject or request changes."
          error={errors.comment}
        >
          <textarea
            id="decision-comment"
            rows={3}
            value={comment}
            aria-invalid={errors.comment ? 'true' : undefined}
            aria-describedby={describedBy(
              'decision-comment',
              'Required to reject or request changes.',
              errors.comment,
            )}
            onInput={(e) => setComment(e.currentTarget.value)}
          />
        </Field>
        {/* Folded by default so the decision stays on the first screen, also on a phone. */}
        <details class="question-comments" open={rows.length > 0}>
          <summary>Comments on specific questions (optional)</summary>
          <fieldset>
            <legend class="visually-hidden">Comments on specific questions</legend>
            {rows.map((row, i) => {
              const qErr = errors[`comments.${i}.questionId`];
              const cErr = errors[`comments.${i}.comment`];
              return (
                <div class="question-comment" key={row.key}>
                  <Field
                    id={`qc-q-${row.key}`}
                    label={`Question for comment ${i + 1}`}
                    error={qErr}
                  >
                    <select
                      id={`qc-q-${row.key}`}
                      value={row.questionId}
                      aria-invalid={qErr ? 'true' : undefined}
                      onChange={(e) => update(row.key, { questionId: e.currentTarget.value })}
                    >
                      <option value="">Choose a question…</option>
                      {questions.map((q) => (
                        <option key={q.id} value={q.id}>
                          {questionTitle(q)}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <Field id={`qc-c-${row.key}`} label={`Comment ${i + 1}`} error={cErr}>
                    <textarea
                      id={`qc-c-${row.key}`}
                      rows={2}
                      value={row.comment}
                      aria-invalid={cErr ? 'true' : undefined}
                      onInput={(e) => update(row.key, { comment: e.currentTarget.value })}
                    />
                  </Field>
                  <button
                    type="button"
                    class="button secondary small"
                    onClick={() => setRows((old) => old.filter((r) => r.key !== row.key))}
                  >
                    Remove comment {i + 1}
                  </button>
                </div>
              );
            })}
            <button
              type="button"
              class="button secondary"
              onClick={() =>
                setRows((old) => [
                  ...old,
                  { key: Date.now() + old.length, questionId: '', comment: '' },
                ])
              }
            >
              Add a comment on a question
            </button>
          </fieldset>
        </details>
        {confirming && decision ? (
          <fieldset class="confirm" aria-describedby="confirm-what">
            <legend>{confirmWords[decision].question}</legend>
            <p id="confirm-what">{confirmWords[decision].effect}</p>
            <div class="inline">
              <button type="submit" class="button" disabled={busy}>
                {busy ? 'Recording…' : confirmWords[decision].yes}
              </button>
              <button type="button" class="button secondary" onClick={() => setConfirming(false)}>
                Go back
              </button>
            </div>
          </fieldset>
        ) : (
          <button type="submit" class="button">
            Review decision
          </button>
        )}
      </form>
    </section>
  );
}
