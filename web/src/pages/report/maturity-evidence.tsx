/** The answers that decided each maturity dimension, in words (question titles, option labels). */
import type { ScoredReport, Template } from '../../api/domain';
import { TableScroll } from '../../components/table-scroll';
import { displayValue } from '../../format';
import { answerText, questionMap, questionTitle } from './vocabulary';

/** Collapsible evidence tables, one per dimension. */
export function MaturityEvidence(props: {
  report: ScoredReport;
  template: Template | null;
  labels: Map<string, string>;
}) {
  const { report, template, labels } = props;
  const questions = questionMap(template);
  return (
    <section class="card" aria-labelledby="maturity-heading">
      <details>
        <summary>
          <h3 id="maturity-heading" class="inline-heading">
            Maturity evidence by dimension
          </h3>
        </summary>
        {report.maturity.dimensions.map((d) => (
          <TableScroll key={d.id} label={`${labels.get(d.id) ?? 'Dimension'}: answers`}>
            <table class="data evidence">
              <caption>
                {labels.get(d.id) ?? 'Dimension'}: level {d.level} of 4
              </caption>
              <thead>
                <tr>
                  <th scope="col">Question</th>
                  <th scope="col">Answer</th>
                  <th scope="col">Requirement</th>
                  <th scope="col">Met</th>
                </tr>
              </thead>
              <tbody>
                {d.evidence.map((e) => {
                  const q = questions.get(e.questionId);
                  return (
                    <tr key={`${e.questionId}-${e.requirement}`}>
                      <th scope="row">{q ? questionTitle(q) : 'Measured in the sample'}</th>
                      <td class="prose">{q ? answerText(q, e.answer) : displayValue(e.answer)}</td>
                      <td>
                        {e.requirement}
                        {e.note ? <div class="muted small">{e.note}</div> : null}
                      </td>
                      <td>{e.met ? '✔ Met' : '✖ Not met'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        ))}
      </details>
    </section>
  );
}
