/** The vendor's answers, read-only and grouped by section, with a link back to each question. */
import type { Section } from '../../api/domain';
import type { Answers } from '../../api/types';
import { answerText, isAnswered } from './answer-model';

interface Props {
  sections: readonly Section[];
  answers: Answers;
  /** Opens a question to change it; absent when the answers are locked. */
  goTo?: (questionId: string) => void;
}

/** Every question with its answer as words (option labels, units), section by section. */
export function AnswersReview({ sections, answers, goTo }: Props) {
  return (
    <section class="answers-review stack" aria-labelledby="answers-review-heading">
      <h3 id="answers-review-heading">Your answers</h3>
      {sections.map((section) => (
        <details
          key={section.id}
          open={section.questions.some((q) => q.required && !isAnswered(answers[q.id]))}
        >
          <summary>
            {section.title} ({section.questions.filter((q) => isAnswered(answers[q.id])).length} of{' '}
            {section.questions.length} answered)
          </summary>
          <dl class="answer-list">
            {section.questions.map((q) => (
              <div key={q.id} class={isAnswered(answers[q.id]) ? 'answer' : 'answer open'}>
                <dt>
                  {goTo ? (
                    <button type="button" class="link-button" onClick={() => goTo(q.id)}>
                      {q.prompt}
                    </button>
                  ) : (
                    q.prompt
                  )}
                </dt>
                <dd>{answerText(q, answers[q.id])}</dd>
              </div>
            ))}
          </dl>
        </details>
      ))}
    </section>
  );
}
