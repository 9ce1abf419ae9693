/** The vendor's answers by section, read-only, with any reviewer comments. */
import type { Template } from '../../api/domain';
import type { Assessment } from '../../api/types';
import { answerText, questionTitle } from '../report/vocabulary';

/** Answers grouped as the questionnaire groups them. */
export function AnswersTable({
  assessment,
  template,
}: {
  assessment: Assessment;
  template: Template | null;
}) {
  const answers = assessment.answers ?? {};
  const comments = assessment.decision?.comments ?? [];
  // Who last answered each question (a named vendor contact or the vendor contact's e-mail).
  const by = assessment.answeredBy ?? {};
  const answered = Object.keys(answers).length;
  return (
    <section class="card" aria-labelledby="answers-heading">
      <details>
        <summary>
          <h2 id="answers-heading" class="inline-heading">
            Vendor answers ({answered} answered)
          </h2>
        </summary>
        {template ? (
          template.sections.map((section) => (
            <table class="data answers" key={section.id}>
              <caption>{section.title}</caption>
              <thead>
                <tr>
                  <th scope="col">Question</th>
                  <th scope="col">Answer</th>
                </tr>
              </thead>
              <tbody>
                {section.questions.map((q) => (
                  <tr key={q.id}>
                    <th scope="row">
                      {questionTitle(q)}
                      {questionTitle(q) !== q.prompt ? (
                        <div class="muted small">{q.prompt}</div>
                      ) : null}
                    </th>
                    <td class="prose">
                      {answers[q.id] === undefined ? '—' : answerText(q, answers[q.id])}
                      {answers[q.id] !== undefined && by[q.id] ? (
                        <p class="muted small answered-by">answered by {by[q.id]?.name}</p>
                      ) : null}
                      {comments
                        .filter((c) => c.questionId === q.id)
                        .map((c) => (
                          <p class="review-comment" key={c.comment}>
                            Reviewer: {c.comment}
                          </p>
                        ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))
        ) : (
          <p class="muted">Loading the questionnaire…</p>
        )}
      </details>
    </section>
  );
}
