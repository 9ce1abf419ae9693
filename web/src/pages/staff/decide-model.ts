/** The few lines a reviewer reads before deciding: the largest risks and contradicted claims. Pure. */
import { plainText } from '../../../../functions/core/report/plain-words';
import type { ScoredReport } from '../../api/domain';

/** What the lines need besides the report: labels of factor ids and question titles. */
export interface DecideContext {
  labels: Map<string, string>;
  questionTitles: Map<string, string>;
}

/** One line of the decide panel; `kind` lets the page mark contradicted claims apart. */
export interface DecideLine {
  kind: 'factor' | 'claim' | 'finding';
  text: string;
}

/**
 * At most `max` lines, most telling first: the largest risk factor (with its points), the
 * contradicted claims (the most serious thing a reviewer can miss), the next factors, then the
 * most severe finding of the samples.
 */
export function decideLines(report: ScoredReport, ctx: DecideContext, max = 4): DecideLine[] {
  const claims: DecideLine[] = report.discrepancies.slice(0, 2).map((d) => ({
    kind: 'claim',
    text: `Contradicted claim “${ctx.questionTitles.get(d.questionId) ?? 'a question'}”: ${plainText(d.message)}`,
  }));
  const more = report.discrepancies.length - claims.length;
  if (more > 0)
    claims.push({
      kind: 'claim',
      text: `${more} more contradicted claim${more === 1 ? '' : 's'} in the full report.`,
    });
  const factors: DecideLine[] = [...report.risk.factors]
    .filter((f) => f.points > 0)
    .sort((a, b) => b.points - a.points)
    .slice(0, 3)
    .map((f) => ({
      kind: 'factor',
      text: `${ctx.labels.get(f.id) ?? 'A risk factor'}: ${Math.round(f.points)} point${Math.round(f.points) === 1 ? '' : 's'}`,
    }));
  const all = report.samples.flatMap((s) => s.findings);
  const worst =
    all.find((f) => f.severity === 'critical') ?? all.find((f) => f.severity === 'high');
  const finding: DecideLine[] = worst ? [{ kind: 'finding', text: plainText(worst.message) }] : [];
  // The largest factor, then every contradicted claim (never crowded out), then the rest.
  const [top, ...rest] = factors;
  return [...(top ? [top] : []), ...claims, ...rest, ...finding].slice(0, max);
}
