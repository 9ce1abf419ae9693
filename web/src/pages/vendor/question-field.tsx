/**
 * One question as the right control, with "Unknown / prefer not to say" always available, the
 * API's validation message inline, and reviewer comments beside it. Vendor text renders as text.
 */
import { useRef } from 'preact/hooks';
import type { AnswerValue, Question, Reference } from '../../api/domain';
import { type InputKind, inputType } from '../../components/field';
import { fromInput, toggleChoice, UNKNOWN } from './answer-model';

interface Props {
  question: Question;
  value: unknown;
  error?: string;
  comments: string[];
  references: Map<string, Reference>;
  readOnly: boolean;
  onChange: (value: AnswerValue | undefined) => void;
}

/** Renders one question block. */
export function QuestionField(props: Props) {
  const { question: q, value, error, comments, references, readOnly, onChange } = props;
  const id = `q-${q.id}`;
  const unknown = value === UNKNOWN;
  const disabled = readOnly || unknown;
  // What was typed or chosen before "Unknown" was ticked: shown greyed, restored on unticking.
  const before = useRef<AnswerValue | undefined>(undefined);
  const shown = unknown ? before.current : value;
  const described =
    [
      q.help ? `${id}-help` : '',
      error ? `${id}-error` : '',
      comments.length ? `${id}-comments` : '',
    ]
      .filter(Boolean)
      .join(' ') || undefined;
  const grouped = q.type === 'single_choice' || q.type === 'multi_choice' || q.type === 'yes_no';
  const label = (
    <>
      {q.prompt}
      {q.required ? <span class="required"> (required)</span> : null}
    </>
  );
  const cited = q.sources
    .map((s) => `${references.get(s.source)?.title ?? s.source}${s.detail ? `, ${s.detail}` : ''}`)
    .join('; ');

  const control = grouped ? (
    <fieldset
      class="choices"
      aria-describedby={described}
      aria-invalid={error ? 'true' : undefined}
      disabled={disabled}
    >
      <legend>{label}</legend>
      {choiceOptions(q).map((option) => {
        const optionId = `${id}-${option.value}`;
        const multi = q.type === 'multi_choice';
        const checked = multi
          ? Array.isArray(shown) && shown.includes(option.value)
          : shown === option.value;
        return (
          <div class="choice" key={option.value}>
            <input
              id={optionId}
              type={multi ? 'checkbox' : 'radio'}
              name={id}
              value={option.value}
              checked={checked}
              onChange={(e) =>
                onChange(
                  multi
                    ? toggleChoice(
                        value,
                        option.value,
                        e.currentTarget.checked,
                        q.type === 'multi_choice' ? q.exclusive : [],
                      )
                    : option.value,
                )
              }
            />
            <label for={optionId}>{option.label}</label>
          </div>
        );
      })}
    </fieldset>
  ) : (
    <>
      <label for={id} class="question-label">
        {label}
      </label>
      <div class="inline">
        {q.type === 'long_text' ? (
          <textarea
            id={id}
            rows={4}
            maxLength={q.maxLength}
            value={text(shown)}
            disabled={disabled}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={described}
            onInput={(e) => onChange(fromInput(q, e.currentTarget.value))}
          />
        ) : (
          <input
            {...inputType(kindOf(q))}
            id={id}
            inputMode={q.type === 'percent' || q.type === 'number' ? 'decimal' : undefined}
            min={q.type === 'percent' ? 0 : q.type === 'number' ? q.min : undefined}
            max={q.type === 'percent' ? 100 : q.type === 'number' ? q.max : undefined}
            step={q.type === 'number' && q.integer ? 1 : 'any'}
            maxLength={q.type === 'short_text' ? q.maxLength : undefined}
            value={text(shown)}
            disabled={disabled}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={described}
            onInput={(e) => onChange(fromInput(q, e.currentTarget.value))}
          />
        )}
        {q.type === 'percent' ? <span class="unit">%</span> : null}
        {q.type === 'number' && q.unit ? <span class="unit">{q.unit}</span> : null}
      </div>
    </>
  );

  return (
    <div class={error ? 'question has-error' : 'question'} id={`${id}-block`}>
      <div class="question-main">
        {control}
        {q.help ? (
          <p class="hint" id={`${id}-help`}>
            {q.help}
          </p>
        ) : null}
        <div class="choice unknown">
          <input
            id={`${id}-unknown`}
            type="checkbox"
            checked={unknown}
            disabled={readOnly}
            aria-describedby={unknown ? `${id}-unknown-note` : undefined}
            onChange={(e) => {
              if (e.currentTarget.checked) {
                if (value !== UNKNOWN) before.current = value as AnswerValue | undefined;
                onChange(UNKNOWN);
              } else {
                onChange(before.current);
              }
            }}
          />
          <label for={`${id}-unknown`}>Unknown / prefer not to say</label>
        </div>
        {unknown && !readOnly ? (
          <p class="hint unknown-note" id={`${id}-unknown-note`}>
            Unknown answers add risk to the score. Answer if you can
            {before.current !== undefined ? ': untick to bring back what you entered' : ''}.
          </p>
        ) : null}
        {error ? (
          <p class="error-text" id={`${id}-error`}>
            <span aria-hidden="true">✖ </span>
            {error}
          </p>
        ) : null}
        {cited ? <p class="sources small muted">Based on: {cited}</p> : null}
      </div>
      {comments.length ? (
        <aside class="review-comment" id={`${id}-comments`} aria-label="Reviewer comment">
          <p class="small">
            <strong>Reviewer comment</strong>
          </p>
          {comments.map((c) => (
            <p key={c}>{c}</p>
          ))}
        </aside>
      ) : null}
    </div>
  );
}

function choiceOptions(q: Question): readonly { value: string; label: string }[] {
  if (q.type === 'yes_no') {
    return [
      { value: 'yes', label: 'Yes' },
      { value: 'no', label: 'No' },
    ];
  }
  return q.type === 'single_choice' || q.type === 'multi_choice' ? q.options : [];
}

function kindOf(q: Question): InputKind {
  if (q.type === 'percent' || q.type === 'number') return 'number';
  if (q.type === 'date') return 'date';
  return 'text';
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}
